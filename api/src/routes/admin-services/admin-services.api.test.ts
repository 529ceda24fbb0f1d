import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { categories, serviceAuditEvents } from '../../db/schema/index.ts'
import { hall, who, type Hall } from '../applications/test-support.ts'

// The publishing rules of service administration over real requests: ownership as the policy
// says it, drafts that validate with errors that say where, versions that applications keep, and
// an audit row for every change. Each test starts from a fresh hall.

const CODE = 'lab-safety-pledge'

/** A small form: a pre-filled name, a number the process routes on, a reason. */
const form = () => ({
  formatVersion: 1,
  sections: [
    {
      title: { zh: '申请信息', en: 'Application' },
      fields: [
        { key: 'name', type: 'text', label: { zh: '姓名', en: 'Name' }, prefill: { path: 'name', readOnlyWhenPrefilled: true } },
        { key: 'hours', type: 'number', label: { zh: '培训学时', en: 'Training hours' }, required: true, min: 1, max: 100 },
        { key: 'reason', type: 'textarea', label: { zh: '说明', en: 'Statement' }, required: true },
      ],
    },
  ],
})

/** Two steps: the counsellor, then a reviewer of Student Affairs. */
const process = () => ({
  schemaVersion: 1,
  service: CODE,
  name: { zh: '实验室安全承诺', en: 'Lab safety pledge' },
  formFields: [{ name: 'hours', type: 'number', label: { zh: '培训学时', en: 'Training hours' } }],
  start: 'counsellor',
  steps: [
    {
      type: 'approval',
      id: 'counsellor',
      name: { zh: '辅导员审核', en: 'Counsellor' },
      assignees: [{ role: 'counsellor', scope: 'applicant.class' }],
      next: 'office',
    },
    {
      type: 'approval',
      id: 'office',
      name: { zh: '学工处审核', en: 'Student Affairs' },
      assignees: [{ role: 'reviewer', scope: { department: 'student-affairs' } }],
      next: 'end',
    },
  ],
})

const guideText = (lang: 'zh' | 'en') => ({
  conditions: [lang === 'zh' ? '在校本科生' : 'Enrolled undergraduates'],
  materials: [],
  steps: [{ name: lang === 'zh' ? '辅导员审核' : 'Counsellor review', handler: lang === 'zh' ? '辅导员' : 'Counsellor' }],
  fees: lang === 'zh' ? '免费' : 'Free',
  contact: { phone: '0571-8888 0000', email: 'xgc@minghu.edu.cn' },
  location: lang === 'zh' ? '行政楼 201' : 'Admin Building 201',
  hours: lang === 'zh' ? '工作日 8:30–17:00' : 'Weekdays 8:30–17:00',
})

const details = () => ({
  summaryZh: '进入实验室前签署安全承诺',
  summaryEn: 'Sign the safety pledge before working in a lab',
  audience: ['undergraduate'],
  keywordsZh: ['实验室', '安全'],
  keywordsEn: ['lab', 'safety'],
  guide: { zh: guideText('zh'), en: guideText('en') },
})

const owner = who.studentAffairsOwner

