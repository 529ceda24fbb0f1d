import { AsyncLocalStorage } from 'node:async_hooks'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'drizzle-orm'
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import postgres from 'postgres'
import { registerHandle, type Db } from './client.ts'
import * as tables from './schema-pg/tables.ts'

// The hall on PostgreSQL (decision 016): a pool per node, migrations under an advisory lock, and
// the transaction runner every transaction goes through (SERIALIZABLE, run again on a
// serialisation failure or a deadlock). The async data layer of client.ts registers
// `runInTransaction` as its runner when HALL_DATABASE_URL names PostgreSQL.

/** drizzle over a `postgres` pool, with the pg-core twins of the hall's tables. */
export type PgDb = PostgresJsDatabase<typeof tables> & { $client: postgres.Sql }
/** The handle a transaction body gets. */
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0]

const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'drizzle-pg')

export interface OpenPostgresOptions {
  /** Connections in this node's pool (postgres' default is 10). */
  max?: number
  /** Apply the migrations not applied yet before returning (default true). */
  migrate?: boolean
  /** Close a connection idle this long (postgres' default: never). */
  idleTimeoutSeconds?: number
  /** How many statements postgres.js sends down a connection before their answers arrive (its default: 100). */
  maxPipeline?: number
}

/** Opens a pool on `url` (postgres://…) and, unless told not to, brings the database up to date. */
export async function openPostgres(url: string, opts: OpenPostgresOptions = {}): Promise<PgDb> {
  const client = postgres(url, {
    max: opts.max ?? 10,
    ...(opts.idleTimeoutSeconds ? { idle_timeout: opts.idleTimeoutSeconds } : {}),
    ...(opts.maxPipeline ? { max_pipeline: opts.maxPipeline } : {}),
    // CREATE … IF NOT EXISTS and the like say "already exists, skipping" as a notice: not news.
    onnotice: () => {},
  })
  const db: PgDb = drizzle(client, { schema: tables })
  try {
    if (opts.migrate !== false) await migratePostgres(db)
  } catch (err) {
    await client.end({ timeout: 5 })
    throw err
  }
  return db
}

/** Closes the pool: running queries finish (for up to `timeoutSeconds`), new ones are refused. */
export async function closePostgres(db: PgDb, timeoutSeconds = 5): Promise<void> {
  await db.$client.end({ timeout: timeoutSeconds })
}

/** drizzle's own migrations table on PostgreSQL, so drizzle-kit and this migrator agree on what is applied. */
const MIGRATIONS = '"drizzle"."__drizzle_migrations"'
/**
 * The advisory lock's key ("hall" in ASCII). Transaction-scoped: released by the COMMIT or
 * ROLLBACK, and by the server if the node dies holding it, so a crash never leaves it taken.
 */
const MIGRATION_LOCK = 0x68616c6c

/**
 * Applies the migrations not applied yet, in one transaction that first takes an advisory lock
 * and only then reads which ones are applied. drizzle's own migrator reads the history before any
 * lock, so two nodes starting together on an empty database would both migrate and one would fail
 * on "relation already exists". Here the second waits for the first to commit, then finds the
 * history complete and applies nothing. PostgreSQL's DDL is transactional: a migration that fails
 * leaves nothing half done. Returns how many migrations this call applied.
 */
