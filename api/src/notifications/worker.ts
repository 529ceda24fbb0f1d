import { randomBytes } from 'node:crypto'
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { transaction, type RunOptions } from '../db/client.ts'
import { skippingLocked } from '../db/portable-sql.ts'
import { outbox, people } from '../db/schema/index.ts'
import { notificationDeliveries } from '../db/schema/index.ts'
import type { Deps } from '../lib/context.ts'
import { PermanentFailure, type Channel } from './channels/types.ts'
import { channelsFor, preferencesOf } from './preferences.ts'
import { renderMessage } from './render.ts'

// The delivery worker: outbox rows → one delivery per channel the recipient allows → sent, retried
// with exponential backoff, or parked for an administrator.
//
// Safe with several nodes (DESIGN rule 10): a batch is claimed in one transaction that selects
// free rows (unclaimed, or claimed longer ago than the claim lasts) and marks them with a
// conditional UPDATE that re-checks, on each row, that it is still free. SQLite runs the
// transaction alone (one writer). On PostgreSQL the SELECT is `FOR UPDATE SKIP LOCKED` at READ
// COMMITTED (`skippingLocked`, `CLAIM` below): the rows it returns are locked until the claim commits,
// rows another node is claiming are passed over, and rows it claimed already are read anew and
// left out, so two nodes take disjoint batches without waiting for or aborting each other (the
// conditional UPDATE alone, at SERIALIZABLE, made the second node's claim fail and run again).
// A crashed worker's rows come free when its claim expires. The unique (outbox row, channel) key
// of `notification_deliveries` keeps fan-out idempotent, so a message has at most one delivery
// per person and channel.
//
// Sending is at least once: a worker that dies after the channel accepted a message but before it
// recorded so sends it again once its claim expires. That repeat carries the same delivery id
// (the e-mail's Message-ID, the push's `id` and X-Hall-Delivery), which the receiver uses to drop
// it: the person sees the message once, and never loses one.

export interface WorkerOptions {
  /** Names this worker in claims (host and process, or a test's label). */
  id?: string
  /** Test hook: runs after a channel accepted a delivery, before it is marked sent (a crash there). */
  afterSend?: (deliveryId: number) => void
}

export interface RunReport {
  fannedOut: number
  sent: number
  failed: number
  parked: number
}

export interface DeliveryWorker {
  readonly id: string
  /** One pass: fan out new outbox rows, then send what is due. */
  runOnce(): Promise<RunReport>
  /** Runs a pass every `intervalMs` until `stop()`. */
  start(): void
  stop(): Promise<void>
}

const MAX_BACKOFF_MS = 6 * 3_600_000

/**
 * How the worker's transactions run on PostgreSQL: its claims, and its writes on rows it has
 * claimed, each guarded on the row itself (`claimed_by` = this worker). Nothing they write depends
 * on a row another transaction may change meanwhile, so READ COMMITTED loses nothing here, and at
 * SERIALIZABLE two nodes' workers, writing disjoint rows of the same tables, still failed each
 * other now and then (40001 on read/write dependencies the predicate locks of a page or an index
 * saw between them).
 */
const CLAIM: RunOptions = { isolation: 'read committed' }

/** When attempt `attempts` (1, 2, …) failed: the next try after base · 2^(attempts-1), at most 6 hours. */
export function backoffMs(base: number, attempts: number): number {
  return Math.min(base * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)
}

