import { describe, expect, it } from 'vitest'
import { HALL, authHarness, demo } from './test-support.ts'

// A logged-in browser visiting another site must not be made to change anything in the hall.

async function loggedIn(opts: Parameters<typeof authHarness>[0] = {}) {
  const h = await authHarness(opts)
  expect((await h.login(demo.undergraduate.cardNumber)).status).toBe(303)
  return h
}

describe('csrfProtection', () => {
  // Header sets as browsers send them; each refused one is a request a foreign page could make.
  const cases: [name: string, headers: Record<string, string>, status: number][] = [
    ['same origin (Origin equal to ours)', { origin: HALL }, 200],
    ['no Origin, Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }, 200],
    ['no Origin, Sec-Fetch-Site none (typed by the user)', { 'sec-fetch-site': 'none' }, 200],
    ['another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 403],
    ['a sibling subdomain (same site, other origin)', { origin: 'https://blog.localhost:3000', 'sec-fetch-site': 'same-site' }, 403],
    ['another port of the same host', { origin: 'http://localhost:3001' }, 403],
    ['an opaque origin (sandboxed frame, data: URL)', { origin: 'null' }, 403],
    ['no Origin, Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }, 403],
    ['neither header', {}, 403],
  ]

  it.each(cases)('POST /api/... from %s → %i', async (_name, headers, status) => {
    const h = await loggedIn()
    const res = await h.browser.fetch(`${HALL}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' })
    expect(res.status).toBe(status)
    if (status === 403) {
      expect(await res.json()).toMatchObject({ error: { code: 'cross_site_request' } })
    } else {
      expect(await res.json()).toEqual({ ok: true, user: demo.undergraduate.cardNumber })
    }
  })

  it('refuses a cross-site POST /auth/logout, and the session survives', async () => {
    // A forced logout is a nuisance any page could cause with a plain form.
    const h = await loggedIn()
    const res = await h.browser.fetch(`${HALL}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(403)
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(200)
  })

  it('checks every content type, not only forms (unlike hono/csrf)', async () => {
    const h = await loggedIn()
    for (const type of ['application/json', 'multipart/form-data; boundary=x', 'text/plain']) {
      const res = await h.browser.fetch(`${HALL}/api/echo`, { method: 'PUT', headers: { origin: 'https://evil.example', 'content-type': type }, body: '' })
      expect(res.status).toBe(403)
    }
  })

  it('leaves GET alone, and the ACS (cross-site by nature, guarded by the SAML checks)', async () => {
    const h = await authHarness()
    expect((await h.browser.fetch(`${HALL}/api/me`, { headers: { origin: 'https://evil.example' } })).status).toBe(401)
    const acs = await h.browser.postForm(`${HALL}/auth/saml/acs`, { SAMLResponse: '' }, 'https://idp.other.example')
    expect(acs.status).toBe(400) // refused by the SAML checks, not by the CSRF guard
  })

  it('lets through what the exempt option says (a deploy script with a Bearer token)', async () => {
    const h = await authHarness({ csrf: { exempt: (c) => (c.req.header('authorization') ?? '').startsWith('Bearer ') } })
    const res = await h.browser.fetch(`${HALL}/api/echo`, { method: 'POST', headers: { authorization: 'Bearer token' } })
    expect(res.status).toBe(200)
  })
})
