import { people } from '@hall/demo-university'
import { describe, expect, it } from 'vitest'
import { testApp } from '../test-support.ts'

// The deploy token and the CSRF guard in the whole app. A page of another site can make a browser
// send the user's session cookie with any header it likes, Authorization included: a Bearer header
// must only count when it is the deploy token, and then the request is the deployer, not the
// cookie's person.

const TOKEN = 'test-deploy-token-0123456789abcdef'
const EVIL = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
const admin = people.find((p) => p.roles.some((r) => r.role === 'admin'))!
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform && p.roles.length === 0)!

async function setup() {
  const t = await testApp()
  const services = (await (await t.app.request('/api/services')).json()) as { items: { code: string }[] }
  const favorites = async (cookie: string) =>
    ((await (await t.app.request('/api/me/favorites', { headers: { cookie } })).json()) as { items: { code: string }[] }).items
  return { ...t, code: services.items[0]!.code, favorites }
}

describe('a cross-site request with a Bearer header and a session cookie', () => {
  it('is refused 403 when the token is junk, and the cookie’s person changes nothing', async () => {
    const { app, loginAs, code, favorites } = await setup()
    const cookie = await loginAs(student.cardNumber)
    const res = await app.request(`/api/me/favorites/${code}`, { method: 'PUT', headers: { ...EVIL, cookie, authorization: 'Bearer junk' } })
    expect(res.status).toBe(403)
    const body = await res.json()
    expect(body.error.code).toBe('cross_site_request')
    expect(body.error.message).toContain('not a valid deploy token')
    expect(await favorites(cookie)).toEqual([])
  })

  it('refuses a cross-site logout with a junk Bearer header: the session survives', async () => {
    const { app, loginAs } = await setup()
    const cookie = await loginAs(student.cardNumber)
    expect((await app.request('/auth/logout', { method: 'POST', headers: { ...EVIL, cookie, authorization: 'Bearer x' } })).status).toBe(403)
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200)
  })

  it('passes with the valid deploy token, as the deployer only: not as the cookie’s person', async () => {
    const { app, loginAs, code, favorites } = await setup()
    const cookie = await loginAs(student.cardNumber)
    const auth = { ...EVIL, cookie, authorization: `Bearer ${TOKEN}` }
    // Past the CSRF guard, but a route for a person finds none.
    const res = await app.request(`/api/me/favorites/${code}`, { method: 'PUT', headers: auth })
    expect(res.status).toBe(401)
    expect(await favorites(cookie)).toEqual([])
    expect((await app.request('/api/me', { headers: auth })).status).toBe(401)
  })

  it('registers a deployment with the valid token beside an administrator’s cookie: recorded as the deploy token', async () => {
    const { app, loginAs } = await setup()
    const cookie = await loginAs(admin.cardNumber)
    const headers = { ...EVIL, cookie, authorization: `Bearer ${TOKEN}` }
    const put = await app.request('/api/admin/deployments/mf-todo/9.9.9/files/main.js', {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: 'export {}',
    })
    expect(put.status).toBe(201)
    const res = await app.request('/api/admin/deployments', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '@hall/mf-todo', version: '9.9.9', imports: { '@hall/mf-todo': 'main.js' } }),
    })
    expect(res.status).toBe(201)
    expect((await res.json()).registeredBy).toBe('deploy-token')
  })

  it('with a junk token and an administrator’s cookie, cross-site, registers nothing', async () => {
    const { app, loginAs } = await setup()
    const cookie = await loginAs(admin.cardNumber)
    const res = await app.request('/api/admin/deployments/mf-todo/9.9.9/files/main.js', {
      method: 'PUT',
      headers: { ...EVIL, cookie, authorization: 'Bearer junk', 'content-type': 'application/octet-stream' },
      body: 'export {}',
    })
    expect(res.status).toBe(403)
  })
})
