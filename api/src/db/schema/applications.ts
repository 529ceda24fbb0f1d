import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { serviceVersions, services } from './catalog.ts'

// Applications, reviewers' tasks, and what every state change leaves behind: audit events, the
// outbox of notifications, document numbers. The engine (@hall/workflow) decides each change;
// api/src/workflow/ stores it here in one transaction (DESIGN rule 5).
//
// New columns are nullable or defaulted: rows written before them (the demo's past applications)
// stay valid, and adding a column never rewrites a table.

const now = sql`(unixepoch('subsec') * 1000)`

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    /** The version the application was started with: its form and process, for good. */
    serviceVersionId: integer('service_version_id')
      .notNull()
      .references(() => serviceVersions.id),
    applicantCardNumber: text('applicant_card_number').notNull(),
    /** A copy of `state.status` for lists and filters (`submitted` only on rows from before the engine). */
    status: text('status', {
      enum: ['draft', 'submitted', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'],
    }).notNull(),
    /** The form values as submitted (validated and cleaned), replaced by a resubmission. */
    formData: text('form_data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** The engine's `ApplicationState`; null only on rows from before the engine (demo history). */
    state: text('state', { mode: 'json' }).$type<unknown>(),
    /**
     * Equal to `state.version`: bumped by every state change. A change is written only `WHERE
     * state_version = <the version it was computed from>`, so a stale or repeated action changes nothing.
     */
    stateVersion: integer('state_version').notNull().default(0),
    /** Where the application is now, for lists: the current step (or parallel group) and since when. */
    currentStepId: text('current_step_id'),
    currentStepNameZh: text('current_step_name_zh'),
    currentStepNameEn: text('current_step_name_en'),
    /** Since when it has waited where it is (in a step, or with the applicant after a return). */
    waitingSince: integer('waiting_since', { mode: 'timestamp_ms' }),
    /** The number a completion action gave it (a letter of introduction, a certificate). */
    documentNumber: text('document_number'),
    /**
     * The number a person reads out on the phone (2026-宿舍-000123): the Beijing year, the
     * service's short name and a hall-wide sequence of that year, given in the submission's
     * transaction. Null only on an unsubmitted row.
     */
    referenceNumber: text('reference_number'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    /**
     * True when the version it was submitted under has the `noneInProgress` eligibility rule (set
     * in the submission's transaction). The partial unique index `applications_one_in_progress`
     * then refuses a second such application of the same applicant and service while one is
     * submitted, in review or returned: "check, then insert" is not atomic on PostgreSQL, several
     * nodes or not (decision 016, item 3). False on rows from before the column.
     */
    oneInProgress: integer('one_in_progress', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('applications_applicant').on(t.applicantCardNumber, t.status),
    index('applications_service').on(t.serviceCode, t.submittedAt),
    // Unique whatever its prefix, so that a search by the number finds one application.
    uniqueIndex('applications_reference_number').on(t.referenceNumber),
    // The statuses of IN_PROGRESS (routes/catalog): a finished or withdrawn application frees the slot.
    // Plain SQL both dialects accept: a bare boolean column (SQLite: 0/1) and IN over text.
    uniqueIndex('applications_one_in_progress')
      .on(t.applicantCardNumber, t.serviceCode)
      .where(sql`one_in_progress AND status IN ('submitted', 'in_review', 'returned')`),
  ],
)

/**
 * A reviewer's tasks and the copies (抄送) people receive. An engine task (`engineTaskId` t1, t2…)
 * is one row for its assignee; a copy is a row in the recipient's `cc` box with no engine task.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    /** The engine's id of the task within its application (`t2`); null for a copy. */
    engineTaskId: text('engine_task_id'),
    /** Copied from the application so that a reviewer's lists and the step statistics need no join. */
    serviceCode: text('service_code'),
    /** The engine's step id (`counsellor`); for a copy at completion, `complete`. */
    stepKey: text('step_key').notNull(),
    stepNameZh: text('step_name_zh').notNull().default(''),
    stepNameEn: text('step_name_en').notNull().default(''),
    /** Who holds it: the delegate when the person the rule named had one (see `onBehalfOf`). */
    assigneeCardNumber: text('assignee_card_number').notNull(),
    /** The person the task is for, when `assignee` holds it as their delegate (委托). */
    onBehalfOf: text('on_behalf_of'),
    /** The engine's task status: open, asked (waiting for the applicant's answer), waiting (for an added signer), closed. */
    status: text('status', { enum: ['open', 'asked', 'waiting', 'closed'] })
      .notNull()
      .default('open'),
    outcome: text('outcome', { enum: ['approved', 'rejected', 'returned', 'transferred', 'cancelled'] }),
    /**
     * todo: live, waiting for the assignee; done: decided (or transferred) by them; cc: copied for
     * information; none: cancelled before its assignee acted (another candidate took it, the
     * application was withdrawn or returned elsewhere), so it is in nobody's lists.
     */
    box: text('box', { enum: ['todo', 'done', 'cc', 'none'] }).notNull(),
    /** The application's round (1, then +1 per resubmission). */
    round: integer('round').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    /** Working-hours deadline; null while the clock is paused (asked) or for steps without one. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
    /** When it was closed (decided, transferred or cancelled). */
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    /** Who closed it (the assignee, the principal, or a delegate); null when cancelled. */
    closedBy: text('closed_by'),
    /**
     * The deadline scan's claims (DESIGN rule 10): set by a conditional UPDATE (… WHERE reminded_at
     * IS NULL) in the transaction that writes the message, so two nodes scanning at once send one
     * "deadline near" reminder and one overdue notice per deadline. Cleared when the deadline moves.
     */
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    overdueNotifiedAt: integer('overdue_notified_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('tasks_assignee').on(t.assigneeCardNumber, t.box),
    index('tasks_on_behalf_of').on(t.onBehalfOf, t.box),
    // 已办 holds what a person closed, also as someone's delegate: without this index the box
    // (and its count in the header) reads every task (test/bench: 1,000,000 applications).
    index('tasks_closed_by').on(t.closedBy, t.box),
    index('tasks_application').on(t.applicationId),
    uniqueIndex('tasks_engine_task').on(t.applicationId, t.engineTaskId),
    // Step statistics: how long a step of a service usually takes.
    index('tasks_step_history').on(t.serviceCode, t.stepKey, t.decidedAt),
    // The deadline scan: open tasks past due.
    index('tasks_due').on(t.status, t.dueAt),
  ],
)

/**
 * How far each person's task lists have changed: a number per card number, raised by triggers of
 * the database itself (migrations 0011 on SQLite, 0001 on PostgreSQL) in the same transaction as
 * any change to a task row they hold, hold for someone or closed, to an application such a task
 * belongs to, and (under `*`, everyone's) to the people, departments and service names the rows
 * show. A node keeps the answers of whole boxes it served under the two numbers it read before
 * reading them (tasks.service.ts) and serves them again while both are unchanged: whatever wrote
 * the change, on whichever node. Absent until a person's first change: read as 0.
 */
export const taskListRevisions = sqliteTable(
  'task_list_revisions',
  {
    /** A card number, or `*` for a change that can show in anyone's lists. */
    cardNumber: text('card_number').notNull(),
    /**
     * Whose count this is: 0 on SQLite (one writer); on PostgreSQL the writing connection's process
     * id modulo 1024, so that transactions on different connections raise different rows and do not
     * fail each other's commits (SERIALIZABLE). A person's number is the sum of their rows.
     */
    writer: integer('writer').notNull().default(0),
    revision: integer('revision').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.writer] })],
)

