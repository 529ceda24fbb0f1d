import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { rateLimit } from '../../floods/index.ts'
import { applicationPickKindsOf, MAX_PICKS, pickKindsOf, pickPeople, searchPeople } from './people.service.ts'
import { PeopleList, PeopleQuery, PersonPicks, PickQuery } from './people.schemas.ts'

// GET /api/people?q=: find a colleague for transfer (转办), add a signer (加签) and delegation
// (委托). Who may search is the policy's to say; what a result shows is only what a colleague may see.

const router = createRouter()
router.use('/api/people', requireUser)
router.use('/api/people/*', requireUser)

export const peopleRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/people',
      tags: ['People'],
      summary: 'Find people by name, pinyin, initials or card number (at most 20), for the pickers of transfer, add a signer and delegation',
      request: {
        query: PeopleQuery,
      },
      responses: {
        200: { description: 'The best matches first; `total` counts every match', content: { 'application/json': { schema: PeopleList } } },
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      if (!policy.canSearchPeople(user)) {
        throw new HallError(403, 'forbidden', 'Searching the staff directory is for staff and reviewers', '只有教职工和审核人员可以查找人员')
      }
      const { q, kind } = c.req.valid('query')
      return c.json(await searchPeople(deps.db, { q, kind }, deps.now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/people/pick',
      tags: ['People'],
      summary: `Find a person for a form's person field (互换同学, 指导老师): by exact card number or the start of a name, at most ${MAX_PICKS}`,
      description:
        'Open to everyone logged in, students included, so it is no directory: a card number must be whole, a name typed from its start (two characters, or three letters of pinyin); the searcher is never offered. Rate-limited per person.',
      middleware: [rateLimit('pick')] as const,
      request: {
        query: PickQuery,
      },
      responses: {
        200: {
          description: 'The best matches first',
          content: { 'application/json': { schema: PersonPicks } },
        },
        ...errorsFor(400, 401, 404, 429),
      },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      if (!policy.canPickPeople(user)) throw new HallError(401, 'unauthenticated', 'Log in first', '请先登录')
      const { q, service, application, field } = c.req.valid('query')
      // An application's form is the one of its version: a version published since may accept other kinds.
      const kinds =
        application !== undefined ? await applicationPickKindsOf(deps.db, user, application, field, deps.now()) : await pickKindsOf(deps.db, service!, field)
      return c.json(await pickPeople(deps.db, { q, kinds, by: user.cardNumber }, deps.now()), 200)
    },
  )
