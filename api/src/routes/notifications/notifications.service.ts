import { and, count, desc, eq, isNull, lt, max } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { notifications } from '../../db/schema/index.ts'
import { HallError } from '../../lib/errors.ts'
import { liveActionsFor } from '../../notifications/actions.ts'
import { allows, kindsFor, preferencesOf } from '../../notifications/preferences.ts'
import type { NotificationListQuery } from './notifications.schemas.ts'
import { bellChanged } from '../../notifications/feed.ts'

// The bell's reads and marks, one person's own rows only (another's id is a 404), and their
// preferences as the page shows them.

const mine = (me: string) => eq(notifications.recipientCardNumber, me)

const notFound = (id: number) => new HallError(404, 'not_found', `You have no message ${id}`, `没有您的消息 ${id}`)

export async function unreadCount(db: Db, me: string): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine(me), isNull(notifications.readAt)))
    )[0]?.n ?? 0
  )
}

/** What the live stream sends when it changes: the unread count and the newest message's id. */
export async function unreadState(db: Db, me: string) {
  const latestId =
    (
      await db
        .select({ id: max(notifications.id) })
        .from(notifications)
        .where(mine(me))
    )[0]?.id ?? 0
  return { count: await unreadCount(db, me), latestId }
}

/** A page of my messages, newest first, with their actions still open to me. */
export async function listNotifications(db: Db, me: string, q: NotificationListQuery) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine(me), q.before ? lt(notifications.id, q.before) : undefined, q.unread === '1' ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1)
  const page = rows.slice(0, q.limit)
  const live = await liveActionsFor(
    db,
    me,
    page.map((r) => r.actions),
  )
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      link: r.link,
      actions: live(r.actions),
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
    unread: await unreadCount(db, me),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  }
}

/** Marks one of my messages read (again is fine); how many are still unread. */
export async function markRead(db: Db, me: string, id: number, at: Date): Promise<number> {
  const row = (
    await db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), mine(me)))
  )[0]
  if (!row) throw notFound(id)
  if (!row.readAt)
    await transaction(db, async (tx) => {
      await tx
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), mine(me)))
      // My other pages, on whichever node they are open.
      await bellChanged(tx, { unread: [me] })
    })
  return await unreadCount(db, me)
}

/** Marks all my messages read. */
export async function markAllRead(db: Db, me: string, at: Date) {
  const r = await transaction(db, async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: at })
      .where(and(mine(me), isNull(notifications.readAt)))
      .returning({ id: notifications.id })
    if (marked.length) await bellChanged(tx, { unread: [me] })
    return marked
  })
  return { unread: await unreadCount(db, me), marked: r.length }
}

/** My channels per kind of message (with what this hall can send at all) and my language. */
export async function preferencesView(deps: { db: Db; env: { smtp: { host?: string; catcher: boolean }; pushWebhook: unknown } }, me: string) {
  const prefs = await preferencesOf(deps.db, me)
  return {
    language: prefs.language,
    available: { inApp: true as const, email: !!deps.env.smtp.host || deps.env.smtp.catcher, push: !!deps.env.pushWebhook },
    kinds: (await kindsFor(deps.db, me)).map((k) => ({
      ...k,
      inApp: true as const,
      email: allows(prefs, k.kind, 'email'),
      push: allows(prefs, k.kind, 'push'),
    })),
  }
}
