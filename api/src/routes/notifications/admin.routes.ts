import { createRoute, z } from '@hono/zod-openapi'
import { and, desc, eq, lt } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { outbox } from '../../db/schema/index.ts'
import { notificationDeliveries } from '../../db/schema/notifications.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { DeliveryItem, DeliveryList, DeliveryQuery, IdParam } from './notifications.schemas.ts'

// What the delivery worker could not send: administrators see parked deliveries (and pending or
// sent ones, to follow a retry) and send a parked one again.

const router = createRouter()
router.use('/api/admin/notifications/*', requireUser)
router.use('/api/admin/notifications/*', async (c, next) => {
  if (!policy.canManageNotifications(c.var.user)) {
    throw new HallError(403, 'forbidden', 'Only administrators see and retry message deliveries', '只有系统管理员可以查看和重发消息投递')
  }
  await next()
})

const d = notificationDeliveries
const columns = {
  id: d.id,
  outboxId: d.outboxId,
  channel: d.channel,
  recipient: d.recipient,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  nextAttemptAt: d.nextAttemptAt,
  createdAt: d.createdAt,
  sentAt: d.sentAt,
  kind: outbox.kind,
  payload: outbox.payload,
  applicationId: outbox.applicationId,
}

type Row = {
  id: number
  outboxId: number
  channel: 'email' | 'push'
  recipient: string
  status: 'pending' | 'sent' | 'parked'
  attempts: number
  lastError: string | null
  nextAttemptAt: Date
  createdAt: Date
  sentAt: Date | null
  kind: string
  payload: Record<string, unknown>
  applicationId: number | null
}

function view(r: Row): z.infer<typeof DeliveryItem> {
  const { payload, ...rest } = r
  return {
    ...rest,
    titleZh: typeof payload.titleZh === 'string' ? payload.titleZh : '',
    titleEn: typeof payload.titleEn === 'string' ? payload.titleEn : '',
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }
}

export const notificationsAdminRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/notifications/deliveries',
      tags: ['Notifications'],
      summary: 'Deliveries of progress messages by status (parked by default: what finally failed)',
      request: { query: DeliveryQuery },
      responses: { 200: json(DeliveryList, 'A page of deliveries, newest first'), ...errorsFor(400, 401, 403) },
    }),
    (c) => {
      const q = c.req.valid('query')
      const rows = c.var.deps.db
        .select(columns)
        .from(d)
        .innerJoin(outbox, eq(outbox.id, d.outboxId))
        .where(and(eq(d.status, q.status), q.before ? lt(d.id, q.before) : undefined))
        .orderBy(desc(d.id))
        .limit(q.limit + 1)
        .all()
      const page = rows.slice(0, q.limit)
      return c.json({ items: page.map(view), nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/notifications/deliveries/{id}/retry',
      tags: ['Notifications'],
      summary: 'Send a parked delivery again (from the first attempt, now)',
      request: { params: IdParam },
      responses: { 200: json(DeliveryItem, 'Queued again'), ...errorsFor(400, 401, 403, 404, 409) },
    }),
    (c) => {
      const { db, now } = c.var.deps
      const { id } = c.req.valid('param')
      const at = now()
      // Conditional, like the worker's claims: only a parked row is put back, once.
      const changed = db
        .update(d)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: at, claimedBy: null, claimedAt: null })
        .where(and(eq(d.id, id), eq(d.status, 'parked')))
        .run().changes
      const row = db.select(columns).from(d).innerJoin(outbox, eq(outbox.id, d.outboxId)).where(eq(d.id, id)).get()
      if (!row) throw new HallError(404, 'not_found', `There is no delivery ${id}`, `没有投递记录 ${id}`)
      if (!changed) {
        throw new HallError(
          409,
          'not_parked',
          `Delivery ${id} is ${row.status}, not parked: only a parked delivery can be retried`,
          `投递 ${id} 当前状态为 ${row.status}，只有已搁置的投递可以重发`,
        )
      }
      return c.json(view(row), 200)
    },
  )
