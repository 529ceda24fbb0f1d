import ExcelJS from 'exceljs'
import { eq, inArray, lt } from 'drizzle-orm'
import { ratings, statisticsExports } from '../../db/schema/index.ts'
import type { Deps, SessionUser } from '../../lib/context.ts'
import { RATING_TAGS } from './feedback.schemas.ts'
import { linkable } from './ratings.service.ts'
import { personNames } from './feedback.service.ts'
import { applicationRows, beijingDate, computeStatistics, servicesInScope, type StatisticsFilters } from './statistics.service.ts'
import { transaction } from '../../db/client.ts'

// Excel exports of the statistics, as jobs: the request creates a row and answers at once; the
// work runs after it, writing its progress to the row (the page polls it) and, at the end, the
// file. Between chunks of rows the job yields, so that other requests are served meanwhile.

const CHUNK = 50
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))
/** A job that has not finished after this long died with its process. */
export const EXPORT_STALE_MS = 10 * 60_000
const EXPORT_KEEP_MS = 24 * 3_600_000

const STATUS_ZH: Record<string, string> = {
  completed: '已办结',
  rejected: '未通过',
  withdrawn: '已撤回',
  in_review: '审核中',
  returned: '已退回',
  submitted: '已提交',
  draft: '草稿',
}

type Column = { header: string; key: string; width?: number }
type Sheet = { name: string; columns: Column[]; rows: Array<Record<string, unknown>> }

/** A sheet of figures per step of a service: the step is named the same way on every such sheet. */
const stepSheet = (name: string, figures: Column[], rows: Sheet['rows']): Sheet => ({
  name,
  columns: [
    { header: 'service', key: 'serviceCode', width: 24 },
    { header: 'step', key: 'stepKey', width: 18 },
    { header: '环节', key: 'nameZh', width: 20 },
    ...figures,
  ],
  rows,
})

/** The figures as sheets (headers in Chinese, then English). */
async function figureSheets(deps: Deps, user: SessionUser, filters: StatisticsFilters): Promise<Sheet[]> {
  const s = await computeStatistics(deps.db, user, filters, deps.now())
  return [
    {
      name: '汇总 Summary',
      columns: [
        { header: '指标 Figure', key: 'k', width: 36 },
        { header: '数值 Value', key: 'v', width: 18 },
      ],
      rows: [
        { k: '时间范围 Range', v: `${filters.from} – ${filters.to}` },
        { k: '申请数 Applications', v: s.totals.submitted },
        { k: '已办结 Completed', v: s.totals.completed },
        { k: '未通过 Rejected', v: s.totals.rejected },
        { k: '已撤回 Withdrawn', v: s.totals.withdrawn },
        { k: '办理中 In progress', v: s.totals.inProgress },
        { k: '办结率 Completion rate', v: s.totals.completionRate },
        { k: '评价数 Ratings', v: s.totals.ratings },
        { k: '服务满意度 Service score', v: s.totals.avgService },
        { k: '过程满意度 Process score', v: s.totals.avgProcess },
        { k: '当前超时待办 Overdue tasks now', v: s.totals.overdueNow },
      ],
    },
    {
      name: '按期间 Periods',
      columns: ['period', 'submitted', 'completed', 'rejected', 'withdrawn', 'ratings', 'avgService', 'avgProcess'].map((key) => ({
        header: key,
        key,
        width: 14,
      })),
      rows: s.periods,
    },
    stepSheet(
      '环节用时 Steps',
      [
        { header: 'count', key: 'count' },
        { header: 'median hours', key: 'medianHours', width: 14 },
        { header: 'p90 hours', key: 'p90Hours', width: 14 },
      ],
      s.steps,
    ),
    stepSheet('超时 Overdue', [{ header: 'count', key: 'count' }], s.overdue),
    stepSheet(
      '评价最低环节 Worst steps',
      [
        { header: 'ratings', key: 'ratings' },
        { header: 'avg process', key: 'avgProcess', width: 14 },
      ],
      s.worstSteps,
    ),
    {
      name: '按服务 Services',
      columns: [
        { header: 'service', key: 'serviceCode', width: 24 },
        { header: '服务', key: 'nameZh', width: 24 },
        { header: 'department', key: 'departmentCode', width: 18 },
        { header: 'submitted', key: 'submitted' },
        { header: 'completed', key: 'completed' },
        { header: 'completion rate', key: 'completionRate', width: 14 },
        { header: 'ratings', key: 'ratings' },
        { header: 'avg service', key: 'avgService', width: 12 },
        { header: 'avg process', key: 'avgProcess', width: 12 },
      ],
      rows: s.byService,
    },
  ]
}

/**
 * The applications under the figures, one row each, with their rating. An anonymous rating is not
 * in a non-administrator's file at all: the applicant's row looks as if they had not rated (a
 * marker such as "anonymous rating" would name who gave the anonymous comment of that month).
 */
