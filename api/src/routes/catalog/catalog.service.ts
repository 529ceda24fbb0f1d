import { and, asc, count, desc, eq, gte, inArray, isNotNull, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { applications, categories, departments, favorites, people, questions, recentServices, serviceVersions, services } from '../../db/schema/index.ts'
import type { SessionUser } from '../../lib/context.ts'
import { checkEligibility, profileFromRecord, type EligibilityRule, type Profile } from './eligibility.ts'
import type { PlatformRecord } from '../../data-platform/types.ts'
import { createSearchIndex, type SearchHit, type SearchIndex } from './search.ts'

/** Statuses in which an application is still moving: the applicant cannot start another of the same service. */
export const IN_PROGRESS = ['submitted', 'in_review', 'returned'] as const

// The columns a list needs: never the guide, form or process, whose JSON is most of a row.
const summaryColumns = {
  id: serviceVersions.id,
  version: serviceVersions.version,
  nameZh: serviceVersions.nameZh,
  nameEn: serviceVersions.nameEn,
  summaryZh: serviceVersions.summaryZh,
  summaryEn: serviceVersions.summaryEn,
  keywordsZh: serviceVersions.keywordsZh,
  keywordsEn: serviceVersions.keywordsEn,
  audience: serviceVersions.audience,
  mode: serviceVersions.mode,
  timeLimitDays: serviceVersions.timeLimitDays,
  eligibility: serviceVersions.eligibility,
}

function queryListed(db: Db) {
  return db
    .select({ service: services, version: summaryColumns, department: departments, category: categories })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
    .innerJoin(departments, eq(departments.code, services.ownerDepartmentCode))
    .innerJoin(categories, eq(categories.code, services.categoryCode))
    .where(ne(services.status, 'retired'))
    .orderBy(asc(categories.sortOrder), asc(services.code))
    .all()
}

/**
 * A fingerprint of everything a listing shows: which version of each service is current and its
 * status. Publishing, switching or retiring a service changes it. One small query, so every API
 * node sees a change at once (no in-process invalidation that a second node would miss).
 */
function catalogRevision(db: Db): string {
  const row = db.$client
    .prepare(
      `SELECT count(*) AS n, coalesce(max(v.id), 0) AS maxVersion,
              coalesce(group_concat(s.code || ':' || s.status || ':' || coalesce(s.current_version, ''), ','), '') AS states,
              -- Switching between online and online-and-offline changes the current version's mode in place.
              (SELECT coalesce(group_concat(c.service_code || c.mode, ','), '') FROM service_versions c
                 JOIN services cs ON cs.code = c.service_code AND cs.current_version = c.version) AS modes,
              (SELECT coalesce(group_concat(code || name_zh || name_en, ','), '') FROM categories) AS cats,
              (SELECT coalesce(group_concat(code || name_zh || name_en || phone || location, ','), '') FROM departments) AS depts
         FROM services s LEFT JOIN service_versions v ON v.service_code = s.code`,
    )
    .get() as { n: number; maxVersion: number; states: string; modes: string; cats: string; depts: string }
  return `${row.n}|${row.maxVersion}|${row.states}|${row.modes}|${row.cats}|${row.depts}`
}

let listedCache: { db: Db; revision: string; rows: ReturnType<typeof queryListed> } | null = null

/** Every listed service (not retired) with its current version (summary columns), department and category. */
export function listedServices(db: Db) {
  const revision = catalogRevision(db)
  if (listedCache?.db !== db || listedCache.revision !== revision) listedCache = { db, revision, rows: queryListed(db) }
  return listedCache.rows
}

/** The guide of a service's current version (the part a list never needs). */
export function currentGuide(db: Db, code: string) {
  return db
    .select({ guide: serviceVersions.guide })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
    .where(eq(services.code, code))
    .get()?.guide
}

export type ListedService = ReturnType<typeof listedServices>[number]

export function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder)).all()
}

/** Departments that own at least one listed service, with how many. */
export function listOwningDepartments(db: Db) {
  return db
    .select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn, services: count(services.code) })
    .from(departments)
    .innerJoin(services, and(eq(services.ownerDepartmentCode, departments.code), ne(services.status, 'retired')))
    .groupBy(departments.code)
    .orderBy(asc(departments.code))
    .all()
}

/** The texts of every published FAQ (question and answer, English too where there is one), by service code. */
export function publishedFaqTexts(db: Db): Map<string, string[]> {
  const rows = db
    .select({ serviceCode: questions.serviceCode, q: questions.faqQuestion, a: questions.faqAnswer, qEn: questions.faqQuestionEn, aEn: questions.faqAnswerEn })
    .from(questions)
    .where(and(isNotNull(questions.faqPublishedAt), isNotNull(questions.serviceCode)))
    .orderBy(asc(questions.id))
    .all()
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.serviceCode!, [...(out.get(r.serviceCode!) ?? []), ...[r.q, r.a, r.qEn, r.aEn].filter((t): t is string => !!t)])
  return out
}

