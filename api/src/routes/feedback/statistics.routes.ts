import { fileHeaders } from '../../lib/downloads.ts'
import { createRoute, z } from '@hono/zod-openapi'
import { and, eq } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { statisticsExports } from '../../db/schema/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { EXPORT_STALE_MS, prepareExport } from './export.ts'
import { RatingView } from './ratings.routes.ts'
import { ServiceRef, iso, json } from './shared.ts'
import { beijingDate, beijingMidnight, computeStatistics, type StatisticsFilters } from './statistics.service.ts'

// Statistics for a service's owners (their departments' services) and, across all services, the
// president's office and administrators; the Excel exports of the same figures and of the
// applications under them, as jobs the page polls.

const Day = (what: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what} is a date YYYY-MM-DD`)
const Code = z.string().regex(/^[a-z0-9-]{2,60}$/, 'a code such as student-affairs')

const FiltersQuery = z.object({
  from: Day('from').optional().openapi({ description: 'First day (Beijing), default 180 days ago' }),
  to: Day('to').optional().openapi({ description: 'Last day (Beijing), inclusive; default today' }),
  granularity: z.enum(['month', 'week'], { error: 'granularity is month or week' }).default('month'),
  departmentCode: Code.optional(),
  serviceCode: Code.optional(),
})
type FiltersInput = z.infer<typeof FiltersQuery>

/** The filters with their defaults, or a 400 for a range that makes no sense. */
function filtersOf(input: FiltersInput, now: Date): StatisticsFilters {
  const to = input.to ?? beijingDate(now)
  const from = input.from ?? beijingDate(new Date(beijingMidnight(to).getTime() - 179 * 864e5))
  if (Number.isNaN(beijingMidnight(from).getTime()) || Number.isNaN(beijingMidnight(to).getTime())) {
    throw new HallError(400, 'bad_request', 'from and to must be real dates (YYYY-MM-DD)', 'from 和 to 须为有效日期（YYYY-MM-DD）')
  }
  if (from > to) throw new HallError(400, 'bad_request', `from (${from}) is after to (${to})`, `开始日期（${from}）晚于结束日期（${to}）`)
  const days = (beijingMidnight(to).getTime() - beijingMidnight(from).getTime()) / 864e5
  if (days > 3 * 366) throw new HallError(400, 'bad_request', 'The range is at most three years', '时间范围最长三年')
  return { from, to, granularity: input.granularity, departmentCode: input.departmentCode, serviceCode: input.serviceCode }
}

const Num = z.number().nullable()
const StepRow = z.object({ serviceCode: z.string(), stepKey: z.string(), nameZh: z.string(), nameEn: z.string() })

const Statistics = z
  .object({
    filters: z.object({ from: z.string(), to: z.string(), granularity: z.enum(['month', 'week']), departmentCode: z.string().nullable(), serviceCode: z.string().nullable() }),
    scope: z.object({
      all: z.boolean(),
      departments: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      services: z.array(ServiceRef.extend({ departmentCode: z.string() })),
    }),
    totals: z.object({
      submitted: z.number(),
      completed: z.number(),
      rejected: z.number(),
      withdrawn: z.number(),
      inProgress: z.number(),
      completionRate: Num,
      ratings: z.number(),
      avgService: Num,
      avgProcess: Num,
      overdueNow: z.number(),
    }),
    periods: z.array(
      z.object({ period: z.string(), submitted: z.number(), completed: z.number(), rejected: z.number(), withdrawn: z.number(), ratings: z.number(), avgService: Num, avgProcess: Num }),
    ),
    steps: z.array(StepRow.extend({ count: z.number(), medianHours: Num, p90Hours: Num })),
    overdue: z.array(StepRow.extend({ count: z.number() })),
    worstSteps: z.array(StepRow.extend({ ratings: z.number(), avgProcess: z.number() })),
    byService: z.array(
      z.object({
        serviceCode: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        departmentCode: z.string(),
        submitted: z.number(),
        completed: z.number(),
        completionRate: Num,
        ratings: z.number(),
        avgService: Num,
        avgProcess: Num,
      }),
    ),
    recentRatings: z.array(RatingView.extend({ service: ServiceRef })),
  })
  .openapi('Statistics')

const ExportJob = z
  .object({
    id: z.number(),
    kind: z.enum(['figures', 'applications']),
    status: z.enum(['running', 'done', 'failed']),
    done: z.number(),
    total: z.number(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** Where to download the file once `status` is `done`. */
    fileUrl: z.string().nullable(),
  })
  .openapi('StatisticsExport')

const ExportId = z.coerce.number({ error: 'the export id is a number' }).int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 3 })

type ExportRow = typeof statisticsExports.$inferSelect
function jobView(row: ExportRow, now: Date): z.infer<typeof ExportJob> {
  // A job still running long after it began died with its process (the row outlives it).
  const status = row.status === 'running' && now.getTime() - row.createdAt.getTime() > EXPORT_STALE_MS ? 'failed' : row.status
  return { id: row.id, kind: row.kind, status, done: row.done, total: row.total, createdAt: row.createdAt.toISOString(), finishedAt: iso(row.finishedAt), fileUrl: status === 'done' ? `/api/statistics/exports/${row.id}/file` : null }
}

const exportNotFound = (id: number) => new HallError(404, 'not_found', `There is no export ${id} of yours`, `没有你的导出任务 ${id}`)

const router = createRouter()
router.use('/api/statistics', requireUser)
router.use('/api/statistics/*', requireUser)

export const statisticsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/statistics',
      tags: ['Feedback'],
      summary: 'Statistics of the services I may see: applications, completion, handling time per step, overdue, satisfaction',
      request: { query: FiltersQuery },
      responses: { 200: json(Statistics, 'The figures'), ...errorsFor(400, 401, 403) },
    }),
    (c) => {
      const now = c.var.deps.now()
      return c.json(computeStatistics(c.var.deps.db, c.var.user!, filtersOf(c.req.valid('query'), now), now), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/statistics/exports',
      tags: ['Feedback'],
      summary: 'Start an Excel export of the figures or of the applications under them',
      description: 'Answers at once with the job; poll `GET /api/statistics/exports/{id}` for its progress, then download `fileUrl`.',
      request: { body: { content: { 'application/json': { schema: FiltersQuery.extend({ kind: z.enum(['figures', 'applications'], { error: 'kind is figures or applications' }) }) } }, required: true } },
      responses: { 202: json(ExportJob, 'Started'), ...errorsFor(400, 401, 403) },
    }),
    (c) => {
      const { kind, ...input } = c.req.valid('json')
      const now = c.var.deps.now()
      const { job, run } = prepareExport(c.var.deps, c.var.user!, kind, filtersOf(input, now))
      // After the answer: the job's row is committed, the page polls it.
      setImmediate(() => void run())
      return c.json(jobView(job, now), 202)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/statistics/exports/{id}',
      tags: ['Feedback'],
      summary: 'The progress of one of my exports',
      request: { params: z.object({ id: ExportId }) },
      responses: { 200: json(ExportJob, 'The job'), ...errorsFor(400, 401, 404) },
    }),
    (c) => {
      const id = c.req.valid('param').id
      const row = c.var.deps.db.select().from(statisticsExports).where(and(eq(statisticsExports.id, id), eq(statisticsExports.requestedBy, c.var.user!.cardNumber))).get()
      if (!row || !policy.statisticsScope(c.var.user)) throw exportNotFound(id)
      return c.json(jobView(row, c.var.deps.now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/statistics/exports/{id}/file',
      tags: ['Feedback'],
      summary: 'Download a finished export (.xlsx)',
      request: { params: z.object({ id: ExportId }) },
      responses: {
        200: { description: 'The workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } } },
        ...errorsFor(400, 401, 404, 409),
      },
    }),
    (c) => {
      const id = c.req.valid('param').id
      const row = c.var.deps.db.select().from(statisticsExports).where(and(eq(statisticsExports.id, id), eq(statisticsExports.requestedBy, c.var.user!.cardNumber))).get()
      if (!row || !policy.statisticsScope(c.var.user)) throw exportNotFound(id)
      if (row.status !== 'done' || !row.file) throw new HallError(409, 'not_ready', 'The export is not finished yet; wait until its progress reaches 100%', '导出尚未完成，请等待进度到达 100%')
      const name = `statistics-${row.kind}-${beijingDate(row.createdAt)}.xlsx`
      return c.body(new Uint8Array(row.file), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': String(row.file.length),
        ...fileHeaders('attachment', name),
        'Cache-Control': 'private, no-store',
      })
    },
  )
