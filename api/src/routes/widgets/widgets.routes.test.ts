import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { testApp } from '../../test-support.ts'

// The widget routes as a department site's page reaches them: from another origin, through CORS
// that answers only the origins in HALL_WIDGET_ORIGINS, with the visitor's cookies only for those.

const SITE = 'http://localhost:3002'
const STRANGER = 'https://evil.example.com'
const reviewer = people.find((p) => p.roles.some((r) => r.role === 'reviewer'))!

describe('CORS of the widget routes', () => {
  it('answers a configured origin with itself and credentials, and a stranger with nothing', async () => {
    const { app } = await testApp({ HALL_WIDGET_ORIGINS: `${SITE}, https://www.cs.univ.edu.cn` })
    const ok = await app.request('/api/widgets/departments/network-centre/services', { headers: { Origin: SITE } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    expect(ok.headers.get('vary')).toContain('Origin')

    const other = await app.request('/api/widgets/departments/network-centre/services', { headers: { Origin: STRANGER } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(other.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('answers a preflight only for a configured origin, and only for GET', async () => {
    const { app } = await testApp({ HALL_WIDGET_ORIGINS: SITE })
    const ok = await app.request('/api/widgets/me/todo', { method: 'OPTIONS', headers: { Origin: SITE, 'Access-Control-Request-Method': 'GET' } })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET')
    const other = await app.request('/api/widgets/me/todo', { method: 'OPTIONS', headers: { Origin: STRANGER, 'Access-Control-Request-Method': 'GET' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(other.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('gives no CORS allowance to the rest of the API, even for a configured origin', async () => {
    const { app } = await testApp({ HALL_WIDGET_ORIGINS: SITE })
    for (const url of ['/api/services', '/api/me', '/api/tasks/counts', '/importmap.json']) {
      const res = await app.request(url, { headers: { Origin: SITE } })
      expect(res.headers.get('access-control-allow-origin'), url).toBeNull()
    }
  })

  it('defaults to the demo department site outside production, and to nobody in production', async () => {
    const dev = await testApp()
    expect(dev.deps.env.widgetOrigins).toEqual(['http://localhost:3002'])
    const { loadEnv } = await import('../../env.ts')
    expect(loadEnv({ NODE_ENV: 'production', HALL_PUBLIC_URL: 'https://hall.univ.edu.cn', HALL_IDP_METADATA: '/x.xml' }).widgetOrigins).toEqual([])
    expect(() => loadEnv({ HALL_WIDGET_ORIGINS: 'https://www.cs.univ.edu.cn/news/' })).toThrow(/HALL_WIDGET_ORIGINS/)
  })
})

describe('GET /api/widgets/departments/{code}/services', () => {
  it("lists the department's online services, each with its page in the hall", async () => {
    const { app } = await testApp()
    const res = await app.request('/api/widgets/departments/network-centre/services', { headers: { Origin: SITE } })
    const body = (await res.json()) as { department: { nameZh: string }; items: Array<{ code: string; path: string; department: { code: string } }> }
    expect(body.department.nameZh).toBe('网络与信息中心')
    expect(body.items.length).toBeGreaterThan(0)
    for (const s of body.items) {
      expect(s.department.code).toBe('network-centre')
      expect(s.path).toBe(`/catalog/services/${s.code}`)
    }
    expect(body.items.map((s) => s.code)).toContain('email-account')
  })

  it('answers 404 with a message for a department without services, and 400 for a malformed code', async () => {
    const { app } = await testApp()
    const missing = await app.request('/api/widgets/departments/no-such-department/services')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { messageZh: string } }).error.messageZh).toContain('department')
    expect((await app.request('/api/widgets/departments/NOPE!/services')).status).toBe(400)
  })
})

describe('GET /api/widgets/services/{code}', () => {
  it('gives one online service, and 404 for an unknown one', async () => {
    const { app } = await testApp()
    const res = await app.request('/api/widgets/services/email-account')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { path: string }).path).toBe('/catalog/services/email-account')
    expect((await app.request('/api/widgets/services/no-such-service')).status).toBe(404)
  })
})

describe('GET /api/widgets/me/todo', () => {
  it('tells a visitor without a session where to log in (200, so the page logs no failed request)', async () => {
    const { app } = await testApp()
    const res = await app.request('/api/widgets/me/todo', { headers: { Origin: SITE } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(await res.json()).toEqual({ loggedIn: false, loginPath: '/auth/login?returnTo=%2Ftodo' })
  })

  it("gives a logged-in reviewer the same to-do count as the hall's own badge", async () => {
    const { app, loginAs } = await testApp()
    const cookie = await loginAs(reviewer.cardNumber)
    const counts = (await (await app.request('/api/tasks/counts', { headers: { Cookie: cookie } })).json()) as { todo: number }
    const res = await app.request('/api/widgets/me/todo', { headers: { Origin: SITE, Cookie: cookie } })
    expect(await res.json()).toEqual({ loggedIn: true, name: reviewer.name, todo: counts.todo, todoPath: '/todo' })
  })
})

describe('GET /importmap.json', () => {
  it('answers 304 to the ETag it gave, and the map to any other', async () => {
    const { app } = await testApp()
    const first = await app.request('/importmap.json')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{20}"$/)
    const again = await app.request('/importmap.json', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await app.request('/importmap.json', { headers: { 'If-None-Match': '"0000"' } })
    expect(other.status).toBe(200)
  })
})
