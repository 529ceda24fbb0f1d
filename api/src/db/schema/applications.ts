import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { serviceVersions, services } from './catalog.ts'

// Applications and reviewers' tasks. This is the first cut that the foundation needs (each user's
// lists); the forms and workflow issues extend it with form data, steps and the audit trail.

const now = sql`(unixepoch('subsec') * 1000)`

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    serviceVersionId: integer('service_version_id')
      .notNull()
      .references(() => serviceVersions.id),
    applicantCardNumber: text('applicant_card_number').notNull(),
    status: text('status', {
      enum: ['draft', 'submitted', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'],
    }).notNull(),
    formData: text('form_data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** Bumped by every state change; a stale action (an old version) changes nothing. */
    stateVersion: integer('state_version').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('applications_applicant').on(t.applicantCardNumber, t.status),
    index('applications_service').on(t.serviceCode, t.submittedAt),
  ],
)

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    stepKey: text('step_key').notNull(),
    assigneeCardNumber: text('assignee_card_number').notNull(),
    /** todo: waiting for the assignee; done: decided; cc: copied for information. */
    box: text('box', { enum: ['todo', 'done', 'cc'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('tasks_assignee').on(t.assigneeCardNumber, t.box)],
)
