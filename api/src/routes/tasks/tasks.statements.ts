import { aliasedTable, and, count, eq, gt, inArray, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { unionAllOf } from '../../db/portable-sql.ts'
import { placeholderFor, preparedPerDb } from '../../db/prepared.ts'
import { applications, delegations, departments, people, serviceVersions, taskListRevisions, tasks } from '../../db/schema/index.ts'

export type Box = 'todo' | 'done' | 'cc'

export const applicant = aliasedTable(people, 'applicant')

/** Which rows a box holds for `me` (a card number, or a placeholder for one), given the people `me` stands in for now. */
export function boxWhere(box: Box, me: string | SQLWrapper, standsInFor: string[]): SQL {
  if (box === 'todo') {
    return and(
      eq(tasks.box, 'todo'),
      or(eq(tasks.assigneeCardNumber, me), eq(tasks.onBehalfOf, me), ...(standsInFor.length ? [inArray(tasks.assigneeCardNumber, standsInFor)] : [])),
    )!
  }
  if (box === 'done') return and(eq(tasks.box, 'done'), or(eq(tasks.assigneeCardNumber, me), eq(tasks.closedBy, me), eq(tasks.onBehalfOf, me)))!
  return and(eq(tasks.box, 'cc'), eq(tasks.assigneeCardNumber, me))!
}

const assignee = aliasedTable(people, 'assignee')
const principal = aliasedTable(people, 'principal')
const closer = aliasedTable(people, 'closer')

/**
 * A task as its list row shows it: the application, the service version's name, the applicant and
 * their department; flat, and only the columns a summary shows: a page read every row's whole
 * task, department and engine state, and turning those values into objects was most of a 待办
 * page's time (issue 15.5). The engine state is left out
 * (its row state is read by `stateVersion`: row-state.ts); the names of the assignee, the person
 * they hold it for and who closed it are joined here, one query fewer per page.
 */
export function selectTaskRows(db: Db) {
  return db
    .select({
      id: tasks.id,
      applicationId: tasks.applicationId,
      engineTaskId: tasks.engineTaskId,
      box: tasks.box,
      status: tasks.status,
      outcome: tasks.outcome,
      stepKey: tasks.stepKey,
      stepNameZh: tasks.stepNameZh,
      stepNameEn: tasks.stepNameEn,
      assigneeCardNumber: tasks.assigneeCardNumber,
      assigneeName: assignee.name,
      assigneeNameEn: assignee.nameEn,
      onBehalfOf: tasks.onBehalfOf,
      onBehalfOfName: principal.name,
      onBehalfOfNameEn: principal.nameEn,
      closedBy: tasks.closedBy,
      closedByName: closer.name,
      closedByNameEn: closer.nameEn,
      createdAt: tasks.createdAt,
      dueAt: tasks.dueAt,
      decidedAt: tasks.decidedAt,
      appStatus: applications.status,
      stateVersion: applications.stateVersion,
      referenceNumber: applications.referenceNumber,
      applicantCardNumber: applications.applicantCardNumber,
      serviceCode: applications.serviceCode,
      serviceNameZh: serviceVersions.nameZh,
      serviceNameEn: serviceVersions.nameEn,
      applicantName: applicant.name,
      applicantNameEn: applicant.nameEn,
      applicantKind: applicant.kind,
      departmentCode: departments.code,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
    })
    .from(tasks)
    .innerJoin(applications, eq(applications.id, tasks.applicationId))
    .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
    .leftJoin(applicant, eq(applicant.cardNumber, applications.applicantCardNumber))
    .leftJoin(departments, eq(departments.code, applicant.departmentCode))
    .leftJoin(assignee, eq(assignee.cardNumber, tasks.assigneeCardNumber))
    .leftJoin(principal, eq(principal.cardNumber, tasks.onBehalfOf))
    .leftJoin(closer, eq(closer.cardNumber, tasks.closedBy))
}

export type TaskListRow = Awaited<ReturnType<typeof selectTaskRows>>[number]

/** The number of rows of `selectTaskRows` for a filter, joined alike, so both speak of the same rows. */
export function countTasksWhere(db: Db, where: SQL | undefined) {
  return db
    .select({ n: count() })
    .from(tasks)
    .innerJoin(applications, eq(applications.id, tasks.applicationId))
    .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
    .leftJoin(applicant, eq(applicant.cardNumber, applications.applicantCardNumber))
    .where(where)
}

const me = sql.placeholder('me')

/** The card number under which a change that can show in anyone's lists is counted (the migrations' triggers write it). */
export const EVERYONE = '*'

/**
 * A reviewer's boxes as they are opened most: a whole box (no search, filter or delegation), one
 * page in one order, its total, and the header's counts. Prepared once per database handle; a
 * list with filters, or of someone who stands in for others, builds its query per request.
 */
export const tasksStatements = preparedPerDb((db) => {
  const pages = new Map<string, ReturnType<typeof preparePage>>()
  const preparePage = (box: Box, order: SQL[]) =>
    selectTaskRows(db)
      .where(boxWhere(box, me, []))
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare()
  const prepareTotal = (box: Box) => countTasksWhere(db, boxWhere(box, me, [])).prepare()
  // The header's counts read the task rows alone, each box by its own index.
  const countOf = (box: Box) =>
    db
      // The box's name as a literal (one of three fixed words): PostgreSQL cannot type a parameter in a select list.
      .select({ box: sql<Box>`${sql.raw(`'${box}'`)}`, n: count() })
      .from(tasks)
      .where(boxWhere(box, me, []))
  const delegatorsNow = db
    .select({ kind: sql<'delegator' | 'revision'>`'delegator'`, cardNumber: delegations.cardNumber, revision: sql<number>`0`.mapWith(Number) })
    .from(delegations)
    .where(
      and(
        eq(delegations.delegate, me),
        lte(delegations.from, placeholderFor('at', delegations.from)),
        gt(delegations.to, placeholderFor('at', delegations.to)),
      ),
    )
  // The same columns from another table: drizzle types a union's parts by their table. A number is
  // the sum of its writers' rows (schema: taskListRevisions).
  const revisions = db
    .select({
      kind: sql<'delegator' | 'revision'>`'revision'`,
      cardNumber: taskListRevisions.cardNumber,
      revision: sql<number>`sum(${taskListRevisions.revision})`.mapWith(Number),
    })
    .from(taskListRevisions)
    .where(or(eq(taskListRevisions.cardNumber, me), eq(taskListRevisions.cardNumber, EVERYONE)))
    .groupBy(taskListRevisions.cardNumber)
  return {
    /** One page of a whole box in one order; `key` names the order (box, sort, direction), `order` builds it the first time. */
    page: (box: Box, key: string, order: () => SQL[]) => {
      let statement = pages.get(key)
      if (!statement) {
        statement = preparePage(box, order())
        pages.set(key, statement)
      }
      return statement
    },
    /** The number of rows of a whole box (joined as its pages are). */
    totals: { todo: prepareTotal('todo'), done: prepareTotal('done'), cc: prepareTotal('cc') },
    /**
     * What a person's boxes are read under, in one statement (on PostgreSQL, one round trip): the
     * people with a delegation to them live at `at` (`delegator` rows), and the numbers their served
     * pages are kept under (`revision` rows: theirs and everyone's, those that exist; schema:
     * taskListRevisions).
     */
    context: unionAllOf(delegatorsNow, revisions as unknown as typeof delegatorsNow).prepare(),
    /** The header's counts: every box's, one row each, in one statement (on PostgreSQL, one round trip for three). */
    allCounts: unionAllOf(countOf('todo'), countOf('done'), countOf('cc')).prepare(),
  }
})
