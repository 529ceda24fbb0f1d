import { generateIdpKeys, type IdpKeys } from '@hall/dev-idp'
import type { TestProject } from 'vitest/node'
import { openDb } from './src/db/client.ts'
import { createMigratedTemplate, createSeededTemplate, startPgServer, type PgServer } from './src/db/pg-server.ts'
import { seedDemo } from './src/demo/index.ts'

// What every API test starts from, made once per run: a migrated database, one seeded with the
// demo university, and the test IdP's keys. Migrating and seeding again for every test, and
// generating RSA keys for every file, were most of the API suite's time. Each test copies an
// image into a private database of its own (src/test-support.ts). In watch mode nothing is
// handed over and each test file makes its own, so that a changed migration or seed shows in the
// rerun.

/** Where every test's clock starts, and the clock the demo image is seeded at. */
export const START = new Date('2026-11-27T02:00:00Z')

/** A database made by `openDb` (and `seedDemo` at `START` when `seeded`), as SQLite's serialized image. */
export async function imageOf(seeded: boolean): Promise<Buffer> {
  const db = openDb(':memory:')
  try {
    if (seeded) await seedDemo(db, START)
    return db.$client.serialize()
  } finally {
    db.$client.close()
  }
}

/** The test IdP's keys. */
export const testIdpKeys = () => generateIdpKeys('Test IdP')

/** The images, in base64 (provided values travel as JSON), and the keys. The PostgreSQL run has no images: its tests copy templates on the server. */
export interface TestImages {
  migrated?: string
  seeded?: string
  idpKeys: IdpKeys
}

/** The run's PostgreSQL server (db/pg-server.ts), or why there is none: its tests then fail with that reason. */
export type TestPostgres = { adminUrl: string } | { error: string }

declare module 'vitest' {
  export interface ProvidedContext {
    hallTestImages: TestImages | undefined
    hallTestPostgres: TestPostgres
  }
}

/**
 * One throwaway PostgreSQL cluster per run, with the migrated template every PostgreSQL test
 * copies its database from (db/pg-test-support.ts). Not starting is not fatal here: the SQLite
 * tests run on, and each PostgreSQL test fails with the reason (never skips).
 */
async function startPostgres(seeded: boolean): Promise<{ provided: TestPostgres; server?: PgServer }> {
  let server: PgServer | undefined
  try {
    server = await startPgServer()
    await createMigratedTemplate(server)
    if (seeded) await createSeededTemplate(server, START)
    return { provided: { adminUrl: server.url() }, server }
  } catch (err) {
    await server?.stop().catch(() => {})
    return { provided: { error: (err as Error).message } }
  }
}

/**
 * Runs once per project of vitest.config.ts: the SQLite run gets the images (and a PostgreSQL server for
 * the tests of the PostgreSQL layer); `api-postgres` (vitest.postgres.config.ts), which runs the API's tests on PostgreSQL, gets a
 * server with a migrated and a seeded template instead.
 */
export default async function setup(project: TestProject) {
  const onPostgres = project.name === 'api-postgres'
  const pg = await startPostgres(onPostgres)
  project.provide('hallTestPostgres', pg.provided)
  project.provide(
    'hallTestImages',
    project.vitest.config.watch
      ? undefined
      : onPostgres
        ? { idpKeys: await testIdpKeys() }
        : { migrated: (await imageOf(false)).toString('base64'), seeded: (await imageOf(true)).toString('base64'), idpKeys: await testIdpKeys() },
  )
  return async () => {
    await pg.server?.stop()
  }
}
