import { count, gte } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { applications, serviceVersions } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'

// The catalog through HTTP, over the seeded first batch, as the issue states its cases.

const undergraduate = people.find((p) => p.kind === 'undergraduate' && p.student?.status === 'enrolled' && p.student.dormitory && !p.unknownToDataPlatform)!
const staff = people.find((p) => p.kind === 'staff' && !p.staff?.cadreLevel && !p.unknownToDataPlatform)!

async function search(app: Awaited<ReturnType<typeof testApp>>['app'], q: string, extra = '') {
  const res = await app.request(`/api/services?q=${encodeURIComponent(q)}${extra}`)
  expect(res.status).toBe(200)
  return (await res.json()) as { items: Array<{ code: string; nameZh: string; highlights?: { nameZh: number[][]; nameEn: number[][] } }>; total: number }
}

describe('GET /api/services (search)', () => {
  it.each([
    ['sstz', '宿舍调整申请'],
    ['sushe', '宿舍调整申请'],
    ['宿舍', '宿舍调整申请'],
    ['dorm', '宿舍调整申请'],
    ['ip', 'IP地址申请'],
    ['youxiang', '电子邮件办理申请'],
    ['jsj rj', '计算机软件著作权登记申请'],
    ['software copyright', '计算机软件著作权登记申请'],
    ['学生证', '本科生学生证补办'],
    ['xsz', '本科生学生证补办'],
    ['介绍信', '开具介绍信申请'],
    ['letter', '开具介绍信申请'],
    ['huankao', '缓考申请'],
    ['vps', '虚拟服务器申请'],
  ])('%s finds %s first', async (q, name) => {
    const { app } = await testApp()
    const { items } = await search(app, q)
    expect(items[0]?.nameZh, `results: ${items.map((i) => i.nameZh).join(', ')}`).toBe(name)
  })

  it.each([
    ['dromitory', '宿舍调整申请'],
    ['sushe tiaozeng', '宿舍调整申请'],
    ['宿社', '宿舍调整申请'],
    ['scholarshp', '本科生奖学金申请'],
  ])('the typo %s still finds %s', async (q, name) => {
    const { app } = await testApp()
    const { items } = await search(app, q)
    expect(items.map((i) => i.nameZh)).toContain(name)
  })

  it.each([
    ['qxj', '本科生请销假'],
    ['qingxiaojia', '本科生请销假'],
    ['请假', '本科生请销假'],
  ])('%s also finds %s, and first for an undergraduate', async (q, name) => {
    const { app, loginAs } = await testApp()
    expect((await search(app, q)).items.map((i) => i.nameZh)).toContain(name)
    const cookie = await loginAs(undergraduate.cardNumber)
    const res = await app.request(`/api/services?q=${encodeURIComponent(q)}`, { headers: { cookie } })
    const body = (await res.json()) as { items: Array<{ nameZh: string }> }
    expect(body.items[0]?.nameZh).toBe(name)
  })

  it('highlights the matched characters', async () => {
    const { app } = await testApp()
    const { items } = await search(app, 'sstz')
    expect(items[0]?.highlights?.nameZh).toEqual([[0, 4]])
  })

  it('filters by audience: staff see no undergraduate-only services', async () => {
    const { app } = await testApp()
    const all = await search(app, 'qxj')
    expect(all.items.some((i) => i.nameZh === '本科生请销假')).toBe(true)
    const forStaff = await search(app, 'qxj', '&audience=staff')
    expect(forStaff.items.some((i) => i.nameZh === '本科生请销假')).toBe(false)
  })

  it.each([
    ['page=0', 'page'],
    ['pageSize=500', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['audience=aliens', 'audience'],
    ['category=Not%20A%20Code', 'category'],
  ])('answers 400 naming the bad parameter for %s', async (query, name) => {
    const { app } = await testApp()
    const res = await app.request(`/api/services?${query}`)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { message: string; fields: Array<{ path: string }> } }
    expect(body.error.fields.map((f) => f.path)).toContain(name)
    expect(body.error.message).toContain(name)
  })

  it('pages through all 30 services', async () => {
    const { app } = await testApp()
    const first = (await (await app.request('/api/services?pageSize=20')).json()) as { items: unknown[]; total: number }
    const second = (await (await app.request('/api/services?pageSize=20&page=2')).json()) as { items: unknown[]; total: number }
    expect(first.total).toBe(30)
    expect(first.items.length + second.items.length).toBe(30)
  })

  it('audience=mine needs a session, and then lists what the user may apply for', async () => {
    const { app, loginAs } = await testApp()
    expect((await app.request('/api/services?audience=mine')).status).toBe(401)
    const cookie = await loginAs(staff.cardNumber)
    const res = await app.request('/api/services?audience=mine&pageSize=100', { headers: { cookie } })
    const body = (await res.json()) as { items: Array<{ audience: string[]; favorite?: boolean }> }
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items.every((s) => s.audience.includes('staff'))).toBe(true)
    expect(body.items.every((s) => typeof s.favorite === 'boolean')).toBe(true)
  })
})

