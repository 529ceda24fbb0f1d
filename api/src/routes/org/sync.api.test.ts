import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { orgImports, people, roleGrants } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'
import { startOrgSync, syncOrganisation, type WireOrganisation } from './org.sync.ts'

// The scheduled sync against a real local HTTP server standing in for the data platform: the
// organisation it serves is imported as a full list, with the report kept; a platform that fails
// leaves the organisation unchanged and the failed run on record.

let server: Server | null = null
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())))

async function platform(answer: (auth: string | undefined) => { status: number; body: unknown }) {
  const seen: string[] = []
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const { status, body } = answer(req.headers.authorization)
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, seen }
}

const organisation = (people: WireOrganisation['people']): WireOrganisation => ({
  departments: [{ code: 'sync-office', nameZh: '同步处', kind: 'office' }],
  people,
  roles: [{ cardNumber: '0400001', role: 'reviewer', scope: 'sync-office' }],
})

describe('the organisation sync from the data platform', () => {
  it('imports what GET /organisation answers, as a full list, and keeps each run’s report', async () => {
    let list: WireOrganisation['people'] = [
      { cardNumber: '0400001', name: '同步一', kind: 'staff', department: 'sync-office' },
      { cardNumber: '0400002', name: '同步二', kind: 'staff', department: 'sync-office' },
      { cardNumber: '0400003', name: '=1+1', kind: 'staff', department: 'sync-office' },
    ]
    const p = await platform((auth) => (auth === 'Bearer platform-token' ? { status: 200, body: organisation(list) } : { status: 401, body: {} }))
    const t = await testApp({
      HALL_DATA_PLATFORM: 'http',
      HALL_DATA_PLATFORM_URL: p.url,
      HALL_DATA_PLATFORM_TOKEN: 'platform-token',
      HALL_ORG_SYNC_MINUTES: '60',
    })

    expect(await syncOrganisation(t.deps)).toMatchObject({ status: 'imported' })
    expect(p.seen).toEqual(['GET /api/v1/organisation'])
    expect((await t.deps.db.select().from(people).where(eq(people.cardNumber, '0400002')))[0]).toMatchObject({ origin: 'import', leftAt: null })
    expect(await t.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, '0400001'))).toHaveLength(1)
    const first = await t.deps.db.select().from(orgImports)
    expect(first).toEqual([expect.objectContaining({ source: 'platform', mode: 'full', status: 'imported', actor: 'system' })])
    expect((first[0]!.report as { refused: Array<{ sheet: string; row: number }> }).refused).toEqual([expect.objectContaining({ sheet: 'people', row: 3 })])

    // Next time 0400002 is gone: marked as left, kept.
    list = list.slice(0, 1)
    await syncOrganisation(t.deps)
    expect((await t.deps.db.select().from(people).where(eq(people.cardNumber, '0400002')))[0]?.leftAt).toBeInstanceOf(Date)
  })

  it('runs on the schedule, and a node skips its turn when another synchronised within half the interval', async () => {
    const p = await platform(() => ({ status: 200, body: organisation([{ cardNumber: '0400001', name: '同步一', kind: 'staff', department: 'sync-office' }]) }))
    const t = await testApp({ HALL_DATA_PLATFORM: 'http', HALL_DATA_PLATFORM_URL: p.url, HALL_ORG_SYNC_MINUTES: '60' })
    const nodeA = startOrgSync(t.deps)
    const nodeB = startOrgSync(t.deps)
    await nodeA.tick()
    await nodeB.tick()
    expect(p.seen).toHaveLength(1)
    t.advance(31 * 60_000)
    await nodeB.tick()
    expect(p.seen).toHaveLength(2)
    expect((await t.deps.db.select().from(orgImports)).map((r) => r.status)).toEqual(['imported', 'imported'])
    nodeA.stop()
    nodeB.stop()
    // Off when HALL_ORG_SYNC_MINUTES is 0: the timer never asks.
    const off = await testApp({ HALL_DATA_PLATFORM: 'http', HALL_DATA_PLATFORM_URL: p.url })
    await startOrgSync(off.deps).tick()
    expect(p.seen).toHaveLength(2)
  })

  it('keeps the organisation as it is when the platform fails, and records why', async () => {
    const p = await platform(() => ({ status: 503, body: {} }))
    const t = await testApp({ HALL_DATA_PLATFORM: 'http', HALL_DATA_PLATFORM_URL: p.url })
    const before = (await t.deps.db.select().from(people)).length
    expect(await syncOrganisation(t.deps)).toMatchObject({ status: 'failed' })
    expect(await t.deps.db.select().from(people)).toHaveLength(before)
    const run = (await t.deps.db.select().from(orgImports))[0]
    expect(run).toMatchObject({ status: 'failed', report: { failure: { reason: expect.stringContaining('HTTP 503') } } })
  })

  it('refuses HALL_ORG_SYNC_MINUTES without the HTTP data platform', async () => {
    await expect(testApp({ HALL_ORG_SYNC_MINUTES: '30' })).rejects.toThrow(/HALL_DATA_PLATFORM=http/)
  })
})
