import { createRoute } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { requireUser } from '../../auth/index.ts'
import type { AppEnv } from '../../lib/context.ts'
import { errorsFor } from '../../lib/errors.ts'
import { body, createRouter, json } from '../../lib/router.ts'
import { clientAddress } from '../../lib/client-address.ts'
import { rateLimit, tooMany } from '../../floods/index.ts'
import { FaqList, FaqQuery, NewMessage, NewQuestion, PublishFaq, QuestionDetail, QuestionList, QuestionParams, QuestionsQuery } from './feedback.schemas.ts'
import { addMessage, askQuestion, askerOf, closeQuestion, listFaqs, listQuestions, questionDetail, setFaq } from './questions.service.ts'

// 在线答疑: anyone logged in asks, optionally about a service; the question reaches the service's
// owning department (its service owners), or the network centre when it names no service. Staff
// answer (the asker is notified), the asker follows up or closes, and the owners may publish an
// answered question as a FAQ on the service's guide (GET /api/faqs, no login needed).

/**
 * Floods: the asker's follow-up counts as a question (per person and per address); the staff's
 * answers are their work and are not limited. Whether it is the asker's is known from the
 * question itself (an id that is not a number, or not readable, is left to the route's 400/404).
 */
const limitFollowUps = createMiddleware<AppEnv>(async (c, next) => {
  const { db, env } = c.get('deps')
  const user = c.get('user')!
  const id = Number(c.req.param('id'))
  const asker = Number.isSafeInteger(id) && id > 0 ? await askerOf(db, id) : undefined
  if (asker === user.cardNumber) {
    const refusal = await c.get('guards').rateLimits.take('question', clientAddress(c, env.trustProxyHops), user.cardNumber)
    if (refusal) return tooMany(c, refusal)
  }
  await next()
})

const router = createRouter()
router.use('/api/questions', requireUser)
router.use('/api/questions/*', requireUser)

export const questionsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/questions',
      tags: ['Feedback'],
      summary: 'My questions (mine=1), or the questions my departments answer (box=inbox)',
      request: {
        query: QuestionsQuery,
      },
      responses: { 200: json(QuestionList, 'The questions, newest first'), ...errorsFor(400, 401) },
    }),
    async (c) => c.json(await listQuestions(c.get('deps').db, c.get('user')!, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/questions',
      tags: ['Feedback'],
      summary: 'Ask a question, optionally about a service',
      middleware: [rateLimit('question')] as const,
      request: body(NewQuestion),
      responses: { 201: json(QuestionDetail, 'Asked: it reaches the service’s department, or the network centre'), ...errorsFor(400, 401, 404, 429) },
    }),
    async (c) => c.json(await askQuestion(c.get('deps').db, c.get('user')!, c.req.valid('json'), c.get('deps').now()), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/questions/{id}',
      tags: ['Feedback'],
      summary: 'A question with its thread (for its asker and the staff who answer it)',
      request: { params: QuestionParams },
      responses: { 200: json(QuestionDetail, 'The question'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => c.json(await questionDetail(c.get('deps').db, c.get('user')!, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/questions/{id}/messages',
      tags: ['Feedback'],
      summary: 'Answer (staff) or follow up (the asker)',
      description: 'An answer marks the question answered and notifies the asker; a follow-up opens it again for the staff.',
      middleware: [limitFollowUps] as const,
      request: { params: QuestionParams, ...body(NewMessage) },
      responses: { 201: json(QuestionDetail, 'Added'), ...errorsFor(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => c.json(await addMessage(c.get('deps').db, c.get('user')!, c.req.valid('param').id, c.req.valid('json').body, c.get('deps').now()), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/questions/{id}/close',
      tags: ['Feedback'],
      summary: 'Close a question (its asker, or the staff who answer it)',
      request: { params: QuestionParams },
      responses: { 200: json(QuestionDetail, 'Closed (closing twice is harmless)'), ...errorsFor(401, 403, 404) },
    }),
    async (c) => c.json(await closeQuestion(c.get('deps').db, c.get('user')!, c.req.valid('param').id, c.get('deps').now()), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/questions/{id}/faq',
      tags: ['Feedback'],
      summary: "Publish an answered question as a FAQ on its service's guide, or take it down",
      request: {
        params: QuestionParams,
        ...body(PublishFaq),
      },
      responses: { 200: json(QuestionDetail, 'Done'), ...errorsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await setFaq(c.get('deps').db, c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('deps').now()), 200),
  )

/** The published FAQ: public like the service guide it is shown on. */
export const faqRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/api/faqs',
    tags: ['Feedback'],
    summary: 'Published FAQ, of one service or all, searchable',
    request: {
      query: FaqQuery,
    },
    responses: { 200: json(FaqList, 'Newest first'), ...errorsFor(400) },
  }),
  async (c) => c.json(await listFaqs(c.get('deps').db, c.req.valid('query')), 200),
)
