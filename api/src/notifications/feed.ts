import { gt, inArray, or, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { auditEvents, delegations, notifications, tasks } from '../db/schema/index.ts'
import type { Logger } from '../lib/logger.ts'
import { currentImportMapEtag } from '../routes/deployments/deployments.service.ts'

// The bell's change feed: one per API node (issue 15.3, decision 016 item 4). Each open live
// stream (GET /api/notifications/stream) subscribes with its person's card number and computes
// its events only when the feed wakes it, instead of querying the database every 1.5 s on its own:
// with 5,000 open pages that was 5,000 × 3 queries every 1.5 s whatever happened.
//
// Today's one implementation reads a cheap cursor of the database (a few max() over primary keys
// and one index) about once a second, only while a stream is open, and wakes the streams of the
// people the rows past the cursor concern. Any node writing to the same database is seen this way,
// so two processes on one SQLite file see each other's changes. A PostgreSQL node would implement
// the same interface with one LISTEN connection, woken by NOTIFY in the writers' transactions.
// Writers in this process poke the feed after their commit, so the local case does not wait for
// the period. What a cursor cannot see (a delegation that starts or ends with the clock, a read
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
  const { db, log } = deps
  const periodMs = opts.periodMs ?? FEED_PERIOD_MS
  const byCard = new Map<string, Set<BellListener>>()
  let subscribed = 0
  let cursor: Cursor | null = null
  let starting: Promise<void> = Promise.resolve()
  let etag = ''
  let timer: ReturnType<typeof setInterval> | null = null
  let lookSoon = false
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
        for (const listeners of byCard.values()) for (const listener of listeners) listener(['importmap'])
      }
    } catch (err) {
      // A look that failed (the database busy or going away) is retried at the next period; the
      // streams' safety re-check covers the gap.
      log.warn({ err }, 'bell feed: looking for changes failed')
    }
  }

  return {
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
      if (lookSoon) return
      lookSoon = true
      // After the current request's response; many writes close together make one look, at most
      // one per POKE_GAP_MS, so a burst of requests does not turn into a burst of cursor reads.
      setTimeout(
        () => {
          lookSoon = false
          void look()
        },
        Math.max(0, lastLook + POKE_GAP_MS - Date.now()),
      )
    },
  }
}
