import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { MAX_DAYS, createDelegation, endDelegation, listDelegations } from './delegations.service.ts'
import { Delegation, DelegationBody, DelegationEnded, DelegationList, DelegationParams } from './tasks.schemas.ts'

// Out of office (委托): a reviewer names a substitute for a period. While it runs, new tasks go to
// the substitute (on the reviewer's behalf), and the substitute may act on the reviewer's open
// tasks too. The engine follows one level only (a substitute's substitute is not asked).

const router = createRouter()
router.use('/api/me/delegations', requireUser)
router.use('/api/me/delegations/*', requireUser)

export const delegationsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/me/delegations',
      tags: ['Tasks'],
      summary: 'My substitutes (current and future), and the people I stand in for',
      responses: { 200: json(DelegationList, 'Delegations'), ...errorsFor(401) },
    }),
    async (c) => {
      return c.json(await listDelegations(c.get('deps').db, c.get('user')!.cardNumber, c.get('deps').now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/me/delegations',
      tags: ['Tasks'],
      summary: 'Names a substitute for a period (out of office)',
      description: `One substitute at a time: a period that overlaps one of mine answers 409. At most ${MAX_DAYS} days.`,
      request: { body: { content: { 'application/json': { schema: DelegationBody } }, required: true } },
      responses: { 201: json(Delegation, 'Created'), ...errorsFor(400, 401, 403, 409) },
    }),
    async (c) => {
      const { db, now } = c.get('deps')
      const user = c.get('user')!
      if (!policy.canDelegate(user)) {
        throw new HallError(403, 'forbidden', 'Only people the data platform knows can name a substitute', '只有学校数据中心有记录的人员可以设置委托')
      }
      return c.json(await createDelegation(db, user.cardNumber, c.req.valid('json'), now()), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/me/delegations/{id}',
      tags: ['Tasks'],
      summary: 'Ends one of my delegations now (tasks already handed over stay with the substitute, who acts for me)',
      request: {
        params: DelegationParams,
      },
      responses: { 200: json(DelegationEnded, 'Ended'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      await endDelegation(c.get('deps').db, c.get('user')!.cardNumber, id)
      return c.json({ id, deleted: true as const }, 200)
    },
  )