async function createDraft(h: Hall, card: string = owner) {
  const res = await h.post(card, '/api/admin/services', {
    code: CODE,
    ownerDepartmentCode: 'student-affairs',
    categoryCode: await categoryOf(h),
    nameZh: '实验室安全承诺',
    nameEn: 'Lab safety pledge',
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res
}

async function categoryOf(h: Hall) {
  return (await h.deps.db.select({ code: categories.code }).from(categories).orderBy(asc(categories.sortOrder)).limit(1))[0]!.code
}

const patch = (h: Hall, card: string, body: unknown) => h.call(card, 'PATCH', `/api/admin/services/${CODE}/draft`, body)

async function publishable(h: Hall) {
  await createDraft(h)
  const res = await patch(h, owner, { ...details(), form: form(), process: process() })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

const values = (hours: number) => ({ name: '李明轩', hours, reason: '已完成线上安全培训' })
const auditActions = async (h: Hall) =>
  await h.deps.db
    .select({ action: serviceAuditEvents.action, actor: serviceAuditEvents.actorCardNumber, version: serviceAuditEvents.version })
    .from(serviceAuditEvents)
    .where(eq(serviceAuditEvents.serviceCode, CODE))
    .orderBy(asc(serviceAuditEvents.id))

describe('GET /api/admin/services', () => {
  it('lists a service owner their department’s services only, an admin every one, and refuses everyone else', async () => {
    const h = await hall()
    const mine = await h.get(owner, '/api/admin/services')
    expect(mine.status).toBe(200)
    expect(mine.body.items.length).toBeGreaterThan(0)
    expect(new Set(mine.body.items.map((s: { department: { code: string } }) => s.department.code))).toEqual(new Set(['student-affairs']))
    const all = await h.get(who.admin, '/api/admin/services')
    expect(all.body.items).toHaveLength(30)
    expect((await h.get(who.student, '/api/admin/services')).status).toBe(403)
    expect((await h.get(who.studentAffairs, '/api/admin/services')).status).toBe(403)
    expect((await h.get(null, '/api/admin/services')).status).toBe(401)
  })
})

describe('ownership', () => {
  it('answers an owner of another department 404 for a service, and 403 for creating in a department not theirs', async () => {
    const h = await hall()
    await createDraft(h)
    expect((await h.get(who.otherOwner, `/api/admin/services/${CODE}`)).status).toBe(404)
    expect((await patch(h, who.otherOwner, { nameZh: '改名' })).status).toBe(404)
    expect((await h.post(who.otherOwner, `/api/admin/services/${CODE}/publish`, {})).status).toBe(404)
    expect((await h.post(who.otherOwner, `/api/admin/services/${CODE}/retire`, {})).status).toBe(404)
    expect((await h.get(who.otherOwner, `/api/admin/services/${CODE}/audit`)).status).toBe(404)
    const foreign = await h.post(who.otherOwner, '/api/admin/services', {
      code: 'foreign-thing',
      ownerDepartmentCode: 'student-affairs',
      categoryCode: await categoryOf(h),
      nameZh: '外部门',
      nameEn: 'Foreign',
    })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error.messageZh).toContain('只能为自己负责的部门')
    // The admin manages it all the same.
    expect((await h.get(who.admin, `/api/admin/services/${CODE}`)).status).toBe(200)
    // Nothing the refused requests tried was written.
    expect((await auditActions(h)).map((a) => a.action)).toEqual(['created'])
  })

  it('refuses a code that is taken, and bad input with a message per input', async () => {
    const h = await hall()
    await createDraft(h)
    const again = await h.post(owner, '/api/admin/services', {
      code: CODE,
      ownerDepartmentCode: 'student-affairs',
      categoryCode: await categoryOf(h),
      nameZh: 'x',
      nameEn: 'x',
    })
    expect(again.status).toBe(409)
    const bad = await h.post(owner, '/api/admin/services', {
      code: 'Bad Code',
      ownerDepartmentCode: 'student-affairs',
      categoryCode: await categoryOf(h),
      nameZh: '',
      nameEn: 'x',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'nameZh'])
    expect((await patch(h, owner, { timeLimitDays: 0 })).status).toBe(400)
    expect((await patch(h, owner, {})).status).toBe(400)
  })
})

describe('POST /api/admin/services/{code}/publish', () => {
  it('refuses a draft with issues, each saying where in both languages, and publishes nothing', async () => {
    const h = await hall()
    await createDraft(h)
    const broken = process()
    // An unreachable step, a role nobody holds, a branch condition over a field the form lacks.
    broken.steps[0]!.next = 'end'
    broken.steps[1]!.assignees = [{ role: 'lab-warden', scope: { department: 'student-affairs' } }]
    broken.steps.push({
      type: 'parallel',
      id: 'joint',
      name: { zh: '会签', en: 'Joint review' },
      mode: 'all',
      branches: [
        { id: 'far', when: { field: 'distance', op: 'gt', value: 3 }, steps: [{ id: 'far-office', name: { zh: '保卫处', en: 'Security' }, assignees: [] }] },
      ],
      next: 'end',
    } as never)
    const badForm = form()
    ;(badForm.sections[0]!.fields[1] as Record<string, unknown>).visibleWhen = { field: 'nothing', op: 'eq', value: 1 }
    expect((await patch(h, owner, { ...details(), form: badForm, process: broken })).status).toBe(200)

    const checked = await h.post(owner, `/api/admin/services/${CODE}/draft/validate`, {})
    expect(checked.status).toBe(200)
    expect(checked.body.ok).toBe(false)
    const res = await h.post(owner, `/api/admin/services/${CODE}/publish`, {})
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('invalid_draft')
    expect(res.body.issues).toEqual(checked.body.issues)
    const find = (code: string, path: string) => res.body.issues.find((i: { code: string; path: string }) => i.code === code && i.path === path)
    expect(find('unreachable_step', 'steps[1]')).toMatchObject({ part: 'process', stepId: 'office' })
    expect(find('role_not_held', 'steps[1].assignees[0].role').message.zh).toContain('环节“学工处审核”（office）')
    expect(find('role_not_held', 'steps[1].assignees[0].role').message.en).toContain('nobody holds role "lab-warden"')
    expect(find('undeclared_field', 'steps[2].branches[0].when.field')).toMatchObject({ stepId: 'joint' })
    expect(find('no_assignees', 'steps[2].branches[0].steps[0].assignees')).toMatchObject({ stepId: 'far-office' })
    const formIssue = res.body.issues.find((i: { part: string }) => i.part === 'form')
    expect(formIssue).toMatchObject({ fieldKey: 'hours', path: 'sections.0.fields.1.visibleWhen' })
    expect(formIssue.message.zh).toContain('表单字段“hours”')
    // Still a draft: not in the catalog, nobody can apply.
    expect((await h.get(who.student, `/api/services/${CODE}`)).status).toBe(404)
    expect((await h.get(owner, `/api/admin/services/${CODE}`)).body.service).toMatchObject({ status: 'draft', currentVersion: null, draftVersion: 1 })
  })

  // Issue 13: an owner's pattern ran on a backtracking RegExp for every applicant's text.
  const withPattern = (regex: string) => {
    const f = form()
    f.sections[0]!.fields.push({
      key: 'labCode',
      type: 'text',
      label: { zh: '实验室编号', en: 'Lab code' },
      pattern: { regex, message: { zh: '实验室编号格式不对', en: 'Not a lab code' } },
    } as never)
    return f
  }

  it('refuses a pattern RE2 cannot run (a backreference, a lookahead), naming the field in both languages', async () => {
    for (const [regex, zh, en] of [
      ['([A-Z])\\1\\d+', '反向引用', 'refers back to a group'],
      ['(?=.*\\d)[A-Z\\d]+', '前后断言', 'looks ahead or behind'],
    ] as const) {
      const h = await hall()
      await createDraft(h)
      expect((await patch(h, owner, { ...details(), form: withPattern(regex), process: process() })).status).toBe(200)
      const res = await h.post(owner, `/api/admin/services/${CODE}/publish`, {})
      expect(res.status).toBe(422)
      expect(res.body.issues).toHaveLength(1)
      expect(res.body.issues[0]).toMatchObject({ part: 'form', fieldKey: 'labCode', path: 'sections.0.fields.3.pattern.regex' })
      expect(res.body.issues[0].message.zh).toContain('“实验室编号”的格式规则')
      expect(res.body.issues[0].message.zh).toContain(zh)
      expect(res.body.issues[0].message.en).toContain('"Lab code"')
      expect(res.body.issues[0].message.en).toContain(en)
      expect((await h.get(who.student, `/api/services/${CODE}`)).status).toBe(404)
    }
  })

  it('matches a nested-quantifier pattern against 40+ characters at once, with the right answer', async () => {
    const h = await hall()
    await createDraft(h)
    expect((await patch(h, owner, { ...details(), form: withPattern('(a+)+b'), process: process() })).status).toBe(200)
    expect((await h.post(owner, `/api/admin/services/${CODE}/publish`, {})).status).toBe(200)
    // With RegExp, 31 a's blocked the event loop for seconds and these would take hours.
    const refused = await h.submit(who.student, CODE, { ...values(8), labCode: `${'a'.repeat(45)}!` })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    expect(refused.body.error.fields).toEqual([{ path: 'labCode', message: 'Not a lab code', messageZh: '实验室编号格式不对' }])
    const accepted = await h.submit(who.classmate, CODE, { ...values(8), name: '王梓涵', labCode: `${'a'.repeat(45)}b` })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201)
  }, 15_000)

  it('publishes version 1 online: the catalog shows it and a student can apply', async () => {
    const h = await hall()
    // Read the catalog first, so that its cached listing exists before the publish.
    const before = await h.get(who.student, '/api/services?pageSize=100')
    expect(before.body.items.some((s: { code: string }) => s.code === CODE)).toBe(false)
    await publishable(h)
    const res = await h.post(owner, `/api/admin/services/${CODE}/publish`, {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ code: CODE, version: 1, status: 'online' })
    const after = await h.get(who.student, '/api/services?pageSize=100')
    expect(after.body.total).toBe(before.body.total + 1)
    expect((await h.get(who.student, `/api/services/${CODE}`)).body).toMatchObject({ version: 1, status: 'online', nameZh: '实验室安全承诺' })
    const applied = await h.submit(who.student, CODE, values(8))
    expect(applied.status, JSON.stringify(applied.body)).toBe(201)
    // The two steps of the process: the counsellor, then Student Affairs.
    await h.approve(who.counsellor, applied.body.id)
    const done = await h.approve(who.studentAffairs, applied.body.id)
    expect(done.status).toBe('completed')
  })

  it('a new version: the application in progress keeps its version, a new one gets the new version', async () => {
    const h = await hall()
    await publishable(h)
    expect((await h.post(owner, `/api/admin/services/${CODE}/publish`, {})).status).toBe(200)
    const first = (await h.submit(who.student, CODE, values(8))).body.id as number

    // Version 2 asks for one more field, renames the service and drops the counsellor's step.
    expect((await h.post(owner, `/api/admin/services/${CODE}/draft`, {})).status).toBe(201)
    expect((await h.post(owner, `/api/admin/services/${CODE}/draft`, {})).status).toBe(409)
    const v2form = form()
    v2form.sections[0]!.fields.push({ key: 'lab', type: 'text', label: { zh: '实验室', en: 'Lab' }, required: true })
    const v2process = process()
    v2process.start = 'office'
    v2process.steps = [v2process.steps[1]!]
    expect((await patch(h, owner, { nameZh: '实验室安全承诺书', form: v2form, process: v2process })).status).toBe(200)
    // Until it is published, the catalog still shows version 1.
    expect((await h.get(who.classmate, `/api/services/${CODE}`)).body).toMatchObject({ version: 1, nameZh: '实验室安全承诺' })
    const published = await h.post(owner, `/api/admin/services/${CODE}/publish`, {})
    expect(published.body).toMatchObject({ code: CODE, version: 2, status: 'online' })

    expect((await h.get(who.classmate, `/api/services/${CODE}`)).body).toMatchObject({ version: 2, nameZh: '实验室安全承诺书' })
    const list = await h.get(who.classmate, `/api/services?q=${encodeURIComponent('实验室安全')}`)
    expect(list.body.items.find((s: { code: string }) => s.code === CODE)).toMatchObject({ version: 2 })
    // The one in progress: still version 1, its form without the new field, the counsellor's step next.
    const kept = await h.detail(who.student, first)
    expect(kept.body.service.version).toBe(1)
    expect(JSON.stringify(kept.body.form)).not.toContain('"lab"')
    await h.approve(who.counsellor, first)
    expect((await h.approve(who.studentAffairs, first)).status).toBe('completed')
    // A new one: version 2, which needs the new field and goes straight to Student Affairs.
    const missing = await h.submit(who.classmate, CODE, values(8))
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body)).toContain('lab')
    const second = await h.submit(who.classmate, CODE, { ...values(8), name: '王梓涵', lab: '化学楼 301' })
    expect(second.status, JSON.stringify(second.body)).toBe(201)
    expect((await h.detail(who.classmate, second.body.id)).body.service.version).toBe(2)
    expect((await h.approve(who.studentAffairs, second.body.id)).status).toBe('completed')

    const versions = (await h.get(owner, `/api/admin/services/${CODE}`)).body.versions
    expect(versions.map((v: { version: number; applications: number }) => [v.version, v.applications])).toEqual([
      [2, 1],
      [1, 1],
    ])
  })
})

