import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { startHall } from '@hall/cli'
import { benchBell } from './bell.ts'
import { benchFirstVisit } from './first-visit.ts'
import { benchFloods } from './floods.ts'
import { benchEngine, benchTaskList } from './tasks.ts'

// Benchmarks print figures; they assert nothing. Each runs against a real hall process (API and
// development IdP, fresh data folder) over real HTTP, with autocannon in this process, so the load
// generator shares the machine's cores with the server: compare figures within one run (ratios),
// not across machines.

const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)

async function measure(url: string, title: string) {
  const result = await autocannon({ url, connections, duration: seconds, title })
  const non2xx = result.non2xx + result.errors
  return { title, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx }
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-bench-'))
const port = 3200 + Math.floor(Math.random() * 500)
const hall = await startHall({ port, idpPort: port + 1, dataDir, quiet: true, env: { HALL_LOG_LEVEL: 'warn' } })
try {
  const base = hall.url
  // Warm up: the first search builds the index (pinyin of every name).
  await fetch(`${base}/api/services?q=sstz`)
  const rows = [
    await measure(`${base}/healthz`, 'trivial route GET /healthz'),
    await measure(`${base}/api/services?q=sstz`, 'search: pinyin initials (sstz)'),
    await measure(`${base}/api/services?q=${encodeURIComponent('宿舍')}`, 'search: Chinese (宿舍)'),
    await measure(`${base}/api/services?q=dromitory`, 'search: typo (dromitory, fuzzy path)'),
    await measure(`${base}/api/services?category=life-housing`, 'browse one category'),
  ]
  const trivial = rows[0]!.rps
  console.log(`\nCatalog benchmark: ${connections} connections, ${seconds} s each, load generator on the same machine`)
  console.log('route'.padEnd(42), 'req/s'.padStart(8), 'ratio'.padStart(7), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'non-2xx'.padStart(8))
  for (const r of rows) {
    console.log(
      r.title.padEnd(42),
      String(r.rps).padStart(8),
      (r.rps / trivial).toFixed(2).padStart(7),
      String(r.p50).padStart(7),
      String(r.p99).padStart(7),
      String(r.non2xx).padStart(8),
    )
  }
} finally {
  await hall.stop()
  rmSync(dataDir, { recursive: true, force: true })
}

// The weight of a first visit and Lighthouse's mobile scores on the logged-in catalog (issue 14.1).
await benchFirstVisit()

// One client's flood of each limited route against another person's response times (issue 13.1).
await benchFloods()

// Memory and CPU of one API process with 1,000 and 5,000 open bell streams (issue 15.5).
await benchBell()

// The reviewers' to-do list with 10,000 and 1,000,000 applications, and the engine (issue 5).
// In process, after the hall above has stopped, so they do not share the cores with it.
benchEngine()
await benchTaskList()
