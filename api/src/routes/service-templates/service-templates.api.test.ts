import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, departments, people, roleGrants, serviceAuditEvents, serviceVersions } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'

// 成熟一个，上线一个: a production hall starts with no service; an office adopts a template as a
// draft of its own department, adapts it, publishes it, and only then does it reach the catalog.

/** A university's own organisation, as an import would leave it: an office that owns dormitories. */
async function seedOrganisation(db: Awaited<ReturnType<typeof testApp>>['deps']['db']) {
  await db.insert(departments).values([
    { code: 'dorms', nameZh: '宿舍管理科', nameEn: 'Dormitory Office', kind: 'office', phone: '010-62780000', location: '学生公寓服务中心101' },
    { code: 'college-physics', nameZh: '物理学院', nameEn: 'School of Physics', kind: 'college', phone: '010-62781111', location: '物理楼201' },
    { code: 'library', nameZh: '图书馆', nameEn: 'Library', kind: 'office', phone: '010-62782222', location: '图书馆1楼' },
  ])
  const person = (cardNumber: string, name: string, departmentCode: string) => ({
    cardNumber,
    name,
    nameEn: name,
    kind: 'staff' as const,
    departmentCode,
    email: `${cardNumber}@univ.example`,
    phone: '13800000000',
  })
  await db
    .insert(people)
    .values([
      person('T001', '周主任', 'dorms'),
      person('T002', '吴老师', 'dorms'),
      person('T003', '郑书记', 'college-physics'),
      person('T004', '钱馆员', 'library'),
    ])
  await db.insert(roleGrants).values([
    { cardNumber: 'T001', role: 'service-owner', scope: 'dorms' },
    { cardNumber: 'T001', role: 'head-of-department', scope: 'dorms' },
    { cardNumber: 'T002', role: 'reviewer', scope: 'dorms' },
    { cardNumber: 'T003', role: 'college-deputy-secretary', scope: 'college-physics' },
    { cardNumber: 'T003', role: 'counsellor', scope: 'physics-2025-1' },
    { cardNumber: 'T004', role: 'service-owner', scope: 'library' },
  ])
}

