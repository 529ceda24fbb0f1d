import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// In-app notifications (the bell). Delivery over e-mail and app push comes with the notification issue.
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientCardNumber: text('recipient_card_number').notNull(),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    link: text('link'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('notifications_unread').on(t.recipientCardNumber, t.readAt)],
)
