import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hallEnvironment, startHall, type RunningHall } from '@hall/cli'
import { generateIdpKeys, idpMetadata } from '@hall/dev-idp'

// Issue #12: `npm start` is the demo unless told otherwise; a production start is empty, takes
// its IdP from a metadata file, and serves only parts deployed through the registry.

describe('hallEnvironment (what npm start gives the hall)', () => {
  it('turns the demo on by default', () => {
    expect(hallEnvironment({}, {}).env.HALL_DEMO).toBe('1')
  })
  it('leaves it off when the user says HALL_DEMO=0', () => {
    expect(hallEnvironment({}, { HALL_DEMO: '0' }).env.HALL_DEMO).toBe('0')
  })
  it('never turns it on under NODE_ENV=production (the API would refuse to start)', () => {
    expect(hallEnvironment({}, { NODE_ENV: 'production' }).env.HALL_DEMO).toBeUndefined()
  })
  it('makes a production hall on request, whatever the caller had set', () => {
    const { env } = hallEnvironment({ production: { idpMetadata: '/etc/idp.xml' } }, { HALL_DEMO: '1' })
    expect(env).toMatchObject({ NODE_ENV: 'production', HALL_DEMO: '0', HALL_DEMO_SITE: '0', HALL_IDP_METADATA: '/etc/idp.xml' })
  })
})

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

describe('startHall({ production })', () => {
  let hall: RunningHall
  let dataDir: string
  beforeAll(async () => {
    const keys = await generateIdpKeys('University IdP')
    dataDir = mkdtempSync(path.join(tmpdir(), 'hall-production-'))
    const metadata = path.join(dataDir, 'university-idp.xml')
    const idp = 'https://sso.university.example/idp'
    writeFileSync(metadata, idpMetadata({ entityId: idp, ssoUrl: `${idp}/sso`, sloUrl: `${idp}/slo`, certPem: keys.certPem }))
    hall = await startHall({ port: await freePort(), dataDir, quiet: true, production: { idpMetadata: metadata }, env: { HALL_LOG_LEVEL: 'warn' } })
  })
  afterAll(async () => {
    await hall?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('lists no service and starts no development IdP or demo site', async () => {
    const res = await fetch(`${hall.url}/api/services`)
    expect(await res.json()).toMatchObject({ items: [], total: 0 })
    expect(hall.idpUrl).toBeUndefined()
    expect(hall.demoSiteUrl).toBeUndefined()
  })

  it('serves every part from the registry, deployed by the start as a first install', async () => {
    const map = (await (await fetch(`${hall.url}/importmap.json`)).json()) as { imports: Record<string, string> }
    for (const name of ['@hall/shell', '@hall/mf-catalog', '@hall/mf-forms', '@hall/mf-todo', '@hall/mf-feedback', 'vue']) {
      expect(map.imports[name], name).toMatch(/^\/static\//)
    }
    const page = await fetch(`${hall.url}/`, { redirect: 'manual' })
    expect(page.status).toBeLessThan(500)
  })
})
