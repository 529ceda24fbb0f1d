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
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
