import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { holdersOf } from '@hall/demo-university'
import { useDataPlatform, DataPlatformUnavailable } from '../../data-platform/index.ts'
import { dataErrorReports, notifications, outbox } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'

// "Report an error" on a pre-filled value reaches the department that owns its source system.

const student = '2023010101'
const housingReviewer = '0013377' // 郑丽华, reviewer of the Student Housing Centre
const studentAffairsReviewer = '0014420'

type App = Awaited<ReturnType<typeof testApp>>
interface ErrorBody {
  error: { code: string; message: string; messageZh: string }
}

async function report(t: App, cardNumber: string, body: unknown) {
  return t.app.request('/api/data-errors', {
    method: 'POST',
    headers: { cookie: await t.loginAs(cardNumber), origin: t.deps.env.publicOrigin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

const dormitoryReport = { serviceCode: 'dorm-change', fieldKey: 'dormitory', path: 'student.dormitory.label', note: '我已于 11 月调到 5 号楼 219 室' }

describe('POST /api/data-errors', () => {
  it('reaches the department that owns the value: a notification and an outbox message for each of its reviewers', async () => {
    const t = await testApp()
    const res = await report(t, student, dormitoryReport)
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: number; department: { code: string; nameZh: string }; system: { nameZh: string }; notified: number }
    expect(body).toMatchObject({ department: { code: 'housing', nameZh: '后勤公寓管理中心' }, system: { nameZh: '公寓管理系统' } })
    expect(body.notified).toBe(holdersOf('reviewer', 'housing').length)
    const bell = await t.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, housingReviewer))
    expect(bell).toHaveLength(1)
    expect(bell[0]).toMatchObject({ kind: 'data_error_reported', titleZh: '数据纠错：李明轩 报告公寓管理系统中的“现住宿舍”有误' })
    expect(bell[0]?.link).toContain('department=housing')
    const messages = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, housingReviewer))
    expect(messages).toHaveLength(1)
    expect(messages[0]?.payload).toMatchObject({ reportId: body.id, departmentCode: 'housing' })
    // Nobody outside the owning department hears of it.
    expect(await t.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, studentAffairsReviewer))).toHaveLength(0)
  })

  it("lets the department's reviewers read the report, with the value as reported, and nobody else", async () => {
    const t = await testApp()
    await report(t, student, dormitoryReport)
    const asReviewer = await t.app.request('/api/data-errors?department=housing', { headers: { cookie: await t.loginAs(housingReviewer) } })
    expect(asReviewer.status).toBe(200)
    const { items } = (await asReviewer.json()) as { items: Array<Record<string, unknown>> }
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      reporter: { cardNumber: student, name: '李明轩' },
      serviceCode: 'dorm-change',
      path: 'student.dormitory.label',
      reportedValue: '明湖苑3号楼 412室 2号床',
      note: dormitoryReport.note,
      department: { code: 'housing' },
      status: 'open',
    })
    expect((await t.app.request('/api/data-errors?department=housing', { headers: { cookie: await t.loginAs(studentAffairsReviewer) } })).status).toBe(403)
    expect((await t.app.request('/api/data-errors?department=housing', { headers: { cookie: await t.loginAs(student) } })).status).toBe(403)
    const mine = (await (await t.app.request('/api/data-errors?mine=1', { headers: { cookie: await t.loginAs(student) } })).json()) as { items: unknown[] }
    expect(mine.items).toHaveLength(1)
    expect((await t.app.request('/api/data-errors', { headers: { cookie: await t.loginAs(student) } })).status).toBe(400)
  })

  it('sends a report on the class to student affairs, whose system assigns classes', async () => {
    const t = await testApp()
    const res = await report(t, student, { serviceCode: 'undergrad-leave', fieldKey: 'klass', path: 'student.klassNameZh', note: '班级有误' })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { department: { code: string } }).department.code).toBe('student-affairs')
  })

  it('takes a report without a service, naming the path only', async () => {
    const t = await testApp()
    expect((await report(t, student, { fieldKey: 'phone', path: 'phone', note: '号码已停用' })).status).toBe(201)
  })

  it('marks the reported value in the form on every later visit, until the report is resolved', async () => {
    const t = await testApp()
    const sources = async () => {
      const res = await t.app.request('/api/services/dorm-change/form', { headers: { cookie: await t.loginAs(student) } })
      expect(res.status).toBe(200)
      return ((await res.json()) as { prefill: { sources: Record<string, { reportedAt?: string }> } }).prefill.sources
    }
    expect((await sources()).dormitory?.reportedAt).toBeUndefined()
    expect((await report(t, student, dormitoryReport)).status).toBe(201)
    // why: after a reload the field offered 报错 again, as if nothing had been reported
    const after = await sources()
    expect(after.dormitory?.reportedAt).toBe(t.deps.now().toISOString())
    // Only that value: the others are not marked.
    expect(
      Object.entries(after)
        .filter(([, s]) => s.reportedAt)
        .map(([key]) => key),
    ).toEqual(['dormitory'])
    // Someone else's form knows nothing of it.
    const other = await t.app.request('/api/services/dorm-change/form', { headers: { cookie: await t.loginAs('2023010102') } })
    const otherSources = ((await other.json()) as { prefill?: { sources: Record<string, { reportedAt?: string }> } }).prefill?.sources ?? {}
    expect(Object.values(otherSources).some((s) => s.reportedAt)).toBe(false)
  })

  it('refuses a second open report of the same value with 409, saying who is on it', async () => {
    const t = await testApp()
    await report(t, student, dormitoryReport)
    const again = await report(t, student, dormitoryReport)
    expect(again.status).toBe(409)
    expect(((await again.json()) as ErrorBody).error.messageZh).toContain('后勤公寓管理中心正在核实')
  })

  it('two reports of one value at once make one report and one 409, not an error (issue 15.2: the database holds it)', async () => {
    const t = await testApp()
    // Both requests pass the check for an open report before either writes one.
    const answers = await Promise.all([report(t, student, dormitoryReport), report(t, student, dormitoryReport)])
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409])
    const loser = answers.find((r) => r.status === 409)!
    expect(((await loser.json()) as ErrorBody).error.code).toBe('already_reported')
    const open = (await t.deps.db.select().from(dataErrorReports)).filter((r) => r.reporterCardNumber === student && r.status === 'open')
    expect(open).toHaveLength(1)
  })

  it.each<[string, object, number, string]>([
    ['a path the record does not have', { fieldKey: 'x', path: 'student.nothing', note: 'wrong' }, 422, 'no_such_value'],
    ['a field the form does not pre-fill from that path', { ...dormitoryReport, fieldKey: 'reason' }, 400, 'bad_request'],
    ['an unknown service', { ...dormitoryReport, serviceCode: 'no-such-service' }, 404, 'not_found'],
    ['an empty note', { ...dormitoryReport, note: ' ' }, 400, 'bad_request'],
    ['a malformed path', { ...dormitoryReport, serviceCode: undefined, path: '../etc' }, 400, 'bad_request'],
  ])('refuses %s', async (_name, body, status, code) => {
    const t = await testApp()
    const res = await report(t, student, body)
    expect(res.status).toBe(status)
    expect(((await res.json()) as ErrorBody).error.code).toBe(code)
    expect((await t.deps.db.select().from(notifications)).filter((n) => n.kind === 'data_error_reported')).toHaveLength(0)
  })

  it('tells someone the platform does not know whom to ask instead', async () => {
    const t = await testApp()
    const res = await report(t, '0031907', { fieldKey: 'name', path: 'name', note: '没有我的信息' })
    expect(res.status).toBe(422)
    expect(((await res.json()) as ErrorBody).error.messageZh).toContain('网络与信息中心')
  })

  it('answers 503 when the data platform cannot be asked', async () => {
    const t = await testApp()
    useDataPlatform(t.deps, {
      kind: 'http',
      person: async () => {
        throw new DataPlatformUnavailable('the data platform did not answer within 3000 ms')
      },
    })
    const res = await report(t, student, dormitoryReport)
    expect(res.status).toBe(503)
    expect(((await res.json()) as ErrorBody).error.code).toBe('data_platform_unavailable')
  })
})