describe('PATCH /api/admin/services/{code}/draft', () => {
  it('refuses a change made from a stale revision instead of overwriting a colleague’s', async () => {
    const h = await hall()
    await createDraft(h)
    const opened = (await h.get(owner, `/api/admin/services/${CODE}`)).body.revision as number
    const mine = await patch(h, who.admin, { summaryZh: '管理员先改了', baseRevision: opened })
    expect(mine.status).toBe(200)
    expect(mine.body.revision).toBeGreaterThan(opened)
    const stale = await patch(h, owner, { summaryZh: '我后改的', baseRevision: opened })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('draft_changed')
    expect((await h.get(owner, `/api/admin/services/${CODE}`)).body.draft.summaryZh).toBe('管理员先改了')
    expect((await patch(h, owner, { baseRevision: mine.body.revision })).status).toBe(400)
  })
})

describe('availability and retiring', () => {
  it('refuses to retire a draft that was never published (409, in both languages), and leaves it a draft', async () => {
    const h = await hall()
    await createDraft(h)
    const refused = await h.post(owner, `/api/admin/services/${CODE}/retire`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'never_published' })
    expect(refused.body.error.messageZh).toContain('从未发布')
    const detail = await h.get(owner, `/api/admin/services/${CODE}`)
    expect(detail.body.service.status).toBe('draft')
  }, 60_000)

  it('switches online, hybrid and offline, retires for good, and audits every change with who and what', async () => {
    const h = await hall()
    expect((await h.post(owner, `/api/admin/services/${CODE}/availability`, { availability: 'offline' })).status).toBe(404)
    await publishable(h)
    expect((await h.post(owner, `/api/admin/services/${CODE}/availability`, { availability: 'offline' })).status).toBe(409)
    await h.post(owner, `/api/admin/services/${CODE}/publish`, {})

    // The catalog's cached listing (per catalog revision) must see the switch, not only the detail.
    const listed = async () => (await h.get(who.student, '/api/services?pageSize=100')).body.items.find((s: { code: string }) => s.code === CODE)
    expect(await listed()).toMatchObject({ mode: 'online' })
    expect((await h.post(owner, `/api/admin/services/${CODE}/availability`, { availability: 'hybrid' })).status).toBe(200)
    expect(await listed()).toMatchObject({ mode: 'hybrid' })
    expect((await h.get(who.student, `/api/services/${CODE}`)).body).toMatchObject({ status: 'online', mode: 'hybrid' })
    expect((await h.post(owner, `/api/admin/services/${CODE}/availability`, { availability: 'offline' })).status).toBe(200)
    expect((await h.get(who.student, `/api/services/${CODE}`)).body).toMatchObject({ status: 'offline' })
    expect((await h.submit(who.student, CODE, values(8))).status).toBe(422)
    expect((await h.post(owner, `/api/admin/services/${CODE}/availability`, { availability: 'sometimes' })).status).toBe(400)
    expect((await h.post(owner, `/api/admin/services/${CODE}/availability`, { availability: 'online' })).status).toBe(200)
    const inProgress = (await h.submit(who.student, CODE, values(8))).body.id as number

    expect((await h.post(who.admin, `/api/admin/services/${CODE}/retire`, {})).status).toBe(200)
    expect((await h.get(who.student, `/api/services/${CODE}`)).status).toBe(404)
    expect((await h.post(owner, `/api/admin/services/${CODE}/retire`, {})).status).toBe(409)
    expect((await h.post(owner, `/api/admin/services/${CODE}/draft`, {})).status).toBe(409)
    // The application started before finishes on its version.
    await h.approve(who.counsellor, inProgress)
    expect((await h.approve(who.studentAffairs, inProgress)).status).toBe('completed')

    expect(await auditActions(h)).toEqual([
      { action: 'created', actor: owner, version: 1 },
      { action: 'draft_edited', actor: owner, version: 1 },
      { action: 'published', actor: owner, version: 1 },
      { action: 'availability_changed', actor: owner, version: 1 },
      { action: 'availability_changed', actor: owner, version: 1 },
      { action: 'availability_changed', actor: owner, version: 1 },
      { action: 'retired', actor: who.admin, version: 1 },
    ])
    const history = await h.get(owner, `/api/admin/services/${CODE}/audit`)
    expect(history.status).toBe(200)
    expect(history.body.items[0]).toMatchObject({ action: 'retired', actor: { cardNumber: who.admin }, detail: { from: 'online' } })
    expect(history.body.items.find((i: { action: string }) => i.action === 'draft_edited').detail.parts).toEqual([
      'audience',
      'form',
      'guide',
      'keywordsEn',
      'keywordsZh',
      'process',
      'summaryEn',
      'summaryZh',
    ])
  })

  it('discards a draft of a published service, but not the only version of a new one', async () => {
    const h = await hall()
    await publishable(h)
    expect((await h.call(owner, 'DELETE', `/api/admin/services/${CODE}/draft`)).status).toBe(409)
    await h.post(owner, `/api/admin/services/${CODE}/publish`, {})
    await h.post(owner, `/api/admin/services/${CODE}/draft`, {})
    expect((await h.call(owner, 'DELETE', `/api/admin/services/${CODE}/draft`)).status).toBe(200)
    expect((await h.get(owner, `/api/admin/services/${CODE}`)).body).toMatchObject({ draft: null, current: { version: 1 } })
  })
})

describe('GET /api/admin/service-options', () => {
  it('offers my departments, the roles held and the data platform’s pre-fill paths with their source', async () => {
    const h = await hall()
    const res = await h.get(owner, '/api/admin/service-options')
    expect(res.status).toBe(200)
    expect(res.body.departments.map((d: { code: string }) => d.code)).toEqual(['student-affairs'])
    expect(res.body.roles.find((r: { role: string }) => r.role === 'reviewer').scopes).toContain('student-affairs')
    expect(res.body.prefillPaths.find((p: { path: string }) => p.path === 'student.dormitory.label')).toMatchObject({ departmentZh: expect.any(String) })
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the service administration routes from the same schemas', async () => {
    const h = await hall()
    const res = await h.get(null, '/api/openapi.json')
    expect(res.status).toBe(200)
    for (const path of ['/api/admin/services', '/api/admin/services/{code}/draft', '/api/admin/services/{code}/publish', '/api/admin/services/{code}/audit'])
      expect(Object.keys(res.body.paths)).toContain(path)
    expect(res.body.paths['/api/admin/services/{code}/publish'].post.responses['422']).toBeDefined()
  })
})
