import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sessions } from '../db/schema/index.ts'
import { HALL, authHarness, demo } from './test-support.ts'
import { TOUCH_INTERVAL_MS } from './sessions.ts'

// Sessions end after a quiet spell (idle) and after a fixed time whatever happens (absolute).
// Time is moved on the injected clock; nothing sleeps.

const MINUTE = 60_000

async function loggedIn(env: Record<string, string> = {}) {
  const h = await authHarness({ env: { HALL_SESSION_IDLE_MINUTES: '30', HALL_SESSION_MAX_HOURS: '2', ...env } })
  expect((await h.login(demo.undergraduate.cardNumber)).status).toBe(303)
  const me = () => h.browser.fetch(`${HALL}/api/me`).then((r) => r.status)
  return { ...h, me }
}

describe('session timeouts', () => {
  it('ends a session left idle for the idle timeout', async () => {
    const h = await loggedIn()
    h.advance(29 * MINUTE)
    expect(await h.me()).toBe(200)
    h.advance(30 * MINUTE)
    expect(await h.me()).toBe(401)
    expect(await h.sessionCount()).toBe(0) // deleted, not just ignored
  })

  it('slides the idle timeout while the person keeps using the hall', async () => {
    const h = await loggedIn()
    for (let i = 0; i < 3; i++) {
      h.advance(25 * MINUTE)
      expect(await h.me()).toBe(200)
    }
  })

  it('ends a session at the absolute timeout even when it is in use', async () => {
    // A stolen cookie must stop working at some point, however busy the thief keeps it.
    const h = await loggedIn()
    for (let i = 0; i < 5; i++) {
      h.advance(20 * MINUTE)
      expect(await h.me()).toBe(200)
    }
    h.advance(20 * MINUTE) // 2 h after login: the limit
    expect(await h.me()).toBe(401)
  })

  it('writes lastSeen at most once a minute, not on every request', async () => {
    const h = await loggedIn()
    const lastSeen = async () => (await h.deps.db.select().from(sessions))[0]!.lastSeenAt.getTime()
    const atLogin = await lastSeen()
    h.advance(TOUCH_INTERVAL_MS / 2)
    await h.me()
    expect(await lastSeen()).toBe(atLogin)
    h.advance(TOUCH_INTERVAL_MS)
    await h.me()
    expect(await lastSeen()).toBe(atLogin + 1.5 * TOUCH_INTERVAL_MS)
  })
})

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, path / and not Secure on http://localhost', async () => {
    const h = await authHarness()
    const acs = await h.login(demo.undergraduate.cardNumber)
    const cookie = acs.headers.getSetCookie().find((c) => c.startsWith('hall_sid='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Secure/)
  })

  it('is Secure when the hall is served over https', async () => {
    const h = await authHarness({ env: { HALL_PUBLIC_URL: 'https://hall.minghu.edu.cn' } })
    const { requestId } = await h.startLogin('/')
    const binding = [...h.browser.jar.get('localhost:3000')!.entries()].find(([k]) => k.startsWith('hall_login_'))
    // The harness browser speaks to localhost; replay the binding cookie onto the https origin.
    const res = await h.app.request('https://hall.minghu.edu.cn/auth/saml/acs', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: binding ? `${binding[0]}=${binding[1].value}` : '' },
      body: new URLSearchParams({ SAMLResponse: h.craft(requestId, { destination: h.sp.acsUrl }).samlResponse }).toString(),
    })
    expect(res.status).toBe(303)
    expect(res.headers.getSetCookie().find((c) => c.startsWith('hall_sid='))).toMatch(/Secure/)
  })

  it('is stored only as a hash', async () => {
    // A copy of the database (a backup) must not hold working session cookies.
    const h = await authHarness()
    await h.login(demo.undergraduate.cardNumber)
    const id = h.browser.cookie(HALL, 'hall_sid')!
    const row = (await h.deps.db.select().from(sessions))[0]!
    expect(row.idHash).toBe(createHash('sha256').update(id).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(id)
  })

  it('an unknown or made-up cookie is no session', async () => {
    const h = await authHarness()
    h.browser.setCookie(HALL, 'hall_sid', 'made-up')
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(401)
  })
})
