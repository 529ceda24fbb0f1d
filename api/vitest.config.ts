import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Migrates and seeds one database and makes the test IdP's keys once per run, for every test
    // file to copy (src/test-support.ts).
    globalSetup: ['vitest.global-setup.ts'],
    // SAML round trips sign and verify XML: give them room on a loaded 2-core machine.
    testTimeout: 20_000,
  },
})