async function applicationSheet(deps: Deps, user: SessionUser, filters: StatisticsFilters): Promise<Sheet> {
  const { db } = deps
  const { chosen } = await servicesInScope(db, user, filters)
  const names = await personNames(db)
  const svc = new Map(chosen.map((s) => [s.code, s]))
  const apps = (
    await applicationRows(
      db,
      chosen.map((s) => s.code),
      filters,
    )
  ).sort((a, b) => a.id - b.id)
  const rated = new Map<number, typeof ratings.$inferSelect>()
  for (let i = 0; i < apps.length; i += 500) {
    const ids = apps.slice(i, i + 500).map((a) => a.id)
    for (const r of await db.select().from(ratings).where(inArray(ratings.applicationId, ids))) rated.set(r.applicationId, r)
  }
  const tagText = new Map<string, string>(RATING_TAGS.map((t) => [t.code, t.zh]))
  return {
    name: '申请 Applications',
    columns: [
      { header: '申请编号 Id', key: 'id', width: 10 },
      { header: '服务 Service', key: 'service', width: 24 },
      { header: '部门 Department', key: 'department', width: 18 },
      { header: '申请人 Applicant', key: 'applicant', width: 14 },
      { header: '校园卡号 Card', key: 'card', width: 14 },
      { header: '状态 Status', key: 'status', width: 10 },
      { header: '提交 Submitted', key: 'submitted', width: 12 },
      { header: '办结 Finished', key: 'finished', width: 12 },
      { header: '用时(天) Days', key: 'days', width: 10 },
      { header: '服务评分 Service', key: 'serviceScore', width: 10 },
      { header: '过程评分 Process', key: 'processScore', width: 10 },
      { header: '标签 Tags', key: 'tags', width: 24 },
      { header: '评价意见 Comment', key: 'comment', width: 40 },
    ],
    rows: apps.map((a) => {
      const r = rated.get(a.id)
      const shown = r && linkable(r, user)
      return {
        id: a.id,
        service: svc.get(a.serviceCode)?.nameZh ?? a.serviceCode,
        department: svc.get(a.serviceCode)?.ownerDepartmentCode ?? '',
        applicant: names.get(a.applicantCardNumber)?.name ?? a.applicantCardNumber,
        card: a.applicantCardNumber,
        status: STATUS_ZH[a.status] ?? a.status,
        submitted: a.submittedAt ? beijingDate(a.submittedAt) : '',
        finished: a.finishedAt ? beijingDate(a.finishedAt) : '',
        days: a.finishedAt && a.submittedAt ? Math.round(((a.finishedAt.getTime() - a.submittedAt.getTime()) / 864e5) * 10) / 10 : null,
        serviceScore: shown ? r.serviceScore : null,
        processScore: shown ? r.processScore : null,
        tags: shown ? r.tags.map((t) => tagText.get(t) ?? t).join('、') : '',
        comment: shown ? (r.comment ?? '') : '',
      }
    }),
  }
}

/** Prepares the sheets now (so a bad filter is refused by the request), and returns the job that writes them. */
export async function prepareExport(deps: Deps, user: SessionUser, kind: 'figures' | 'applications', filters: StatisticsFilters) {
  const sheets = kind === 'figures' ? await figureSheets(deps, user, filters) : [await applicationSheet(deps, user, filters)]
  const total = sheets.reduce((n, s) => n + s.rows.length, 0)
  // Files are kept for a day: long enough to download again, short enough not to pile up.
  await transaction(deps.db, async (tx) => tx.delete(statisticsExports).where(lt(statisticsExports.createdAt, new Date(deps.now().getTime() - EXPORT_KEEP_MS))))
  const job = (
    await transaction(deps.db, async (tx) =>
      tx
        .insert(statisticsExports)
        .values({ requestedBy: user.cardNumber, kind, filters: { ...filters }, status: 'running', done: 0, total, createdAt: deps.now() })
        .returning(),
    )
  )[0]!
  const run = async () => {
    try {
      const book = new ExcelJS.Workbook()
      book.creator = 'Service Hall'
      book.created = deps.now()
      let done = 0
      for (const sheet of sheets) {
        const ws = book.addWorksheet(sheet.name.slice(0, 31))
        ws.columns = sheet.columns
        ws.getRow(1).font = { bold: true }
        for (let i = 0; i < sheet.rows.length; i += CHUNK) {
          for (const row of sheet.rows.slice(i, i + CHUNK)) ws.addRow(row)
          done += Math.min(CHUNK, sheet.rows.length - i)
          await transaction(deps.db, async (tx) => tx.update(statisticsExports).set({ done }).where(eq(statisticsExports.id, job.id)))
          await yieldToOthers()
        }
      }
      const file = Buffer.from(await book.xlsx.writeBuffer())
      await transaction(deps.db, async (tx) =>
        tx.update(statisticsExports).set({ status: 'done', done: total, file, finishedAt: deps.now() }).where(eq(statisticsExports.id, job.id)),
      )
    } catch (err) {
      deps.log.error({ err, exportId: job.id }, 'statistics export failed')
      await transaction(deps.db, async (tx) =>
        tx.update(statisticsExports).set({ status: 'failed', finishedAt: deps.now() }).where(eq(statisticsExports.id, job.id)),
      )
    }
  }
  return { job, run }
}
