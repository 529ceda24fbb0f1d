import type { z } from '@hono/zod-openapi'
import { and, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { applications, ratings, statisticsExports, tasks } from '../../db/schema/index.ts'
import type { SessionUser } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { EXPORT_STALE_MS } from './export.service.ts'
import type { ExportJob } from './feedback.schemas.ts'
import { linkable, ratingView } from './ratings.service.ts'
import { beijingMonth, decidedTasks, iso, departmentNames, personNames, serviceFacts, stepNames, type ServiceFacts } from './feedback.service.ts'

// The figures of the statistics page, computed from the rows themselves (applications, tasks,
// ratings) so that they are the same as anyone would count them. Definitions:
// - periods are Beijing calendar months (`2026-10`) or weeks starting on Monday (`2026-10-05`);
//   an application belongs to the period it was submitted in, a rating to the one it was given in;
// - completion rate: of the applications submitted in the range that have ended, the share
//   completed (rejected and withdrawn ones have not);
// - handling time of a step: from a task's creation to its decision (approved, rejected or
//   returned), in hours, for tasks decided in the range, as the applications' engine states
//   record them (the demo's past applications have a state but no task rows); median (mean of the two middle values
//   for an even count) and 90th percentile (nearest rank: the ⌈0.9·n⌉-th smallest);
// - overdue now: live tasks past their due time, whatever the range;
// - worst-rated steps: the steps applicants named as most needing improvement, by the mean
//   process score of those ratings, lowest first (then the most named, then by service and step);
// - recent ratings: the 20 latest by month. To anyone but an administrator an anonymous rating
//   shows its month only, comes after the month's other ratings in an order of its content (not
//   of time), and is left out while fewer than ANONYMITY_CROWD applications of its service could
//   have given it (see recentRatingsFor).

const HOUR = 3_600_000
const BEIJING = 8 * HOUR

export type Granularity = 'month' | 'week'

export interface StatisticsFilters {
  from: string
  to: string
  granularity: Granularity
  departmentCode?: string | undefined
  serviceCode?: string | undefined
}

/** Midnight at the start of a Beijing date (`2026-10-01`), as an instant. */
export const beijingMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING)
export const beijingDate = (at: Date) => new Date(at.getTime() + BEIJING).toISOString().slice(0, 10)

/** The period an instant falls in. */
export function periodOf(at: Date, granularity: Granularity): string {
  const local = new Date(at.getTime() + BEIJING)
  if (granularity === 'month') return local.toISOString().slice(0, 7)
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * 24 * HOUR)
  return monday.toISOString().slice(0, 10)
}

/** Every period from `from` to `to` (Beijing dates, inclusive), so empty periods show as zero. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const out: string[] = []
  const end = beijingMidnight(to).getTime()
  for (let t = beijingMidnight(from).getTime(); t <= end; t += 24 * HOUR) {
    const p = periodOf(new Date(t), granularity)
    if (out[out.length - 1] !== p) out.push(p)
  }
  return out
}

export function median(sorted: number[]): number | null {
  if (!sorted.length) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
export function percentile90(sorted: number[]): number | null {
  if (!sorted.length) return null
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!
}
/** Code-point order: stable whatever the machine's locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
const round = (x: number | null, digits = 2) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits)

/**
 * The services `user` may see statistics of, narrowed by the filters; a 403 when they may see
 * none, or filter on a department or service outside what they may see.
 */
export async function servicesInScope(db: Db, user: SessionUser, filters: Pick<StatisticsFilters, 'departmentCode' | 'serviceCode'>) {
  const scope = policy.statisticsScope(user)
  if (!scope)
    throw new HallError(
      403,
      'forbidden',
      "Statistics are for services' owners, the president's office and administrators",
      '统计仅对服务负责部门、校长办公室和管理员开放',
    )
  const all = [...(await serviceFacts(db)).values()]
  const visible = scope === '*' ? all : all.filter((s) => scope.includes(s.ownerDepartmentCode))
  if (filters.departmentCode && scope !== '*' && !scope.includes(filters.departmentCode)) {
    throw new HallError(403, 'forbidden', `You may see the statistics of ${scope.join(', ')} only`, `您只能查看本部门（${scope.join('、')}）的统计`)
  }
  let chosen = filters.departmentCode ? visible.filter((s) => s.ownerDepartmentCode === filters.departmentCode) : visible
  if (filters.serviceCode) {
    if (!visible.some((s) => s.code === filters.serviceCode)) {
      throw new HallError(
        403,
        'forbidden',
        `You may not see the statistics of the service "${filters.serviceCode}"`,
        `您无权查看服务“${filters.serviceCode}”的统计`,
      )
    }
    chosen = chosen.filter((s) => s.code === filters.serviceCode)
  }
  return { scope, visible, chosen }
}

