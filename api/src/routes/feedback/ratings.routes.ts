import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { errorsFor } from '../../lib/errors.ts'
import { body, createRouter, json } from '../../lib/router.ts'
import { MyRatings, MyRatingsQuery, NewRating, RatingPage, RatingParams, RatingView } from './feedback.schemas.ts'
import { myRatings, rate, ratingPage } from './ratings.service.ts'

// 满意度评价 over HTTP: the rules and the anonymity of ratings are in ratings.service.ts.

const router = createRouter()
router.use('/api/ratings', requireUser)
router.use('/api/ratings/*', requireUser)

export const ratingsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/ratings',
      tags: ['Feedback'],
      summary: 'My ratings, and my finished applications still to rate',
      request: { query: MyRatingsQuery },
      responses: { 200: json(MyRatings, 'Mine'), ...errorsFor(400, 401) },
    }),
    async (c) => c.json(await myRatings(c.get('deps').db, c.get('user')!), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/ratings/{applicationId}',
      tags: ['Feedback'],
      summary: "An application's rating page: the rating if there is one, and whether I may rate it",
      description:
        'For whoever may read the application. The applicant sees the form; reviewers and owners see the rating unless it is anonymous (administrators see every rating).',
      request: { params: RatingParams },
      responses: { 200: json(RatingPage, 'The rating page'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => c.json(await ratingPage(c.get('deps').db, c.get('user')!, c.req.valid('param').applicationId, c.get('deps').now()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/ratings',
      tags: ['Feedback'],
      summary: 'Rate a completed or rejected application of mine (once)',
      request: body(NewRating),
      responses: { 201: json(RatingView, 'Rated'), ...errorsFor(400, 401, 404, 409) },
    }),
    async (c) => c.json(await rate(c.get('deps').db, c.get('user')!, c.req.valid('json'), c.get('deps').now()), 201),
  )
