import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The organisation and its people as the university's data platform holds them. The embedded
// default is seeded with the fictional demo university; a real platform is reached by an adapter.

export const departments = sqliteTable('departments', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['office', 'college'] }).notNull(),
  phone: text('phone').notNull(),
  location: text('location').notNull(),
})

export const people = sqliteTable(
  'people',
  {
    /** The campus card number: a string, it may start with 0. */
    cardNumber: text('card_number').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['staff', 'undergraduate', 'graduate', 'international'] }).notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    /** The rest of the record (student or staff details), as the data platform returns it. */
    profile: text('profile', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Where the row came from: `seed` (the demo university, or anything written before imports
     * existed) or `import` (a spreadsheet or the data platform). A full import marks as left only
     * the people an import brought in, never the demo's.
     */
    origin: text('origin', { enum: ['seed', 'import'] })
      .notNull()
      .default('seed'),
    /**
     * When the person left the university (null: still here). A leaver's row is kept for their
     * history; they can no longer log in, hold a role or be assigned a task.
     */
    leftAt: integer('left_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('people_department').on(t.departmentCode)],
)

/** Administrative classes (行政班) of the colleges: the scope of a counsellor's role. */
export const classes = sqliteTable(
  'classes',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    collegeCode: text('college_code')
      .notNull()
      .references(() => departments.code),
  },
  (t) => [index('classes_college').on(t.collegeCode)],
)

/** Who holds which role where: a counsellor of a class, a reviewer of an office, an admin of all. */
export const roleGrants = sqliteTable(
  'role_grants',
  {
    cardNumber: text('card_number')
      .notNull()
      .references(() => people.cardNumber),
    role: text('role').notNull(),
    scope: text('scope').notNull(),
    /**
     * Who holds the grant in place: `seed` (the demo), `import` (the last import that listed it:
     * a full import revokes the ones it no longer lists), `console` (an administrator, kept by
     * imports) or `config` (HALL_ADMINS, granted at every start).
     */
    origin: text('origin', { enum: ['seed', 'import', 'console', 'config'] })
      .notNull()
      .default('seed'),
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.role, t.scope] }), index('role_grants_role').on(t.role, t.scope)],
)

/**
 * Every run of an organisation import (spreadsheet, CSV, the data platform) and its report: what
 * was (or, for a dry run, would be) added, changed and removed, and each refused row with its reason.
 */
export const orgImports = sqliteTable(
  'org_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `file` (console upload), `cli` (npm run import:org), `platform` (the scheduled sync). */
    source: text('source', { enum: ['file', 'cli', 'platform'] }).notNull(),
    /** The uploaded file's name, or the platform's URL. */
    origin: text('origin').notNull(),
    /** `full`: people and imported roles absent from the file are removed; `partial`: only added or changed. */
    mode: text('mode', { enum: ['full', 'partial'] }).notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    /** `dry_run` (nothing imported), `imported`, `failed` (the file or the platform could not be read). */
    status: text('status', { enum: ['dry_run', 'imported', 'failed'] }).notNull(),
    /** A card number, `system` (the scheduled sync) or `cli`. */
    actor: text('actor').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('org_imports_at').on(t.at)],
)
