import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { count } from 'drizzle-orm'
import { people as demoPeople } from '@hall/demo-university'
import { describe, expect, it, onTestFinished } from 'vitest'
import { closeDb } from './db/client.ts'
import { dialect } from './db/dialect.ts'
import { createDatabase, MIGRATED_TEMPLATE } from './db/pg-server.ts'
import { testPostgresAdminUrl } from './db/pg-test-support.ts'
import { openPostgresHandle } from './db/postgres.ts'
import { applications, mfDeployments, people, services } from './db/schema/index.ts'
import { seedDemo } from './demo/index.ts'
import { loadEnv } from './env.ts'
import { prepareData } from './startup.ts'
import { testApp, testDeps } from './test-support.ts'

// Issue #12: the demo university is loaded only when asked. A production hall starts empty and
// takes its parts only from the deployment registry; production refuses the demo outright.

/** A built part in a working tree, as `npm run build` leaves it, for the registration check. */
function fakeWorkingTree(root: string) {
  const dist = path.join(root, 'mf-todo', 'dist')
  mkdirSync(dist, { recursive: true })
  writeFileSync(path.join(dist, 'main.js'), 'export const x = 1\n')
  writeFileSync(path.join(dist, 'deploy.json'), JSON.stringify({ name: '@hall/mf-todo', version: '0.1.0-abc', imports: { '@hall/mf-todo': 'main.js' } }))
}

describe('configuration: HALL_DEMO', () => {
  it('refuses HALL_DEMO=1 with NODE_ENV=production, saying why and what to do', () => {
    // why: a production database seeded with fictional people would let anyone log in as them
    expect(() => loadEnv({ NODE_ENV: 'production', HALL_DEMO: '1', HALL_IDP_METADATA: '/etc/idp.xml' })).toThrow(
      /HALL_DEMO=1 is refused when NODE_ENV=production.*Unset HALL_DEMO \(or set HALL_DEMO=0\)/,
    )
  })

  it('is off unless set, and on with 1', () => {
    expect(loadEnv({}).demo).toBe(false)
    expect(loadEnv({ HALL_DEMO: '0' }).demo).toBe(false)
    expect(loadEnv({ HALL_DEMO: '1' }).demo).toBe(true)
    expect(loadEnv({ NODE_ENV: 'production', HALL_DEMO: '0', HALL_IDP_METADATA: '/etc/idp.xml' }).demo).toBe(false)
  })
})

describe('configuration: HALL_IDP_METADATA', () => {
  it('is required in production: the development IdP metadata a data folder may hold (from an earlier `npm start`) is never trusted there', () => {
    // An API started as the README's service unit starts it, on a data folder that once ran the demo.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-prod-'))
    mkdirSync(path.join(dataDir, 'dev-idp'))
    writeFileSync(path.join(dataDir, 'dev-idp', 'metadata.xml'), '<EntityDescriptor/>')
    expect(() => loadEnv({ NODE_ENV: 'production', HALL_DATA_DIR: dataDir, HALL_PUBLIC_URL: 'https://hall.example.edu' })).toThrow(
      /HALL_IDP_METADATA: required when NODE_ENV=production/,
    )
    expect(loadEnv({ NODE_ENV: 'production', HALL_DATA_DIR: dataDir, HALL_IDP_METADATA: '/etc/hall/idp.xml' }).idpMetadataPath).toBe('/etc/hall/idp.xml')
    // Outside production the development IdP's metadata in the data folder is the default.
    expect(loadEnv({ HALL_DATA_DIR: dataDir }).idpMetadataPath).toBe(path.join(dataDir, 'dev-idp', 'metadata.xml'))
  })
})

describe('prepareData (the start)', () => {
  it('outside demo mode leaves a fresh database empty and registers no working-tree build', async () => {
    const { deps } = await testDeps({ HALL_SOURCE_ROOT: '' })
    fakeWorkingTree(deps.env.dataDir)
    const withTree = { ...deps, env: { ...deps.env, sourceRoot: deps.env.dataDir } }
    expect(await prepareData(withTree)).toEqual({ demo: false })
    const n = async (table: typeof people | typeof services | typeof applications | typeof mfDeployments) =>
      (await deps.db.select({ n: count() }).from(table))[0]!.n
    expect([await n(people), await n(services), await n(applications), await n(mfDeployments)]).toEqual([0, 0, 0, 0])
  })

  it("in demo mode seeds the demo university and registers the working tree's builds", async () => {
    const { deps } = await testDeps({ HALL_DEMO: '1' })
    fakeWorkingTree(deps.env.dataDir)
    const withTree = { ...deps, env: { ...deps.env, sourceRoot: deps.env.dataDir } }
    expect(await prepareData(withTree)).toEqual({ demo: true })
    expect((await deps.db.select({ n: count() }).from(services))[0]!.n).toBe(30)
    expect((await deps.db.select({ n: count() }).from(people))[0]!.n).toBeGreaterThan(20)
    expect(await deps.db.select({ name: mfDeployments.name }).from(mfDeployments)).toEqual([{ name: '@hall/mf-todo' }])
  })
})

describe('a production hall on day one', () => {
  it('lists 0 services and knows nobody, not even a demo person', async () => {
    const t = await testApp({}, { demo: false })
    const list = await t.app.request('/api/services')
    expect(list.status).toBe(200)
    expect(await list.json()).toMatchObject({ items: [], total: 0 })
    // 2023010101 is the demo's first undergraduate: in production that card number is a stranger.
    const cookie = await t.loginAs('2023010101')
    const me = await (await t.app.request('/api/me', { headers: { Cookie: cookie } })).json()
    expect(me).toMatchObject({ cardNumber: '2023010101', roles: [], knownToDataPlatform: false })
    expect((await t.deps.db.select({ n: count() }).from(people))[0]!.n).toBe(0)
  })
})

// Defined on PostgreSQL's run only, and named for it: each node has a pool of its own there. Both
// found the database empty before either had seeded it, and the second one's start failed on a
// duplicate department (found by test/integration/many-nodes.test.ts). On SQLite one process's
// two handles cannot seed at once at all (the second's BEGIN IMMEDIATE waits synchronously):
// nodes there are processes (test/integration/migrate-together.test.ts starts two, to migrate).
if (dialect === 'postgres') {
  describe('two demo nodes starting together on one fresh PostgreSQL database', () => {
    it('both start, and the demo university is there once', async () => {
      const url = await createDatabase(testPostgresAdminUrl(), MIGRATED_TEMPLATE)
      const nodes = [await openPostgresHandle(url, { migrate: false, max: 2 }), await openPostgresHandle(url, { migrate: false, max: 2 })]
      onTestFinished(async () => {
        for (const db of nodes) await closeDb(db)
      })
      const seeded = await Promise.all(nodes.map((db) => seedDemo(db)))
      expect(seeded.filter((s) => s !== null)).toHaveLength(1)
      const known = demoPeople.filter((p) => !p.unknownToDataPlatform).length
      expect((await nodes[1]!.select({ n: count() }).from(people))[0]!.n).toBe(known)
    })
  })
}
