import type { Env } from '../env.ts'
import { isMigrated, isSqliteHandle, openDb, type Db } from './client.ts'
import { dialect } from './dialect.ts'
import { isPostgresMigrated, openPostgresHandle, type PgDb } from './postgres.ts'

/**
 * The hall's database as configured: the SQLite file in the data folder, or the PostgreSQL
 * database of HALL_DATABASE_URL (migrated under a lock, so nodes may start together).
 */
export async function openDatabase(env: Pick<Env, 'dbFile' | 'databaseUrl'>): Promise<Db> {
  if (!env.databaseUrl) return openDb(env.dbFile)
  // schema/index.ts chose its tables from the same variable when it loaded; both must agree.
  if (dialect !== 'postgres') throw new Error('HALL_DATABASE_URL was set after the schema loaded: set it in the environment before the hall starts')
  return openPostgresHandle(env.databaseUrl)
}

/** Whether the database answers and carries every migration of this build: `/readyz`. False, never a throw. */
export async function isReady(db: Db): Promise<boolean> {
  return isSqliteHandle(db) ? isMigrated(db) : isPostgresMigrated(db as unknown as PgDb)
}