// The search index is rebuilt only when the catalog changes (a service published, switched or
// retired), not per request: building it computes pinyin for every name.
let cached: { key: string; index: SearchIndex } | null = null
/** `faqs`: each service's published FAQ texts (`publishedFaqTexts`); a change of them rebuilds the index too. */
export function searchIndexFor(rows: ListedService[], faqs: ReadonlyMap<string, string[]> = new Map()): SearchIndex {
  const key = `${rows.map((r) => `${r.service.code}:${r.version.id}:${r.service.status}`).join('|')}#${JSON.stringify([...faqs])}`
  if (cached?.key !== key) {
    cached = {
      key,
      index: createSearchIndex(
        rows.map((r) => ({
          code: r.service.code,
          nameZh: r.version.nameZh,
          nameEn: r.version.nameEn,
          keywordsZh: r.version.keywordsZh,
          keywordsEn: r.version.keywordsEn,
          summaryZh: r.version.summaryZh,
          summaryEn: r.version.summaryEn,
          departmentZh: r.department.nameZh,
          departmentEn: r.department.nameEn,
          categoryZh: r.category.nameZh,
          categoryEn: r.category.nameEn,
          audience: r.version.audience,
          faqs: faqs.get(r.service.code) ?? [],
        })),
      ),
    }
  }
  return cached.index
}

/** The user's applications in progress, per service code. */
export function inProgressByService(db: Db, cardNumber: string): Map<string, number> {
  const rows = db
    .select({ code: applications.serviceCode, n: count() })
    .from(applications)
    .where(and(eq(applications.applicantCardNumber, cardNumber), inArray(applications.status, [...IN_PROGRESS])))
    .groupBy(applications.serviceCode)
    .all()
  return new Map(rows.map((r) => [r.code, r.n]))
}

export function favoriteCodes(db: Db, cardNumber: string): Set<string> {
  return new Set(
    db
      .select({ code: favorites.serviceCode })
      .from(favorites)
      .where(eq(favorites.cardNumber, cardNumber))
      .all()
      .map((r) => r.code),
  )
}

/** Submitted applications per service over the last `days` days: what "popular" means. */
/** My starred services as summaries, the most recently starred first. */
export function starredServices(db: Db, cardNumber: string) {
  const starred = db.select().from(favorites).where(eq(favorites.cardNumber, cardNumber)).all()
  const order = new Map(starred.map((f) => [f.serviceCode, f.createdAt.getTime()]))
  return listedServices(db)
    .filter((r) => order.has(r.service.code))
    .sort((a, b) => order.get(b.service.code)! - order.get(a.service.code)!)
    .map(toSummary)
}

/** Stars a service (twice is fine). */
export function star(db: Db, cardNumber: string, serviceCode: string, at: Date) {
  db.insert(favorites).values({ cardNumber, serviceCode, createdAt: at }).onConflictDoNothing().run()
}

/** Unstars a service (twice is fine). */
export function unstar(db: Db, cardNumber: string, serviceCode: string) {
  db.delete(favorites)
    .where(and(eq(favorites.cardNumber, cardNumber), eq(favorites.serviceCode, serviceCode)))
    .run()
}

export function popularity(db: Db, now: Date, days: number): Map<string, number> {
  const since = new Date(now.getTime() - days * 864e5)
  const rows = db
    .select({ code: applications.serviceCode, n: count() })
    .from(applications)
    .where(gte(applications.submittedAt, since))
    .groupBy(applications.serviceCode)
    .orderBy(desc(count()))
    .all()
  return new Map(rows.map((r) => [r.code, r.n]))
}

export function recentCodes(db: Db, cardNumber: string, limit: number): string[] {
  return db
    .select({ code: recentServices.serviceCode })
    .from(recentServices)
    .where(eq(recentServices.cardNumber, cardNumber))
    .orderBy(desc(recentServices.viewedAt))
    .limit(limit)
    .all()
    .map((r) => r.code)
}

export function recordView(db: Db, cardNumber: string, serviceCode: string, at: Date) {
  db.insert(recentServices)
    .values({ cardNumber, serviceCode, viewedAt: at })
    .onConflictDoUpdate({ target: [recentServices.cardNumber, recentServices.serviceCode], set: { viewedAt: at } })
    .run()
}

/**
 * Whether `user` may apply for `row`. `record` is the person's record from the HTTP data platform
 * (HALL_DATA_PLATFORM=http), whose values then decide the rules the people table cannot (see
 * `profileFromRecord`); the embedded platform's record is the people table itself.
 */
export function eligibilityFor(db: Db, user: SessionUser, row: ListedService, now: Date, record?: PlatformRecord | null) {
  const person = db.select({ profile: people.profile }).from(people).where(eq(people.cardNumber, user.cardNumber)).get()
  const stored = (person?.profile as Profile | undefined) ?? null
  return checkEligibility({
    user,
    profile: record ? profileFromRecord(stored, record.values) : stored,
    rules: row.version.eligibility as EligibilityRule[],
    serviceStatus: row.service.status,
    inProgress: inProgressByService(db, user.cardNumber).get(row.service.code) ?? 0,
    now,
  })
}

export function toSummary({ service, version, department }: ListedService) {
  return {
    code: service.code,
    nameZh: version.nameZh,
    nameEn: version.nameEn,
    summaryZh: version.summaryZh,
    summaryEn: version.summaryEn,
    categoryCode: service.categoryCode,
    department: { code: department.code, nameZh: department.nameZh, nameEn: department.nameEn },
    mode: version.mode,
    audience: version.audience,
    status: service.status,
    version: version.version,
    timeLimitDays: version.timeLimitDays,
  }
}

export type { SearchHit }
