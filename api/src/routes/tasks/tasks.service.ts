import { isOverdue } from '@hall/workflow'
import { LRUCache } from 'lru-cache'
import { and, type AnyColumn, asc, count, desc, eq, gte, inArray, lt, max, or, sql, sum, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { applications, serviceVersions, tasks } from '../../db/schema/index.ts'
import type { Deps, SessionUser } from '../../lib/context.ts'
import { badInput, HallError } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { act, type EngineAction } from '../../workflow/act.ts'
import { delegatorsAmong, namesOf } from '../../workflow/organisation.ts'
import type { z } from '@hono/zod-openapi'
import type { TaskActionBody } from './tasks.schemas.ts'
import { applicant, boxWhere, countTasksWhere, EVERYONE, selectTaskRows, tasksStatements, type Box, type TaskListRow } from './tasks.statements.ts'
import { personRef, personRefOf } from '../applications/applications.service.ts'
import { rowStateOf, rowStateSourcesOf } from '../applications/row-state.ts'
import { likeIgnoringCase } from '../../db/portable-sql.ts'
import { preparedPerDb } from '../../db/prepared.ts'
import { KeptJson } from '../../lib/compress.ts'

// A reviewer's boxes and actions. The boxes are read from the task rows the engine's effects
// wrote; every action goes back through the engine (api/src/workflow/act.ts).

export type { Box }

export const taskNotFound = (id: number) => new HallError(404, 'not_found', `There is no task ${id} of yours`, `没有您的待办 ${id}`)

/** Common opinions (常用意见), one click away in the task page. */
export const PHRASES = [
  { zh: '同意', en: 'Approved', actions: ['approve'] },
  { zh: '情况属实，同意', en: 'Verified, approved', actions: ['approve'] },
  { zh: '同意，请按规定办理', en: 'Approved; please proceed as the rules say', actions: ['approve'] },
  { zh: '材料不全，请补充', en: 'Materials incomplete, please add them', actions: ['return', 'ask'] },
  { zh: '信息有误，请核对后重新提交', en: 'Some information is wrong; please check and resubmit', actions: ['return'] },
  { zh: '不符合办理条件', en: 'Does not meet the conditions', actions: ['reject'] },
]

export interface TaskQuery {
  box: Box
  q?: string | undefined
  service?: string | undefined
  overdue?: boolean | undefined
  /** An applicant's card number. */
  applicant?: string | undefined
  /** Received from / to these Beijing dates (YYYY-MM-DD), inclusive. */
  from?: string | undefined
  to?: string | undefined
  sort?: 'received' | 'deadline' | 'applicant'
  /** Default: desc for received, asc otherwise. */
  order?: 'asc' | 'desc' | undefined
  page: number
  pageSize: number
}

async function toSummaries(db: Db, rows: TaskListRow[], now: Date) {
  // Only a live task waits for someone: a decided one's state is its outcome.
  const live = rows.filter((r) => r.box === 'todo')
  const sources = live.length ? await rowStateSourcesOf(db, live) : new Map<number, null>()
  const states = new Map(rows.map((r) => [r.id, rowStateOf(r.appStatus, r.box === 'todo' ? (sources.get(r.applicationId) ?? null) : null, r.engineTaskId)]))
  // The page's own people come with its rows; only added signers are looked up.
  const signers = [...states.values()].flatMap((s) => s.signers)
  const person = personRefOf(await namesOf(db, signers))
  return rows.map((r) => {
    const state = states.get(r.id)!
    return {
      id: r.id,
      applicationId: r.applicationId,
      box: r.box as Box,
      status: r.status,
      outcome: r.outcome,
      serviceCode: r.serviceCode,
      serviceNameZh: r.serviceNameZh,
      serviceNameEn: r.serviceNameEn,
      applicant: {
        cardNumber: r.applicantCardNumber,
        name: r.applicantName ?? r.applicantCardNumber,
        nameEn: r.applicantNameEn ?? r.applicantCardNumber,
        kind: r.applicantKind ?? null,
        department: r.departmentCode ? { code: r.departmentCode, nameZh: r.departmentNameZh!, nameEn: r.departmentNameEn! } : null,
      },
      stepId: r.stepKey,
      stepNameZh: r.stepNameZh,
      stepNameEn: r.stepNameEn,
      assignee: personRef(r.assigneeCardNumber, r.assigneeName, r.assigneeNameEn),
      onBehalfOf: r.onBehalfOf ? personRef(r.onBehalfOf, r.onBehalfOfName, r.onBehalfOfNameEn) : null,
      closedBy: r.closedBy && r.closedBy !== 'system' ? personRef(r.closedBy, r.closedByName, r.closedByNameEn) : null,
      referenceNumber: r.referenceNumber,
      rowState: { ...state, signers: state.signers.map(person) },
      createdAt: r.createdAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      overdue: isOverdue({ status: r.status, dueAt: r.dueAt?.toISOString() ?? null }, now),
      application: { status: r.appStatus, stateVersion: r.stateVersion },
    }
  })
}

function orderOf(query: TaskQuery): SQL[] {
  const sort = query.sort ?? 'received'
  const dir = query.order ?? (sort === 'received' ? 'desc' : 'asc')
  const by = dir === 'asc' ? asc : desc
  const received = by(query.box === 'done' ? tasks.decidedAt : tasks.createdAt)
  switch (sort) {
    case 'deadline':
      // Tasks without a deadline after every one that has one, whichever the direction.
      return [sql`${tasks.dueAt} IS NULL`, by(tasks.dueAt), received, by(tasks.id)]
    case 'applicant':
      return [by(applicant.name), by(applications.applicantCardNumber), received, by(tasks.id)]
    default:
      return [received, by(tasks.id)]
  }
}

/** A box as it opens: no search, filter or delegation. Its pages are prepared statements, and served again while nothing in them changed. */
const isWholeBox = (query: TaskQuery, standsInFor: string[]) =>
  !standsInFor.length && !query.service && !query.overdue && !query.applicant && !query.from && !query.to && !query.q

/** A page of a box as a node last served it, with the numbers read before its rows (`mine`, `everyone`) and the last moment its overdue marks hold. */
interface ServedPage {
  mine: number
  everyone: number
  until: number
  json: KeptJson
}

/** The most bytes of served pages a node keeps per database handle: a 待办 page of 20 rows is about 17 KB. */
const SERVED_BYTES = 16_000_000

const servedPages = preparedPerDb(() => new LRUCache<string, ServedPage>({ maxSize: SERVED_BYTES, sizeCalculation: (page) => page.json.bytes.byteLength + 64 }))

/**
 * One page of a box, as the JSON the route answers with (compressed once per encoding asked for).
 * A whole box's page (how a reviewer's lists open, and what the live list fetches again) is kept
 * per node and served again while its
 * person's and everyone's numbers in `task_list_revisions` are the ones it was read under, and until
 * the first of its deadlines passes (its overdue marks change then): building it was most of the
 * 待办's cost (issue 15.5). The database's own triggers raise those numbers in the transaction of
 * any change the page shows (the task rows, their applications, names), so whatever node or path
 * wrote it, the next request reads it. The numbers are read before the rows: a change committed in
 * between leaves the rows newer than the numbers, never older, and the page is only read again.
 */
export async function taskListJson(db: Db, user: SessionUser, query: TaskQuery, now: Date): Promise<KeptJson> {
  const context = await boxContextOf(db, user.cardNumber, now)
  const standsInFor = query.box === 'todo' ? context.standsInFor : []
  if (!isWholeBox(query, standsInFor)) return new KeptJson(JSON.stringify(await filteredTasks(db, user, query, standsInFor, now)))
  const { mine, everyone } = context
  const key = `${user.cardNumber} ${query.box} ${query.sort ?? 'received'} ${query.order ?? ''} ${query.page} ${query.pageSize}`
  const pages = servedPages(db)
  const served = pages.get(key)
  if (served && served.mine === mine && served.everyone === everyone && now.getTime() <= served.until) return served.json
  const list = await wholeBox(db, user, query, now)
  const json = new KeptJson(JSON.stringify(list))
  pages.set(key, { mine, everyone, until: overdueMarksHoldUntil(list.items), json })
  return json
}

/**
 * What a person's boxes are read under at `at`, in one statement: whom they stand in for, and the
 * numbers their served pages and counts are kept under. Read before any row of the boxes.
 */
async function boxContextOf(db: Db, cardNumber: string, at: Date) {
  const rows = await tasksStatements(db).context.execute({ me: cardNumber, at })
  const named = rows.filter((r) => r.kind === 'delegator').map((r) => r.cardNumber)
  const revisionOf = (who: string) => rows.find((r) => r.kind === 'revision' && r.cardNumber === who)?.revision ?? 0
  return {
    standsInFor: named.length ? await delegatorsAmong(db, cardNumber, named, at) : [],
    mine: revisionOf(cardNumber),
    everyone: revisionOf(EVERYONE),
  }
}

/** The last moment (ms) at which none of `items` becomes overdue that is not already: the earliest deadline ahead of a live task. */
function overdueMarksHoldUntil(items: ReadonlyArray<{ status: string; dueAt: string | null; overdue: boolean }>): number {
  let until = Number.POSITIVE_INFINITY
  for (const item of items) {
    if (item.overdue || item.dueAt === null || (item.status !== 'open' && item.status !== 'waiting')) continue
    until = Math.min(until, Date.parse(item.dueAt))
  }
  return until
}

/** A whole box's page, by its prepared statements (tasks.statements.ts). */
async function wholeBox(db: Db, user: SessionUser, query: TaskQuery, now: Date) {
  const statements = tasksStatements(db)
  const key = `${query.box}:${query.sort ?? 'received'}:${query.order ?? ''}`
  // Both at once: on PostgreSQL each is a round trip, and the pool runs them side by side.
  const [rows, totals] = await Promise.all([
    statements.page(query.box, key, () => orderOf(query)).execute({ me: user.cardNumber, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    statements.totals[query.box].execute({ me: user.cardNumber }),
  ])
  const total = totals[0]?.n ?? 0
  return { items: await toSummaries(db, rows, now), total, page: query.page, pageSize: query.pageSize }
}

/** A page of a box searched, filtered, or with the tasks of people the user stands in for: its query built for the request. */
async function filteredTasks(db: Db, user: SessionUser, query: TaskQuery, standsInFor: string[], now: Date) {
  const where: SQL[] = [boxWhere(query.box, user.cardNumber, standsInFor)]
  if (query.service) where.push(eq(tasks.serviceCode, query.service))
  if (query.overdue) where.push(inArray(tasks.status, ['open', 'waiting']), lt(tasks.dueAt, now))
  if (query.applicant) where.push(eq(applications.applicantCardNumber, query.applicant))
  // Dates are Beijing days: from 00:00 of `from` to the end of `to`.
  if (query.from) where.push(gte(tasks.createdAt, new Date(`${query.from}T00:00:00+08:00`)))
  if (query.to) where.push(lt(tasks.createdAt, new Date(Date.parse(`${query.to}T00:00:00+08:00`) + 86_400_000)))
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const likeIt = (col: AnyColumn) => likeIgnoringCase(col, pattern)
    where.push(
      or(
        likeIt(applicant.name),
        likeIt(applicant.nameEn),
        likeIt(applications.applicantCardNumber),
        likeIt(serviceVersions.nameZh),
        likeIt(serviceVersions.nameEn),
        likeIt(applications.referenceNumber),
        ...(/^\d+$/.test(query.q) ? [eq(tasks.applicationId, Number(query.q))] : []),
      )!,
    )
  }
  const total = (await countTasksWhere(db, and(...where)))[0]?.n ?? 0
  const rows = await selectTaskRows(db)
    .where(and(...where))
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await toSummaries(db, rows, now), total, page: query.page, pageSize: query.pageSize }
}

/** Per database handle: a person's counts of their whole boxes, with their number they were counted under. */
const servedCounts = preparedPerDb(() => new LRUCache<string, { mine: number; counts: Record<Box, number> }>({ max: 20_000 }))

/** A person's counts of their own boxes, as kept under their number `mine` (read by the caller before). */
async function keptCounts(db: Db, cardNumber: string, mine: number): Promise<Record<Box, number>> {
  const kept = servedCounts(db).get(cardNumber)
  if (kept && kept.mine === mine) return kept.counts
  const counts = { todo: 0, done: 0, cc: 0 }
  for (const { box, n } of await tasksStatements(db).allCounts.execute({ me: cardNumber })) counts[box] = n
  servedCounts(db).set(cardNumber, { mine, counts })
  return counts
}

/**
 * How many tasks each of a person's boxes holds (the header's badge, on every page). Without
 * delegations they are counted from the person's own task rows only, whose every change raises
 * their number (task_list_revisions), so each node keeps them under it, as it keeps pages.
 */
export async function countTasks(db: Db, user: SessionUser, now: Date) {
  const { standsInFor, mine } = await boxContextOf(db, user.cardNumber, now)
  if (!standsInFor.length) return keptCounts(db, user.cardNumber, mine)
  const n = async (box: Box) =>
    (
      await db
        .select({ n: count() })
        .from(tasks)
        .where(boxWhere(box, user.cardNumber, standsInFor))
    )[0]?.n ?? 0
  return { todo: await n('todo'), done: await n('done'), cc: await n('cc') }
}

/**
 * What the live stream (the bell's) tells a person about their own 待办: how many tasks it holds
 * (the tab and the header's badge) and a version that changes whenever what their lists show
 * changes, so an open list knows to fetch again: a task arriving or leaving, and a row changing in
 * place (urged, waiting for an added signer, a deadline moved). It reads only the person's own
 * numbers and counts, as `countTasks` does: nothing about anyone else's tasks. Someone who stands in
 * for others has their principals' tasks in the box: then the version is of the box's rows (count,
 * highest id and their sum, which change together with the set; new ids are always higher).
 */
export async function todoSignal(db: Db, user: SessionUser, now: Date): Promise<{ todo: number; version: string }> {
  const { standsInFor, mine, everyone } = await boxContextOf(db, user.cardNumber, now)
  if (!standsInFor.length) return { todo: (await keptCounts(db, user.cardNumber, mine)).todo, version: `${mine}.${everyone}` }
  const row = (
    await db
      .select({ n: count(), last: max(tasks.id), total: sum(tasks.id) })
      .from(tasks)
      .where(boxWhere('todo', user.cardNumber, standsInFor))
  )[0]
  const todo = row?.n ?? 0
  return { todo, version: `${todo}.${row?.last ?? 0}.${row?.total ?? 0}` }
}

const summaryOf = async (db: Db, id: number, now: Date) => (await toSummaries(db, await selectTaskRows(db).where(eq(tasks.id, id)), now))[0]!

/** A task row with its summary, whoever asks: for callers that decide access themselves (the escalation page). */
export async function taskWithSummary(db: Db, id: number, now: Date) {
  const row = (await db.select().from(tasks).where(eq(tasks.id, id)))[0]
  return row ? { row, summary: await summaryOf(db, id, now) } : undefined
}

/** A task row the user may read (404 otherwise), as a summary. */
export async function readableTask(db: Db, user: SessionUser, id: number, now: Date) {
  const row = (await db.select().from(tasks).where(eq(tasks.id, id)))[0]
  if (!row || !(await policy.canReadTask(db, user, row, now))) throw taskNotFound(id)
  return { row, summary: await summaryOf(db, id, now) }
}

export async function requirePeople(db: Db, cardNumbers: string[], field: string) {
  const known = await namesOf(db, cardNumbers)
  const unknown = cardNumbers.filter((c) => !known.has(c))
  if (unknown.length) {
    throw badInput(field, `${field}: nobody has the card number ${unknown.join(', ')}`, `${field}：找不到校园卡号为 ${unknown.join('、')} 的人`)
  }
}

/** The engine action a request asks for, checked for what the engine cannot check (people exist). */
async function engineActionFor(db: Db, engineTaskId: string | null, body: z.infer<typeof TaskActionBody>): Promise<EngineAction> {
  const opinion = body.opinion?.trim()
  if (body.action === 'comment') return { type: 'comment', text: body.opinion ?? '', ...(engineTaskId ? { taskId: engineTaskId } : {}) }
  const taskId = engineTaskId!
  switch (body.action) {
    case 'approve':
      return { type: 'approve', taskId, ...(opinion ? { opinion } : {}) }
    case 'reject':
      return { type: 'reject', taskId, opinion: body.opinion ?? '' }
    case 'return':
      return { type: 'return', taskId, opinion: body.opinion ?? '', ...(body.targetStep ? { to: body.targetStep } : {}) }
    case 'ask':
      return { type: 'ask', taskId, question: body.opinion ?? '', ...(body.materials ? { materials: body.materials } : {}) }
    case 'transfer': {
      if (!body.to) throw badInput('to', 'to: name the person (card number) to transfer the task to', 'to：请指定转办对象（校园卡号）')
      await requirePeople(db, [body.to], 'to')
      return { type: 'transfer', taskId, to: body.to, ...(opinion ? { opinion } : {}) }
    }
    case 'addSigner': {
      const signers = [...new Set([...(body.signers ?? []), ...(body.to ? [body.to] : [])])]
      if (signers.length === 0) throw badInput('signers', 'signers: name at least one signer (card number)', 'signers：请至少指定一位加签人（校园卡号）')
      if (!body.position) throw badInput('position', 'position: say whether the signer signs before or after you', 'position：请选择在您之前还是之后加签')
      await requirePeople(db, signers, 'signers')
      return { type: 'addSigner', taskId, position: body.position, signers, ...(opinion ? { opinion } : {}) }
    }
  }
}

/**
 * Acts on a task. 404 unless it is the caller's (or their delegator's); a copy's recipient may
 * only comment. The engine refuses what the task's state does not allow (409, 400).
 */
export async function actOnTask(deps: Deps, user: SessionUser, taskId: number, body: z.infer<typeof TaskActionBody>) {
  const now = deps.now()
  const row = (await deps.db.select().from(tasks).where(eq(tasks.id, taskId)))[0]
  const mayAct = !!row && (await policy.canActOnTask(deps.db, user, row, now))
  const mayComment = !!row && body.action === 'comment' && (await policy.canReadTask(deps.db, user, row, now))
  if (!row || !(mayAct || mayComment)) throw taskNotFound(taskId)
  const action = await engineActionFor(deps.db, row.engineTaskId, body)
  return await act(deps, { applicationId: row.applicationId, expectedVersion: body.stateVersion, actor: user.cardNumber, action })
}
