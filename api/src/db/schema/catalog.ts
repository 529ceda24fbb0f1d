import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { departments } from './org.ts'

export const categories = sqliteTable('categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  icon: text('icon').notNull(),
  sortOrder: integer('sort_order').notNull(),
})

/** A service as a whole; what applicants see is its current published version. */
export const services = sqliteTable('services', {
  code: text('code').primaryKey(),
  ownerDepartmentCode: text('owner_department_code')
    .notNull()
    .references(() => departments.code),
  categoryCode: text('category_code')
    .notNull()
    .references(() => categories.code),
  /** online: applications accepted; offline: listed but closed; retired: gone from the catalog. */
  status: text('status', { enum: ['draft', 'online', 'offline', 'retired'] }).notNull(),
  currentVersion: integer('current_version'),
  /**
   * The short name in reference numbers (宿舍 in 2026-宿舍-000123); null: the first two characters
   * of the current version's Chinese name.
   */
  shortName: text('short_name'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

/** One published (or draft) version of a service: applications keep the version they started with. */
export const serviceVersions = sqliteTable(
  'service_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    version: integer('version').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    keywordsZh: text('keywords_zh', { mode: 'json' }).$type<string[]>().notNull(),
    keywordsEn: text('keywords_en', { mode: 'json' }).$type<string[]>().notNull(),
    audience: text('audience', { mode: 'json' }).$type<string[]>().notNull(),
    mode: text('mode', { enum: ['online', 'hybrid'] }).notNull(),
    timeLimitDays: integer('time_limit_days').notNull(),
    eligibility: text('eligibility', { mode: 'json' }).$type<unknown[]>().notNull(),
    guide: text('guide', { mode: 'json' }).$type<{ zh: unknown; en: unknown }>().notNull(),
    /** The form (a `FormDefinition` of @hall/forms) applicants fill for this version. */
    form: text('form', { mode: 'json' }).$type<unknown>(),
    /** The approval process (a `ProcessDefinition` of @hall/workflow) of this version. */
    process: text('process', { mode: 'json' }).$type<unknown>(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('service_versions_code_version').on(t.serviceCode, t.version)],
)

export const favorites = sqliteTable(
  'favorites',
  {
    /** No foreign key to people: someone the data platform does not know may still star a service. */
    cardNumber: text('card_number').notNull(),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.serviceCode] })],
)

/** The services a user opened lately, newest first. */
export const recentServices = sqliteTable(
  'recent_services',
  {
    cardNumber: text('card_number').notNull(),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    viewedAt: integer('viewed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardNumber, t.serviceCode] }), index('recent_by_user').on(t.cardNumber, t.viewedAt)],
)

/**
 * One row (id 1): a number that every writer of what the catalog shows (services, their listed
 * versions, categories, departments, published FAQs, the organisation import, the demo seed)
 * raises in the same transaction as its change (`bumpCatalogRevision`). Each API process keeps
 * the catalog and its search index in memory and rebuilds them when the number it reads differs
 * from the one it built them at, so a second process on the same database sees a change at once.
 * Absent until the first write: read as 0.
 */
export const catalogRevision = sqliteTable('catalog_revision', {
  id: integer('id').primaryKey(),
  revision: integer('revision').notNull(),
})
