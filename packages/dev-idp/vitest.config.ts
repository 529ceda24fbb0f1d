import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Some tests spawn the server (tsx, then a fresh RSA key): seconds on a busy 2-core machine.
    testTimeout: 60_000,
  },
})
