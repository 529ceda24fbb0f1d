import { inject, onTestFinished } from 'vitest'
import { createDatabase, MIGRATED_TEMPLATE, SEEDED_TEMPLATE } from './pg-server.ts'
import { closePostgres, openPostgres, type OpenPostgresOptions, type PgDb } from './postgres.ts'

// PostgreSQL databases for tests, on the run's throwaway server (vitest.global-setup.ts). Each
// test gets a database of its own, copied from the migrated template; its pool is closed when the
// test ends. The databases themselves go with the server at the end of the run.

/** The run's server's admin URL; throws (the test fails, loudly) when the run has no server, with why. */
export function testPostgresAdminUrl(): string {
  const provided = inject('hallTestPostgres')
  if (!provided) throw new Error('no PostgreSQL server was provided: run the API tests through vitest.config.ts (its global setup starts one)')
  if ('error' in provided) throw new Error(`the PostgreSQL tests need a server: ${provided.error}`)
  return provided.adminUrl
}

/**
 * The URL of a fresh database: migrated (copied from the template), seeded with the demo university
 * with `{ seeded: true }`, or empty with `{ empty: true }`.
 */
export async function freshPgUrl(opts: { empty?: boolean; seeded?: boolean } = {}): Promise<string> {
  return createDatabase(testPostgresAdminUrl(), opts.empty ? null : opts.seeded ? SEEDED_TEMPLATE : MIGRATED_TEMPLATE)
}

/** A pool on a fresh migrated database, closed when the current test finishes. */
export async function freshPg(opts: OpenPostgresOptions = {}): Promise<PgDb> {
  const db = await openPostgres(await freshPgUrl(), { migrate: false, ...opts })
  onTestFinished(() => closePostgres(db))
  return db
}
