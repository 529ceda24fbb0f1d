import { defineConfig } from 'vitest/config'
import { onPostgres } from './vitest.postgres-files.ts'

export default defineConfig({
  test: {
    // Migrates and seeds one database and makes the test IdP's keys once per run (per project),
    // for every test file to copy (src/test-support.ts).
    globalSetup: ['vitest.global-setup.ts'],
    // SAML round trips sign and verify XML: give them room on a loaded 2-core machine.
    testTimeout: 20_000,
    projects: [
      // Every test, on SQLite (the default database).
      { extends: true, test: { name: 'sqlite', include: ['src/**/*.test.ts'] } },
      // The API's tests again on PostgreSQL (issue 15): HALL_DATABASE_URL makes the schema load
      // PostgreSQL's tables, and test-support copies each test's database from a template on the
      // run's server (the URL here only names the dialect).
      { extends: true, test: { name: 'postgres', include: onPostgres, env: { HALL_DATABASE_URL: 'postgres://run-server/see-test-support' } } },
    ],
  },
})
