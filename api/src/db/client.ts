import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Logger } from 'drizzle-orm'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { RoutedClient, type OpenTransaction } from './connections.ts'
import * as schema from './schema/index.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'drizzle')

/** Each handle's two connections (connections.ts): `$client` is the writer, for the few raw uses. */
const routedOf = new WeakMap<Db, RoutedClient>()

/**
 * Opens (or creates) the SQLite file and applies every migration. `:memory:` gives a private
 * database, which is what each unit test uses. A file gets two connections: the writer, which
 * transactions run on, and a reader for the statements outside them (connections.ts).
 */
export function openDb(file: string): Db {
  const writer = openWriter(file)
  return handleOn(writer, file === ':memory:' ? writer : openReader(file))
}

/**
 * The hall's handle on connections already open and migrated: `reader` may be the writer itself
 * (an in-memory database, which a second connection could not see). `logger` is told of every
 * statement drizzle runs through the handle (tests record them).
 */
export function handleOn(writer: Database.Database, reader: Database.Database = writer, opts: { logger?: Logger } = {}): Db {
  const routed = new RoutedClient(writer, reader)
  // drizzle's session only prepares statements on its client; the routed client answers that.
  const db: Db = drizzle(routed as unknown as Database.Database, { schema, ...(opts.logger ? { logger: opts.logger } : {}) })
  Object.defineProperty(db, '$client', { value: writer })
  routedOf.set(db, routed)
  return db
}

/** How a transaction runs, where the databases differ. */
export interface RunOptions {
  /**
   * PostgreSQL's isolation level for this transaction: SERIALIZABLE unless told otherwise
   * (decision 016). `read committed` is for claims only: a body that locks the rows it takes
   * (`skippingLocked` of portable-sql.ts) and writes only those rows, with guards on the rows
   * themselves. There a SERIALIZABLE transaction would fail (40001) on a row another node claimed
   * and committed after its snapshot, where READ COMMITTED reads the row anew and passes it by.
   * Ignored by a call that joins an open transaction, and on SQLite, whose one writer at a time
   * is stricter than both.
   */
  isolation?: 'serializable' | 'read committed'
  /**
   * The body takes the next number of a document sequence (a reference number, a certificate's
   * number): one row that every such transaction updates. On PostgreSQL these transactions queue
   * for the sequences before their snapshot instead of aborting one another at SERIALIZABLE until
   * their retries run out (decision 016); SQLite's one writer queues every transaction anyway.
   */
  takesNumber?: boolean
}

/** What another database (PostgreSQL, postgres.ts) does for `transaction` and `closeDb` on its handles. */
export interface HandleRunner {
  transaction<T>(fn: (tx: Db) => Promise<T> | T, opts?: RunOptions): Promise<T>
  close(): Promise<void>
  /** PostgreSQL's LISTEN on one connection of the node's own, kept (and listened again) across reconnections. */
  listen?: Listen
  /** Keeps `fn` for the end of the transaction the caller is inside, and says true; false outside one. */
  whenEnds(fn: () => void): boolean
}
const runners = new WeakMap<Db, HandleRunner>()

/**
 * Listens on `channel`: `onPayload` gets each notification's payload, `onListen` runs whenever
 * the listening connection is (again) ready, after which notifications sent meanwhile were lost.
 */
export type Listen = (channel: string, onPayload: (payload: string) => void, onListen: () => void) => Promise<unknown>

/** LISTEN on `db`'s database, or undefined where there is none (SQLite). */
export const listenerOf = (db: Db): Listen | undefined => runners.get(db)?.listen

/** Makes `transaction` and `closeDb` on `db` go to `runner` (a handle on PostgreSQL). */
export function registerHandle(db: Db, runner: HandleRunner): void {
  runners.set(db, runner)
}

/**
 * Runs `fn` once the transaction the caller is inside has ended, committed or rolled back (after
 * every retry on PostgreSQL), or at once outside a transaction. For what may run more often than
 * needed but never before a commit: a node forgetting what it remembers of rows the transaction
 * changed (auth/session-memory.ts), which a request reading before the commit would otherwise
 * remember again as they were.
 */
export function whenTransactionEnds(db: Db, fn: () => void): void {
  const runner = runners.get(db)
  if (runner) {
    if (!runner.whenEnds(fn)) fn()
    return
  }
  const open = routedOf.get(db)?.openTransaction
  if (open) open.ended.push(fn)
  else fn()
}

/** Whether `db` is a handle on SQLite (the one dialect with connections of its own here, and raw SQLite for the few who need it). */
export const isSqliteHandle = (db: Db) => routedOf.has(db)

/** Closes a handle's connections (both of SQLite's, or the PostgreSQL pool). */
export async function closeDb(db: Db): Promise<void> {
  const runner = runners.get(db)
  if (runner) return runner.close()
  const routed = routedOf.get(db)
  if (routed) routed.close()
  else db.$client.close()
}

function openReader(file: string): Database.Database {
  const sqlite = new Database(file)
  sqlite.pragma('busy_timeout = 5000')
  // This connection never writes: a statement that would is a bug, refused here rather than run.
  sqlite.pragma('query_only = ON')
  return sqlite
}

