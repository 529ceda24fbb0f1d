import { aliasedTable, and, asc, count, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { inJsonArray } from '../../db/portable-sql.ts'
import type { Db } from '../../db/client.ts'
import { preparedPerDb } from '../../db/prepared.ts'
import { applications, people, serviceVersions, tasks } from '../../db/schema/index.ts'
import type { StatusFilter } from './applications.schemas.ts'

/** Which of `me`'s applications a status filter keeps (`active`: still moving). */
export function mineWhere(me: string | SQLWrapper, status: StatusFilter | undefined): SQL {
  const mine = eq(applications.applicantCardNumber, me)
  if (status === 'active') return and(mine, inArray(applications.status, ['submitted', 'in_review', 'returned']))!
  return status ? and(mine, eq(applications.status, status))! : mine
}

/**
 * My list's rows: only the columns a row shows. Reading the whole row read and parsed its form
 * values and engine state (kilobytes of JSON each) for every row; what a row waits for comes from
 * the engine's tasks, remembered per application and state version (row-state.ts).
 */
export function selectMine(db: Db) {
  return db
    .select({
      app: {
        id: applications.id,
        serviceCode: applications.serviceCode,
        status: applications.status,
        stateVersion: applications.stateVersion,
        referenceNumber: applications.referenceNumber,
        documentNumber: applications.documentNumber,
        createdAt: applications.createdAt,
        submittedAt: applications.submittedAt,
        finishedAt: applications.finishedAt,
        currentStepNameZh: applications.currentStepNameZh,
        currentStepNameEn: applications.currentStepNameEn,
        waitingSince: applications.waitingSince,
      },
      nameZh: serviceVersions.nameZh,
      nameEn: serviceVersions.nameEn,
    })
    .from(applications)
    .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
}

/** The number of rows of `selectMine` for a filter, joined alike. */
export function countMine(db: Db) {
  return db.select({ n: count() }).from(applications).innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
}

/**
 * Newest first by submission (creation for a row never submitted): ids follow insertion, and past
 * applications imported or seeded later have higher ids than newer ones.
 */
export const MINE_ORDER = [desc(sql`coalesce(${applications.submittedAt}, ${applications.createdAt})`), desc(applications.id)]

const me = sql.placeholder('me')

const assignee = aliasedTable(people, 'assignee')
const principal = aliasedTable(people, 'principal')

/**
 * My list as it opens, on every visit to 我的办件 (no search): one page and its total per status
 * filter, prepared once per database handle; a search builds its query per request.
 */
export const applicationsStatements = preparedPerDb((db) => {
  const pages = new Map<string, ReturnType<typeof preparePage>>()
  const totals = new Map<string, ReturnType<typeof prepareTotal>>()
  const preparePage = (status: StatusFilter | undefined) =>
    selectMine(db)
      .where(mineWhere(me, status))
      .orderBy(...MINE_ORDER)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare()
  const prepareTotal = (status: StatusFilter | undefined) => countMine(db).where(mineWhere(me, status)).prepare()
  const once = <T>(cache: Map<string, T>, status: StatusFilter | undefined, make: (status: StatusFilter | undefined) => T) => {
    let statement = cache.get(status ?? '')
    if (!statement) {
      statement = make(status)
      cache.set(status ?? '', statement)
    }
    return statement
  }
  return {
    /**
     * The live tasks of applications (`ids`: a JSON array of ids), oldest first, with the names of
     * who holds each and of whom they hold it for.
     */
    liveHolders: db
      .select({
        applicationId: tasks.applicationId,
        cardNumber: tasks.assigneeCardNumber,
        name: assignee.name,
        nameEn: assignee.nameEn,
        onBehalfOf: tasks.onBehalfOf,
        onBehalfOfName: principal.name,
        onBehalfOfNameEn: principal.nameEn,
      })
      .from(tasks)
      .leftJoin(assignee, eq(assignee.cardNumber, tasks.assigneeCardNumber))
      .leftJoin(principal, eq(principal.cardNumber, tasks.onBehalfOf))
      .where(and(inJsonArray(tasks.applicationId, sql.placeholder('ids'), 'integer'), eq(tasks.box, 'todo')))
      .orderBy(asc(tasks.id))
      .prepare(),
    /** One page of my applications under a status filter (none: all). */
    minePage: (status: StatusFilter | undefined) => once(pages, status, preparePage),
    /** How many of my applications a status filter keeps. */
    mineTotal: (status: StatusFilter | undefined) => once(totals, status, prepareTotal),
  }
})
