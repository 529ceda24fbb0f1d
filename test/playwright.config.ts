import { defineConfig, devices } from '@playwright/test'

// Browser tests run Debian's Chromium (Playwright's own browser download is refused here) against
// a real hall started by e2e/global-setup.ts: development IdP, API, built micro-frontends.
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: './.tmp/playwright-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  // deployments.spec registers other versions of a micro-frontend in the one hall that every test
  // shares: it runs after all the others, so no test meets a version meant for that test alone.
  projects: [
    { name: 'hall', testIgnore: /deployments\.spec\.ts$/ },
    { name: 'deployments', testMatch: /deployments\.spec\.ts$/, dependencies: ['hall'] },
  ],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.HALL_E2E_URL,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
