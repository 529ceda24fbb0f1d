import { eq, sql } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { constraintViolation } from './constraints.ts'
import { freshPg, freshPgUrl } from './pg-test-support.ts'
import { closeDb, transaction } from './client.ts'
import { closePostgres, isPostgresMigrated, migratePostgres, openPostgres, openPostgresHandle, runInTransaction, sqlState, type PgDb } from './postgres.ts'
import * as t from './schema-pg/tables.ts'

// The PostgreSQL data layer against a real server (the run's throwaway cluster): what the services
// will rely on when they run on HALL_DATABASE_URL=postgres://… (decision 016).

/** A department, a category, a service and its version: what an application row needs to exist. */
async function seedService(db: PgDb, code = 'svc') {
  await db.insert(t.departments).values({ code: 'dep', nameZh: '部门', nameEn: 'Dept', kind: 'office', phone: '1', location: 'A' }).onConflictDoNothing()
  await db.insert(t.categories).values({ code: 'cat', nameZh: '类', nameEn: 'Cat', icon: 'i', sortOrder: 1 }).onConflictDoNothing()
  await db.insert(t.services).values({ code, ownerDepartmentCode: 'dep', categoryCode: 'cat', status: 'online', currentVersion: 1 })
  const [version] = await db
    .insert(t.serviceVersions)
    .values({
      serviceCode: code,
      version: 1,
      nameZh: '服务',
      nameEn: 'Service',
      summaryZh: '',
      summaryEn: '',
      keywordsZh: [],
      keywordsEn: [],
      audience: [],
      mode: 'online',
      timeLimitDays: 3,
      eligibility: [{ type: 'noneInProgress' }],
      guide: { zh: null, en: null },
    })
    .returning({ id: t.serviceVersions.id })
  return { serviceCode: code, serviceVersionId: version!.id }
}

