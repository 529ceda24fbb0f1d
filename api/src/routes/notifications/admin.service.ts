import { and, desc, eq, lt } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { notificationDeliveries, outbox } from '../../db/schema/index.ts'
import { HallError } from '../../lib/errors.ts'
import type { DeliveryItemBody, DeliveryListQuery } from './notifications.schemas.ts'

// Deliveries of progress messages as administrators see them, and a parked one sent again.

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

type Row = NonNullable<Awaited<ReturnType<typeof deliveryRow>>>

function view(r: Row): DeliveryItemBody {
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

async function deliveryRow(db: Db, id: number) {
  return (await db.select(columns).from(d).innerJoin(outbox, eq(outbox.id, d.outboxId)).where(eq(d.id, id)))[0]
}

/** A page of deliveries with this status, newest first. */
export async function listDeliveries(db: Db, q: DeliveryListQuery) {
  const rows = await db
    .select(columns)
    .from(d)
    .innerJoin(outbox, eq(outbox.id, d.outboxId))
    .where(and(eq(d.status, q.status), q.before ? lt(d.id, q.before) : undefined))
    .orderBy(desc(d.id))
    .limit(q.limit + 1)
  const page = rows.slice(0, q.limit)
  return { items: page.map(view), nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null }
}

/** Puts a parked delivery back from its first attempt, now; 404 without it, 409 when it is not parked. */
export async function retryDelivery(db: Db, id: number, at: Date): Promise<DeliveryItemBody> {
  // Conditional, like the worker's claims: only a parked row is put back, once.
  const changed = (
    await transaction(db, async (tx) =>
      tx
        .update(d)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: at, claimedBy: null, claimedAt: null })
        .where(and(eq(d.id, id), eq(d.status, 'parked')))
        .returning({ id: d.id }),
    )
  ).length
  const row = await deliveryRow(db, id)
  if (!row) throw new HallError(404, 'not_found', `There is no delivery ${id}`, `没有投递记录 ${id}`)
  if (!changed) {
    throw new HallError(
      409,
      'not_parked',
      `Delivery ${id} is ${row.status}, not parked: only a parked delivery can be retried`,
      `投递 ${id} 当前状态为 ${row.status}，只有已搁置的投递可以重发`,
    )
  }
  return view(row)
}
