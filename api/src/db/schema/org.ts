import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
  },
  (t) => [index('people_department').on(t.departmentCode)],
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
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.role, t.scope] }), index('role_grants_role').on(t.role, t.scope)],
)
