import { defineConfig } from 'vitest/config'

// One run over every vitest suite of the workspace: unit tests beside the code in each part, and
// the cross-part integration tests here. Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores, for the main process: on the 2-core
    // machines the suite runs on that is one worker, and the main process (collecting results,
    // transforming files once for every worker) needs far less than a core. Two workers use both.
    maxWorkers: 2,
    projects: [
      '../api',
      // The API's tests again on PostgreSQL (issue 15).
      '../api/vitest.postgres.config.ts',
      '../packages/*',
      '../shell',
      '../mf-*',
      {
        test: {
          name: 'integration',
          root: import.meta.dirname,
          include: ['integration/**/*.test.ts'],
          // Loading the parts' vite configs leaves NODE_ENV=production in this process; the halls
          // these tests start must be development halls unless a test asks for production.
          env: { NODE_ENV: 'test' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
