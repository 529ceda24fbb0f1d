import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { auditLog } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'

// The deployment routes over HTTP: who may register and roll back (a deploy script with the token,
// an administrator's session, nobody else), and the import map they change.

const admin = people.find((p) => p.roles.some((r) => r.role === 'admin'))!
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
const TOKEN = 'test-deploy-token-0123456789abcdef'

async function upload(app: Awaited<ReturnType<typeof testApp>>['app'], headers: Record<string, string>, version: string) {
  return app.request(`/api/admin/deployments/mf-todo/${version}/files/main.js`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: `export const version = '${version}'`,
  })
}
const register = (app: Awaited<ReturnType<typeof testApp>>['app'], headers: Record<string, string>, version: string) =>
  app.request('/api/admin/deployments', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '@hall/mf-todo', version, imports: { '@hall/mf-todo': 'main.js' } }),
  })

describe('POST /api/admin/deployments', () => {
  it('registers with the deploy token, and the import map names the new version', async () => {
    const { app } = await testApp()
    const auth = { authorization: `Bearer ${TOKEN}` }
    expect((await upload(app, auth, '1.0.0')).status).toBe(201)
    const res = await register(app, auth, '1.0.0')
    expect(res.status).toBe(201)
    expect((await res.json()).registeredBy).toBe('deploy-token')
    const map = await (await app.request('/importmap.json')).json()
    expect(map.imports['@hall/mf-todo']).toBe('/static/mf-todo/1.0.0/main.js')
  })

  it.each([
    ['no credentials (same origin)', { origin: 'http://localhost:3000' }, 401],
    ['no credentials and no origin (the CSRF guard answers first)', {}, 403],
    // A wrong token exempts nothing from the CSRF guard (see auth/deploy-token.test.ts)…
    ['a wrong token', { authorization: 'Bearer not-the-token-at-all-000000' }, 403],
    // …and from the hall's own origin it is refused as a wrong token.
    ['a wrong token from the hall’s origin', { origin: 'http://localhost:3000', authorization: 'Bearer not-the-token-at-all-000000' }, 401],
  ])('refuses %s', async (_, headers, status) => {
    const { app } = await testApp()
    expect((await upload(app, headers, '1.0.0')).status).toBe(status)
    expect((await register(app, headers, '1.0.0')).status).toBe(status)
  })

  it('lets an administrator deploy from the session, and refuses a student', async () => {
    const { app, loginAs, deps } = await testApp()
    const origin = { origin: deps.env.publicOrigin }
    const asStudent = { ...origin, cookie: await loginAs(student.cardNumber) }
    expect((await upload(app, asStudent, '1.0.0')).status).toBe(403)
    const asAdmin = { ...origin, cookie: await loginAs(admin.cardNumber) }
    expect((await upload(app, asAdmin, '1.0.0')).status).toBe(201)
    const res = await register(app, asAdmin, '1.0.0')
    expect(res.status).toBe(201)
    expect((await res.json()).registeredBy).toBe(admin.cardNumber)
  })

  it('answers 400 naming each bad field', async () => {
    const { app } = await testApp()
    const res = await app.request('/api/admin/deployments', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'mf-todo', version: '../x', imports: {} }),
    })
    expect(res.status).toBe(400)
    const paths = (await res.json()).error.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'version', 'imports']))
  })

  it('refuses to overwrite the files of a registered version', async () => {
    const { app } = await testApp()
    const auth = { authorization: `Bearer ${TOKEN}` }
    await upload(app, auth, '1.0.0')
    await register(app, auth, '1.0.0')
    expect((await upload(app, auth, '1.0.0')).status).toBe(409)
  })

  it('answers 422 when a named file is not in the store', async () => {
    const { app } = await testApp()
    const res = await register(app, { authorization: `Bearer ${TOKEN}` }, '3.0.0')
    expect(res.status).toBe(422)
  })
})

