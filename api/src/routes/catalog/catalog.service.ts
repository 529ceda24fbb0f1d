import { and, asc, count, desc, eq, gte, ne } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { KeptJson } from '../../lib/compress.ts'
import { transaction, type Db } from '../../db/client.ts'
import { applications, categories, departments, favorites, people, recentServices, serviceVersions, services } from '../../db/schema/index.ts'
import { catalogStatements, type ListedRow } from './catalog.statements.ts'
import type { SessionUser } from '../../lib/context.ts'
import { checkEligibility, profileFromRecord, type EligibilityRule, type Profile } from './eligibility.ts'
import type { PlatformRecord } from '../../data-platform/types.ts'
import { createSearchIndex, normalizeQuery, type SearchHit, type SearchIndex } from './search.ts'
import { forgetHeard, rememberedOf, type Recall } from '../../db/heard.ts'
import type { Logger } from '../../lib/logger.ts'

export { IN_PROGRESS } from './catalog.statements.ts'

/**
 * Raises the catalog's revision. Every writer of what the catalog shows (services and their listed
 * versions, categories, departments, published FAQs) calls it in the same transaction as its
 * change: each API process (and each node on the same database) rebuilds its in-memory catalog
 * when it reads a revision other than the one it built it at. A writer that forgets leaves every
 * process showing the old catalog (catalog-revision.api.test.ts catches it).
 */
export async function bumpCatalogRevision(tx: Db): Promise<void> {
  forgetHeard(tx, 'catalog', 'all')
  await catalogStatements(tx).bump.execute()
}

/** The catalog's revision as a node remembers it (decision 024), under the one key `revision`. */
export type RememberedRevision = { revision: number }

/** This node's memory of the catalog's revision, for a visitor's page. */
export const catalogRevisionMemoryOf = (db: Db, log: Logger) => rememberedOf<RememberedRevision>(db, log, 'catalog', 1)

/** The catalog's revision as committed now (0 before the first write). */
export async function readCatalogRevision(db: Db): Promise<number> {
  return (await catalogStatements(db).revision.execute())[0]?.revision ?? 0
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
  /** Anonymous pages as sent (`anonymousServicesPage`), made on the first such request. */
  pages?: LRUCache<string, KeptJson>
}
const snapshots = new WeakMap<Db, CatalogSnapshot>()

async function catalogSnapshot(db: Db, known?: number): Promise<CatalogSnapshot> {
  const revision = known ?? (await readCatalogRevision(db))
  let snapshot = snapshots.get(db)
  if (snapshot?.revision !== revision) {
    const statements = catalogStatements(db)
    // Frozen: every request shares these rows, so a caller that sorted them in place would reorder everyone's catalog.
    const rows = Object.freeze(await statements.listed.execute())
    snapshot = { revision, rows, byCode: new Map(rows.map((r) => [r.service.code, r])), faqs: faqTexts(await statements.publishedFaqs.execute()) }
    snapshots.set(db, snapshot)
  }
  return snapshot
}

/** Every listed service (not retired) with its current version (summary columns), department and category: shared, do not change. */
export async function listedServices(db: Db): Promise<readonly ListedService[]> {
  return (await catalogSnapshot(db)).rows
}

/** One listed service by its code. */
export async function listedService(db: Db, code: string): Promise<ListedService | undefined> {
  return (await catalogSnapshot(db)).byCode.get(code)
}

/** The guide of a service's current version (the part a list never needs). */
export async function currentGuide(db: Db, code: string) {
  return (
    await db
      .select({ guide: serviceVersions.guide })
      .from(services)
      .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
      .where(eq(services.code, code))
  )[0]?.guide
}

export type ListedService = ListedRow

export async function listCategories(db: Db) {
  return await db.select().from(categories).orderBy(asc(categories.sortOrder))
}

/** Departments that own at least one listed service, with how many. */
export async function listOwningDepartments(db: Db) {
  return await db
    .select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn, services: count(services.code) })
    .from(departments)
    .innerJoin(services, and(eq(services.ownerDepartmentCode, departments.code), ne(services.status, 'retired')))
    .groupBy(departments.code)
    .orderBy(asc(departments.code))
}

/** The texts of every published FAQ (question and answer, English too where there is one), by service code. */
export async function publishedFaqTexts(db: Db): Promise<ReadonlyMap<string, string[]>> {
  return (await catalogSnapshot(db)).faqs
}

function faqTexts(
  rows: Array<{ serviceCode: string | null; q: string | null; a: string | null; qEn: string | null; aEn: string | null }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.serviceCode!, [...(out.get(r.serviceCode!) ?? []), ...[r.q, r.a, r.qEn, r.aEn].filter((t): t is string => !!t)])
  return out
}

/** The search index of the catalog as it is now (its services and their published FAQs), built once per revision. */
export async function catalogSearchIndex(db: Db): Promise<SearchIndex> {
  return searchIndexOf(await catalogSnapshot(db))
}

