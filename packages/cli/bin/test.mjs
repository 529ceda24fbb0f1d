#!/usr/bin/env node
// `npm test`: every test of the hall. Installs and builds first (browser tests run against the
// real builds), then the unit and API tests (vitest) and the browser tests (Playwright with
// Debian's Chromium), on SQLite and then some of them on PostgreSQL. Ends with one line of
// totals that CI reads: "test: N passed, N failed".
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { buildAll, ensureInstalled, pnpm, root } from '../lib/index.mjs'

await ensureInstalled()
await buildAll()

const tmp = path.join(root, 'test', '.tmp')
rmSync(path.join(tmp, 'vitest.json'), { force: true })
rmSync(path.join(tmp, 'playwright.json'), { force: true })
rmSync(path.join(tmp, 'playwright-postgres.json'), { force: true })

const only = process.argv[2] // "unit" or "e2e" to run one half
const codes = []
if (only !== 'e2e') codes.push(await pnpm(['--filter', '@hall/test', 'run', 'test:unit']))
if (only !== 'unit') codes.push(await pnpm(['--filter', '@hall/test', 'run', 'test:e2e']))
if (only !== 'unit') codes.push(await pnpm(['--filter', '@hall/test', 'run', 'test:e2e:postgres']))

let passed = 0
let failed = 0
let skipped = 0
const read = (file) => {
  try {
    return JSON.parse(readFileSync(path.join(tmp, file), 'utf8'))
  } catch {
    return undefined
  }
}
const unit = read('vitest.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
} else if (only !== 'e2e') failed += 1 // the runner itself failed before reporting
for (const file of ['playwright.json', 'playwright-postgres.json']) {
  const e2e = read(file)
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky
    failed += e2e.stats.unexpected
    skipped += e2e.stats.skipped
  } else if (only !== 'unit') failed += 1
}

const ok = codes.every((c) => c === 0) && failed === 0 && passed > 0
console.log(`\ntest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(ok ? 0 : 1)