/** The rows under the figures: applications submitted in the range, of the chosen services. */
export async function applicationRows(db: Db, codes: string[], filters: StatisticsFilters) {
  if (!codes.length) return []
  return await db
    .select()
    .from(applications)
    .where(
      and(
        inArray(applications.serviceCode, codes),
        isNotNull(applications.submittedAt),
        gte(applications.submittedAt, beijingMidnight(filters.from)),
        lt(applications.submittedAt, new Date(beijingMidnight(filters.to).getTime() + 24 * HOUR)),
      ),
    )
}

async function ratingRows(db: Db, codes: string[], filters: StatisticsFilters) {
  if (!codes.length) return []
  return await db
    .select()
    .from(ratings)
    .where(
      and(
        inArray(ratings.serviceCode, codes),
        gte(ratings.createdAt, beijingMidnight(filters.from)),
        lt(ratings.createdAt, new Date(beijingMidnight(filters.to).getTime() + 24 * HOUR)),
      ),
    )
}

/**
 * An anonymous rating is listed to a non-administrator only when at least this many people's
 * applications of its service ended (completed or rejected) in its month or the month before
 * without a rating in their name: with one such application, "an anonymous rating of this
 * service in October" names its applicant to anyone who has the applications export.
 */
export const ANONYMITY_CROWD = 3

type RatingRow = typeof ratings.$inferSelect

/** The first instant of the Beijing month `2026-10`, or of the month `offset` months later. */
function monthStart(month: string, offset = 0): Date {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + offset, 1))
  return beijingMidnight(d.toISOString().slice(0, 10))
}

/** Code-point order of an anonymous rating's content: an order that says nothing about time. */
const contentKey = (r: RatingRow) => [r.serviceCode, r.serviceScore, r.processScore, r.comment ?? '', [...r.tags].sort().join(',')].join('\u0000')

/**
 * The recent ratings as `user` may see them (see the header comment). Administrators (and raters,
 * for their own) see every rating as it is, latest first.
 */
export async function recentRatingsFor(db: Db, user: SessionUser, rates: RatingRow[], people: Map<string, { name: string }>, limit = 20) {
  const open = rates.filter((r) => linkable(r, user))
  const veiled = rates.filter((r) => !linkable(r, user))
  let shown: RatingRow[] = []
  if (veiled.length) {
    const months = veiled.map((r) => beijingMonth(r.createdAt)).sort()
    const codes = [...new Set(veiled.map((r) => r.serviceCode))]
    const ended = await db
      .select({ id: applications.id, serviceCode: applications.serviceCode, finishedAt: applications.finishedAt, applicant: applications.applicantCardNumber })
      .from(applications)
      .where(
        and(
          inArray(applications.serviceCode, codes),
          inArray(applications.status, ['completed', 'rejected']),
          gte(applications.finishedAt, monthStart(months[0]!, -1)),
          lt(applications.finishedAt, monthStart(months.at(-1)!, 1)),
        ),
      )
    const signed = new Set(
      ended.length
        ? (
            await db
              .select({ id: ratings.applicationId })
              .from(ratings)
              .where(
                and(
                  eq(ratings.anonymous, false),
                  inArray(
                    ratings.applicationId,
                    ended.map((a) => a.id),
                  ),
                ),
              )
          ).map((r) => r.id)
        : [],
    )
    const crowd = (code: string, month: string) => {
      const from = monthStart(month, -1).getTime()
      const to = monthStart(month, 1).getTime()
      // People, not applications: three applications of one person would still name that person.
      return new Set(
        ended
          .filter((a) => a.serviceCode === code && !signed.has(a.id) && a.finishedAt!.getTime() >= from && a.finishedAt!.getTime() < to)
          .map((a) => a.applicant),
      ).size
    }
    shown = veiled.filter((r) => crowd(r.serviceCode, beijingMonth(r.createdAt)) >= ANONYMITY_CROWD)
  }
  const month = (r: RatingRow) => beijingMonth(r.createdAt)
  return [...open.map((r) => ({ r, veiled: false })), ...shown.map((r) => ({ r, veiled: true }))]
    .sort((a, b) => {
      if (month(a.r) !== month(b.r)) return month(a.r) < month(b.r) ? 1 : -1
      if (a.veiled !== b.veiled) return a.veiled ? 1 : -1
      if (a.veiled) return byText(contentKey(a.r), contentKey(b.r))
      return b.r.createdAt.getTime() - a.r.createdAt.getTime() || b.r.id - a.r.id
    })
    .slice(0, limit)
    .map(({ r }) => ratingView(r, user, people))
}