export function createDeliveryWorker(deps: Deps, channels: Channel[], options: WorkerOptions = {}): DeliveryWorker {
  const { db, env, log } = deps
  const id = options.id ?? `worker-${process.pid}-${randomBytes(4).toString('hex')}`
  const byName = new Map(channels.map((c) => [c.name, c]))
  const enabled = channels.map((c) => c.name)
  const cfg = env.notify

  /** Claims up to `batch` outbox rows not yet fanned out and writes their deliveries. */
  async function fanOut(now: Date): Promise<number> {
    const expired = new Date(now.getTime() - cfg.claimMs)
    const free = and(isNull(outbox.deliveredAt), or(isNull(outbox.claimedAt), lt(outbox.claimedAt, expired)))
    const claimed = await transaction(
      db,
      async (tx) => {
        const ids = (await skippingLocked(tx.select({ id: outbox.id }).from(outbox).where(free).orderBy(asc(outbox.id)).limit(cfg.batch))).map((r) => r.id)
        if (!ids.length) return []
        return await tx
          .update(outbox)
          .set({ claimedBy: id, claimedAt: now })
          .where(and(inArray(outbox.id, ids), free))
          .returning({ id: outbox.id, kind: outbox.kind, recipient: outbox.recipient })
      },
      CLAIM,
    )
    for (const row of claimed) {
      const wanted = channelsFor(await preferencesOf(db, row.recipient), row.kind, enabled)
      await transaction(
        db,
        async (tx) => {
          for (const channel of wanted) {
            await tx
              .insert(notificationDeliveries)
              .values({ outboxId: row.id, channel, recipient: row.recipient, nextAttemptAt: now, createdAt: now })
              .onConflictDoNothing()
          }
          // `delivered_at` on the outbox row means: handed to its channels (the deliveries exist).
          await tx
            .update(outbox)
            .set({ deliveredAt: now, claimedBy: null, claimedAt: null })
            .where(and(eq(outbox.id, row.id), eq(outbox.claimedBy, id)))
        },
        CLAIM,
      )
    }
    return claimed.length
  }

  /** Claims due deliveries; each claim counts as an attempt, so a message that crashes workers ends parked too. */
  async function claimDue(now: Date) {
    const expired = new Date(now.getTime() - cfg.claimMs)
    const d = notificationDeliveries
    const free = and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now), or(isNull(d.claimedAt), lt(d.claimedAt, expired)))
    return await transaction(
      db,
      async (tx) => {
        const ids = (await skippingLocked(tx.select({ id: d.id }).from(d).where(free).orderBy(asc(d.nextAttemptAt), asc(d.id)).limit(cfg.batch))).map(
          (r) => r.id,
        )
        if (!ids.length) return []
        return await tx
          .update(d)
          .set({ claimedBy: id, claimedAt: now, attempts: sql`${d.attempts} + 1` })
          .where(and(inArray(d.id, ids), free))
          .returning()
      },
      CLAIM,
    )
  }

  async function send(now: Date, report: RunReport) {
    for (const row of await claimDue(now)) {
      const channel = byName.get(row.channel)
      const mine = and(eq(notificationDeliveries.id, row.id), eq(notificationDeliveries.claimedBy, id))
      try {
        if (!channel) throw new PermanentFailure(`the ${row.channel} channel is not configured on this node`)
        const source = (await db.select().from(outbox).where(eq(outbox.id, row.outboxId)))[0]
        if (!source) throw new PermanentFailure('its outbox row is gone')
        const prefs = await preferencesOf(db, row.recipient)
        const email = (await db.select({ email: people.email }).from(people).where(eq(people.cardNumber, row.recipient)))[0]?.email ?? null
        await channel.send({
          id: row.id,
          outboxId: row.outboxId,
          kind: source.kind,
          recipient: row.recipient,
          email,
          applicationId: source.applicationId,
          createdAt: source.createdAt,
          message: renderMessage(source.payload, prefs.language, env.publicUrl),
        })
        options.afterSend?.(row.id)
        await transaction(
          db,
          async (tx) =>
            tx.update(notificationDeliveries).set({ status: 'sent', sentAt: deps.now(), lastError: null, claimedBy: null, claimedAt: null }).where(mine),
          CLAIM,
        )
        report.sent++
      } catch (err) {
        if (err instanceof CrashForTest) throw err
        const message = err instanceof Error ? err.message : String(err)
        const park = err instanceof PermanentFailure || row.attempts >= cfg.maxAttempts
        const at = deps.now()
        await transaction(
          db,
          async (tx) =>
            tx
              .update(notificationDeliveries)
              .set({
                status: park ? 'parked' : 'pending',
                lastError: message.slice(0, 1000),
                nextAttemptAt: new Date(at.getTime() + (park ? 0 : backoffMs(cfg.backoffMs, row.attempts))),
                claimedBy: null,
                claimedAt: null,
              })
              .where(mine),
          CLAIM,
        )
        if (park) {
          report.parked++
          log.warn(
            { delivery: row.id, channel: row.channel, attempts: row.attempts, err: message },
            'a progress message could not be delivered: parked for an administrator',
          )
        } else {
          report.failed++
          log.info({ delivery: row.id, channel: row.channel, attempts: row.attempts, err: message }, 'a progress message failed; it will be retried')
        }
      }
    }
  }

  async function runOnce(): Promise<RunReport> {
    const report: RunReport = { fannedOut: 0, sent: 0, failed: 0, parked: 0 }
    report.fannedOut = await fanOut(deps.now())
    await send(deps.now(), report)
    return report
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<unknown> | null = null
  let stopped = true
  const tick = () => {
    running = runOnce()
      .catch((err) => log.error({ err }, 'the delivery worker failed a pass; it tries again'))
      .finally(() => {
        running = null
        if (!stopped) timer = setTimeout(tick, cfg.intervalMs)
      })
  }

  return {
    id,
    runOnce,
    start() {
      if (!stopped) return
      stopped = false
      timer = setTimeout(tick, 0)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}

/** Thrown by a test's `afterSend` to stand for the process dying: nothing after it runs. */
export class CrashForTest extends Error {}
