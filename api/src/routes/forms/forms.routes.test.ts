import { describe, expect, it } from 'vitest'
import { testApp } from '../../test-support.ts'

// Starting a service and its drafts, over HTTP as the browser uses them.

const undergraduate = '2023010101' // 李明轩, 明湖苑3号楼 412
const classmate = '2023010102'
const unknownPerson = '0031907' // known to the IdP, not to the data platform

type App = Awaited<ReturnType<typeof testApp>>

async function session(t: App, cardNumber: string) {
  const cookie = await t.loginAs(cardNumber)
  const origin = t.deps.env.publicOrigin
  return {
    get: (path: string) => t.app.request(path, { headers: { cookie } }),
    put: (path: string, body: unknown) =>
      t.app.request(path, { method: 'PUT', headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    delete: (path: string) => t.app.request(path, { method: 'DELETE', headers: { cookie, origin } }),
  }
}

interface FormBody {
  service: { code: string; nameZh: string; version: number }
  definition: { formatVersion: number; sections: unknown[] }
  prefill: {
    values: Record<string, unknown>
    sources: Record<string, { systemZh: string; departmentZh: string; authoritative: boolean; readOnly: boolean; path: string }>
    missing: string[]
    available: boolean
    warning: unknown
  }
  draft: { values: Record<string, unknown>; updatedAt: string } | null
}

describe('GET /api/services/{code}/form', () => {
  it("pre-fills an undergraduate's dormitory, naming 公寓管理系统 · 后勤公寓管理中心 as its authoritative source", async () => {
    const t = await testApp()
    const res = await (await session(t, undergraduate)).get('/api/services/dorm-change/form')
    expect(res.status).toBe(200)
    const body = (await res.json()) as FormBody
    expect(body.service).toMatchObject({ code: 'dorm-change', nameZh: '宿舍调整申请', version: 1 })
    expect(body.definition.formatVersion).toBe(1)
    expect(body.prefill.values.dormitory).toBe('明湖苑3号楼 412室 2号床')
    expect(body.prefill.sources.dormitory).toMatchObject({
      systemZh: '公寓管理系统',
      departmentZh: '后勤公寓管理中心',
      authoritative: true,
      readOnly: true,
      path: 'student.dormitory.label',
    })
    expect(body.prefill.values).toMatchObject({ name: '李明轩', cardNumber: undergraduate, college: '计算机科学与技术学院', studentAdviser: '杜红梅' })
    expect(body.prefill).toMatchObject({ available: true, warning: null })
    expect(body.draft).toBeNull()
  })

  it('gives the person the data platform does not know an empty pre-fill, and the form still', async () => {
    const t = await testApp()
    const res = await (await session(t, unknownPerson)).get('/api/services/intro-letter/form')
    expect(res.status).toBe(200)
    const body = (await res.json()) as FormBody
    expect(body.definition.sections.length).toBeGreaterThan(0)
    expect(body.prefill.values).toEqual({})
    expect(body.prefill.sources).toEqual({})
    expect(body.prefill.missing).toContain('name')
    expect(body.prefill.available).toBe(true)
  })

  it('pre-fills staff details and research projects for a professor', async () => {
    const t = await testApp()
    const body = (await (await (await session(t, '0005472')).get('/api/services/vertical-project-finance/form')).json()) as FormBody
    expect(body.prefill.values).toMatchObject({ title: '教授', projectCode: 'MH-V-2024-0137', budget: 580000 })
    expect(body.prefill.sources.projectCode).toMatchObject({ systemZh: '科研管理系统', readOnly: false })
    expect(body.prefill.sources.name?.systemZh).toBe('人事系统')
  })

  it('needs a session', async () => {
    const t = await testApp()
    const res = await t.app.request('/api/services/dorm-change/form')
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')
  })

  it.each([
    ['no-such-service', 404, 'not_found'],
    ['Bad_Code', 400, 'bad_request'],
  ])('answers %s with %i', async (code, status, errorCode) => {
    const t = await testApp()
    const res = await (await session(t, undergraduate)).get(`/api/services/${code}/form`)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(errorCode)
  })
})

describe('PUT/GET/DELETE /api/drafts/{serviceCode}', () => {
  it('saves, loads and overwrites a draft (last write wins), and the form brings it back', async () => {
    const t = await testApp()
    const me = await session(t, undergraduate)
    const first = await me.put('/api/drafts/dorm-change', { values: { changeType: 'vacant', reason: '作息' } })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ serviceCode: 'dorm-change', serviceVersion: 1, updatedAt: '2026-11-27T02:00:00.000Z' })
    t.advance(5_000)
    await me.put('/api/drafts/dorm-change', { values: { changeType: 'swap', swapWith: classmate } })
    const loaded = await me.get('/api/drafts/dorm-change')
    expect(loaded.status).toBe(200)
    expect(await loaded.json()).toEqual({
      serviceCode: 'dorm-change',
      serviceVersion: 1,
      values: { changeType: 'swap', swapWith: classmate },
      updatedAt: '2026-11-27T02:00:05.000Z',
    })
    const form = (await (await me.get('/api/services/dorm-change/form')).json()) as FormBody
    expect(form.draft).toMatchObject({ values: { changeType: 'swap', swapWith: classmate }, updatedAt: '2026-11-27T02:00:05.000Z' })
  })

  it('keeps drafts in the database: a new session (another device) finds it', async () => {
    const t = await testApp()
    await (await session(t, undergraduate)).put('/api/drafts/undergrad-leave', { values: { reason: '回家' } })
    const otherDevice = await session(t, undergraduate)
    expect(((await (await otherDevice.get('/api/drafts/undergrad-leave')).json()) as { values: object }).values).toEqual({ reason: '回家' })
  })

  it('keeps drafts private: another person sees none of them', async () => {
    const t = await testApp()
    await (await session(t, undergraduate)).put('/api/drafts/dorm-change', { values: { reason: 'mine' } })
    const other = await session(t, classmate)
    const res = await other.get('/api/drafts/dorm-change')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no_draft')
    expect(((await (await other.get('/api/services/dorm-change/form')).json()) as FormBody).draft).toBeNull()
    // …and cannot discard it either.
    expect(await (await other.delete('/api/drafts/dorm-change')).json()).toEqual({ serviceCode: 'dorm-change', deleted: false })
    expect((await (await session(t, undergraduate)).get('/api/drafts/dorm-change')).status).toBe(200)
  })

  it('discards a draft, and discarding twice is fine', async () => {
    const t = await testApp()
    const me = await session(t, undergraduate)
    await me.put('/api/drafts/dorm-change', { values: { reason: 'x' } })
    expect(await (await me.delete('/api/drafts/dorm-change')).json()).toEqual({ serviceCode: 'dorm-change', deleted: true })
    expect(await (await me.delete('/api/drafts/dorm-change')).json()).toEqual({ serviceCode: 'dorm-change', deleted: false })
    expect((await me.get('/api/drafts/dorm-change')).status).toBe(404)
  })

  it('refuses a draft over the size limit with 413, and keeps the one before', async () => {
    const t = await testApp({ HALL_DRAFT_MAX_KB: '8' })
    const me = await session(t, undergraduate)
    await me.put('/api/drafts/dorm-change', { values: { reason: 'short' } })
    const res = await me.put('/api/drafts/dorm-change', { values: { reason: 'x'.repeat(9 * 1024) } })
    expect(res.status).toBe(413)
    const body = (await res.json()) as { error: { code: string; message: string; messageZh: string } }
    expect(body.error.code).toBe('draft_too_large')
    expect(body.error.message).toContain('at most 8 KB')
    expect(((await (await me.get('/api/drafts/dorm-change')).json()) as { values: object }).values).toEqual({ reason: 'short' })
  })

  it.each<[string, unknown, number]>([
    ['an unknown service', { values: {} }, 404],
    ['values that are not an object', { values: [1, 2] }, 400],
    ['a key that is not a field key', { values: { '../x': 1 } }, 400],
    ['no values', {}, 400],
  ])('refuses %s', async (name, body, status) => {
    const t = await testApp()
    const path = name === 'an unknown service' ? '/api/drafts/no-such-service' : '/api/drafts/dorm-change'
    expect((await (await session(t, undergraduate)).put(path, body)).status).toBe(status)
  })

  it('refuses a save from another site', async () => {
    const t = await testApp()
    const cookie = await t.loginAs(undergraduate)
    const res = await t.app.request('/api/drafts/dorm-change', {
      method: 'PUT',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ values: {} }),
    })
    expect(res.status).toBe(403)
  })
})

describe('the OpenAPI document', () => {
  it('describes the forms routes', async () => {
    const t = await testApp()
    const res = await t.app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
    for (const [route, method] of [
      ['/api/services/{code}/form', 'get'],
      ['/api/drafts/{serviceCode}', 'put'],
      ['/api/drafts/{serviceCode}', 'delete'],
      ['/api/attachments', 'post'],
      ['/api/attachments/{id}', 'get'],
      ['/api/me/materials', 'get'],
      ['/api/data-errors', 'post'],
    ] as const) {
      expect(doc.paths[route]?.[method], `${method} ${route}`).toBeDefined()
    }
  })
})
