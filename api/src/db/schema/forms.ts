import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { applications } from './applications.ts'
import { services } from './catalog.ts'
import { departments } from './org.ts'

// Filling in a form: where pre-filled values come from (the embedded data platform's source
// systems), drafts, uploaded files, and reports of wrong platform data.

/**
 * The department systems the data platform collects from (学工系统, 公寓管理系统…). Each
 * pre-filled value names one, and through it the department that can correct the value.
 */
export const sourceSystems = sqliteTable('source_systems', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  departmentCode: text('department_code')
    .notNull()
    .references(() => departments.code),
})

/**
 * Which system holds each field of a person's record (`student.dormitory` → housing-system), for
 * every kind of person (`kind = '*'`) or for one kind where it differs (a staff member's name
 * comes from HR). A path also covers the paths below it (`student.dormitory.room`).
 */
export const sourceFields = sqliteTable(
  'source_fields',
  {
    path: text('path').notNull(),
    /** `'*'`, or a UserKind that overrides the `'*'` row. */
    kind: text('kind').notNull(),
    systemCode: text('system_code')
      .notNull()
      .references(() => sourceSystems.code),
    /**
     * The system is the authority on this value: forms may show it read-only, and a wrong value is
     * corrected at the source. Not so for a contact phone, where the person may give a newer one.
     */
    authoritative: integer('authoritative', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.path, t.kind] })],
)

/**
 * One draft per person and service: the values as last autosaved (last write wins). Kept in the
 * database, so a reload or another device finds it.
 */
export const formDrafts = sqliteTable(
  'form_drafts',
  {
    cardNumber: text('card_number').notNull(),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    /** The service version the draft was typed against (a newer version may have other fields). */
    serviceVersion: integer('service_version').notNull(),
    values: text('values', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.serviceCode] })],
)

/**
 * An uploaded file as its uploader named it. The bytes live once per content under
 * `HALL_DATA_DIR/uploads/<sha256 prefix>/<sha256>`; two rows may share them.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    /** Random, not a counter: ids appear in URLs and form values. */
    id: text('id').primaryKey(),
    ownerCardNumber: text('owner_card_number').notNull(),
    /** The uploader's file name, made safe (no path, no control characters). */
    name: text('name').notNull(),
    size: integer('size').notNull(),
    /** The type found in the content (magic bytes), never the one the browser claimed. */
    mime: text('mime').notNull(),
    sha256: text('sha256').notNull(),
    /** What the file is (`id-photo`, `transcript`…), so that it can be reused as a material. */
    materialKind: text('material_kind'),
    /** The form field it was uploaded for, when the client said so. */
    serviceCode: text('service_code'),
    fieldKey: text('field_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('attachments_owner').on(t.ownerCardNumber, t.materialKind, t.createdAt), index('attachments_sha256').on(t.sha256)],
)

/**
 * The files an application carries. The applications routes add a row per attached file when an
 * application is submitted (or resubmitted); `policy.canReadAttachment` lets the people who may
 * read that application (`policy.relationTo`) download the file.
 */
export const applicationAttachments = sqliteTable(
  'application_attachments',
  {
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => attachments.id),
    /** The form field (or `table.column`) the file was attached to. */
    fieldKey: text('field_key'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.attachmentId] }), index('application_attachments_attachment').on(t.attachmentId)],
)

/**
 * "This pre-filled value is wrong": a report that reaches the department owning the source system,
 * which corrects it there (the hall never edits platform data).
 */
export const dataErrorReports = sqliteTable(
  'data_error_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reporterCardNumber: text('reporter_card_number').notNull(),
    serviceCode: text('service_code').references(() => services.code),
    fieldKey: text('field_key').notNull(),
    /** The path in the person's record (`student.dormitory.label`). */
    path: text('path').notNull(),
    /** The value the platform gave, as the reporter saw it. */
    reportedValue: text('reported_value'),
    note: text('note').notNull(),
    systemCode: text('system_code').notNull(),
    departmentCode: text('department_code').notNull(),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('data_error_reports_department').on(t.departmentCode, t.status, t.createdAt),
    index('data_error_reports_reporter').on(t.reporterCardNumber),
    // One open report per reporter and path: a second report of the same value while the first
    // is open adds to it (INSERT … ON CONFLICT), even when two requests race (decision 016, item 3).
    uniqueIndex('data_error_reports_open')
      .on(t.reporterCardNumber, t.path)
      .where(sql`status = 'open'`),
  ],
)