function searchIndexOf(snapshot: CatalogSnapshot): SearchIndex {
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
export async function inProgressByService(db: Db, cardNumber: string): Promise<Map<string, number>> {
  return new Map((await catalogStatements(db).inProgress.execute({ cardNumber })).map((r) => [r.code, r.n]))
}

/** A person's starred services and applications in progress per service, in one statement: what personalises a catalog page. */
export async function personalOf(db: Db, cardNumber: string): Promise<{ favorites: Set<string>; inProgress: Map<string, number>; catalogRevision: number }> {
  const favorites = new Set<string>()
  const inProgress = new Map<string, number>()
  let catalogRevision = 0
  for (const r of await catalogStatements(db).personal.execute({ cardNumber })) {
    if (r.kind === 'favorite') favorites.add(r.code)
    else if (r.kind === 'inProgress') inProgress.set(r.code, r.n)
    else catalogRevision = r.n
  }
  return { favorites, inProgress, catalogRevision }
}

/** Submitted applications per service over the last `days` days: what "popular" means. */
/** My starred services as summaries, the most recently starred first. */
export async function starredServices(db: Db, cardNumber: string) {
  const starred = await db.select().from(favorites).where(eq(favorites.cardNumber, cardNumber))
  const order = new Map(starred.map((f) => [f.serviceCode, f.createdAt.getTime()]))
  return (await listedServices(db))
    .filter((r) => order.has(r.service.code))
    .sort((a, b) => order.get(b.service.code)! - order.get(a.service.code)!)
    .map(toSummary)
}

/** Stars a service (twice is fine). */
export async function star(db: Db, cardNumber: string, serviceCode: string, at: Date) {
  await transaction(db, async (tx) => tx.insert(favorites).values({ cardNumber, serviceCode, createdAt: at }).onConflictDoNothing())
}

/** Unstars a service (twice is fine). */
export async function unstar(db: Db, cardNumber: string, serviceCode: string) {
  await transaction(db, async (tx) => tx.delete(favorites).where(and(eq(favorites.cardNumber, cardNumber), eq(favorites.serviceCode, serviceCode))))
}

export async function popularity(db: Db, now: Date, days: number): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - days * 864e5)
  const rows = await db
    .select({ code: applications.serviceCode, n: count() })
    .from(applications)
    .where(gte(applications.submittedAt, since))
    .groupBy(applications.serviceCode)
    .orderBy(desc(count()))
  return new Map(rows.map((r) => [r.code, r.n]))
}

export async function recentCodes(db: Db, cardNumber: string, limit: number): Promise<string[]> {
  return (
    await db
      .select({ code: recentServices.serviceCode })
      .from(recentServices)
      .where(eq(recentServices.cardNumber, cardNumber))
      .orderBy(desc(recentServices.viewedAt))
      .limit(limit)
  ).map((r) => r.code)
}

export async function recordView(db: Db, cardNumber: string, serviceCode: string, at: Date) {
  await transaction(db, async (tx) =>
    tx
      .insert(recentServices)
      .values({ cardNumber, serviceCode, viewedAt: at })
      .onConflictDoUpdate({ target: [recentServices.cardNumber, recentServices.serviceCode], set: { viewedAt: at } }),
  )
}

/**
 * Whether `user` may apply for `row`. `record` is the person's record from the HTTP data platform
 * (HALL_DATA_PLATFORM=http), whose values then decide the rules the people table cannot (see
 * `profileFromRecord`); the embedded platform's record is the people table itself.
 */
