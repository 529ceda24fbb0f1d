import { execSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { freePort, startHall } from '@hall/cli'
import { openDb } from '../../api/src/db/client.ts'
import { createDatabase, startPgServer, type PgServer } from '../../api/src/db/pg-server.ts'
import { login } from './login.ts'
import { REVIEWER, generate, generateOnPostgres } from './tasks.ts'

// The hot paths (issue 15.5) over real HTTP against a real hall process (API and development IdP,
// fresh data folder), each as a ratio to `/healthz` of the same server in the same run: catalog
// search (and its typo path), browsing, `/api/me` and a reviewer's 待办. autocannon runs in this
// process, so the load generator shares the machine's cores with the server: compare ratios, not
// requests per second across runs or machines. Alone: `cd test && npx tsx bench/catalog.ts`.
// Beside each ratio, the API process's CPU time per request (microseconds, from /proc): the figure
// to compare between runs at different loads. On PostgreSQL it leaves out the server's own CPU.
// Settings: BENCH_SECONDS (8 per route), BENCH_CONNECTIONS (20), BENCH_DATABASE (sqlite,postgres:
// the databases to run on, in order).
//
// It runs once on each database: the SQLite file (the default) and PostgreSQL (a throwaway cluster
// of Debian's server programs on this machine, fsync off, as in the tests: a figure of the query
// path, not of a durable server's disk).

const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)
// The targets, as ratios to /healthz.
const TARGETS: Record<string, number> = { search: 0.5, typo: 0.3, me: 0.5, todo: 0.3 }

const ticksPerSecond = Number(execSync('getconf CLK_TCK').toString().trim()) || 100

/** CPU seconds (user + system) the process `pid` has used so far. */
function cpuSeconds(pid: number) {
  // Fields after the command name (in parentheses, may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
}

/** The hall's API process: a child of this one (startHall spawns it) running api/src/server.ts. */
function apiPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('api/src/server.ts')) return Number(entry)
    } catch {
      // gone meanwhile
    }
  }
  throw new Error('the API process was not found among this process’s children')
}

/**
 * One route under autocannon, with the API process's CPU time per request: unlike requests per
 * second, that figure hardly moves with the machine's load (other work takes turns on the cores,
 * it does not make a request cost more of them), so it compares runs at different loads.
 */
async function measure(pid: number, url: string, title: string, target?: string, cookie?: string) {
  const cpuBefore = cpuSeconds(pid)
  const result = await autocannon({ url, connections, duration: seconds, title, headers: cookie ? { cookie } : {} })
  const cpuUs = ((cpuSeconds(pid) - cpuBefore) * 1e6) / Math.max(1, result.requests.total)
  const non2xx = result.non2xx + result.errors
  return { title, target, rps: Math.round(result.requests.average), cpuUs, p50: result.latency.p50, p99: result.latency.p99, non2xx }
}

export async function benchCatalog(database: 'sqlite' | 'postgres' = 'sqlite') {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-bench-'))
  // Free ports, not a random pick (one such pick met a port in use, and the hall never answered).
  const [port, idpPort] = [await freePort(), await freePort()]
  let pg: PgServer | undefined
  let hall: Awaited<ReturnType<typeof startHall>> | undefined
  try {
    const env: Record<string, string> = { HALL_LOG_LEVEL: 'warn' }
    if (database === 'postgres') {
      pg = await startPgServer()
      env.HALL_DATABASE_URL = await createDatabase(pg.url(), null)
    }
    hall = await startHall({ port, idpPort, dataDir, quiet: true, env })
    const base = hall.url
    // The reviewer gets 50 tasks to do and 200 done among 10,000 other applications, written
    // beside the running hall (SQLite in WAL mode, or PostgreSQL: the hall keeps serving).
    if (env.HALL_DATABASE_URL) {
      await generateOnPostgres(env.HALL_DATABASE_URL, 10_000, new Date())
    } else {
      const db = openDb(path.join(dataDir, 'hall.sqlite'))
      generate(db.$client, 10_000, new Date(), { bulk: false })
      db.$client.close()
    }
    const student = await login(base, '2023010101')
    const reviewer = await login(base, REVIEWER)
    // Warm up: the first search builds the index (pinyin of every name), and the server's JIT
    // (a cold /healthz measured first read low and made every ratio look better than it was).
    await fetch(`${base}/api/services?q=sstz`)
    await autocannon({ url: `${base}/healthz`, connections, duration: 2 })
    const load = loadavg()
    const pid = apiPid()
    const rows = [
      await measure(pid, `${base}/healthz`, 'trivial route GET /healthz'),
      await measure(pid, `${base}/api/services?q=sstz`, 'search: pinyin initials (sstz)', 'search'),
      await measure(pid, `${base}/api/services?q=${encodeURIComponent('宿舍')}`, 'search: Chinese (宿舍)', 'search'),
      await measure(pid, `${base}/api/services?q=dromitory`, 'search: typo (dromitory, fuzzy path)', 'typo'),
      await measure(pid, `${base}/api/services?category=life-housing`, 'browse one category'),
      await measure(pid, `${base}/api/services?q=sstz`, 'search, logged in (sstz)', 'search', student),
      await measure(pid, `${base}/api/me`, 'GET /api/me (a student)', 'me', student),
      await measure(pid, `${base}/api/applications?mine=1`, "a student's 我的办件 (first page)", undefined, student),
      await measure(pid, `${base}/api/tasks?box=todo&sort=received&order=asc`, "a reviewer's 待办 (50 of 10,250)", 'todo', reviewer),
      await measure(pid, `${base}/api/tasks/counts`, "a reviewer's counts (header badge)", undefined, reviewer),
      await measure(pid, `${base}/healthz`, 'trivial route GET /healthz, again'),
    ]
    // The machine's load drifts during a run: the base is /healthz measured first and last.
    const trivial = (rows[0]!.rps + rows.at(-1)!.rps) / 2
    console.log(
      `\nHot paths on ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}: ${connections} connections, ${seconds} s each, load generator on the same machine, ratio to the mean of both /healthz rows; load average ${load.map((l) => l.toFixed(2)).join(' ')} before, ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} after`,
    )
    console.log(
      'route'.padEnd(42),
      'req/s'.padStart(8),
      'ratio'.padStart(7),
      'target'.padStart(7),
      'CPU µs'.padStart(7),
      'p50 ms'.padStart(7),
      'p99 ms'.padStart(7),
      'non-2xx'.padStart(8),
    )
    for (const r of rows) {
      const ratio = r.rps / trivial
      const target = r.target ? TARGETS[r.target]! : undefined
      console.log(
        r.title.padEnd(42),
        String(r.rps).padStart(8),
        ratio.toFixed(2).padStart(7),
        (target === undefined ? '' : `${ratio >= target ? '≥' : '<'} ${target}`).padStart(7),
        String(Math.round(r.cpuUs)).padStart(7),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(r.non2xx).padStart(8),
      )
    }
  } finally {
    await hall?.stop()
    await pg?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`) {
  for (const database of databases()) await benchCatalog(database)
}

/** The databases to run on: BENCH_DATABASE, a comma-separated list (default both, SQLite first). */
export function databases(): Array<'sqlite' | 'postgres'> {
  const names = (process.env.BENCH_DATABASE ?? 'sqlite,postgres').split(',').map((d) => d.trim())
  for (const d of names) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DATABASE: ${d} is neither sqlite nor postgres`)
  return names as Array<'sqlite' | 'postgres'>
}