describe('POST /api/admin/deployments/{part}/rollback', () => {
  it('restores the previous version in the import map; history keeps both', async () => {
    const { app } = await testApp()
    const auth = { authorization: `Bearer ${TOKEN}` }
    for (const v of ['1.0.0', '1.1.0']) {
      await upload(app, auth, v)
      await register(app, auth, v)
    }
    const res = await app.request('/api/admin/deployments/mf-todo/rollback', { method: 'POST', headers: auth })
    expect(res.status).toBe(200)
    const map = await (await app.request('/importmap.json')).json()
    expect(map.imports['@hall/mf-todo']).toBe('/static/mf-todo/1.0.0/main.js')
    const history = await (await app.request('/api/admin/deployments/mf-todo', { headers: auth })).json()
    expect(history.items.map((d: { version: string; rolledBackAt: string | null }) => [d.version, !!d.rolledBackAt])).toEqual([
      ['1.1.0', true],
      ['1.0.0', false],
    ])
    expect((await app.request('/api/admin/deployments/mf-todo/rollback', { method: 'POST', headers: auth })).status).toBe(409)
    expect((await app.request('/api/admin/deployments/mf-nothing/rollback', { method: 'POST', headers: auth })).status).toBe(404)
  })

  it('lets a deploy of the rolled-back version make it current again (200 reactivated), and audits all three', async () => {
    const { app, deps } = await testApp()
    const auth = { authorization: `Bearer ${TOKEN}` }
    for (const v of ['1.0.0', '1.1.0']) {
      await upload(app, auth, v)
      expect((await register(app, auth, v)).status).toBe(201)
    }
    expect((await app.request('/api/admin/deployments/mf-todo/rollback', { method: 'POST', headers: auth })).status).toBe(200)
    const again = await register(app, auth, '1.1.0')
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ version: '1.1.0', outcome: 'reactivated', rolledBackAt: null })
    const map = await (await app.request('/importmap.json')).json()
    expect(map.imports['@hall/mf-todo']).toBe('/static/mf-todo/1.1.0/main.js')
    const second = await register(app, auth, '1.1.0')
    expect(second.status).toBe(200)
    expect((await second.json()).outcome).toBe('current')
    const rows = (await deps.db.select().from(auditLog)).filter((r) => r.action.startsWith('deployment.'))
    expect(rows.map((r) => [r.action, r.actor, r.targetId])).toEqual([
      ['deployment.registered', 'deploy:deploy-token', '@hall/mf-todo@1.0.0'],
      ['deployment.registered', 'deploy:deploy-token', '@hall/mf-todo@1.1.0'],
      ['deployment.rolled_back', 'deploy:deploy-token', '@hall/mf-todo@1.1.0'],
      ['deployment.reactivated', 'deploy:deploy-token', '@hall/mf-todo@1.1.0'],
    ])
  })

  it('names the administrator who deploys from a session in the audit log', async () => {
    const { app, loginAs, deps } = await testApp()
    const asAdmin = { origin: deps.env.publicOrigin, cookie: await loginAs(admin.cardNumber) }
    await upload(app, asAdmin, '1.0.0')
    expect((await register(app, asAdmin, '1.0.0')).status).toBe(201)
    const row = (await deps.db.select().from(auditLog)).find((r) => r.action === 'deployment.registered')
    expect(row?.actor).toBe(`deploy:${admin.cardNumber}`)
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the routes from the same zod schemas that validate them', async () => {
    const { app } = await testApp()
    const doc = await (await app.request('/api/openapi.json')).json()
    for (const path of [
      '/api/me',
      '/api/services',
      '/api/services/{code}',
      '/api/categories',
      '/api/departments',
      '/api/me/favorites',
      '/importmap.json',
      '/api/admin/deployments',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path)
    }
    expect(doc.paths['/api/services'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'category', 'department', 'audience', 'page', 'pageSize']),
    )
  })
})
