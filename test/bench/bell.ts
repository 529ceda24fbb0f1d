import { execSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort, startHall } from '@hall/cli'
import { SESSION_COOKIE, createSession } from '../../api/src/auth/sessions.ts'
import { resolveUser } from '../../api/src/auth/user.ts'
import { closeDb, openDb, transaction } from '../../api/src/db/client.ts'
import { createDatabase, startPgServer } from '../../api/src/db/pg-server.ts'
import { openPostgresHandle } from '../../api/src/db/postgres.ts'
import { notifications } from '../../api/src/db/schema/index.ts'
import { loadEnv } from '../../api/src/env.ts'
import { bellChanged } from '../../api/src/notifications/feed.ts'

// The bell's live streams at scale (issue 15.5): memory (RSS) and CPU of one API process holding N
// open streams (GET /api/notifications/stream), idle and with one new message per second. The
// streams are one person each; the messages are written by this process's
// own connection to the hall's SQLite file, as another API node would write them, so they reach the
// streams through the node's change feed (api/src/notifications/feed.ts), not a local poke.
// Prints the figures; asserts nothing. The clients run in this process, on the same 2 cores.
// Alone: `cd test && npx tsx bench/bell.ts`. Settings: BENCH_BELL_CONNECTIONS ("1000,5000"),
// BENCH_BELL_SECONDS (30: each measured window; the streams' 30 s safety re-checks fall in it).
//
// On PostgreSQL (benchBellOnPostgres: a throwaway cluster of Debian's server programs), the hall and
// this writer run with HALL_DATABASE_URL, in a process of its own (the schema picks a dialect's
// tables as it loads): the node's feed listens (LISTEN/NOTIFY) and each message's transaction says
// whose bell it concerns, as the hall's writers do.

const sizes = (process.env.BENCH_BELL_CONNECTIONS ?? '1000,5000').split(',').map(Number)
const seconds = Number(process.env.BENCH_BELL_SECONDS ?? 30)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const ticksPerSecond = Number(execSync('getconf CLK_TCK').toString().trim()) || 100

/** CPU seconds (user + system) a process has used so far, and its resident memory in MB. */
function usage(pid: number) {
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const cpu = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
  return { cpu, rss }
}

/** CPU of `pid` over `ms` (per cent of one core) while `during` runs, and its RSS at the end. */
async function measure(pid: number, ms: number, during: (signal: { stop: boolean }) => Promise<void> = async () => {}) {
  const before = usage(pid)
  const signal = { stop: false }
  const work = during(signal)
  await sleep(ms)
  signal.stop = true
  await work
  const after = usage(pid)
  return { cpuPct: ((after.cpu - before.cpu) / (ms / 1000)) * 100, rssMb: after.rss }
}

interface Client {
  events: number
  close(): void
}

/** Opens one stream; resolves once its first event arrived (so it is counted as open by the node). */
function openStream(base: URL, cookie: string, agent: http.Agent): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client: Client = { events: 0, close: () => req.destroy() }
    // A stream that says nothing for 60 s fails the run rather than hanging it.
    const silent = setTimeout(() => {
      req.destroy()
      reject(new Error('a stream sent nothing for 60 s'))
    }, 60_000)
    const req = http.get({ host: base.hostname, port: base.port, path: '/api/notifications/stream', headers: { cookie }, agent }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`the stream answered ${res.statusCode}`))
        res.resume()
        return
      }
      let first = true
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        client.events += chunk.split('event: unread').length - 1
        if (first) {
          first = false
          clearTimeout(silent)
          resolve(client)
        }
      })
      res.on('error', () => {})
    })
    req.on('error', reject)
  })
}

