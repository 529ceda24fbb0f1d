import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema/index.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'drizzle')

/**
 * Opens (or creates) the SQLite file and applies every migration. `:memory:` gives a private
 * database, which is what each unit test uses.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  // WAL lets readers run beside the single writer; synchronous=FULL makes a committed
  // transaction (an acknowledged submission or approval) survive a power cut, not only a crash.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema }) as Db
  migrate(db, { migrationsFolder })
  return db
}

/** Runs `fn` in one IMMEDIATE transaction: it takes the write lock up front, so two writers never interleave. */
export function transaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate()
}