export async function computeStatistics(db: Db, user: SessionUser, filters: StatisticsFilters, now: Date) {
  const { scope, visible, chosen } = await servicesInScope(db, user, filters)
  const codes = chosen.map((s) => s.code)
  const byCode = new Map<string, ServiceFacts>(chosen.map((s) => [s.code, s]))
  const start = beijingMidnight(filters.from)
  const end = new Date(beijingMidnight(filters.to).getTime() + 24 * HOUR)

  const apps = await applicationRows(db, codes, filters)
  const rates = await ratingRows(db, codes, filters)
  const periodKeys = periodsBetween(filters.from, filters.to, filters.granularity)
  const periods = new Map(
    periodKeys.map((p) => [p, { period: p, submitted: 0, completed: 0, rejected: 0, withdrawn: 0, service: [] as number[], process: [] as number[] }]),
  )
  for (const a of apps) {
    const p = periods.get(periodOf(a.submittedAt!, filters.granularity))
    if (!p) continue
    p.submitted++
    if (a.status === 'completed') p.completed++
    if (a.status === 'rejected') p.rejected++
    if (a.status === 'withdrawn') p.withdrawn++
  }
  for (const r of rates) {
    const p = periods.get(periodOf(r.createdAt, filters.granularity))
    if (!p) continue
    p.service.push(r.serviceScore)
    p.process.push(r.processScore)
  }

  const count = (s: string) => apps.filter((a) => a.status === s).length
  const ended = count('completed') + count('rejected') + count('withdrawn')

  // Handling time per step, from the engine state of every application that may have had a task
  // decided in the range (submitted before its end, not finished before its start).
  const candidates = codes.length
    ? await db
        .select({ serviceCode: applications.serviceCode, versionId: applications.serviceVersionId, state: applications.state })
        .from(applications)
        .where(
          and(
            inArray(applications.serviceCode, codes),
            isNotNull(applications.state),
            lt(applications.submittedAt, end),
            or(isNull(applications.finishedAt), gte(applications.finishedAt, start)),
          ),
        )
    : []
  const nameOf = await stepNames(
    db,
    candidates.map((a) => a.versionId),
  )
  const names = new Map<string, { nameZh: string; nameEn: string }>()
  const durations = new Map<string, number[]>()
  for (const a of candidates) {
    for (const t of decidedTasks(a.state)) {
      if (t.closedAt < start || t.closedAt >= end) continue
      const key = `${a.serviceCode}\u0000${t.stepId}`
      if (!names.has(key)) names.set(key, nameOf(a.versionId, t.stepId))
      const list = durations.get(key) ?? []
      list.push((t.closedAt.getTime() - t.createdAt.getTime()) / HOUR)
      durations.set(key, list)
    }
  }
  const steps = [...durations.entries()]
    .map(([key, hours]) => {
      const [serviceCode, stepKey] = key.split('\u0000') as [string, string]
      const sorted = [...hours].sort((a, b) => a - b)
      return { serviceCode, stepKey, ...names.get(key)!, count: sorted.length, medianHours: round(median(sorted)), p90Hours: round(percentile90(sorted)) }
    })
    .sort((a, b) => (b.p90Hours ?? 0) - (a.p90Hours ?? 0))

  // Overdue now.
  const live = codes.length
    ? await db
        .select()
        .from(tasks)
        .where(and(inArray(tasks.serviceCode, codes), eq(tasks.box, 'todo'), isNotNull(tasks.dueAt), lt(tasks.dueAt, now)))
    : []
  const overdueBy = new Map<string, { serviceCode: string; stepKey: string; nameZh: string; nameEn: string; count: number }>()
  for (const t of live) {
    const key = `${t.serviceCode}\u0000${t.stepKey}`
    const row = overdueBy.get(key) ?? { serviceCode: t.serviceCode!, stepKey: t.stepKey, nameZh: t.stepNameZh, nameEn: t.stepNameEn, count: 0 }
    row.count++
    overdueBy.set(key, row)
  }

  // Worst-rated steps: names come from any task of that step.
  const named = new Map<string, number[]>()
  for (const r of rates) {
    if (!r.stepKey) continue
    const key = `${r.serviceCode}\u0000${r.stepKey}`
    named.set(key, [...(named.get(key) ?? []), r.processScore])
  }
  const worstSteps = [...named.entries()]
    .map(([key, scores]) => {
      const [serviceCode, stepKey] = key.split('\u0000') as [string, string]
      const version = byCode.get(serviceCode)?.versionId
      const n = names.get(key) ?? (version ? nameOf(version, stepKey) : { nameZh: stepKey, nameEn: stepKey })
      return { serviceCode, stepKey, nameZh: n.nameZh, nameEn: n.nameEn, ratings: scores.length, avgProcess: round(mean(scores))! }
    })
    .sort((a, b) => a.avgProcess - b.avgProcess || b.ratings - a.ratings || byText(`${a.serviceCode}/${a.stepKey}`, `${b.serviceCode}/${b.stepKey}`))
    .slice(0, 10)

  const byService = chosen
    .map((s) => {
      const mine = apps.filter((a) => a.serviceCode === s.code)
      const done = mine.filter((a) => ['completed', 'rejected', 'withdrawn'].includes(a.status)).length
      const completed = mine.filter((a) => a.status === 'completed').length
      const rs = rates.filter((r) => r.serviceCode === s.code)
      return {
        serviceCode: s.code,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        departmentCode: s.ownerDepartmentCode,
        submitted: mine.length,
        completed,
        completionRate: done ? round(completed / done, 4) : null,
        ratings: rs.length,
        avgService: round(mean(rs.map((r) => r.serviceScore))),
        avgProcess: round(mean(rs.map((r) => r.processScore))),
      }
    })
    .filter((s) => s.submitted > 0 || s.ratings > 0)
    .sort((a, b) => b.submitted - a.submitted)

  const people = await personNames(db)
  const svc = (code: string) => ({ code, nameZh: byCode.get(code)?.nameZh ?? code, nameEn: byCode.get(code)?.nameEn ?? code })
  const recentRatings = (await recentRatingsFor(db, user, rates, people)).map((view) => ({ ...view, service: svc(view.serviceCode) }))

  const depts = await departmentNames(db)
  const deptCodes = [...new Set(visible.map((s) => s.ownerDepartmentCode))].sort()
  return {
    filters: {
      from: filters.from,
      to: filters.to,
      granularity: filters.granularity,
      departmentCode: filters.departmentCode ?? null,
      serviceCode: filters.serviceCode ?? null,
    },
    scope: {
      all: scope === '*',
      departments: deptCodes.map((code) => ({ code, nameZh: depts.get(code)?.nameZh ?? code, nameEn: depts.get(code)?.nameEn ?? code })),
      services: visible.map((s) => ({ code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, departmentCode: s.ownerDepartmentCode })),
    },
    totals: {
      submitted: apps.length,
      completed: count('completed'),
      rejected: count('rejected'),
      withdrawn: count('withdrawn'),
      inProgress: apps.length - ended,
      completionRate: ended ? round(count('completed') / ended, 4) : null,
      ratings: rates.length,
      avgService: round(mean(rates.map((r) => r.serviceScore))),
      avgProcess: round(mean(rates.map((r) => r.processScore))),
      overdueNow: live.length,
    },
    periods: [...periods.values()].map((p) => ({
      period: p.period,
      submitted: p.submitted,
      completed: p.completed,
      rejected: p.rejected,
      withdrawn: p.withdrawn,
      ratings: p.service.length,
      avgService: round(mean(p.service)),
      avgProcess: round(mean(p.process)),
    })),
    steps,
    overdue: [...overdueBy.values()].sort((a, b) => b.count - a.count),
    worstSteps,
    byService,
    recentRatings,
  }
}