export async function benchBell() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-bench-bell-'))
  // Free ports, not a random pick (one such pick met a port in use, and the hall never answered).
  const [port, idpPort] = [await freePort(), await freePort()]
  const most = Math.max(...sizes)
  const hall = await startHall({
    port,
    idpPort,
    dataDir,
    quiet: !process.env.BELL_LOUD,
    env: {
      HALL_LOG_LEVEL: 'warn',
      HALL_DEMO_SITE: '0',
      HALL_SMTP_CATCHER_PORT: '0',
      HALL_STREAMS_PER_NODE: String(most + 100),
      HALL_STREAMS_PER_PERSON: '1000',
      HALL_RATE_LIMITS: `stream.address=${most * 2}/60,stream.person=${most * 2}/60`,
    },
  })
  // HALL_DATABASE_URL (benchBellOnPostgres) reaches the hall too: startHall passes the environment on.
  const databaseUrl = process.env.HALL_DATABASE_URL
  const db = databaseUrl ? await openPostgresHandle(databaseUrl, { migrate: false, max: 2 }) : openDb(path.join(dataDir, 'hall.sqlite'))
  try {
    const api = hall.children[hall.children.length - 1]!
    const base = new URL(hall.url)
    // Sessions made directly in the hall's database (as the API tests' login fixture does): a SAML
    // round trip per person would measure the login, not the bell.
    const env = loadEnv({ NODE_ENV: 'development', HALL_DATA_DIR: dataDir, HALL_LOG_LEVEL: 'silent' })
    const now = new Date()
    // One person per stream, as 5,000 people with one page open each: people the data platform
    // does not know (the demo university has 50), which the hall serves like anyone else.
    const cards = Array.from({ length: most }, (_, i) => `B${String(i).padStart(6, '0')}`)
    const cookies = await transaction(db, async () => {
      const made: string[] = []
      for (const card of cards) {
        const login = {
          requestId: 'bench',
          assertionId: 'bench',
          assertionExpiresAt: now,
          nameId: card,
          nameIdFormat: null,
          sessionIndex: null,
          attributes: {},
        }
        const user = await resolveUser(db, env, login)
        made.push(`${SESSION_COOKIE}=${await createSession(db, { user, nameId: card, nameIdFormat: null, sessionIndex: null }, now)}`)
      }
      return made
    })
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity })

    await sleep(2000)
    const baseline = await measure(api.pid!, seconds * 1000)
    const rows: string[] = [
      ['0 streams (baseline)'.padEnd(26), baseline.rssMb.toFixed(0).padStart(8), baseline.cpuPct.toFixed(1).padStart(8), '', '', ''].join(' '),
    ]
    for (const n of sizes) {
      const clients: Client[] = []
      const opened = Date.now()
      // In batches, as pages that open over a few seconds would.
      for (let i = 0; i < n; i += 200) {
        const batch = Array.from({ length: Math.min(200, n - i) }, (_, k) => openStream(base, cookies[(i + k) % cookies.length]!, agent))
        clients.push(...(await Promise.all(batch)))
      }
      const openMs = Date.now() - opened
      console.error(`bell bench: ${n} streams open in ${(openMs / 1000).toFixed(1)} s, measuring`)
      await sleep(3000)
      const idle = await measure(api.pid!, seconds * 1000)
      const eventsBefore = clients.reduce((s, c) => s + c.events, 0)
      let sent = 0
      const active = await measure(api.pid!, seconds * 1000, async (signal) => {
        while (!signal.stop) {
          const to = cards[Math.floor(Math.random() * n)]!
          await transaction(db, async (tx) => {
            await tx.insert(notifications).values({ recipientCardNumber: to, kind: 'urged', titleZh: '催办', titleEn: 'Urged', link: null })
            await bellChanged(tx, { unread: [to] })
          })
          sent++
          await sleep(1000)
        }
      })
      // Let the last message's events arrive before counting them.
      await sleep(2000)
      const delivered = clients.reduce((s, c) => s + c.events, 0) - eventsBefore
      rows.push(
        [
          `${n} streams, idle`.padEnd(26),
          idle.rssMb.toFixed(0).padStart(8),
          idle.cpuPct.toFixed(1).padStart(8),
          `${(openMs / 1000).toFixed(1)} s`.padStart(10),
          '',
          '',
        ].join(' '),
      )
      rows.push(
        [
          `${n} streams, 1 message/s`.padEnd(26),
          active.rssMb.toFixed(0).padStart(8),
          active.cpuPct.toFixed(1).padStart(8),
          ''.padStart(10),
          String(sent).padStart(9),
          String(delivered).padStart(14),
        ].join(' '),
      )
      for (const c of clients) c.close()
      await sleep(3000)
    }
    console.log(
      `\nBell benchmark on ${databaseUrl ? 'PostgreSQL (LISTEN/NOTIFY)' : 'SQLite (the 1 s poll)'}: one API process, N open live streams (one person each), ${seconds} s windows, messages written by another connection; clients on the same machine`,
    )
    console.log(
      ['phase'.padEnd(26), 'RSS MB'.padStart(8), 'CPU %'.padStart(8), 'to open'.padStart(10), 'messages'.padStart(9), 'unread events'.padStart(14)].join(' '),
    )
    for (const r of rows) console.log(r)
  } finally {
    await closeDb(db)
    await hall.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The same on PostgreSQL: a throwaway cluster, and this file run again in a process on it. */
export async function benchBellOnPostgres() {
  const pg = await startPgServer()
  try {
    const url = await createDatabase(pg.url(), null)
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, HALL_DATABASE_URL: url },
      stdio: 'inherit',
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    if (code !== 0) throw new Error(`the bell bench on PostgreSQL exited with ${code}`)
  } finally {
    await pg.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBell()
