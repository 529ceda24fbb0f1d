import { defineConfig } from 'vitest/config'
import sqlite from './vitest.config.ts'
import { onPostgres } from './vitest.postgres-files.ts'

// The API's tests again on PostgreSQL (issue 15), with the SQLite run's settings: HALL_DATABASE_URL
// makes the schema load PostgreSQL's tables, and test-support copies each test's database from a
// template on the run's throwaway server (vitest.global-setup.ts; the URL here only names the
// dialect). `include` is replaced, not merged: only the files that run on both databases.
export default defineConfig({
  test: {
    ...sqlite.test,
    name: 'api-postgres',
    include: onPostgres,
    env: { HALL_DATABASE_URL: 'postgres://run-server/see-test-support' },
  },
})