async function productionHall() {
  const t = await testApp({}, { demo: false })
  await seedOrganisation(t.deps.db)
  const as = async (card: string) => {
    const cookie = await t.loginAs(card)
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await t.app.request(url, {
        method,
        headers: { Cookie: cookie, Origin: t.deps.env.publicOrigin, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: await res.json() }
    }
    return {
      get: (url: string) => call('GET', url),
      post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
      patch: (url: string, body: unknown) => call('PATCH', url, body),
    }
  }
  return { ...t, as }
}

describe('GET /api/admin/service-templates', () => {
  it('offers the 30 first-batch services to an owner of a production hall, none adopted', async () => {
    const h = await productionHall()
    const res = await (await h.as('T001')).get('/api/admin/service-templates')
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(30)
    const dorm = res.body.items.find((t: { code: string }) => t.code === 'dorm-change')
    expect(dorm).toMatchObject({
      nameZh: '宿舍调整申请',
      category: { code: 'life-housing' },
      office: { code: 'housing', nameZh: '后勤公寓管理中心' },
      adoptedAs: null,
    })
    expect(dorm.steps).toBeGreaterThan(0)
    expect(dorm.fields).toBeGreaterThan(0)
  })

  it('shows, in demo mode, every template adopted as the published demo service', async () => {
    const t = await testApp()
    const res = await t.app.request('/api/admin/service-templates', { headers: { Cookie: await t.loginAs('0019007') } })
    const items = ((await res.json()) as { items: Array<{ adoptedAs: { status: string } | null }> }).items
    expect(items.every((i) => i.adoptedAs?.status === 'online')).toBe(true)
  })

  it('is closed to people who manage no service', async () => {
    const h = await productionHall()
    expect((await (await h.as('T002')).get('/api/admin/service-templates')).status).toBe(403)
  })
})

describe('POST /api/admin/service-templates/{code}/adopt', () => {
  it('makes a draft of the adopting department, outside the catalog until it is published', async () => {
    const h = await productionHall()
    const owner = await h.as('T001')
    const adopted = await owner.post('/api/admin/service-templates/dorm-change/adopt', { ownerDepartmentCode: 'dorms' })
    expect(adopted.status).toBe(201)
    expect(adopted.body).toMatchObject({ code: 'dorm-change', version: 1, status: 'draft' })

    // The office's own steps now name the adopter; the applicant's adviser and college stay.
    const draft = (await h.deps.db.select().from(serviceVersions).where(eq(serviceVersions.serviceCode, 'dorm-change')))[0]!
    const text = JSON.stringify(draft.process)
    expect(text).not.toContain('{"department":"housing"}')
    expect(text).toContain('{"department":"dorms"}')
    expect(text).toContain('applicant.class')
    expect(draft.guide).toMatchObject({ zh: { contact: { phone: '010-62780000' }, location: '学生公寓服务中心101' } })
    expect(draft.publishedAt).toBeNull()
    expect((await owner.get('/api/services')).body.total).toBe(0)

    // The check names what the draft still lacks here: the International Office's reviewers, whom
    // the template asks to look after exchange students, are nobody in this university.
    expect(adopted.body.issues.length).toBeGreaterThan(0)
    expect(adopted.body.issues.every((i: { part: string }) => i.part === 'process')).toBe(true)
    expect(JSON.stringify(adopted.body.issues)).toContain('international')
    expect((await owner.post('/api/admin/services/dorm-change/publish')).status).toBe(422)

    // Adapted as an office would (its own e-mail; exchange students go to the dormitory office
    // too), it publishes and appears in the catalog.
    const process = structuredClone(draft.process as Record<string, unknown>)
    const adapted = JSON.parse(JSON.stringify(process).replaceAll('{"department":"international"}', '{"department":"dorms"}'))
    const guide = draft.guide as { zh: Record<string, unknown>; en: Record<string, unknown> }
    const withEmail = (g: Record<string, unknown>) => ({ ...g, contact: { phone: '010-62780000', email: 'dorms@univ.example' } })
    const patched = await owner.patch('/api/admin/services/dorm-change/draft', {
      guide: { zh: withEmail(guide.zh), en: withEmail(guide.en) },
      process: adapted,
    })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    const published = await owner.post('/api/admin/services/dorm-change/publish')
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const catalog = await owner.get('/api/services')
    expect(catalog.body.items.map((s: { code: string }) => s.code)).toEqual(['dorm-change'])
  })

  it('is audited in the service history and in the hall audit log', async () => {
    const h = await productionHall()
    await (await h.as('T001')).post('/api/admin/service-templates/dorm-change/adopt', { ownerDepartmentCode: 'dorms', code: 'room-change' })
    const history = await h.deps.db.select().from(serviceAuditEvents).where(eq(serviceAuditEvents.serviceCode, 'room-change'))
    expect(history).toMatchObject([{ action: 'created', actorCardNumber: 'T001', detail: { template: 'dorm-change', ownerDepartmentCode: 'dorms' } }])
    const log = await h.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service.template_adopted'), eq(auditLog.targetId, 'room-change')))
    expect(log).toMatchObject([{ actor: 'T001', outcome: 'success', targetKind: 'service', detail: { template: 'dorm-change' } }])
  })

  it.each([
    ['an owner adopting for another department', 'T004', 'dorm-change', { ownerDepartmentCode: 'dorms' }, 403],
    ['a reviewer who owns nothing', 'T002', 'dorm-change', { ownerDepartmentCode: 'dorms' }, 403],
    ['a template that does not exist', 'T001', 'no-such-template', { ownerDepartmentCode: 'dorms' }, 404],
    ['a department that does not exist', 'T001', 'dorm-change', { ownerDepartmentCode: 'nowhere' }, 422],
    ['a malformed service code', 'T001', 'dorm-change', { ownerDepartmentCode: 'dorms', code: 'Dorm Change!' }, 400],
  ])('refuses %s', async (_why, card, template, body, status) => {
    const h = await productionHall()
    const res = await (await h.as(card)).post(`/api/admin/service-templates/${template}/adopt`, body)
    expect(res.status).toBe(status)
    expect(res.body.error.message).toBeTruthy()
    expect(res.body.error.messageZh).toBeTruthy()
    expect(await h.deps.db.select().from(serviceVersions)).toEqual([])
  })

  it('refuses a code already taken, so one template can serve two offices under two codes', async () => {
    const h = await productionHall()
    const owner = await h.as('T001')
    expect((await owner.post('/api/admin/service-templates/dorm-change/adopt', { ownerDepartmentCode: 'dorms' })).status).toBe(201)
    expect((await owner.post('/api/admin/service-templates/dorm-change/adopt', { ownerDepartmentCode: 'dorms' })).status).toBe(409)
    expect((await owner.post('/api/admin/service-templates/dorm-change/adopt', { ownerDepartmentCode: 'dorms', code: 'dorm-change-2' })).status).toBe(201)
  })
})
