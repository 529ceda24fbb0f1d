import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { services } from './catalog.ts'

/**
 * Every change to a service made in service administration: who, when, what. Written in the same
 * transaction as the change, so an acknowledged change always has its row.
 */
export const serviceAuditEvents = sqliteTable(
  'service_audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    /** The version the change concerns (the draft edited, the version published), if any. */
    version: integer('version'),
    /** No foreign key to people: an administrator may be unknown to the data platform. */
    actorCardNumber: text('actor_card_number').notNull(),
    actorName: text('actor_name').notNull(),
    action: text('action', {
      enum: ['created', 'draft_started', 'draft_edited', 'draft_discarded', 'published', 'availability_changed', 'short_name_changed', 'retired'],
    }).notNull(),
    /** What changed: the parts of a draft edited, the status before and after, … */
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('service_audit_by_service').on(t.serviceCode, t.at)],
)