export async function eligibilityFor(db: Db, user: SessionUser, row: ListedService, now: Date, record?: PlatformRecord | null) {
  const person = (await db.select({ profile: people.profile }).from(people).where(eq(people.cardNumber, user.cardNumber)))[0]
  const stored = (person?.profile as Profile | undefined) ?? null
  return checkEligibility({
    user,
    profile: record ? profileFromRecord(stored, record.values) : stored,
    rules: row.version.eligibility as EligibilityRule[],
    serviceStatus: row.service.status,
    inProgress: (await inProgressByService(db, user.cardNumber)).get(row.service.code) ?? 0,
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

/** Adds what only a logged-in user has (favourite, in progress) to summaries. */
export function personalise<T extends { code: string }>(items: T[], mine: { favorites: Set<string>; inProgress: Map<string, number> } | null) {
  if (!mine) return items
  return items.map((s) => ({ ...s, favorite: mine.favorites.has(s.code), inProgress: mine.inProgress.get(s.code) ?? 0 }))
}

/** My starred services, newest first, as `GET /api/me/favorites` answers them. */
export async function favoriteServices(db: Db, cardNumber: string) {
  const items = await starredServices(db, cardNumber)
  return personalise(items, { favorites: new Set(items.map((s) => s.code)), inProgress: await inProgressByService(db, cardNumber) })
}

/** The services I opened lately, newest first, as `GET /api/me/recent` answers them (the table is `recentServices`). */
export async function recentlyOpened(db: Db, cardNumber: string, limit: number) {
  const codes = await recentCodes(db, cardNumber, limit)
  const rows = new Map((await listedServices(db)).map((r) => [r.service.code, r]))
  const items = codes.flatMap((code) => (rows.has(code) ? [toSummary(rows.get(code)!)] : []))
  return personalise(items, await personalOf(db, cardNumber))
}

/** The most applied-for services of the last `days`, as `GET /api/services/popular` answers them. */
export async function popularServices(db: Db, now: Date, days: number, limit: number) {
  const counts = await popularity(db, now, days)
  return (await listedServices(db))
    .filter((r) => counts.has(r.service.code))
    .map((r) => ({ ...toSummary(r), applications: counts.get(r.service.code)! }))
    .sort((a, b) => b.applications - a.applications || a.code.localeCompare(b.code))
    .slice(0, limit)
}

/** What `GET /api/services` filters by (its query, validated). */
export interface ServicesPageQuery {
  q?: string
  category?: string
  department?: string
  /** `mine` needs a user; without one it lists nothing. */
  audience: 'all' | 'mine' | 'staff' | 'undergraduate' | 'graduate' | 'international'
  page: number
  pageSize: number
}

/**
 * One page of the catalog as `GET /api/services` answers it: filtered, best match first when
 * searching, personalised for a logged-in user. The page's first view (api/src/web/first-view.ts)
 * renders the same page, so the cards it paints are the ones the catalog then shows.
 */
export async function servicesPage(db: Db, user: SessionUser | null, query: ServicesPageQuery) {
  // One snapshot for the rows and the index: one read of the revision per request, in the same
  // statement as the person's own rows when logged in (on PostgreSQL, one round trip).
  const mine = user ? await personalOf(db, user.cardNumber) : null
  return pageOf(await catalogSnapshot(db, mine?.catalogRevision), user, mine, query)
}

/** The most bytes of anonymous pages a catalog snapshot keeps as sent. */
const KEPT_ANONYMOUS_BYTES = 8_000_000

/**
 * A page for a visitor who is not logged in, as the JSON `GET /api/services` answers with: the
 * same for everyone asking the same within one catalog revision, so the snapshot keeps the latest
 * ones as sent (`KeptJson`: compressed once per encoding), and a new revision starts afresh.
 */
export async function anonymousServicesPage(db: Db, query: ServicesPageQuery, recall?: Recall<RememberedRevision> & { now: number }): Promise<KeptJson> {
  const revision = recall
    ? (await recall.memory.through('revision', recall.now, recall.maxAgeMs, async () => ({ revision: await readCatalogRevision(db) }))).revision
    : undefined
  const snapshot = await catalogSnapshot(db, revision)
  snapshot.pages ??= new LRUCache({ maxSize: KEPT_ANONYMOUS_BYTES, sizeCalculation: (kept) => kept.bytes.byteLength + 64 })
  const key = JSON.stringify([query.q ?? '', query.category ?? '', query.department ?? '', query.audience, query.page, query.pageSize])
  let kept = snapshot.pages.get(key)
  if (!kept) {
    kept = new KeptJson(JSON.stringify(pageOf(snapshot, null, null, query)))
    snapshot.pages.set(key, kept)
  }
  return kept
}

function pageOf(
  snapshot: CatalogSnapshot,
  user: SessionUser | null,
  mine: Awaited<ReturnType<typeof personalOf>> | null,
  { q, category, department, audience, page, pageSize }: ServicesPageQuery,
) {
  const all = snapshot.rows
  const kind = audience === 'mine' ? user?.kind : audience === 'all' ? null : audience
  const filtered = all.filter(
    (r) =>
      (!category || r.service.categoryCode === category) &&
      (!department || r.service.ownerDepartmentCode === department) &&
      (audience === 'all' || (!!kind && r.version.audience.includes(kind))),
  )
  let ordered: Array<{ row: ListedService; highlights?: { nameZh: Array<[number, number]>; nameEn: Array<[number, number]> } }>
  if (q) {
    const byCode = new Map(filtered.map((r) => [r.service.code, r]))
    ordered = searchIndexOf(snapshot)
      .search(q, { kind: user?.kind })
      .filter((h) => byCode.has(h.code))
      .map((h) => ({ row: byCode.get(h.code)!, highlights: h.highlights }))
  } else {
    ordered = filtered.map((row) => ({ row }))
  }
  const pageRows = ordered.slice((page - 1) * pageSize, page * pageSize)
  const items = personalise(
    pageRows.map(({ row, highlights }) => ({ ...toSummary(row), ...(highlights ? { highlights } : {}) })),
    mine,
  )
  return { items, total: ordered.length, page, pageSize }
}

export type { SearchHit }
