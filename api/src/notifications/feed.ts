import { eq, gt, inArray, or, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm'
import { z } from 'zod'
import { isSqliteHandle, listenerOf, type Db, type Listen } from '../db/client.ts'
import { auditEvents, delegations, notifications, tasks } from '../db/schema/index.ts'
import type { Logger } from '../lib/logger.ts'
import { currentImportMapEtag, forgetImportMapEtag } from '../routes/deployments/deployments.service.ts'

// The bell's change feed: one per API node (issue 15.3, decision 016 item 4). Each open live
// stream (GET /api/notifications/stream) subscribes with its person's card number and computes
// its events only when the feed wakes it, instead of querying the database every 1.5 s on its own:
// with 5,000 open pages that was 5,000 × 3 queries every 1.5 s whatever happened.
//
// Two implementations. The poller (`createPollingFeed`, SQLite) reads a cheap cursor of the
// database (a few max() over primary keys and one index) about once a second, only while a stream
// is open, and wakes the streams of the people the rows past the cursor concern. Any node writing
// to the same database is seen this way, so two processes on one SQLite file see each other's
// changes. On PostgreSQL (`createListeningFeed`, at the end of this file) writers NOTIFY in the
// transaction of their change and one LISTEN connection per node turns that into wakes; the
// poller stays, every 30 s, as its safety net. `createBellFeed` picks by the handle. Requests of
// this process poke the feed after their commit, so the local case does not wait for the period. What a cursor cannot see (a delegation that starts or ends with the clock, a read
// stamped by a node whose clock is behind) is caught by each stream's own slow safety re-check.

/** What changed for a person: their unread messages, their to-do box, or (for everyone) the import map. */
export type BellTopic = 'unread' | 'tasks' | 'importmap'

/** Called with the topics that changed; it should only mark and wake, not query. */
export type BellListener = (topics: readonly BellTopic[]) => void

export interface BellFeed {
  /** Registers one open stream of `card`; returns the function that unregisters it. */
  subscribe(card: string, listener: BellListener): () => void
  /**
   * Says that this process has just committed a change (call it after the commit): the feed looks
   * at once rather than at its next period, and wakes `card`'s streams (the person who acted: a
   * read mark of their own is seen at once even when the cursor cannot tell).
   */
  poke(card?: string | null): void
  /** The import map's ETag as of the feed's last look (what /importmap.json answers with). */
  importMapEtag(): string
  /** Counters for tests and the bench: looks at the database, and streams woken. */
  readonly stats: { looks: number; woken: number }
  /** How many streams are subscribed (on this node). */
  size(): number
}

/** How often the feed looks at the database while a stream is open. */
export const FEED_PERIOD_MS = 1000

/** The shortest time between two looks that pokes ask for. */
const POKE_GAP_MS = 50

const ALL_PERSONAL: readonly BellTopic[] = ['unread', 'tasks']

interface Cursor {
  /** The newest message (a new message for someone). */
  notification: number
  /** The newest read mark, in ms (someone read a message on another node). */
  readAt: number
  /** The newest task row (a task arrived). */
  task: number
  /** The newest entry of an application's history: every action the engine accepted, which is when tasks close or move. */
  audit: number
  /** The newest delegation (someone now stands in for someone). */
  delegation: number
}

/**
 * The feed over the hall's own database: a poller per process (per `Db` handle), running only
 * while at least one stream is subscribed.
 */
export function createPollingFeed(deps: { db: Db; log: Logger }, opts: { periodMs?: number } = {}): BellFeed {
  return pollingFeed(deps, opts).feed
}

/** The poller, with what the listening feed adds to: waking people by card, and looking soon. */
function pollingFeed(deps: { db: Db; log: Logger }, opts: { periodMs?: number } = {}) {
  const { db, log } = deps
  const periodMs = opts.periodMs ?? FEED_PERIOD_MS
  const byCard = new Map<string, Set<BellListener>>()
  let subscribed = 0
  let cursor: Cursor | null = null
  let starting: Promise<void> = Promise.resolve()
  let etag = ''
  let timer: ReturnType<typeof setInterval> | null = null
  let lookSoonAsked = false
  let lastLook = 0
  const stats = { looks: 0, woken: 0 }

  const readCursor = async (): Promise<Cursor> => {
    // One statement of scalar subqueries, the same SQL on SQLite and PostgreSQL.
    const newest = (column: AnyColumn, table: Table) => sql`(SELECT max(${column}) FROM ${table})`
    const [row] = await db
      .select({
        n: newest(notifications.id, notifications).mapWith(Number),
        r: newest(notifications.readAt, notifications).mapWith(notifications.readAt),
        t: newest(tasks.id, tasks).mapWith(Number),
        a: newest(auditEvents.id, auditEvents).mapWith(Number),
        d: newest(delegations.id, delegations).mapWith(Number),
      })
      .from(sql`(SELECT 1) AS one`)
    return { notification: row?.n ?? 0, readAt: row?.r?.getTime() ?? 0, task: row?.t ?? 0, audit: row?.a ?? 0, delegation: row?.d ?? 0 }
  }

  const wake = (cards: Iterable<string | null>, topics: readonly BellTopic[]) => {
    for (const card of new Set(cards)) {
      if (card === null) continue
      const listeners = byCard.get(card)
      if (!listeners) continue
      for (const listener of listeners) {
        stats.woken++
        listener(topics)
      }
    }
  }

  const wakeEveryone = (topics: readonly BellTopic[]) => {
    for (const listeners of byCard.values()) for (const listener of listeners) listener(topics)
  }

  /** The people whose to-do box may have changed since `from`: holders of tasks that arrived or whose application moved, and whoever stands in for them. */
  const tasksAffected = async (from: Cursor, to: Cursor): Promise<string[]> => {
    const moved = await db
      .select({ assignee: tasks.assigneeCardNumber, onBehalfOf: tasks.onBehalfOf })
      .from(tasks)
      .where(
        or(
          gt(tasks.id, from.task),
          to.audit > from.audit
            ? inArray(tasks.applicationId, db.select({ id: auditEvents.applicationId }).from(auditEvents).where(gt(auditEvents.id, from.audit)))
            : undefined,
        ),
      )
    const people = new Set<string>()
    for (const m of moved) {
      people.add(m.assignee)
      if (m.onBehalfOf) people.add(m.onBehalfOf)
    }
    const holders = [...people]
    // A delegate's 待办 holds their principals' tasks; whether the delegation is in force now is
    // for the woken stream to find out (a spare wake costs one person's query, not a wrong count).
    const rows = await db
      .select({ card: delegations.cardNumber, delegate: delegations.delegate })
      .from(delegations)
      .where(
        or(
          holders.length ? inArray(delegations.cardNumber, holders) : undefined,
          to.delegation > from.delegation ? gt(delegations.id, from.delegation) : undefined,
        ),
      )
    for (const r of rows) {
      people.add(r.delegate)
      people.add(r.card)
    }
    return [...people]
  }

  const look = async () => {
    if (subscribed === 0) return
    lastLook = Date.now()
    stats.looks++
    try {
      await starting
      const from = cursor ?? (await readCursor())
      const to = await readCursor()
      cursor = to
      // Two queries, not one with OR, and no DISTINCT (wake() drops repeats): each then walks its
      // own index (the primary key, read_at) from the cursor on. With either, SQLite's plan was a
      // scan of a whole index of the table.
      const recipients = async (where: SQL) => await db.select({ card: notifications.recipientCardNumber }).from(notifications).where(where)
      if (to.notification > from.notification) {
        wake(
          (await recipients(gt(notifications.id, from.notification))).map((r) => r.card),
          ['unread'],
        )
      }
      if (to.readAt > from.readAt) {
        wake(
          (await recipients(gt(notifications.readAt, new Date(from.readAt)))).map((r) => r.card),
          ['unread'],
        )
      }
      if (to.task > from.task || to.audit > from.audit || to.delegation > from.delegation) wake(await tasksAffected(from, to), ['tasks'])
      const now = await currentImportMapEtag(db)
      if (now !== etag) {
        etag = now
        wakeEveryone(['importmap'])
      }
    } catch (err) {
      // A look that failed (the database busy or going away) is retried at the next period; the
      // streams' safety re-check covers the gap.
      log.warn({ err }, 'bell feed: looking for changes failed')
    }
  }

  /** Looks after the current request's response; many calls close together make one look, at most one per POKE_GAP_MS. */
  const lookSoon = () => {
    if (subscribed === 0 || lookSoonAsked) return
    lookSoonAsked = true
    setTimeout(
      () => {
        lookSoonAsked = false
        void look()
      },
      Math.max(0, lastLook + POKE_GAP_MS - Date.now()),
    )
  }

  const feed: BellFeed = {
    stats,
    size: () => subscribed,
    importMapEtag: () => etag,
    subscribe(card, listener) {
      if (subscribed === 0) {
        // Where the feed starts: what changes after this moment wakes the stream. Read before the
        // first look (which waits for it); the subscription itself does not wait.
        cursor = null
        starting = (async () => {
          const at = await readCursor()
          cursor ??= at
          etag = await currentImportMapEtag(db)
        })().catch((err: unknown) => log.warn({ err }, 'bell feed: reading where to start failed; the first look starts from then'))
        timer = setInterval(() => void look(), periodMs)
        // The feed never keeps a process alive on its own: streams do, while they are open.
        timer.unref()
      }
      subscribed++
      let set = byCard.get(card)
      if (!set) byCard.set(card, (set = new Set()))
      set.add(listener)
      let done = false
      return () => {
        if (done) return
        done = true
        subscribed--
        set.delete(listener)
        if (set.size === 0) byCard.delete(card)
        if (subscribed === 0 && timer) {
          clearInterval(timer)
          timer = null
          cursor = null
        }
      }
    },
    poke(card) {
      if (subscribed === 0) return
      if (card) wake([card], ALL_PERSONAL)
      // A burst of requests makes one look, not a burst of cursor reads.
      lookSoon()
    },
  }
  return { feed, wake, lookSoon, everyone: (topics: readonly BellTopic[]) => wakeEveryone(topics) }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: LISTEN/NOTIFY (decision 016, item 4). Writers say, inside the transaction of their
// change, whose bell it concerns (`bellChanged`); PostgreSQL delivers the notification to every
// node's listening connection when that transaction commits, and never if it rolls back. Each
// node's feed turns it into wakes of the streams it holds, without a query. The poller above
// still runs, every 30 s, for what a lost listener or a writer that says nothing would miss.

/** The channel of the bell's notifications. */
export const BELL_CHANNEL = 'hall_bell'

/** How often the listening feed looks at the database anyway. */
export const SAFETY_PERIOD_MS = 30_000

/** PostgreSQL refuses a payload of 8000 bytes or more. */
const PAYLOAD_LIMIT = 7900

/** What a writer tells the bell: the people whose messages or to-do box changed, or that the import map did. */
export interface BellChange {
  unread?: readonly string[]
  tasks?: readonly string[]
  importmap?: boolean
}

/** A notification's payload, as the listener reads it (zod at the edge: another build may send it). */
const Payload = z.object({
  unread: z.array(z.string()).optional(),
  tasks: z.array(z.string()).optional(),
  /** Topics for every stream, where the people are too many to name or unknown. */
  everyone: z.array(z.enum(['unread', 'tasks', 'importmap'])).optional(),
})
type Payload = z.infer<typeof Payload>

/** The payloads that carry `change`, each under PostgreSQL's limit: long lists of people in several. */
export function bellPayloads(change: BellChange): string[] {
  const out: string[] = []
  const everyone = new Set<BellTopic>(change.importmap ? ['importmap'] : [])
  for (const topic of ['unread', 'tasks'] as const) {
    const empty = JSON.stringify({ [topic]: [] }).length
    let chunk: string[] = []
    let size = empty
    for (const card of new Set(change[topic] ?? [])) {
      const more = Buffer.byteLength(JSON.stringify(card)) + 1
      // No card number is this long; were one, everyone's streams of that topic look again.
      if (empty + more > PAYLOAD_LIMIT) everyone.add(topic)
      else {
        if (size + more > PAYLOAD_LIMIT) {
          out.push(JSON.stringify({ [topic]: chunk } satisfies Payload))
          chunk = []
          size = empty
        }
        chunk.push(card)
        size += more
      }
    }
    if (chunk.length) out.push(JSON.stringify({ [topic]: chunk } satisfies Payload))
  }
  if (everyone.size) out.push(JSON.stringify({ everyone: [...everyone] } satisfies Payload))
  return out
}

/**
 * Tells every node's bell of `change`: call it inside the transaction of the change, which sends
 * it when it commits. Nothing on SQLite (one node, whose poller sees every change).
 */
export async function bellChanged(tx: Db, change: BellChange): Promise<void> {
  if (isSqliteHandle(tx)) return
  for (const payload of bellPayloads(change)) await tx.select({ sent: sql`pg_notify(${BELL_CHANNEL}, ${payload})` }).from(sql`(SELECT 1) AS one`)
}

/**
 * Tells the bell that the tasks of `applicationId` changed: their holders' to-do boxes, and those
 * of whoever stands in for them (as the poller's `tasksAffected` finds them). Nothing on SQLite.
 */
export async function tasksChanged(tx: Db, applicationId: number): Promise<void> {
  if (isSqliteHandle(tx)) return
  const people = new Set<string>()
  for (const t of await tx
    .select({ assignee: tasks.assigneeCardNumber, onBehalfOf: tasks.onBehalfOf })
    .from(tasks)
    .where(eq(tasks.applicationId, applicationId))) {
    people.add(t.assignee)
    if (t.onBehalfOf) people.add(t.onBehalfOf)
  }
  if (people.size === 0) return
  for (const d of await tx
    .select({ delegate: delegations.delegate })
    .from(delegations)
    .where(inArray(delegations.cardNumber, [...people])))
    people.add(d.delegate)
  await bellChanged(tx, { tasks: [...people] })
}

/**
 * The feed of a node on PostgreSQL: one LISTEN connection (opened with the first stream, kept for
 * the node's life) whose notifications wake the streams of the people they name, and the poller at
 * `SAFETY_PERIOD_MS`. Each time the listener is (again) ready the feed looks at once, which finds
 * what was committed while it was not listening.
 */
export function createListeningFeed(deps: { db: Db; log: Logger }, listen: Listen, opts: { periodMs?: number } = {}): BellFeed {
  const { db, log } = deps
  const poller = pollingFeed(deps, { periodMs: opts.periodMs ?? SAFETY_PERIOD_MS })
  let listening: Promise<unknown> | null = null
  const heard = (text: string) => {
    let payload: Payload
    try {
      payload = Payload.parse(JSON.parse(text))
    } catch (err) {
      log.warn({ err, payload: text.slice(0, 200) }, 'bell feed: a notification it cannot read')
      return
    }
    if (payload.unread) poller.wake(payload.unread, ['unread'])
    if (payload.tasks) poller.wake(payload.tasks, ['tasks'])
    const everyone = payload.everyone ?? []
    if (everyone.includes('importmap')) {
      // The ETag is read by a look (once per node), not now from its per-second memo.
      forgetImportMapEtag(db)
      poller.lookSoon()
    }
    const personal = everyone.filter((t) => t !== 'importmap')
    if (personal.length) poller.everyone(personal)
  }
  return {
    ...poller.feed,
    // After this node's own write: the requester's streams look again, and nothing more. The
    // writers' NOTIFY wakes everyone else (this node hears its own), so the poller's full look
    // after every write request would be the work LISTEN replaced, on the request path.
    poke(card) {
      if (card) poller.wake([card], ALL_PERSONAL)
    },
    subscribe(card, listener) {
      const unsubscribe = poller.feed.subscribe(card, listener)
      listening ??= listen(BELL_CHANNEL, heard, () => poller.lookSoon()).catch((err: unknown) => {
        // Tried again with the next stream; the poller carries the bell meanwhile.
        listening = null
        log.warn({ err }, 'bell feed: LISTEN failed; the bell polls every 30 s until it listens')
      })
      return unsubscribe
    },
  }
}

/** The feed for `deps.db`: listening on PostgreSQL, the poller on SQLite. */
export function createBellFeed(deps: { db: Db; log: Logger }): BellFeed {
  const listen = listenerOf(deps.db)
  return listen ? createListeningFeed(deps, listen) : createPollingFeed(deps)
}
