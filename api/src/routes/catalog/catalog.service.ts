import { and, asc, count, desc, eq, gte, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { applications, categories, departments, favorites, people, recentServices, serviceVersions, services } from '../../db/schema/index.ts'
import { catalogStatements, type ListedRow } from './catalog.statements.ts'
import type { SessionUser } from '../../lib/context.ts'
import { checkEligibility, profileFromRecord, type EligibilityRule, type Profile } from './eligibility.ts'
import type { PlatformRecord } from '../../data-platform/types.ts'
import { createSearchIndex, normalizeQuery, type SearchHit, type SearchIndex } from './search.ts'

export { IN_PROGRESS } from './catalog.statements.ts'

/**
 * Raises the catalog's revision. Every writer of what the catalog shows (services and their listed
 * versions, categories, departments, published FAQs) calls it in the same transaction as its
 * change: each API process (and each node on the same database) rebuilds its in-memory catalog
 * when it reads a revision other than the one it built it at. A writer that forgets leaves every
 * process showing the old catalog (catalog-revision.api.test.ts catches it).
 */
export function bumpCatalogRevision(tx: Db): void {
  catalogStatements(tx).bump.run()
}

/** The catalog's revision as committed now (0 before the first write). */
export function readCatalogRevision(db: Db): number {
  return catalogStatements(db).revision.get()?.revision ?? 0
}

/**
 * What every catalog request reads, kept in memory per database handle: the listed rows, each
 * service's published FAQ texts and, built on the first search, the search index (pinyin of every
 * name). A request reads one row (the revision) to know whether it is still current; the rows
 * are read after the revision, so a change committed in between makes them newer than their
 * label and only costs one more rebuild, never a stale catalog.
 */
interface CatalogSnapshot {
  revision: number
  rows: readonly ListedService[]
  byCode: ReadonlyMap<string, ListedService>
  faqs: ReadonlyMap<string, string[]>
  index?: SearchIndex
}
const snapshots = new WeakMap<Db, CatalogSnapshot>()

function catalogSnapshot(db: Db): CatalogSnapshot {
  const revision = readCatalogRevision(db)
  let snapshot = snapshots.get(db)
  if (snapshot?.revision !== revision) {
    const statements = catalogStatements(db)
    // Frozen: every request shares these rows, so a caller that sorted them in place would reorder everyone's catalog.
    const rows = Object.freeze(statements.listed.all())
    snapshot = { revision, rows, byCode: new Map(rows.map((r) => [r.service.code, r])), faqs: faqTexts(statements.publishedFaqs.all()) }
    snapshots.set(db, snapshot)
  }
  return snapshot
}

/** Every listed service (not retired) with its current version (summary columns), department and category: shared, do not change. */
export function listedServices(db: Db): readonly ListedService[] {
  return catalogSnapshot(db).rows
}

/** One listed service by its code. */
export function listedService(db: Db, code: string): ListedService | undefined {
  return catalogSnapshot(db).byCode.get(code)
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

export type ListedService = ListedRow

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
export function publishedFaqTexts(db: Db): ReadonlyMap<string, string[]> {
  return catalogSnapshot(db).faqs
}

function faqTexts(
  rows: Array<{ serviceCode: string | null; q: string | null; a: string | null; qEn: string | null; aEn: string | null }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.serviceCode!, [...(out.get(r.serviceCode!) ?? []), ...[r.q, r.a, r.qEn, r.aEn].filter((t): t is string => !!t)])
  return out
}

/** The search index of the catalog as it is now (its services and their published FAQs), built once per revision. */
export function catalogSearchIndex(db: Db): SearchIndex {
  const snapshot = catalogSnapshot(db)
  snapshot.index ??= rememberingSearches(
    createSearchIndex(
      snapshot.rows.map((r) => ({
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
        faqs: snapshot.faqs.get(r.service.code) ?? [],
      })),
    ),
  )
  return snapshot.index
}

/** How many searches (query and kind of user) an index remembers. */
const REMEMBERED_SEARCHES = 500

/**
 * The index with its latest searches remembered. A search is a pure function of the index, the
 * query and the user's kind, and an index lives for one catalog revision, so a remembered answer
 * is exact; the same few words are what most people type (宿舍, 请假, a pinyin), and the fuzzy pass
 * of a typo costs the most. The least recently used answer is forgotten first.
 */
function rememberingSearches(index: SearchIndex): SearchIndex {
  const remembered = new Map<string, SearchHit[]>()
  return {
    ...index,
    search(raw, opts = {}) {
      const key = `${opts.kind ?? ''}\u0000${normalizeQuery(raw)}`
      let hits = remembered.get(key)
      if (hits) remembered.delete(key)
      else {
        // Frozen: every request with these words shares the answer.
        hits = Object.freeze(index.search(raw, opts)) as SearchHit[]
        if (remembered.size >= REMEMBERED_SEARCHES) remembered.delete(remembered.keys().next().value!)
      }
      remembered.set(key, hits)
      return hits
    },
  }
}

/** The user's applications in progress, per service code. */
export function inProgressByService(db: Db, cardNumber: string): Map<string, number> {
  return new Map(
    catalogStatements(db)
      .inProgress.all({ cardNumber })
      .map((r) => [r.code, r.n]),
  )
}

export function favoriteCodes(db: Db, cardNumber: string): Set<string> {
  return new Set(
    catalogStatements(db)
      .favoriteCodes.all({ cardNumber })
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
