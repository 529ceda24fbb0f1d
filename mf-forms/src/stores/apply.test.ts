import type { FormDefinition } from '@hall/forms'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DRAFT_DEBOUNCE_MS, useApplyStore } from './apply.ts'

// The fill-in page's promises, checked against a fake API: the draft wins over pre-filled values
// except the platform's own, typing saves once per pause, and a submit attempt keeps one
// Idempotency-Key across a double click and a retry (so the API makes one application).

const definition: FormDefinition = {
  formatVersion: 1,
  sections: [
    {
      title: { zh: '申请', en: 'Application' },
      fields: [
        { key: 'dormitory', type: 'text', label: { zh: '宿舍', en: 'Room' }, prefill: { path: 'student.dormitory.label', readOnlyWhenPrefilled: true } },
        { key: 'phone', type: 'text', label: { zh: '手机', en: 'Phone' }, prefill: { path: 'phone' } },
        { key: 'reason', type: 'textarea', label: { zh: '理由', en: 'Reason' }, required: true },
      ],
    },
  ],
}

const source = (path: string, readOnly: boolean) => ({
  systemCode: 's',
  systemZh: '系统',
  systemEn: 'System',
  departmentCode: 'd',
  departmentZh: '部门',
  departmentEn: 'Office',
  authoritative: readOnly,
  path,
  readOnly,
})

const formAnswer = {
  service: { code: 'dorm-change', nameZh: '宿舍调整申请', nameEn: 'Dormitory change', version: 1, status: 'online' },
  definition,
  prefill: {
    values: { dormitory: '3号楼 412', phone: '138' },
    sources: { dormitory: source('student.dormitory.label', true), phone: source('phone', false) },
    missing: [],
    available: true,
    warning: null,
  },
  // An old draft: the dormitory typed then must not override the platform's.
  draft: {
    serviceCode: 'dorm-change',
    serviceVersion: 1,
    values: { dormitory: '旧宿舍', phone: '139', reason: '草稿里的理由' },
    updatedAt: '2026-11-27T02:00:00.000Z',
  },
}

interface Call {
  method: string
  path: string
  headers: Headers
  body: unknown
}

let calls: Call[]
let answer: (call: Call) => Response | Promise<Response>

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

beforeEach(() => {
  setActivePinia(createPinia())
  calls = []
  answer = (call) => {
    if (call.method === 'GET' && call.path === '/api/services/dorm-change/form') return json(200, formAnswer)
    if (call.method === 'PUT') return json(200, { serviceCode: 'dorm-change', serviceVersion: 1, updatedAt: new Date().toISOString() })
    if (call.method === 'DELETE') return json(200, { serviceCode: 'dorm-change', deleted: true })
    if (call.method === 'POST' && call.path === '/api/applications') return json(201, { id: 42, status: 'in_review', stateVersion: 1 })
    return json(404, { error: { code: 'not_found', message: 'no', messageZh: '无' } })
  }
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const text = await request.text()
    const call: Call = {
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    }
    calls.push(call)
    return answer(call)
  })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const posts = () => calls.filter((c) => c.method === 'POST' && c.path === '/api/applications')
const puts = () => calls.filter((c) => c.method === 'PUT')

describe('forms/apply', () => {
  it('starts from the draft for editable fields and from the platform for its own', async () => {
    const store = useApplyStore()
    await store.load('dorm-change')
    expect(store.values).toMatchObject({ dormitory: '3号楼 412', phone: '139', reason: '草稿里的理由' })
    expect(store.restoredFrom).toBe('2026-11-27T02:00:00.000Z')
    expect([...store.lockedKeys]).toEqual(['dormitory'])
  })

  it('saves the draft once typing pauses, not on every keystroke', async () => {
    vi.useFakeTimers()
    const store = useApplyStore()
    await store.load('dorm-change')
    for (const reason of ['a', 'ab', 'abc']) store.edit({ ...store.values, reason })
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS - 100)
    expect(puts()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(200)
    expect(puts()).toHaveLength(1)
    expect(puts()[0]!.body).toMatchObject({ values: { reason: 'abc' } })
    expect(store.draftState).toBe('saved')
  })

  it('sends one request for a double submit, and the same key again when retrying after a lost answer', async () => {
    const store = useApplyStore()
    await store.load('dorm-change')
    const values = { ...store.values, reason: '理由' }

    // The first answer is lost on the way.
    answer = () => Promise.reject(new TypeError('Failed to fetch'))
    const [first, second] = await Promise.all([store.submit(values), store.submit(values)])
    expect([first, second]).toEqual([null, null])
    expect(posts()).toHaveLength(1)
    expect(store.submitError?.status).toBe(0)

    answer = (call) => (call.method === 'POST' ? json(201, { id: 42, status: 'in_review', stateVersion: 1 }) : json(200, { deleted: true }))
    expect(await store.submit(values)).toBe(42)
    expect(posts()).toHaveLength(2)
    const [a, b] = posts().map((c) => c.headers.get('idempotency-key'))
    expect(a).toBeTruthy()
    expect(b).toBe(a)
    // The draft became the application; nothing is saved after it.
    store.edit({ ...values, reason: '之后' })
    await store.saveDraft()
    expect(puts()).toHaveLength(0)
  })

  it('uses a new key once the values changed after a refused submit, and shows the field errors', async () => {
    const store = useApplyStore()
    await store.load('dorm-change')
    answer = () =>
      json(400, { error: { code: 'invalid', message: 'Invalid', messageZh: '有误', fields: [{ path: 'reason', message: 'Too short', messageZh: '太短' }] } })
    expect(await store.submit({ ...store.values, reason: 'x' })).toBeNull()
    expect(store.serverErrors).toEqual([{ path: 'reason', message: { zh: '太短', en: 'Too short' } }])

    store.edit({ ...store.values, reason: '足够长的理由' })
    answer = () => json(201, { id: 7, status: 'in_review', stateVersion: 1 })
    expect(await store.submit(store.values)).toBe(7)
    const [a, b] = posts().map((c) => c.headers.get('idempotency-key'))
    expect(b).not.toBe(a)
  })
})
