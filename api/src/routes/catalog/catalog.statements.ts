import { and, asc, count, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import { unionAllOf } from '../../db/portable-sql.ts'
import { preparedPerDb } from '../../db/prepared.ts'
import { applications, catalogRevision, categories, departments, favorites, questions, serviceVersions, services } from '../../db/schema/index.ts'

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

type PersonalKind = 'favorite' | 'inProgress' | 'revision'

/** The catalog's request-path queries, prepared once per database handle. */
export const catalogStatements = preparedPerDb((db) => ({
  /** The catalog's revision: one row by its key, read on every catalog request. */
  revision: db.select({ revision: catalogRevision.revision }).from(catalogRevision).where(eq(catalogRevision.id, 1)).prepare(),
  /** Raises the revision (creating the row the first time). */
  bump: db
    .insert(catalogRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: catalogRevision.id, set: { revision: sql`${catalogRevision.revision} + 1` } })
    .prepare(),
  /** Every listed service (not retired) with its current version (summary columns), department and category. */
  listed: db
    .select({ service: services, version: summaryColumns, department: departments, category: categories })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
    .innerJoin(departments, eq(departments.code, services.ownerDepartmentCode))
    .innerJoin(categories, eq(categories.code, services.categoryCode))
    .where(ne(services.status, 'retired'))
    .orderBy(asc(categories.sortOrder), asc(services.code))
    .prepare(),
  /** The texts of every published FAQ, by service. */
  publishedFaqs: db
    .select({ serviceCode: questions.serviceCode, q: questions.faqQuestion, a: questions.faqAnswer, qEn: questions.faqQuestionEn, aEn: questions.faqAnswerEn })
    .from(questions)
    .where(and(isNotNull(questions.faqPublishedAt), isNotNull(questions.serviceCode)))
    .orderBy(asc(questions.id))
    .prepare(),
  /**
   * A person's starred services and applications in progress, and the catalog's revision, in one
   * statement for a logged-in catalog page: `favorite` rows (n 1), `inProgress` rows (n
   * applications, as `inProgress` below) and one `revision` row (n the revision; none before the
   * first write). On PostgreSQL each statement is a round trip.
   */
  personal: unionAllOf(
    db
      .select({ kind: sql<PersonalKind>`'favorite'`, code: favorites.serviceCode, n: sql<number>`1`.mapWith(Number) })
      .from(favorites)
      .where(eq(favorites.cardNumber, sql.placeholder('cardNumber'))),
    // drizzle types a SELECT by its table and the clauses it has; the rows have the one shape.
    db
      .select({ kind: sql<PersonalKind>`'inProgress'`, code: applications.serviceCode, n: sql<number>`count(*)`.mapWith(Number) })
      .from(applications)
      .where(and(eq(applications.applicantCardNumber, sql.placeholder('cardNumber')), inArray(applications.status, [...IN_PROGRESS])))
      .groupBy(applications.serviceCode) as never,
    db
      .select({ kind: sql<PersonalKind>`'revision'`, code: sql<string>`''`, n: sql<number>`${catalogRevision.revision}`.mapWith(Number) })
      .from(catalogRevision)
      .where(eq(catalogRevision.id, 1)) as never,
  ).prepare(),
  /** A person's applications in progress, per service. */
  inProgress: db
    .select({ code: applications.serviceCode, n: count() })
    .from(applications)
    .where(and(eq(applications.applicantCardNumber, sql.placeholder('cardNumber')), inArray(applications.status, [...IN_PROGRESS])))
    .groupBy(applications.serviceCode)
    .prepare(),
}))

export type ListedRow = ReturnType<ReturnType<typeof catalogStatements>['listed']['all']>[number]