describe('migrations', () => {
  it('two nodes starting together on an empty database migrate it once', async () => {
    const url = await freshPgUrl({ empty: true })
    const [a, b] = await Promise.all([openPostgres(url, { migrate: false, max: 2 }), openPostgres(url, { migrate: false, max: 2 })])
    try {
      const applied = await Promise.all([migratePostgres(a), migratePostgres(b)])
      // One node applied every migration, the other waited for the lock and found nothing to do.
      expect(applied.toSorted()).toEqual([0, Math.max(...applied)])
      expect(Math.max(...applied)).toBeGreaterThan(0)
      const [{ n }] = (await a.$client.unsafe(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`)) as unknown as [{ n: number }]
      expect(n).toBe(Math.max(...applied))
      expect(await isPostgresMigrated(a)).toBe(true)
      // And a restart applies nothing.
      expect(await migratePostgres(b)).toBe(0)
    } finally {
      await Promise.all([closePostgres(a), closePostgres(b)])
    }
  })

  it('an empty database does not count as migrated', async () => {
    const db = await openPostgres(await freshPgUrl({ empty: true }), { migrate: false, max: 1 })
    try {
      expect(await isPostgresMigrated(db)).toBe(false)
    } finally {
      await closePostgres(db)
    }
  })
})

describe('the column types round-trip', () => {
  it('timestamptz as Date to the millisecond, jsonb as the value (not a JSON string), boolean, bytea', async () => {
    const db = await freshPg()
    const at = new Date('2026-11-27T02:00:00.123Z')
    await db.insert(t.departments).values({ code: 'dep', nameZh: '部门', nameEn: 'Dept', kind: 'office', phone: '1', location: 'A' })
    await db.insert(t.people).values({
      cardNumber: '0001',
      name: '张三',
      nameEn: 'Zhang San',
      kind: 'staff',
      departmentCode: 'dep',
      email: 'z@example.edu.cn',
      phone: '1',
      profile: { staff: { title: '讲师' }, n: 1 },
      leftAt: at,
    })
    const [person] = await db.select().from(t.people)
    expect(person).toMatchObject({ cardNumber: '0001', leftAt: at, profile: { staff: { title: '讲师' }, n: 1 }, origin: 'seed' })
    const [inDb] = (await db.execute(sql`SELECT jsonb_typeof(profile) AS type, profile->'staff'->>'title' AS title FROM people`)) as unknown as [
      { type: string; title: string },
    ]
    expect(inDb).toEqual({ type: 'object', title: '讲师' })

    const file = Buffer.from([0, 1, 2, 0xff])
    await db.insert(t.statisticsExports).values({ requestedBy: '0001', kind: 'figures', filters: {}, file, createdAt: at })
    const [exported] = await db.select().from(t.statisticsExports)
    expect(Buffer.compare(exported!.file!, file)).toBe(0)
    expect(exported!.createdAt).toEqual(at)

    const before = Date.now()
    const ids = await seedService(db)
    const [app] = await db
      .insert(t.applications)
      .values({ ...ids, applicantCardNumber: '0001', status: 'submitted' })
      .returning()
    // Defaults: now() for created_at, {} for form_data, false for one_in_progress, an identity id.
    expect(app!.id).toBeTypeOf('number')
    expect(app!.formData).toEqual({})
    expect(app!.oneInProgress).toBe(false)
    expect(app!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000)
  })
})

describe('runInTransaction', () => {
  it('keeps every one of 20 concurrent read-then-write increments: conflicts are retried, not lost', async () => {
    const db = await freshPg({ max: 20 })
    await db.insert(t.catalogRevision).values({ id: 1, revision: 0 })
    let retries = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        runInTransaction(
          db,
          async (tx) => {
            const [row] = await tx.select().from(t.catalogRevision).where(eq(t.catalogRevision.id, 1))
            // Let the others read the same value first: the write below then conflicts.
            await tx.execute(sql`SELECT pg_sleep(0.01)`)
            await tx
              .update(t.catalogRevision)
              .set({ revision: row!.revision + 1 })
              .where(eq(t.catalogRevision.id, 1))
          },
          { onRetry: () => retries++, retries: 40 },
        ),
      ),
    )
    const [row] = await db.select().from(t.catalogRevision)
    expect(row!.revision).toBe(20)
    expect(retries).toBeGreaterThan(0)
  })

  it('retries a serialisation failure and then returns the body’s value', async () => {
    const db = await freshPg()
    let runs = 0
    const failures: string[] = []
    const value = await runInTransaction(
      db,
      async (tx) => {
        runs++
        if (runs < 3) await tx.execute(sql`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$`)
        const [{ level }] = (await tx.execute(sql`SELECT current_setting('transaction_isolation') AS level`)) as unknown as [{ level: string }]
        return level
      },
      { onRetry: (_attempt, err) => failures.push(sqlState(err)!) },
    )
    expect(value).toBe('serializable')
    expect(runs).toBe(3)
    expect(failures).toEqual(['40001', '40001'])
  })

  it('retries a deadlock (40P01) too, but gives up after `retries` and throws the last failure', async () => {
    const db = await freshPg()
    let runs = 0
    const failing = runInTransaction(
      db,
      async (tx) => {
        runs++
        await tx.execute(sql`DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = 'deadlock_detected'; END $$`)
      },
      { retries: 2, basePauseMs: 1 },
    )
    await expect(failing).rejects.toSatisfy((err) => sqlState(err) === '40P01')
    expect(runs).toBe(3)
  })

  it('does not retry other errors, and rolls the body back', async () => {
    const db = await freshPg()
    let runs = 0
    const failing = runInTransaction(db, async (tx) => {
      runs++
      await tx.insert(t.catalogRevision).values({ id: 1, revision: 1 })
      throw new Error('refused by the service')
    })
    await expect(failing).rejects.toThrow('refused by the service')
    expect(runs).toBe(1)
    expect(await db.select().from(t.catalogRevision)).toEqual([])
  })
})

describe('applications_one_in_progress', () => {
  it('holds under 16 concurrent submissions by 4 applicants: one in progress each', async () => {
    const db = await freshPg({ max: 16 })
    const ids = await seedService(db)
    const applicants = ['a1', 'a2', 'a3', 'a4']
    // Each submission checks first, as the service does today, then inserts: under concurrency
    // the check alone lets several through (STACK.md); the index is what refuses the rest.
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        runInTransaction(
          db,
          async (tx) => {
            await tx.insert(t.applications).values({ ...ids, applicantCardNumber: applicants[i % 4]!, status: 'submitted', oneInProgress: true })
          },
          { retries: 0 },
        ),
      ),
    )
    const refused = results.filter((r) => r.status === 'rejected').map((r) => constraintViolation(r.reason))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4)
    expect(refused).toEqual(Array.from({ length: 12 }, () => ({ kind: 'unique', constraint: 'applications_one_in_progress' })))
    const rows = await db.select({ who: t.applications.applicantCardNumber }).from(t.applications)
    expect(rows.map((r) => r.who).toSorted()).toEqual(applicants)
  })

  it('binds only in progress and only where the service asks for it', async () => {
    const db = await freshPg()
    const ids = await seedService(db)
    const add = (status: 'submitted' | 'completed' | 'returned', oneInProgress: boolean) =>
      db.insert(t.applications).values({ ...ids, applicantCardNumber: 'a1', status, oneInProgress })
    await add('completed', true)
    await add('completed', true)
    await add('submitted', false)
    await add('submitted', false)
    await add('returned', true)
    await expect(add('submitted', true)).rejects.toSatisfy((err) => constraintViolation(err)?.kind === 'unique')
  })
})

describe('the handle the services use (openPostgresHandle)', () => {
  it('prepares every statement: the second run of a query reuses the connection’s named statement', async () => {
    const db = await openPostgresHandle(await freshPgUrl(), { max: 1, migrate: false })
    onTestFinished(() => closeDb(db))
    // One connection, inside one transaction: pg_prepared_statements lists that session's own.
    // (The handle is typed as SQLite's, as the services see it; this one is PostgreSQL's.)
    const statements = await transaction(db, async (tx) => {
      const pg = tx as unknown as PgDb
      for (let i = 0; i < 2; i++)
        await pg
          .select()
          .from(t.departments)
          .where(eq(t.departments.code, `dep-${i}`))
      return (await pg.execute<{ statement: string }>(sql`SELECT statement FROM pg_prepared_statements`)).map((r) => r.statement)
    })
    // Parsed once under a name and run twice, not parsed and planned anew as an unnamed statement each time.
    expect(statements.filter((s) => s.includes('from "departments" where "departments"."code" = $1'))).toHaveLength(1)
  })

  it('runs each transaction on a connection of its own while statements fill every connection’s pipeline', async () => {
    // Three connections busy, six statements and five transactions at once, with pipelines two
    // deep (100 by default): BEGINs meet full pipelines. postgres.js 3.4.9's begin() could then
    // send BEGIN without reserving the connection (porsager/postgres#823): UNSAFE_TRANSACTION,
    // and other callers' statements could run inside the transaction. Ten rounds on fresh
    // pools, since where each BEGIN lands varies (the old runner failed in most).
    const url = await freshPgUrl({ empty: true })
    const failures: string[] = []
    for (let round = 0; round < 10; round++) {
      const db = await openPostgresHandle(url, { max: 3, maxPipeline: 2, migrate: false })
      // The driver's own queries, sent at once and in this order (drizzle's start when awaited).
      const pool = (db as unknown as PgDb).$client
      const work: Promise<unknown>[] = [
        ...[0, 1, 2].map(() => pool.unsafe('select pg_sleep(0.2)').execute()),
        ...Array.from({ length: 6 }, (_, i) => pool.unsafe('select $1::int as n', [i]).execute()),
        ...Array.from({ length: 5 }, (_, i) =>
          transaction(db, async (tx) => {
            const p = tx as unknown as PgDb
            // One transaction: the backend's transaction id stays the same across its statements.
            const [a] = await p.execute<{ xid: string }>(sql`select txid_current()::text as xid`)
            const [b] = await p.execute<{ xid: string }>(sql`select txid_current()::text as xid`)
            if (a!.xid !== b!.xid) throw new Error(`two transactions: ${a!.xid} then ${b!.xid} (${i})`)
          }),
        ),
      ]
      for (const r of await Promise.allSettled(work)) if (r.status === 'rejected') failures.push(String((r.reason as Error).message))
      await closeDb(db)
    }
    expect(failures).toEqual([])
  })
})
