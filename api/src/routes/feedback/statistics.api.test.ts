import { and, eq, gte, inArray, isNotNull, lt, type AnyColumn } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applications, ratings, services, statisticsExports, tasks } from '../../db/schema/index.ts'
import { stateOf } from '../../workflow/definitions.ts'
import { HOUR, hall, who, type Hall } from '../applications/test-support.ts'
import { finishedExport } from './test-support.ts'

// Statistics (issue 7) checked against figures this test computes itself from the raw rows, with
// plain queries, over the seeded history plus a few applications walked through the engine here (so
// that live steps have handling times and one task is overdue). Nothing is hard-coded.

interface Raw {
  apps: Array<{ id: number; service_code: string; status: string; submitted_at: number }>
  rates: Array<{ service_code: string; service_score: number; process_score: number; created_at: number; step_key: string | null }>
  tasks: Array<{ service_code: string; step_key: string; created_at: number; decided_at: number }>
  overdue: number
}

const BEIJING = 8 * HOUR
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`) - BEIJING

/**
 * The rows under the figures, read with plain queries the API does not use (no grouping, no
 * aggregate): the figures are computed from them here.
 */
async function raw(h: Hall, departments: string[] | null, from: string, to: string): Promise<Raw> {
  const db = h.deps.db
  const owned = departments ? db.select({ code: services.code }).from(services).where(inArray(services.ownerDepartmentCode, departments)) : null
  const inScope = (code: AnyColumn) => (owned ? inArray(code, owned) : undefined)
  const lo = new Date(dayStart(from))
  const hi = new Date(dayStart(to) + 24 * HOUR)
  const apps = await db
    .select({ id: applications.id, service_code: applications.serviceCode, status: applications.status, submitted_at: applications.submittedAt })
    .from(applications)
    .where(and(inScope(applications.serviceCode), gte(applications.submittedAt, lo), lt(applications.submittedAt, hi)))
  const rates = await db
    .select({
      service_code: ratings.serviceCode,
      service_score: ratings.serviceScore,
      process_score: ratings.processScore,
      created_at: ratings.createdAt,
      step_key: ratings.stepKey,
    })
    .from(ratings)
    .where(and(inScope(ratings.serviceCode), gte(ratings.createdAt, lo), lt(ratings.createdAt, hi)))
  // Decided tasks as the engine states record them, unpacked here from each state.
  const states = await db
    .select({ service_code: applications.serviceCode, state: applications.state })
    .from(applications)
    .where(and(inScope(applications.serviceCode), isNotNull(applications.state)))
  const decided = states.flatMap(({ service_code, state }) =>
    (stateOf(state)?.tasks ?? [])
      .filter((t) => t.status === 'closed' && (t.outcome === 'approved' || t.outcome === 'rejected' || t.outcome === 'returned'))
      .map((t) => ({ service_code, step_key: t.stepId, created_at: Date.parse(t.createdAt), decided_at: Date.parse(t.closedAt!) })),
  )
  const late = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(inScope(tasks.serviceCode), eq(tasks.box, 'todo'), lt(tasks.dueAt, h.deps.now())))
  return {
    apps: apps.map((a) => ({ ...a, submitted_at: a.submitted_at!.getTime() })),
    rates: rates.map((x) => ({ ...x, created_at: x.created_at.getTime() })),
    tasks: decided.filter((t) => t.decided_at >= lo.getTime() && t.decided_at < hi.getTime()),
    overdue: late.length,
  }
}

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null)

/** Median and p90 by counting ranks, written apart from the API's helpers. */
function quantiles(values: number[]) {
  const s = [...values].sort((a, b) => a - b)
  const n = s.length
  const med = n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2
  let rank = 0
  while (rank < n && (rank + 1) / n < 0.9) rank++
  return { count: n, medianHours: Math.round(med * 100) / 100, p90Hours: Math.round(s[rank]! * 100) / 100 }
}

/** Some live history: leaves decided after a few hours, one waiting past its due time. */
async function walkSomeLeaves(h: Hall) {
  for (const [card, hours] of [
    [who.student, 3],
    [who.classmate, 20],
    [who.junior, 7],
  ] as const) {
    const id = await h.leave(card, 2)
    h.advance(hours * HOUR)
    await h.approve(who.counsellor, id)
    const rated = await h.post(card, '/api/ratings', { applicationId: id, serviceScore: 3, processScore: hours > 10 ? 1 : 2, stepKey: 'counsellor' })
    expect(rated.status).toBe(201)
  }
  await h.leave(who.junior2, 2)
  h.advance(10 * 24 * HOUR)
}

describe('GET /api/statistics', () => {
  it('matches figures computed from the raw rows, for an owner and across all services', async () => {
    const h = await hall()
    await walkSomeLeaves(h)
    const from = '2026-08-01'
    const to = '2026-12-31'
    for (const [card, departments] of [
      [who.studentAffairsOwner, ['student-affairs']],
      [who.presidentOffice, null],
    ] as const) {
      const res = await h.get(card, `/api/statistics?from=${from}&to=${to}&granularity=month`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const s = res.body
      const r = await raw(h, departments ? [...departments] : null, from, to)
      expect(r.apps.length, 'the seed gives the range some history').toBeGreaterThan(5)

      const n = (status: string) => r.apps.filter((a) => a.status === status).length
      const ended = n('completed') + n('rejected') + n('withdrawn')
      expect(s.totals).toMatchObject({
        submitted: r.apps.length,
        completed: n('completed'),
        rejected: n('rejected'),
        completionRate: Math.round((n('completed') / ended) * 10000) / 10000,
        ratings: r.rates.length,
        avgService: avg(r.rates.map((x) => x.service_score)),
        avgProcess: avg(r.rates.map((x) => x.process_score)),
        overdueNow: r.overdue,
      })
      expect(s.totals.overdueNow).toBeGreaterThanOrEqual(1)

      // Per month (Beijing), submitted and ratings.
      const month = (ms: number) => new Date(ms + BEIJING).toISOString().slice(0, 7)
      expect(s.periods.map((p: { period: string }) => p.period)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
      for (const p of s.periods) {
        expect(p.submitted, p.period).toBe(r.apps.filter((a) => month(a.submitted_at) === p.period).length)
        const inMonth = r.rates.filter((x) => month(x.created_at) === p.period)
        expect(p.ratings, p.period).toBe(inMonth.length)
        expect(p.avgProcess, p.period).toBe(avg(inMonth.map((x) => x.process_score)))
      }

      // Handling time per step.
      const groups = new Map<string, number[]>()
      for (const t of r.tasks)
        groups.set(`${t.service_code}/${t.step_key}`, [...(groups.get(`${t.service_code}/${t.step_key}`) ?? []), (t.decided_at - t.created_at) / HOUR])
      expect(groups.size).toBeGreaterThan(0)
      const steps = Object.fromEntries(
        s.steps.map((x: { serviceCode: string; stepKey: string; count: number; medianHours: number; p90Hours: number }) => [
          `${x.serviceCode}/${x.stepKey}`,
          { count: x.count, medianHours: x.medianHours, p90Hours: x.p90Hours },
        ]),
      )
      expect(steps).toEqual(Object.fromEntries([...groups].map(([k, v]) => [k, quantiles(v)])))

      // Worst-rated steps: lowest mean process score of the ratings that named them.
      const named = new Map<string, number[]>()
      for (const x of r.rates)
        if (x.step_key) named.set(`${x.service_code}/${x.step_key}`, [...(named.get(`${x.service_code}/${x.step_key}`) ?? []), x.process_score])
      expect(named.size).toBeGreaterThan(0)
      const worst = [...named]
        .map(([k, v]) => ({ k, avg: avg(v)!, n: v.length }))
        .sort((a, b) => a.avg - b.avg || b.n - a.n || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      expect(s.worstSteps.map((w: { serviceCode: string; stepKey: string; avgProcess: number }) => [`${w.serviceCode}/${w.stepKey}`, w.avgProcess])).toEqual(
        worst.slice(0, 10).map((w) => [w.k, w.avg]),
      )
    }
  })

  it('shows an owner only their departments, and nobody else anything', async () => {
    const h = await hall()
    const owner = await h.get(who.studentAffairsOwner, '/api/statistics')
    expect(owner.body.scope.all).toBe(false)
    expect(owner.body.scope.departments.map((d: { code: string }) => d.code)).toEqual(['student-affairs'])
    expect(owner.body.byService.every((s: { departmentCode: string }) => s.departmentCode === 'student-affairs')).toBe(true)
    expect((await h.get(who.studentAffairsOwner, '/api/statistics?departmentCode=housing')).status).toBe(403)
    expect((await h.get(who.studentAffairsOwner, '/api/statistics?serviceCode=dorm-change')).status).toBe(403)
    expect(
      (await h.get(who.admin, '/api/statistics?departmentCode=housing')).body.byService.every(
        (s: { departmentCode: string }) => s.departmentCode === 'housing',
      ),
    ).toBe(true)
    expect((await h.get(who.student, '/api/statistics')).status).toBe(403)
    expect((await h.get(who.counsellor, '/api/statistics')).status).toBe(403)
    expect((await h.get(null, '/api/statistics')).status).toBe(401)
    expect((await h.get(who.admin, '/api/statistics?from=2026-12-01&to=2026-01-01')).status).toBe(400)
    expect((await h.get(who.admin, '/api/statistics?granularity=year')).status).toBe(400)
    const weeks = (await h.get(who.admin, '/api/statistics?from=2026-11-02&to=2026-11-22&granularity=week')).body.periods.map(
      (p: { period: string }) => p.period,
    )
    expect(weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16'])
  })
})

describe('POST /api/statistics/exports', () => {
  it('writes the applications under the figures to an xlsx that exceljs opens, anonymous ratings kept anonymous', async () => {
    const h = await hall()
    const from = '2026-08-01'
    const to = '2026-11-30'
    const { job, book } = await finishedExport(h, who.studentAffairsOwner, { kind: 'applications', from, to })
    const sheet = book.worksheets[0]!
    const ids: number[] = []
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(Number(row.getCell(1).value))
    })
    const expected = (await raw(h, ['student-affairs'], from, to)).apps.map((a) => a.id).sort((a, b) => a - b)
    expect(ids).toEqual(expected)
    expect(job.total).toBe(expected.length)

    // An anonymous rating's scores are not on its applicant's row for an owner.
    const anonymous = await h.deps.db
      .select({ id: ratings.applicationId })
      .from(ratings)
      .innerJoin(services, eq(services.code, ratings.serviceCode))
      .where(and(eq(ratings.anonymous, true), eq(services.ownerDepartmentCode, 'student-affairs')))
    const shown = anonymous.map((a) => ids.indexOf(a.id)).filter((i) => i >= 0)
    expect(shown.length).toBeGreaterThan(0)
    for (const i of shown) expect(sheet.getRow(i + 2).getCell(10).value).toBeNull()

    // Someone else's job does not exist for them; a student may not export.
    expect((await h.get(who.admin, `/api/statistics/exports/${job.id}`)).status).toBe(404)
    expect((await h.post(who.student, '/api/statistics/exports', { kind: 'figures' })).status).toBe(403)
    expect((await h.post(who.admin, '/api/statistics/exports', { kind: 'pdf' })).status).toBe(400)
  })

  it('writes the figures, the same as the statistics answer', async () => {
    const h = await hall()
    const stats = (await h.get(who.admin, '/api/statistics?from=2026-09-01&to=2026-11-30')).body
    const { book } = await finishedExport(h, who.admin, { kind: 'figures', from: '2026-09-01', to: '2026-11-30' })
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '汇总 Summary',
      '按期间 Periods',
      '环节用时 Steps',
      '超时 Overdue',
      '评价最低环节 Worst steps',
      '按服务 Services',
    ])
    const summary = new Map<string, unknown>()
    book.worksheets[0]!.eachRow((row) => summary.set(row.getCell(1).text, row.getCell(2).value))
    expect(summary.get('申请数 Applications')).toBe(stats.totals.submitted)
    expect(summary.get('已办结 Completed')).toBe(stats.totals.completed)
    expect(summary.get('过程满意度 Process score')).toBe(stats.totals.avgProcess)
    expect(book.worksheets[5]!.rowCount).toBe(stats.byService.length + 1)
  })

  it('reports a job that never finished (its process died) as failed, and its file as not ready', async () => {
    const h = await hall()
    const job = (
      await h.deps.db
        .insert(statisticsExports)
        .values({ requestedBy: who.admin, kind: 'figures', filters: {}, status: 'running', done: 3, total: 10, createdAt: h.deps.now() })
        .returning()
    )[0]!
    expect((await h.get(who.admin, `/api/statistics/exports/${job.id}`)).body).toMatchObject({ status: 'running', done: 3, total: 10, fileUrl: null })
    expect((await h.get(who.admin, `/api/statistics/exports/${job.id}/file`)).status).toBe(409)
    h.advance(11 * 60_000)
    expect((await h.get(who.admin, `/api/statistics/exports/${job.id}`)).body.status).toBe('failed')
  })
})