export async function migratePostgres(db: PgDb): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder })
  return db.$client.begin(async (sql) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`
    await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "drizzle"`)
    await sql.unsafe(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`)
    const [last] = await sql.unsafe<{ created_at: string }[]>(`SELECT created_at FROM ${MIGRATIONS} ORDER BY created_at DESC LIMIT 1`)
    let applied = 0
    for (const m of migrations) {
      if (last && Number(last.created_at) >= m.folderMillis) continue
      for (const stmt of m.sql) if (stmt.trim()) await sql.unsafe(stmt)
      await sql.unsafe(`INSERT INTO ${MIGRATIONS} ("hash", "created_at") VALUES ($1, $2)`, [m.hash, m.folderMillis])
      applied++
    }
    return applied
  })
}

let newest: number | undefined

/** Whether the database answers and carries every migration of this build: `/readyz` on PostgreSQL. False, never a throw. */
export async function isPostgresMigrated(db: PgDb): Promise<boolean> {
  try {
    newest ??= readMigrationFiles({ migrationsFolder }).reduce((max, m) => Math.max(max, m.folderMillis), 0)
    const [row] = await db.$client.unsafe<{ at: string | null }[]>(`SELECT max(created_at) AS at FROM ${MIGRATIONS}`)
    return row?.at != null && Number(row.at) >= newest
  } catch {
    return false
  }
}

/** SQLSTATEs after which the whole transaction may simply run again: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01'])

/** The SQLSTATE of a driver error, also when drizzle wrapped it (DrizzleQueryError keeps it as `cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

/** Whether running the transaction again may succeed where this run failed. */
export const isRetryable = (err: unknown) => RETRYABLE.has(sqlState(err) ?? '')

export interface TransactionOptions {
  /** Runs after the first: 12 by default (decision 016). */
  retries?: number
  /** The first pause's upper bound in ms; it doubles per retry, up to `maxPauseMs`. */
  basePauseMs?: number
  maxPauseMs?: number
  /** Told of each retry (for a log line or a counter): the attempt that failed (1-based) and why. */
  onRetry?: (attempt: number, err: unknown) => void
}

/**
 * Runs `fn` in one SERIALIZABLE transaction and commits it, running it again from the start when
 * PostgreSQL aborts it for a serialisation conflict (40001) or a deadlock (40P01), after a random
 * pause of up to basePauseMs·2^(attempt-1) ("full jitter", so that transactions that collided do
 * not collide again in step). Under SERIALIZABLE, "read, then write what was read" keeps the
 * meaning it has under SQLite's single writer: measured on 40 concurrent increments of one row,
 * READ COMMITTED kept 8, this kept 40 (decision 016).
 *
 * `fn` may run several times: it must compute everything from what it reads in `tx`, and write
 * its effects (outbox rows, audit) through `tx`, never send mail or call out. Any other error,
 * or the last retry's, is thrown as it is.
 */
export async function runInTransaction<T>(db: PgDb, fn: (tx: PgTx) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  return withRetries(() => db.transaction(fn, { isolationLevel: 'serializable' }), opts)
}

/** Runs `attempt` again while it fails with a retryable error, after the pauses `runInTransaction` describes. */
async function withRetries<T>(attempt: () => Promise<T>, opts: TransactionOptions): Promise<T> {
  const retries = opts.retries ?? 12
  const base = opts.basePauseMs ?? 4
  const max = opts.maxPauseMs ?? 1000
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      if (n > retries || !isRetryable(err)) throw err
      opts.onRetry?.(n, err)
      await sleep(Math.random() * Math.min(max, base * 2 ** (n - 1)))
    }
  }
}

/** One transaction (or savepoint) begun on a connection of the pool, and whether its body still runs. */
interface OpenPgTransaction {
  /** The connection the transaction holds (`reserve()`d from the pool). */
  sql: postgres.ReservedSql
  open: boolean
  /** What runs when the outermost transaction has ended (shared with its savepoints; `whenTransactionEnds`). */
  ended: (() => void)[]
  /** Savepoints taken so far in the outermost transaction (shared), which names the next. */
  savepoints: { taken: number }
}

/** The driver's codes for a connection that is gone: the pool has put it aside already, and it is not handed back. */
const CONNECTION_GONE = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE'])
const connectionGone = (err: unknown) => {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (CONNECTION_GONE.has(String((e as { code?: unknown }).code))) return true
  }
  return false
}

/**
 * The hall's handle on PostgreSQL, typed as its SQLite handle (the tables of schema/index.ts are
 * the PostgreSQL twins in this process; decision 016, item 1). The services call
 * `transaction(db, …)` of client.ts as on SQLite; here it runs the body at SERIALIZABLE (or, for
 * a claim that asks, READ COMMITTED: `RunOptions` of client.ts) on one
 * connection of the pool, again on a serialisation failure or a deadlock, and every statement the
 * body makes goes to that connection, whichever handle it was called through (a body that read
 * through the pool would not see its own writes, and could wait on its own locks). Outside a
 * transaction, statements take any connection of the pool, each its own transaction. `logger` is
 * told of every statement drizzle runs through the handle (tests record them).
 */