/** The history of an application: every action the engine accepted, with who, when and the opinion. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** A card number, or `system` (completion, deadline checks). */
    actor: text('actor').notNull(),
    /** The person `actor` acted for, as their delegate. */
    onBehalfOf: text('on_behalf_of'),
    /** The engine's `AuditEvent`: submitted, approved, rejected, returned, resubmitted, asked… */
    action: text('action').notNull(),
    opinion: text('opinion'),
    stepId: text('step_id'),
    /** The engine's task id (`t2`). */
    taskId: text('task_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_events_application').on(t.applicationId, t.id)],
)

/**
 * Messages to deliver (e-mail, app push) and copies, written with the state change that caused
 * them. The notification issue's delivery worker claims rows (`claimedBy`/`claimedAt`, set with a
 * conditional UPDATE) so that two nodes never send one twice, and sets `deliveredAt`.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** A `NotificationKind` of the engine (task_assigned, returned, completed…) or `copied`. */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    applicationId: integer('application_id').references(() => applications.id),
    /** The task row the message is about, if any. */
    taskId: integer('task_id'),
    /** What a channel needs to write the message: titles in both languages, a link, names. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_pending').on(t.deliveredAt, t.id)],
)

/** Out of office (委托): `delegate` handles `cardNumber`'s tasks from `from` until `to`. */
export const delegations = sqliteTable(
  'delegations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardNumber: text('card_number').notNull(),
    delegate: text('delegate').notNull(),
    from: integer('from', { mode: 'timestamp_ms' }).notNull(),
    /** Exclusive. */
    to: integer('to', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('delegations_person').on(t.cardNumber, t.from), index('delegations_delegate').on(t.delegate, t.from)],
)

/** Numbered documents: the next number of each sequence per (Beijing) year. */
export const documentSequences = sqliteTable(
  'document_sequences',
  {
    name: text('name').notNull(),
    year: integer('year').notNull(),
    next: integer('next').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.year] })],
)

/**
 * Answers to `POST /api/applications` by Idempotency-Key: the same key with the same body gets the
 * same answer (a double click, a retry after a lost response); with another body, a 409.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    cardNumber: text('card_number').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the canonical JSON of the request body. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
)
