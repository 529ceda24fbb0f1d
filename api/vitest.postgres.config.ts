import { defineConfig } from 'vitest/config'
import { onPostgres } from './vitest.postgres-files.ts'

// The API's tests again on PostgreSQL (issue 15): HALL_DATABASE_URL makes the schema load
// PostgreSQL's tables, and test-support copies each test's database from a template on the run's
// throwaway server (vitest.global-setup.ts; the URL here only names the dialect).
export default defineConfig({
  test: {
    name: 'api-postgres',
    include: onPostgres,
    env: { HALL_DATABASE_URL: 'postgres://run-server/see-test-support' },
    globalSetup: ['vitest.global-setup.ts'],
    testTimeout: 20_000,
    // One module graph per worker, not per file: importing the whole API again for every file was
    // most of this suite's time (368 of 438 s in one run). Tests share no state through modules:
    // each makes its own app over its own database (src/test-support.ts).
    isolate: false,
  },
})
