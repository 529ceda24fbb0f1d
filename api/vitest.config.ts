import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // SAML round trips sign and verify XML: give them room on a loaded 2-core machine.
    testTimeout: 20_000,
  },
})
