import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { outbox } from './applications.ts'

// Progress messages. The in-app row (the bell) is written with the change that causes it, next to
// an `outbox` row (api/src/notifications/enqueue.ts); the delivery worker turns each outbox row into
// one delivery per other channel (e-mail, the campus app's push gateway) that the recipient's
// preferences allow, and sends them. See api/src/notifications/README.md.

const now = sql`(unixepoch('subsec') * 1000)`

/** A further link a message offers besides its main one (completed: rate the service). */
export interface NotificationAction {
  labelZh: string
  labelEn: string
  link: string
}

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientCardNumber: text('recipient_card_number').notNull(),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    link: text('link'),
    /** Further links (completed: "rate the service"); null when there are none. */
    actions: text('actions', { mode: 'json' }).$type<NotificationAction[]>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('notifications_unread').on(t.recipientCardNumber, t.readAt),
    index('notifications_recipient').on(t.recipientCardNumber, t.id),
    // The bell's change feed reads the newest read mark every second (a read on another node
    // changes that person's count): without it, that is a scan of every message.
    index('notifications_read_at').on(t.readAt),
  ],
)

/** The channels besides in-app, which cannot be turned off. */
export const deliveryChannels = ['email', 'push'] as const
export type DeliveryChannel = (typeof deliveryChannels)[number]

/**
 * One message (an outbox row) on one channel. The unique (outbox, channel) key is what makes a
 * message reach a person at most once per channel, however many workers fan the outbox out.
 * A row is claimed for sending with a conditional UPDATE of `claimedBy`/`claimedAt` (the claim
 * expires, so a crashed worker's rows are taken up again), and ends `sent` or `parked`.
 */
export const notificationDeliveries = sqliteTable(
  'notification_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outboxId: integer('outbox_id')
      .notNull()
      .references(() => outbox.id),
    channel: text('channel', { enum: deliveryChannels }).notNull(),
    recipient: text('recipient').notNull(),
    /**
     * pending: to send (at `nextAttemptAt`); sent: the channel accepted it; parked: failed
     * `attempts` times, or cannot be sent (no address): waits for an administrator's retry.
     */
    status: text('status', { enum: ['pending', 'sent', 'parked'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [uniqueIndex('notification_deliveries_once').on(t.outboxId, t.channel), index('notification_deliveries_due').on(t.status, t.nextAttemptAt)],
)

/** Channels per kind of event: `{ completed: { email: true, push: false } }`; a kind not named uses the defaults. */
export type ChannelChoices = Record<string, Partial<Record<DeliveryChannel, boolean>>>

/**
 * A person's choices about progress messages, and the language they read the hall in (stored
 * when they switch language in the shell), which e-mails and pushes are written in. No row: the
 * defaults (every channel on, zh-CN).
 */
export const notificationPreferences = sqliteTable('notification_preferences', {
  cardNumber: text('card_number').primaryKey(),
  language: text('language', { enum: ['zh-CN', 'en'] })
    .notNull()
    .default('zh-CN'),
  channels: text('channels', { mode: 'json' }).$type<ChannelChoices>().notNull().default({}),
  /**
   * When the person last chose `language` with the language switch. Null: `language` only
   * follows what their browser showed, and a new device follows its own browser; set: the choice
   * wins over any browser's language, on any device (returned by /api/me).
   */
  languageChosenAt: integer('language_chosen_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
})
