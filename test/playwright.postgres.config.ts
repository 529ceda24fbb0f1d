import { defineConfig } from '@playwright/test'
import base from './playwright.config.ts'

// The browser tests again, on a hall whose database is PostgreSQL (issue 15): e2e/global-setup.ts
// starts a throwaway cluster and the hall migrates and seeds an empty database, as on a
// university's server.
//
// `npm test` runs the paths below, one per capability the database carries: login and logout
// (sessions, SAML replay ids), a submission clicked twice (idempotency), a two-step approval and
// its timeline, the live 待办 list (the bell's feed), an upload and an overdue task's escalation,
// a rating, a question and the statistics, and an organisation import. The whole browser suite
// on PostgreSQL is `HALL_E2E_DATABASE=postgres npx playwright test` in test/ (about 7 minutes on
// two cores; the suite's time budget does not carry it twice).
process.env.HALL_E2E_DATABASE = 'postgres'

export const onPostgres = ['hall-stands-up', 'apply', 'leave', 'live-lists', 'half-done-paths', 'feedback', 'org-console']

export default defineConfig({
  ...base,
  outputDir: './.tmp/playwright-postgres-results',
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-postgres.json' }]],
  projects: [{ name: 'hall-postgres', testMatch: new RegExp(`/(${onPostgres.join('|')})\\.spec\\.ts$`) }],
})
