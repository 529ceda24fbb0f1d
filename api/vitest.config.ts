import { defineConfig } from 'vitest/config'

// The API's tests on SQLite (the default database). vitest.postgres.config.ts runs them again on
// PostgreSQL; `npm test` in api/ and the workspace's run (test/vitest.config.ts) run both.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Migrates and seeds one database and makes the test IdP's keys once per run, for every test
    // file to copy (src/test-support.ts).
    globalSetup: ['vitest.global-setup.ts'],
    // SAML round trips sign and verify XML: give them room on a loaded 2-core machine.
    testTimeout: 20_000,
    // One module graph per worker, not per file: importing the whole API again for every file was
    // most of this suite's time (368 of 438 s in one run). Tests share no state through modules:
    // each makes its own app over its own database (src/test-support.ts).
    isolate: false,
  },
})