export async function openPostgresHandle(url: string, opts: OpenPostgresOptions & TransactionOptions & { logger?: Logger } = {}): Promise<Db> {
  const pg = await openPostgres(url, opts)
  const pool = pg.$client
  const inside = new AsyncLocalStorage<OpenPgTransaction>()
  const current = () => {
    const t = inside.getStore()
    return t?.open ? t : undefined
  }
  // drizzle's session sends every statement through `unsafe`; the rest of the pool (its options,
  // which drizzle's driver sets parsers on, `begin`, `end`) is the pool's own.
  //
  // Every statement is prepared (issue 15.5): drizzle asks postgres.js for a named statement only
  // for `.prepare(name)`, so each awaited query was parsed and planned again on every request.
  // postgres.js keeps each connection's statements by their text and types and prepares again
  // when the server drops one (a changed schema). Values travel as parameters, so the hall's
  // texts are a set known in advance (an IN list makes one per length), and a connection, with
  // its cache, is replaced after its lifetime (postgres.js's max_lifetime, 30 to 60 minutes).
  const routed = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) => (current()?.sql ?? target).unsafe(query, params as never, { ...options, prepare: true })
      }
      return Reflect.get(target, prop, receiver) as unknown
    },
  })
  const db = drizzle(routed, { schema: tables, ...(opts.logger ? { logger: opts.logger } : {}) }) as unknown as Db
  const run = async <T>(t: OpenPgTransaction, fn: () => Promise<T> | T): Promise<T> => {
    try {
      return await inside.run(t, async () => fn())
    } finally {
      t.open = false
    }
  }
  registerHandle(db, {
    transaction: async (fn, how) => {
      const outer = current()
      // A call inside a transaction joins it through a savepoint, as on SQLite.
      if (outer) {
        const name = `hall_${++outer.savepoints.taken}`
        await outer.sql.unsafe(`savepoint ${name}`)
        try {
          const result = await run({ ...outer, open: true }, () => fn(db))
          await outer.sql.unsafe(`release savepoint ${name}`)
          return result
        } catch (err) {
          if (!connectionGone(err)) await outer.sql.unsafe(`rollback to savepoint ${name}`)
          throw err
        }
      }
      const level = how?.isolation === 'read committed' ? 'isolation level read committed' : 'isolation level serializable'
      // Kept across the attempts: what an attempt that failed asked for runs too (it may only be
      // asked for what is harmless to do more often than needed).
      const ended: (() => void)[] = []
      // Each attempt holds one connection of its own from BEGIN to COMMIT: `reserve()` hands out
      // only an idle one. postgres.js 3.4.9's `begin()` may send BEGIN down a busy connection's
      // pipeline without reserving it (porsager/postgres#823, #1189): the transaction then
      // failed with UNSAFE_TRANSACTION, and other requests' statements could run inside it. The
      // bell bench met it opening 5,000 streams.
      const attempt = async () => {
        const sql = await pool.reserve()
        let gone = false
        try {
          await sql.unsafe(`begin ${level}`)
          // Before the first query, so before the snapshot: the next transaction that takes a
          // number waits here for this one's COMMIT and then sees the sequence as it left it.
          // Taken later (a row lock at the UPDATE), the wait ends in a serialisation failure:
          // with eight clients on two nodes, 16 of 190 submissions ran out of retries (a 500).
          // SHARE ROW EXCLUSIVE conflicts with itself and with writers, not with readers.
          if (how?.takesNumber) await sql.unsafe('LOCK TABLE document_sequences IN SHARE ROW EXCLUSIVE MODE')
          const result = await run({ sql, open: true, ended, savepoints: { taken: 0 } }, () => fn(db))
          await sql.unsafe('commit')
          return result as Awaited<ReturnType<typeof fn>>
        } catch (err) {
          gone = connectionGone(err)
          // After a failed COMMIT the transaction is over already; ROLLBACK then only warns.
          if (!gone) await sql.unsafe('rollback').catch((e: unknown) => void (gone = connectionGone(e)))
          throw err
        } finally {
          // A connection that died is the pool's to replace; handing it back would list it as idle.
          if (!gone) sql.release()
        }
      }
      // READ COMMITTED never fails with 40001, but a deadlock (40P01) is still run again.
      try {
        return await withRetries(attempt, opts)
      } finally {
        for (const f of ended) f()
      }
    },
    whenEnds: (fn) => {
      const open = current()
      open?.ended.push(fn)
      return open !== undefined
    },
    close: () => pool.end({ timeout: 5 }),
    // postgres' listen opens one more connection beside the pool, ended with it.
    listen: (channel, onPayload, onListen) => pool.listen(channel, onPayload, onListen),
  })
  return db
}