describe('GET /api/services/{code}', () => {
  it('answers without a session, with the guide in both languages and no eligibility', async () => {
    const { app } = await testApp()
    const res = await app.request('/api/services/dorm-change')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { guide: { zh: { conditions: string[] }; en: { conditions: string[] } }; eligibility?: unknown }
    expect(body.guide.zh.conditions.length).toBeGreaterThan(0)
    expect(body.guide.en.conditions.length).toBeGreaterThan(0)
    expect(body.eligibility).toBeUndefined()
  })

  it('checks eligibility against the data platform: an undergraduate may change dormitory, staff may not', async () => {
    const { app, loginAs } = await testApp()
    const student = await (await app.request('/api/services/dorm-change', { headers: { cookie: await loginAs(undergraduate.cardNumber) } })).json()
    expect(student.eligibility.canApply).toBe(true)
    const teacher = await (await app.request('/api/services/dorm-change', { headers: { cookie: await loginAs(staff.cardNumber) } })).json()
    expect(teacher.eligibility.canApply).toBe(false)
    expect(teacher.eligibility.checks.find((c: { code: string }) => c.code === 'kind').ok).toBe(false)
  })

  it('refuses a second application while one is in progress', async () => {
    const { app, deps, loginAs } = await testApp()
    const cookie = await loginAs(undergraduate.cardNumber)
    const version = (await deps.db.select().from(serviceVersions)).find((v) => v.serviceCode === 'dorm-change')!
    await deps.db.insert(applications).values({
      serviceCode: 'dorm-change',
      serviceVersionId: version.id,
      applicantCardNumber: undergraduate.cardNumber,
      status: 'in_review',
      submittedAt: deps.now(),
    })
    const body = await (await app.request('/api/services/dorm-change', { headers: { cookie } })).json()
    expect(body.eligibility.canApply).toBe(false)
    expect(body.inProgress).toBe(1)
    expect(body.eligibility.checks.find((c: { code: string }) => c.code === 'noneInProgress').ok).toBe(false)
  })

  it('answers 404 for an unknown service and 400 for a malformed code', async () => {
    const { app } = await testApp()
    expect((await app.request('/api/services/no-such-service')).status).toBe(404)
    expect((await app.request('/api/services/Bad_Code')).status).toBe(400)
  })
})

describe('favourites, recent, popular', () => {
  it('stars and unstars a service; favourites need a session', async () => {
    const { app, loginAs } = await testApp()
    expect((await app.request('/api/me/favorites')).status).toBe(401)
    const cookie = await loginAs(undergraduate.cardNumber)
    const headers = { cookie, origin: 'http://localhost:3000' }
    expect((await app.request('/api/me/favorites/dorm-change', { method: 'PUT', headers })).status).toBe(200)
    expect((await app.request('/api/me/favorites/dorm-change', { method: 'PUT', headers })).status).toBe(200)
    let list = await (await app.request('/api/me/favorites', { headers })).json()
    expect(list.items.map((s: { code: string }) => s.code)).toEqual(['dorm-change'])
    expect((await app.request('/api/me/favorites/no-such-service', { method: 'PUT', headers })).status).toBe(404)
    expect((await app.request('/api/me/favorites/dorm-change', { method: 'DELETE', headers })).status).toBe(200)
    list = await (await app.request('/api/me/favorites', { headers })).json()
    expect(list.items).toEqual([])
  })

  it('remembers the services a user opened, newest first', async () => {
    const { app, loginAs, advance } = await testApp()
    const cookie = await loginAs(undergraduate.cardNumber)
    for (const code of ['dorm-change', 'undergrad-leave', 'dorm-change']) {
      await app.request(`/api/services/${code}`, { headers: { cookie } })
      advance(1000)
    }
    const body = await (await app.request('/api/me/recent', { headers: { cookie } })).json()
    expect(body.items.map((s: { code: string }) => s.code)).toEqual(['dorm-change', 'undergrad-leave'])
  })

  it('ranks popular services by the real count of applications in the last 30 days', async () => {
    const { app, deps } = await testApp()
    const since = new Date(deps.now().getTime() - 30 * 864e5)
    // Counted here independently of the route, straight from the table.
    const expected = (
      await deps.db
        .select({ code: applications.serviceCode, n: count() })
        .from(applications)
        .where(gte(applications.submittedAt, since))
        .groupBy(applications.serviceCode)
    ).sort((a, b) => b.n - a.n || a.code.localeCompare(b.code))
    expect(expected.length).toBeGreaterThan(0)
    const body = await (await app.request('/api/services/popular?limit=30')).json()
    expect(body.items.map((s: { code: string; applications: number }) => [s.code, s.applications])).toEqual(expected.map((e) => [e.code, e.n]))
  })
})

describe('GET /api/categories and /api/departments', () => {
  it('lists categories in order and the 12 departments that own services', async () => {
    const { app } = await testApp()
    const categories = await (await app.request('/api/categories')).json()
    expect(categories.length).toBeGreaterThanOrEqual(6)
    const orders = categories.map((c: { sortOrder: number }) => c.sortOrder)
    expect(orders).toEqual([...orders].sort((a: number, b: number) => a - b))
    const departments = await (await app.request('/api/departments')).json()
    expect(departments).toHaveLength(12)
    expect(departments.reduce((n: number, d: { services: number }) => n + d.services, 0)).toBe(30)
  })
})
