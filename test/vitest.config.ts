import { defineConfig } from 'vitest/config'

// One run over every vitest suite of the workspace: unit tests beside the code in each part, and
// the cross-part integration tests here. Browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    projects: [
      '../api',
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
