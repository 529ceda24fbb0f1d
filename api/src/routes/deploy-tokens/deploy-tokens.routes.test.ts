import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { auditLog, deployTokens } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'

// Named deploy tokens: an administrator makes one per team, limited to its parts, sees it once and
// can revoke it; the hall keeps only a hash; the registry names the team as the deployer.

const admin = people.find((p) => p.roles.some((r) => r.role === 'admin'))!
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
type App = Awaited<ReturnType<typeof testApp>>['app']

const upload = (app: App, token: string, part: string, version: string) =>
  app.request(`/api/admin/deployments/${part}/${version}/files/main.js`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: `export const version = '${version}'`,
  })
const register = (app: App, token: string, part: string, version: string) =>
  app.request('/api/admin/deployments', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `@hall/${part}`, version, imports: { [`@hall/${part}`]: 'main.js' } }),
  })

async function setup() {
  const t = await testApp()
  const headers = { origin: t.deps.env.publicOrigin, 'content-type': 'application/json', cookie: await t.loginAs(admin.cardNumber) }
  const create = (body: unknown) => t.app.request('/api/admin/deploy-tokens', { method: 'POST', headers, body: JSON.stringify(body) })
  return { ...t, headers, create }
}

describe('POST /api/admin/deploy-tokens', () => {
  it('shows the token once, keeps only its hash, and audits the creation', async () => {
    const { app, deps, headers, create } = await setup()
    const res = await create({ name: '教务处前端组', parts: ['mf-todo'] })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.token).toMatch(/^hall_dt_[A-Za-z0-9_-]{43}$/)
    expect(body.item).toMatchObject({ name: '教务处前端组', parts: ['mf-todo'], createdBy: admin.cardNumber, revokedAt: null })
    const stored = await deps.db.select().from(deployTokens)
    expect(JSON.stringify(stored)).not.toContain(body.token.slice(8))
    const list = await (await app.request('/api/admin/deploy-tokens', { headers })).json()
    expect(JSON.stringify(list)).not.toContain(body.token.slice(8))
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['教务处前端组'])
    const audit = (await deps.db.select().from(auditLog)).filter((r) => r.action === 'deploy_token.created')
    expect(audit).toMatchObject([{ actor: admin.cardNumber, targetKind: 'deploy_token', detail: { name: '教务处前端组', parts: ['mf-todo'] } }])
  })

  it.each([
    ['no parts', { name: 'Team', parts: [] }],
    ['a part that is not a folder name', { name: 'Team', parts: ['../mf-forms'] }],
    ['a one-letter name', { name: 'x', parts: ['mf-todo'] }],
    // The name becomes the deployer in the registry and the log: a line break could forge a line.
    ['a name with a line break', { name: 'Team\nadmin deployed', parts: ['mf-todo'] }],
    ['an unknown field', { name: 'Team', parts: ['mf-todo'], allParts: true }],
  ])('refuses %s with 400', async (_, body) => {
    const { create, deps } = await setup()
    const res = await create(body)
    expect(res.status).toBe(400)
    expect((await res.json()).error.messageZh).toBeTruthy()
    expect(await deps.db.select().from(deployTokens)).toHaveLength(0)
  })

  it('refuses a second live token of the same name (409), and allows it once the first is revoked', async () => {
    const { app, headers, create } = await setup()
    const first = await (await create({ name: 'Team A', parts: ['mf-todo'] })).json()
    expect((await create({ name: 'Team A', parts: ['mf-forms'] })).status).toBe(409)
    expect((await app.request(`/api/admin/deploy-tokens/${first.item.id}/revoke`, { method: 'POST', headers })).status).toBe(200)
    expect((await create({ name: 'Team A', parts: ['mf-forms'] })).status).toBe(201)
  })

  it('is for administrators only: a student gets 403, nobody logged in 401, a deploy token cannot make tokens', async () => {
    const { app, deps, loginAs } = await setup()
    const body = JSON.stringify({ name: 'Team', parts: ['mf-todo'] })
    const origin = deps.env.publicOrigin
    const asStudent = await app.request('/api/admin/deploy-tokens', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', cookie: await loginAs(student.cardNumber) },
      body,
    })
    expect(asStudent.status).toBe(403)
    const anonymous = await app.request('/api/admin/deploy-tokens', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body })
    expect(anonymous.status).toBe(401)
    const withBootstrap = await app.request('/api/admin/deploy-tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${deps.deployToken}`, 'content-type': 'application/json' },
      body,
    })
    expect(withBootstrap.status).toBe(401)
    expect(await deps.db.select().from(deployTokens)).toHaveLength(0)
  })
})

describe('deploying with a named token', () => {
  it('deploys its own part, recorded under the team’s name, and cannot touch another part', async () => {
    const { app, create } = await setup()
    const { token } = await (await create({ name: '教务处前端组', parts: ['mf-todo'] })).json()
    expect((await upload(app, token, 'mf-todo', '2.0.0')).status).toBe(201)
    const res = await register(app, token, 'mf-todo', '2.0.0')
    expect(res.status).toBe(201)
    expect((await res.json()).registeredBy).toBe('教务处前端组')

    const files = await upload(app, token, 'mf-forms', '9.0.0')
    expect(files.status).toBe(403)
    expect((await files.json()).error.code).toBe('token_not_for_part')
    expect((await register(app, token, 'mf-forms', '9.0.0')).status).toBe(403)
    expect((await app.request('/api/admin/deployments/mf-forms/rollback', { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(403)
    const map = await (await app.request('/importmap.json')).json()
    expect(map.imports['@hall/mf-forms'] ?? '').not.toContain('9.0.0')
  })

  it('is refused once revoked, and the revocation is audited', async () => {
    const { app, deps, headers, create } = await setup()
    const { token, item } = await (await create({ name: 'Team B', parts: ['mf-todo'] })).json()
    const revoked = await app.request(`/api/admin/deploy-tokens/${item.id}/revoke`, { method: 'POST', headers })
    expect(revoked.status).toBe(200)
    expect((await revoked.json()).revokedBy).toBe(admin.cardNumber)
    // An upload is a PUT: a token that is no longer valid does not exempt it from the CSRF check,
    // whose 403 says the token is wrong or revoked (a GET meets the deployment routes' 401).
    const refused = await upload(app, token, 'mf-todo', '3.0.0')
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.message).toMatch(/not a valid deploy token \(wrong, or revoked/)
    expect((await app.request('/api/admin/deployments/mf-todo', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    expect((await app.request(`/api/admin/deploy-tokens/${item.id}/revoke`, { method: 'POST', headers })).status).toBe(409)
    expect((await app.request('/api/admin/deploy-tokens/999/revoke', { method: 'POST', headers })).status).toBe(404)
    expect((await deps.db.select().from(auditLog)).filter((r) => r.action === 'deploy_token.revoked')).toHaveLength(1)
  })

  it('keeps the bootstrap token working for every part', async () => {
    const { app, deps } = await setup()
    expect((await upload(app, deps.deployToken, 'mf-forms', '4.0.0')).status).toBe(201)
    expect((await register(app, deps.deployToken, 'mf-forms', '4.0.0')).status).toBe(201)
  })

  it('refuses a token that only looks like one', async () => {
    const { app } = await setup()
    const fake = `hall_dt_${'A'.repeat(43)}`
    expect((await upload(app, fake, 'mf-todo', '5.0.0')).status).toBe(403)
    expect((await app.request('/api/admin/deployments/mf-todo', { headers: { authorization: `Bearer ${fake}` } })).status).toBe(401)
  })
})
