import { count, is, sql, Table } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it, onTestFinished } from 'vitest'
import { closeDb, isSqliteHandle, openDb, type Db } from './db/client.ts'
import { dialect } from './db/dialect.ts'
import { freshPgUrl } from './db/pg-test-support.ts'
import { openPostgresHandle, type PgDb } from './db/postgres.ts'
import * as schema from './db/schema/index.ts'
import { seedDemo } from './demo/index.ts'
import { applications, departments, people, taskListRevisions } from './db/schema/index.ts'
import { testApp, testDeps } from './test-support.ts'

// Tests get copies of a migrated (or seeded) image, or on PostgreSQL of a template database,
// instead of migrating and seeding again; a copy must be what opening the database the server's
// way and `seedDemo` would have made, and private to its test.

/** Every table of the hall's schema, by name. */
const tables = (Object.entries(schema) as [string, unknown][]).filter((e): e is [string, SQLiteTable] => is(e[1], Table)).sort(([a], [b]) => (a < b ? -1 : 1))

/** The migrations a database records as applied, oldest first (each dialect keeps drizzle's history in its own place). */
async function migrationHistory(db: Db): Promise<Array<{ hash: string; createdAt: number }>> {
  const rows = isSqliteHandle(db)
    ? (db.$client.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at, id').all() as Array<{ hash: string; created_at: unknown }>)
    : await (db as unknown as PgDb).$client.unsafe<Array<{ hash: string; created_at: unknown }>>(
        'SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id',
      )
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }))
}

/** The migration history and every table's rows (in an order of their own: rows have none). */
async function dump(db: Db) {
  const key = (row: unknown) => JSON.stringify(row)
  const contents: Array<{ name: string; rows: unknown[] }> = []
  for (const [name, table] of tables) {
    // A person's number is the sum of its writers' rows; which connection wrote which part differs.
    const rows =
      table === taskListRevisions
        ? await db
            .select({ cardNumber: taskListRevisions.cardNumber, revision: sql<number>`sum(${taskListRevisions.revision})`.mapWith(Number) })
            .from(taskListRevisions)
            .groupBy(taskListRevisions.cardNumber)
        : await db.select().from(table)
    contents.push({ name, rows: rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) })
  }
  return { migrations: await migrationHistory(db), contents }
}

/** A database opened the way the server opens one, from nothing: migrated on opening. */
async function openedLikeTheServer(): Promise<Db> {
  const db = dialect === 'postgres' ? await openPostgresHandle(await freshPgUrl({ empty: true }), { max: 1 }) : openDb(':memory:')
  onTestFinished(() => closeDb(db))
  return db
}

/** Empties every table, in whatever order the foreign keys allow (a table still referenced is tried again after the others). */
async function emptyEveryTable(db: Db) {
  let left = tables.map(([, table]) => table)
  for (let pass = 0; left.length > 0 && pass < tables.length; pass++) {
    const refused: SQLiteTable[] = []
    for (const table of left) await db.delete(table).catch(() => refused.push(table))
    left = refused
  }
  // Deleting people, departments and tasks raises numbers there (the triggers of task_list_revisions): emptied last.
  await db.delete(taskListRevisions)
  for (const [name, table] of tables) expect((await db.select({ n: count() }).from(table))[0]!.n, name).toBe(0)
}

// A connection's settings are SQLite's: a PostgreSQL database's are the server's, the same for
// every database on it. Defined on SQLite's run only.
if (dialect === 'sqlite') {
  /** Pragmas whose value describes the file or its contents rather than how the connection behaves. */
  const ABOUT_THE_DATA = new Set(['data_version', 'freelist_count', 'page_count', 'schema_version', 'user_version', 'application_id', 'data_store_directory'])

  /** Every pragma SQLite lists that reads back as one value, as this connection has it. */
  const settingsOf = (db: Db): Record<string, unknown> => {
    const names = (db.$client.prepare('SELECT name FROM pragma_pragma_list').all() as Array<{ name: string }>).map((r) => r.name)
    const out: Record<string, unknown> = {}
    for (const name of names) {
      if (ABOUT_THE_DATA.has(name)) continue
      try {
        const rows = db.$client.pragma(name) as unknown[]
        // Only settings: a pragma that lists things (tables, functions…) or runs a check is no setting.
        if (rows.length === 1 && Object.keys(rows[0] as object).length === 1) out[name] = Object.values(rows[0] as object)[0]
      } catch {
        // Pragmas that need an argument.
      }
    }
    return out
  }

  describe('test databases on SQLite', () => {
    it('are set up like a database openDb opens, pragma for pragma', async () => {
      const opened = openDb(':memory:')
      const expected = settingsOf(opened)
      opened.$client.close()
      expect(Object.keys(expected).length).toBeGreaterThan(10)
      expect(settingsOf((await testDeps()).deps.db)).toEqual(expected)
      expect(settingsOf((await testDeps()).deps.db)).toEqual(expected)
    })
  })
}

describe('test databases', () => {
  it('hold every migration and no data, like a database the server opens', async () => {
    const expected = await dump(await openedLikeTheServer())
    expect(expected.migrations.length).toBeGreaterThan(0)
    expect(expected.contents.length).toBeGreaterThan(30)
    expect(await dump((await testDeps()).deps.db)).toEqual(expected)
  })

  it('with the demo university hold what seedDemo writes on the test clock, row for row', async () => {
    const t = await testDeps()
    await seedDemo(t.deps.db, t.deps.now())
    const { deps } = await testApp()
    expect((await deps.db.select({ n: count() }).from(applications))[0]!.n).toBeGreaterThan(0)
    expect(await dump(deps.db)).toEqual(await dump(t.deps.db))
  })

  it('are private to each test: a change to one is not in the next', async () => {
    const a = await testApp()
    const before = (await a.deps.db.select({ n: count() }).from(people))[0]!.n
    await emptyEveryTable(a.deps.db)
    const b = await testApp()
    expect((await b.deps.db.select({ n: count() }).from(departments))[0]!.n).toBeGreaterThan(0)
    expect((await b.deps.db.select({ n: count() }).from(applications))[0]!.n).toBeGreaterThan(0)
    expect((await b.deps.db.select({ n: count() }).from(people))[0]!.n).toBe(before)
    const empty = await testApp({}, { demo: false })
    expect((await empty.deps.db.select({ n: count() }).from(departments))[0]!.n).toBe(0)
    await empty.deps.db.insert(departments).values({ code: 'x-only-here', nameZh: '仅此', nameEn: 'Only here', kind: 'college', phone: '0', location: '-' })
    expect((await (await testDeps()).deps.db.select({ n: count() }).from(departments))[0]!.n).toBe(0)
  })
})
