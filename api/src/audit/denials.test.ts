import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { authHarness, demo } from '../auth/test-support.ts'
import { auditLog } from '../db/schema/index.ts'
import { testApp } from '../test-support.ts'

// The audit log (issue 13.9): logins and their failures with the reason, and the refusals an
// administrator must see (403s, CSRF refusals, 404s and 401s on objects, 429s), without the noise
// of a visitor who is simply not logged in yet.

const rows = async (db: Awaited<ReturnType<typeof testApp>>['deps']['db'], action: string) =>
  await db.select().from(auditLog).where(eq(auditLog.action, action))

describe('logins in the audit log', () => {
  it('a login, with who and from where', async () => {
    const h = await authHarness()
    const res = await h.login(demo.undergraduate.cardNumber)
    expect(res.status).toBe(303)
    const [row] = await rows(h.deps.db, 'login.succeeded')
    expect(row).toMatchObject({ actor: demo.undergraduate.cardNumber, outcome: 'success', targetKind: 'person', targetId: demo.undergraduate.cardNumber })
    expect(row!.ip).toBeTruthy()
  })

  it('a failed login, with the rule that refused it; repeats gather into one row with a count', async () => {
    const h = await authHarness()
    const { requestId } = await h.startLogin()
    // Signed with a key that is not the IdP's.
    const { samlResponse: forged } = h.craft(requestId, { signingKey: h.keys.other.privateKeyPem, certPem: h.keys.other.certPem })
    for (let i = 0; i < 5; i++) expect((await h.postToAcs(forged)).status).toBe(401)
    await h.guards.audit.flush()
    const failed = await rows(h.deps.db, 'login.failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ outcome: 'failed', actor: 'anonymous' })
    expect(failed[0]!.detail).toMatchObject({ rule: 'signature', count: 5 })
    expect(await rows(h.deps.db, 'login.succeeded')).toHaveLength(0)
  })
})

describe('denials in the audit log', () => {
  it('a 403 of the policy, with the person, the route and the code', async () => {
    const hall = await testApp()
    const student = await hall.loginAs('2023010101')
    const res = await hall.app.request('/api/admin/notifications/deliveries', { headers: { Cookie: student } })
    expect(res.status).toBe(403)
    const [row] = await rows(hall.deps.db, 'access.denied')
    expect(row).toMatchObject({ actor: '2023010101', outcome: 'denied', targetKind: 'route', targetId: 'GET /api/admin/notifications/deliveries' })
    expect(row!.detail).toMatchObject({ status: 403, code: 'forbidden', count: 1 })
  })

  it('a CSRF refusal', async () => {
    const hall = await testApp()
    const student = await hall.loginAs('2023010101')
    const res = await hall.app.request('/api/questions', {
      method: 'POST',
      headers: { Cookie: student, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x', body: 'y' }),
    })
    expect(res.status).toBe(403)
    const [row] = await rows(hall.deps.db, 'access.denied')
    expect(row).toMatchObject({ actor: '2023010101', targetId: 'POST /api/questions' })
    expect(row!.detail).toMatchObject({ status: 403, code: 'cross_site_request' })
  })

  it("a 404 on another person's application, with its number; a 401 on an object too", async () => {
    const hall = await testApp()
    const student = await hall.loginAs('2023010101')
    expect((await hall.app.request('/api/applications/999999', { headers: { Cookie: student } })).status).toBe(404)
    expect((await hall.app.request('/api/applications/999998')).status).toBe(401)
    const denied = await rows(hall.deps.db, 'access.denied')
    expect(denied.map((r) => [r.actor, r.applicationId, r.detail.status])).toEqual([
      ['2023010101', 999999, 404],
      ['anonymous', 999998, 401],
    ])
  })

  it('not a visitor who is simply not logged in yet, nor a mistyped URL', async () => {
    const hall = await testApp()
    expect((await hall.app.request('/api/me')).status).toBe(401)
    expect((await hall.app.request('/api/no-such-route')).status).toBe(404)
    expect(await rows(hall.deps.db, 'access.denied')).toHaveLength(0)
  })

  it('a wrong deploy token', async () => {
    const hall = await testApp()
    const res = await hall.app.request('/api/admin/deployments/mf-todo/rollback', {
      method: 'POST',
      headers: { Authorization: 'Bearer not-the-token-0123456789abcdef' },
    })
    // A junk token does not exempt the request from the CSRF check (auth/deploy-token.ts), so the
    // refusal is that check's 403, which names the token; either way it is audited.
    expect(res.status).toBe(403)
    const [row] = await rows(hall.deps.db, 'access.denied')
    expect(row).toMatchObject({ actor: 'anonymous', targetId: 'POST /api/admin/deployments/:part/rollback' })
  })
})
