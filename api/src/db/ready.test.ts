import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testApp } from '../test-support.ts'
import { closeDb, handleOn, isMigrated, migrateLocked, openDb, type Db } from './client.ts'
import { dialect } from './dialect.ts'
import { freshPgUrl } from './pg-test-support.ts'
import { migratePostgres, openPostgresHandle, type PgDb } from './postgres.ts'

// /readyz is what a load balancer asks before sending traffic: 503 until the database answers
// and carries every migration, 200 after; /healthz (liveness) answers either way.

/**
 * A database that answers but carries no migration yet, as a node finds one before migrating
 * (or beside another node that is migrating it), and its dialect's migrator: SQLite's locked
 * migration on a new file, or PostgreSQL's on an empty database of the run's server.
 */
async function unmigratedDatabase(): Promise<{ db: Db; migrate: () => Promise<number> }> {
  if (dialect === 'postgres') {
    const db = await openPostgresHandle(await freshPgUrl({ empty: true }), { migrate: false, max: 1 })
    onTestFinished(() => closeDb(db))
    return { db, migrate: () => migratePostgres(db as unknown as PgDb) }
  }
  const sqlite = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'hall-unmigrated-')), 'hall.sqlite'))
  const db = handleOn(sqlite)
  onTestFinished(() => closeDb(db))
  return { db, migrate: async () => migrateLocked(sqlite) }
}

describe('GET /readyz', () => {
  it('answers 200 on a migrated database, 503 once the database is gone, while /healthz stays 200', async () => {
    const { app, deps } = await testApp()
    expect((await app.request('/readyz')).status).toBe(200)
    // Gone: SQLite's connections closed, or PostgreSQL's pool.
    await closeDb(deps.db)
    const res = await app.request('/readyz')
    expect(res.status).toBe(503)
    expect((await res.json()).ready).toBe(false)
    expect((await app.request('/healthz')).status).toBe(200)
  })

  it('answers 503 on a database that is not migrated yet, and 200 once it is; migrating again applies nothing', async () => {
    const { db, migrate } = await unmigratedDatabase()
    const { app } = await testApp({}, { db, demo: false })
    const res = await app.request('/readyz')
    expect(res.status).toBe(503)
    expect((await res.json()).ready).toBe(false)
    expect(await migrate()).toBeGreaterThan(0)
    expect((await app.request('/readyz')).status).toBe(200)
    expect(await migrate()).toBe(0)
    expect((await app.request('/readyz')).status).toBe(200)
  })
})

// SQLite's migrator on a file, with the server's way in: PostgreSQL's has its own tests in
// postgres.test.ts (two nodes migrating together, an empty database not counted as migrated).
// Defined on SQLite's run only, as it opens SQLite files itself.
if (dialect === 'sqlite') {
  describe('migrations on SQLite', () => {
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
}
