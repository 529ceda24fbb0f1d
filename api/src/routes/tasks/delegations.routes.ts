import { createRoute, z } from '@hono/zod-openapi'
import { and, desc, eq, gt, lt } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { transaction } from '../../db/client.ts'
import { delegations } from '../../db/schema/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { namesOf } from '../../workflow/organisation.ts'
import { badInput } from '../../workflow/values.ts'
import { Delegation, DelegationBody, DelegationList } from './tasks.schemas.ts'

// Out of office (委托): a reviewer names a substitute for a period. While it runs, new tasks go to
// the substitute (on the reviewer's behalf), and the substitute may act on the reviewer's open
// tasks too. The engine follows one level only (a substitute's substitute is not asked).

/** The longest period one delegation may cover; a longer absence is a change of post, not a delegation. */
const MAX_DAYS = 180

const router = createRouter()
router.use('/api/me/delegations', requireUser)
router.use('/api/me/delegations/*', requireUser)

type Row = typeof delegations.$inferSelect

function view(rows: Row[], names: ReturnType<typeof namesOf>, now: Date) {
  const person = (cardNumber: string) => ({ cardNumber, name: names.get(cardNumber)?.name ?? cardNumber, nameEn: names.get(cardNumber)?.nameEn ?? cardNumber })
  return rows.map((r) => ({
    id: r.id,
    person: person(r.cardNumber),
    delegate: person(r.delegate),
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    active: r.from <= now && now < r.to,
  }))
}

const bad = badInput

export const delegationsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/me/delegations',
      tags: ['Tasks'],
      summary: 'My substitutes (current and future), and the people I stand in for',
      responses: { 200: json(DelegationList, 'Delegations'), ...errorsFor(401) },
    }),
    (c) => {
      const { db, now } = c.var.deps
      const me = c.var.user!.cardNumber
      const at = now()
      const notOver = gt(delegations.to, at)
      const mine = db
        .select()
        .from(delegations)
        .where(and(eq(delegations.cardNumber, me), notOver))
        .orderBy(desc(delegations.from))
        .all()
      const forMe = db
        .select()
        .from(delegations)
        .where(and(eq(delegations.delegate, me), notOver))
        .orderBy(desc(delegations.from))
        .all()
      const names = namesOf(
        db,
        [...mine, ...forMe].flatMap((r) => [r.cardNumber, r.delegate]),
      )
      return c.json({ items: view(mine, names, at), forMe: view(forMe, names, at) }, 200)
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
    (c) => {
      const { db, now } = c.var.deps
      const user = c.var.user!
      if (!policy.canDelegate(user)) {
        throw new HallError(403, 'forbidden', 'Only people the data platform knows can name a substitute', '只有学校数据中心有记录的人员可以设置委托')
      }
      const body = c.req.valid('json')
      const at = now()
      const from = body.from ? new Date(body.from) : at
      const to = new Date(body.to)
      if (body.delegate === user.cardNumber) throw bad('delegate', 'delegate: you cannot be your own substitute', 'delegate：不能委托给自己')
      if (!namesOf(db, [body.delegate]).has(body.delegate)) {
        throw bad('delegate', `delegate: nobody has the card number ${body.delegate}`, `delegate：找不到校园卡号为 ${body.delegate} 的人`)
      }
      if (to <= from) throw bad('to', 'to: the end must be after the start', 'to：结束时间必须晚于开始时间')
      if (to <= at) throw bad('to', 'to: the end must be in the future', 'to：结束时间必须晚于现在')
      if (to.getTime() - from.getTime() > MAX_DAYS * 864e5)
        throw bad('to', `to: a delegation covers at most ${MAX_DAYS} days`, `to：委托期限最长 ${MAX_DAYS} 天`)
      const created = transaction(db, (tx) => {
        const overlapping = tx
          .select({ id: delegations.id })
          .from(delegations)
          .where(and(eq(delegations.cardNumber, user.cardNumber), lt(delegations.from, to), gt(delegations.to, from)))
          .get()
        if (overlapping) {
          throw new HallError(
            409,
            'delegation_overlaps',
            'You already have a substitute for part of this period; end that delegation first',
            '该时间段内您已设置了委托，请先取消原委托',
          )
        }
        return tx.insert(delegations).values({ cardNumber: user.cardNumber, delegate: body.delegate, from, to, createdAt: at }).returning().get()
      })
      return c.json(view([created], namesOf(db, [created.cardNumber, created.delegate]), at)[0]!, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/me/delegations/{id}',
      tags: ['Tasks'],
      summary: 'Ends one of my delegations now (tasks already handed over stay with the substitute, who acts for me)',
      request: {
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: { 200: json(z.object({ id: z.number().int(), deleted: z.literal(true) }), 'Ended'), ...errorsFor(400, 401, 404) },
    }),
    (c) => {
      const { db } = c.var.deps
      const id = c.req.valid('param').id
      const result = db
        .delete(delegations)
        .where(and(eq(delegations.id, id), eq(delegations.cardNumber, c.var.user!.cardNumber)))
        .run()
      if (result.changes === 0) throw new HallError(404, 'not_found', `You have no delegation ${id}`, `您没有编号为 ${id} 的委托`)
      return c.json({ id, deleted: true as const }, 200)
    },
  )
