import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { describe, expect, it } from 'vitest'
import { testApp } from '../test-support.ts'
import { isMigrated, migrateLocked, openDb, type Db } from './client.ts'

// /readyz is what a load balancer asks before sending traffic: 503 until the database answers
// and carries every migration, 200 after; /healthz (liveness) answers either way.

describe('GET /readyz', () => {
  it('answers 200 on a migrated database, 503 once the database is gone, while /healthz stays 200', async () => {
    const { app, deps } = await testApp()
    expect((await app.request('/readyz')).status).toBe(200)
    deps.db.$client.close()
    const res = await app.request('/readyz')
    expect(res.status).toBe(503)
    expect((await res.json()).ready).toBe(false)
    expect((await app.request('/healthz')).status).toBe(200)
  })
})

describe('migrations', () => {
  it('an unmigrated database is not ready; migrating makes it ready; migrating again applies nothing', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-migrate-')), 'hall.sqlite')
    const sqlite = new Database(file)
    const db = drizzle(sqlite) as unknown as Db
    expect(isMigrated(db)).toBe(false)
    expect(migrateLocked(sqlite)).toBeGreaterThan(0)
    expect(isMigrated(db)).toBe(true)
    expect(migrateLocked(sqlite)).toBe(0)
    sqlite.close()
    // And the server's way in finds it complete.
    const again = openDb(file)
    const history = again.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    expect(history.n).toBe(new Set((again.$client.prepare('SELECT hash FROM __drizzle_migrations').all() as { hash: string }[]).map((r) => r.hash)).size)
    again.$client.close()
  })
})
