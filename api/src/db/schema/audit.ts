import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The hall's security and administration log: logins and their failures, denials (401/403/404 on
 * objects, CSRF refusals, 429s), role changes, imports, deployments. What an application's own
 * history records stays in `audit_events`; this is what an administrator searches and exports.
 * No foreign keys: the actor may be anonymous, a deploy token or someone who has left.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** A card number, `anonymous`, `system`, or `deploy:<token name>`. */
    actor: text('actor').notNull(),
    /** A dotted name: `login.succeeded`, `access.denied`, `role.granted`, `deployment.registered`… */
    action: text('action').notNull(),
    /** `success` or `denied` / `failed`: lets an administrator list every refusal at once. */
    outcome: text('outcome', { enum: ['success', 'denied', 'failed'] }).notNull(),
    /** What it concerned: `application`, `task`, `person`, `role`, `deployment`, `route`… */
    targetKind: text('target_kind'),
    targetId: text('target_id'),
    /** Set when the event concerns one application, so its audit can be filtered by number. */
    applicationId: integer('application_id'),
    /** The client address as the hall sees it (after HALL_TRUST_PROXY). */
    ip: text('ip'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actor, t.at),
    index('audit_log_action').on(t.action, t.at),
    index('audit_log_application').on(t.applicationId, t.at),
  ],
)
