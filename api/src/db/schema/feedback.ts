import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { services } from './catalog.ts'

// The hall's online Q&A (在线答疑); ratings come with the feedback issue.
export const questions = sqliteTable(
  'questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    askerCardNumber: text('asker_card_number').notNull(),
    serviceCode: text('service_code').references(() => services.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['open', 'answered', 'closed'] }).notNull().default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('questions_asker').on(t.askerCardNumber)],
)