function openWriter(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  // WAL lets readers run beside the single writer; synchronous=FULL makes a committed
  // transaction (an acknowledged submission or approval) survive a power cut, not only a crash.
  // A long wait first: a second node starting beside one that is migrating waits for it.
  sqlite.pragma('busy_timeout = 60000')
  whileBusy(() => sqlite.pragma('journal_mode = WAL'))
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  whileBusy(() => migrateLocked(sqlite))
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

const MIGRATIONS_TABLE = '__drizzle_migrations'

/**
 * Runs a step of opening the database again while SQLite answers SQLITE_BUSY, for up to a minute.
 * The busy timeout covers waiting for a lock, but not every case at the start of two processes on
 * one fresh file: switching a new file to WAL, or taking the write lock while the other process
 * is between its read and its write, is refused at once (SQLite's deadlock avoidance) rather
 * than waited for. Retrying the whole step is safe: each one is a single statement or transaction.
 */
function whileBusy<T>(step: () => T): T {
  const deadline = Date.now() + 60_000
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      return step()
    } catch (err) {
      const code = (err as { code?: unknown }).code
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw err
      // Start-up only, before the server listens: a synchronous pause blocks nothing else.
      Atomics.wait(pause, 0, 0, 20 + Math.random() * 80)
    }
  }
}

/**
 * Applies the migrations not applied yet, all in one EXCLUSIVE transaction that also reads which
 * ones are applied. drizzle's own migrator reads the history before it takes the lock, so two
 * nodes starting together on a fresh file both decide to migrate and the second fails on
 * "table already exists" (or applies a migration twice). Here the second waits for the lock,
 * then finds the history complete and does nothing. Same table and rows as drizzle's migrator, so
 * drizzle-kit and earlier databases keep working.
 */
export function migrateLocked(sqlite: Database.Database): number {
  const migrations = readMigrationFiles({ migrationsFolder })
  return sqlite
    .transaction(() => {
      sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`)
      const last = sqlite.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as { created_at: number } | undefined
      let applied = 0
      for (const m of migrations) {
        if (last && Number(last.created_at) >= m.folderMillis) continue
        for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt)
        sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.folderMillis)
        applied++
      }
      return applied
    })
    .exclusive()
}

let newest: number | undefined

/**
 * Whether the database answers and carries every migration this code was built with: what
 * `/readyz` reports. False (never a throw) for a closed or unreachable database.
 */
export function isMigrated(db: Db): boolean {
  try {
    newest ??= readMigrationFiles({ migrationsFolder }).reduce((max, m) => Math.max(max, m.folderMillis), 0)
    const last = db.$client.prepare(`SELECT max(created_at) AS at FROM "${MIGRATIONS_TABLE}"`).get() as { at: number | null }
    return last.at !== null && Number(last.at) >= newest
  } catch {
    return false
  }
}

/** Per connection, the end of the last transaction begun on it: the next one waits for it. */
const turnstiles = new WeakMap<Database.Database, Promise<void>>()

/**
 * Runs `fn` in one IMMEDIATE transaction on the writer connection: it takes the write lock up
 * front, so two writers never interleave. `fn` awaits its queries (the data layer is async, as
 * PostgreSQL's drivers are). Inside it every statement runs on the writer, whichever handle made
 * it; outside, statements read through the reader and see none of it until it commits
 * (connections.ts). Transactions on one handle queue behind each other (a turnstile), since
 * another request's code runs whenever the body awaits. A call inside a transaction joins it
 * through a savepoint: its failure undoes its own writes only, as better-sqlite3's nested
 * transactions did.
 */
export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T> | T, opts?: RunOptions): Promise<T> {
  const runner = runners.get(db)
  if (runner) return runner.transaction(fn, opts)
  const routed = routedOf.get(db)
  if (!routed) throw new Error('transaction() needs a handle made by openDb()')
  const outer = routed.openTransaction
  if (outer) return savepoint(routed.writer, outer, db, fn)
  const client = routed.writer
  const before = turnstiles.get(client)
  let release!: () => void
  const mine = new Promise<void>((resolve) => (release = resolve))
  turnstiles.set(client, before ? before.then(() => mine) : mine)
  const open: OpenTransaction = { open: true, savepoints: 0, ended: [] }
  try {
    if (before) await before
    client.exec('BEGIN IMMEDIATE')
    try {
      // An async body: a thenable it returns (a drizzle query not yet run) is run inside, too.
      const result = await routed.runInside(open, async () => fn(db))
      client.exec('COMMIT')
      return result
    } catch (err) {
      if (client.inTransaction) client.exec('ROLLBACK')
      throw err
    }
  } finally {
    open.open = false
    release()
    if (turnstiles.get(client) === mine) turnstiles.delete(client)
    for (const fn of open.ended) fn()
  }
}

async function savepoint<T>(client: Database.Database, outer: OpenTransaction, db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  const name = `hall_${++outer.savepoints}`
  client.exec(`SAVEPOINT ${name}`)
  try {
    const result = await fn(db)
    client.exec(`RELEASE ${name}`)
    return result
  } catch (err) {
    client.exec(`ROLLBACK TO ${name}`)
    client.exec(`RELEASE ${name}`)
    throw err
  }
}
