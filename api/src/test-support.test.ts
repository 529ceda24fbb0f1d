import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDb, type Db } from './db/client.ts'
import { seedDemo } from './demo/index.ts'
import { applications, departments, people } from './db/schema/index.ts'
import { testApp, testDeps } from './test-support.ts'

// Tests get copies of a migrated (or seeded) image instead of migrating and seeding again; a copy
// must be what `openDb` and `seedDemo` would have made, and private to its test.

/** Pragmas whose value describes the file or its contents rather than how the connection behaves. */
const ABOUT_THE_DATA = new Set(['data_version', 'freelist_count', 'page_count', 'schema_version', 'user_version', 'application_id', 'data_store_directory'])

/** Every pragma SQLite lists that reads back as one value, as this connection has it. */
function settingsOf(db: Db): Record<string, unknown> {
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

const dump = (db: Db) =>
  (db.$client.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map(
    ({ name }) => ({ name, rows: db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() }),
  )

describe('test databases', () => {
  it('are set up like a database openDb opens, pragma for pragma', async () => {
    const opened = openDb(':memory:')
    const expected = settingsOf(opened)
    opened.$client.close()
    expect(Object.keys(expected).length).toBeGreaterThan(10)
    expect(settingsOf((await testDeps()).deps.db)).toEqual(expected)
    expect(settingsOf((await testDeps()).deps.db)).toEqual(expected)
  })

  it('hold every migration and no data, like openDb(":memory:")', async () => {
    const opened = openDb(':memory:')
    expect(dump((await testDeps()).deps.db)).toEqual(dump(opened))
    opened.$client.close()
  })

  it('with the demo university hold what seedDemo writes on the test clock, row for row', async () => {
    const t = await testDeps()
    await seedDemo(t.deps.db, t.deps.now())
    const { deps } = await testApp()
    expect((await deps.db.select({ n: count() }).from(applications))[0]!.n).toBeGreaterThan(0)
    expect(dump(deps.db)).toEqual(dump(t.deps.db))
  })

  it('are private to each test: a change to one is not in the next', async () => {
    const a = await testApp()
    const before = (await a.deps.db.select({ n: count() }).from(people))[0]!.n
    a.deps.db.$client.pragma('foreign_keys = OFF')
    await a.deps.db.delete(applications)
    await a.deps.db.delete(departments)
    await a.deps.db.delete(people)
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
