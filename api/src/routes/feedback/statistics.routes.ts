import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { fileHeaders } from '../../lib/downloads.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { body, createRouter, json, workbook, XLSX } from '../../lib/router.ts'
import { prepareExport } from './export.service.ts'
import { ExportBody, ExportJob, ExportParams, FiltersQuery, Statistics, type FiltersInput } from './feedback.schemas.ts'
import { beijingDate, beijingMidnight, computeStatistics, jobView, ownExport, type StatisticsFilters } from './statistics.service.ts'

// Statistics for a service's owners (their departments' services) and, across all services, the
// president's office and administrators; the Excel exports of the same figures and of the
// applications under them, as jobs the page polls.

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
    async (c) => {
      const now = c.get('deps').now()
      return c.json(await computeStatistics(c.get('deps').db, c.get('user')!, filtersOf(c.req.valid('query'), now), now), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/statistics/exports',
      tags: ['Feedback'],
      summary: 'Start an Excel export of the figures or of the applications under them',
      description: 'Answers at once with the job; poll `GET /api/statistics/exports/{id}` for its progress, then download `fileUrl`.',
      request: body(ExportBody),
      responses: { 202: json(ExportJob, 'Started'), ...errorsFor(400, 401, 403) },
    }),
    async (c) => {
      const { kind, ...input } = c.req.valid('json')
      const now = c.get('deps').now()
      const { job, run } = await prepareExport(c.get('deps'), c.get('user')!, kind, filtersOf(input, now))
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
      request: { params: ExportParams },
      responses: { 200: json(ExportJob, 'The job'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      const row = await ownExport(c.get('deps').db, c.get('user')!, id)
      return c.json(jobView(row, c.get('deps').now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/statistics/exports/{id}/file',
      tags: ['Feedback'],
      summary: 'Download a finished export (.xlsx)',
      request: { params: ExportParams },
      responses: {
        200: workbook('The workbook'),
        ...errorsFor(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      const row = await ownExport(c.get('deps').db, c.get('user')!, id)
      if (row.status !== 'done' || !row.file)
        throw new HallError(409, 'not_ready', 'The export is not finished yet; wait until its progress reaches 100%', '导出尚未完成，请等待进度到达 100%')
      const name = `statistics-${row.kind}-${beijingDate(row.createdAt)}.xlsx`
      return c.body(new Uint8Array(row.file), 200, {
        'Content-Type': XLSX,
        'Content-Length': String(row.file.length),
        ...fileHeaders('attachment', name),
        'Cache-Control': 'private, no-store',
      })
    },
  )