export type Statistics = Awaited<ReturnType<typeof computeStatistics>>

// ------------------------------------------------------------------------------ export jobs

type ExportRow = typeof statisticsExports.$inferSelect
export function jobView(row: ExportRow, now: Date): z.infer<typeof ExportJob> {
  // A job still running long after it began died with its process (the row outlives it).
  const status = row.status === 'running' && now.getTime() - row.createdAt.getTime() > EXPORT_STALE_MS ? 'failed' : row.status
  return {
    id: row.id,
    kind: row.kind,
    status,
    done: row.done,
    total: row.total,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    fileUrl: status === 'done' ? `/api/statistics/exports/${row.id}/file` : null,
  }
}

const exportNotFound = (id: number) => new HallError(404, 'not_found', `There is no export ${id} of yours`, `没有您的导出任务 ${id}`)

/** One of `user`'s own exports, or a 404 (also for someone who may no longer see statistics). */
export async function ownExport(db: Db, user: SessionUser, id: number): Promise<ExportRow> {
  const row = (
    await db
      .select()
      .from(statisticsExports)
      .where(and(eq(statisticsExports.id, id), eq(statisticsExports.requestedBy, user.cardNumber)))
  )[0]
  if (!row || !policy.statisticsScope(user)) throw exportNotFound(id)
  return row
}
