import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateIdpKeys, idpMetadata } from '@hall/dev-idp'
import postgres from 'postgres'
import { processDefinitions } from '@hall/demo-university'
import { chinaCalendar, initialState, transition, type AssigneeResolver, type ApplicationState } from '../../packages/workflow/src/index.ts'
import { createApp } from '../../api/src/app.ts'
import { createSamlServiceProvider } from '../../api/src/auth/saml.ts'
import { SESSION_COOKIE, createSession } from '../../api/src/auth/sessions.ts'
import { resolveUser } from '../../api/src/auth/user.ts'
import { openBlobStore } from '../../api/src/blobs/index.ts'
import { closeDb, openDb, type Db } from '../../api/src/db/client.ts'
import { seedDemo } from '../../api/src/demo/index.ts'
import { loadEnv } from '../../api/src/env.ts'
import type { Deps } from '../../api/src/lib/context.ts'
import { createLogger } from '../../api/src/lib/logger.ts'

// The reviewer's to-do list with 10,000 and with 1,000,000 applications in the database, and the
// engine's transitions per second.
//
// The reviewer (the demo counsellor 杜红梅) has the same work in both databases — 50 tasks to do
// and 200 done, spread over the year like everyone's — among the tasks of 2,000 other reviewers.
// So the two figures differ only by what the database holds besides: a ratio near 1 says the list
// costs what the reviewer's own tasks cost, not what the whole university's do.
//
// In process (`app.request()`, the whole route with session, policy and JSON) rather than over
// HTTP, so the figure is the query's and not the load generator's.

// The SQLite driver comes from the API's own dependencies (the test package carries none).
const requireFromApi = createRequire(path.resolve(import.meta.dirname, '../../api/package.json'))

export const REVIEWER = '0017063'
const OTHER_REVIEWERS = 2000
const YEAR_MS = 365 * 24 * 3_600_000

/** One generated application with its one task, in the columns both dialects share (times in ms). */
interface PlannedApplication {
  app: {
    serviceCode: string
    versionId: number
    applicant: string
    status: string
    stepId: string | null
    stepZh: string | null
    stepEn: string | null
    waitingSince: number | null
    created: number
    decided: number | null
    /** The engine's state (JSON text) of the measured reviewer's open applications, a real one's: what a 待办 row's state is read from. */
    state: string | null
  }
  task: { assignee: string; open: boolean; created: number; due: number; decided: number | null }
}

/**
 * `n` applications (one task each, 5 % open) of 2,000 other reviewers plus the reviewer's 250 (50
 * open), from a fixed sequence, so every size and both databases get the same kind of data.
 */
function* plan(versions: Array<{ id: number; code: string }>, students: string[], n: number, now: Date, state: string | null): Generator<PlannedApplication> {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  const one = (assignee: string, open: boolean, applicant: string): PlannedApplication => {
    const v = versions[Math.floor(random() * versions.length)]!
    const created = now.getTime() - Math.floor(random() * YEAR_MS)
    const decided = open ? null : created + 3_600_000
    return {
      app: {
        serviceCode: v.code,
        versionId: v.id,
        applicant,
        status: open ? 'in_review' : 'completed',
        stepId: open ? 'review' : null,
        stepZh: open ? '审核' : null,
        stepEn: open ? 'Review' : null,
        waitingSince: open ? created : null,
        created,
        decided,
        // Only the measured reviewer's: a state on each of the others' open ones would add some
        // 200 MB to the file of a million, and nobody's page reads them.
        state: open && assignee === REVIEWER ? state : null,
      },
      task: { assignee, open, created, due: created + 7 * 3_600_000, decided },
    }
  }
  for (let i = 0; i < n; i++) yield one(`R${String(i % OTHER_REVIEWERS).padStart(5, '0')}`, random() < 0.05, `S${String(i % 40_000).padStart(6, '0')}`)
  for (let i = 0; i < 250; i++) yield one(REVIEWER, i < 50, students[i % students.length]!)
}

const INSERT_APPLICATION = `INSERT INTO applications (service_code, service_version_id, applicant_card_number, status, state_version, current_step_id, current_step_name_zh, current_step_name_en, waiting_since, created_at, submitted_at, finished_at, state)
  VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`
// A seeded application's engine state (a few kilobytes of JSON), given to every open one: the
// generated rows are not the engine's own, but a 待办 page reads and parses states of this size.
const STATE_TEMPLATE = 'SELECT state FROM applications WHERE state IS NOT NULL ORDER BY id LIMIT 1'
const INSERT_TASK = `INSERT INTO tasks (application_id, engine_task_id, service_code, step_key, step_name_zh, step_name_en, assignee_card_number, status, outcome, box, round, created_at, due_at, decided_at, closed_by)
  VALUES (?, 't2', ?, 'review', '审核', 'Review', ?, ?, ?, ?, 1, ?, ?, ?, ?)`
const applicationValues = ({ app }: PlannedApplication, time: (ms: number | null) => unknown) => [
  app.serviceCode,
  app.versionId,
  app.applicant,
  app.status,
  app.stepId,
  app.stepZh,
  app.stepEn,
  time(app.waitingSince),
  time(app.created),
  time(app.created),
  time(app.decided),
  app.state,
]
const taskValues = ({ app, task }: PlannedApplication, applicationId: unknown, time: (ms: number | null) => unknown) => [
  applicationId,
  app.serviceCode,
  task.assignee,
  task.open ? 'open' : 'closed',
  task.open ? null : 'approved',
  task.open ? 'todo' : 'done',
  time(task.created),
  time(task.due),
  time(task.decided),
  task.open ? null : task.assignee,
]

/**
 * Fills a database file with `n` applications (one task each) plus the reviewer's 250, in one transaction.
 * `bulk`: the file is this process's alone (a million rows); without it, a running hall has the file
 * open too, so its journal mode stays WAL.
 */
export function generate(sqlite: Db['$client'], n: number, now: Date, { bulk = true } = {}) {
  // A generated file needs no crash safety; a rollback journal in memory keeps a huge transaction small.
  if (bulk) {
    sqlite.pragma('journal_mode = MEMORY')
    sqlite.pragma('synchronous = OFF')
  }
  const versions = sqlite.prepare('SELECT id, service_code AS code FROM service_versions').all() as Array<{ id: number; code: string }>
  const students = (sqlite.prepare("SELECT card_number AS c FROM people WHERE kind = 'undergraduate'").all() as Array<{ c: string }>).map((r) => r.c)
  const state = (sqlite.prepare(STATE_TEMPLATE).get() as { state: string } | undefined)?.state ?? null
  const insertApp = sqlite.prepare(INSERT_APPLICATION)
  const insertTask = sqlite.prepare(INSERT_TASK)
  const ms = (t: number | null) => t
  sqlite.transaction(() => {
    for (const row of plan(versions, students, n, now, state))
      insertTask.run(...taskValues(row, insertApp.run(...applicationValues(row, ms)).lastInsertRowid, ms))
  })()
  if (bulk) {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
  }
  sqlite.pragma('optimize')
}

/** The same rows on a running hall's PostgreSQL database (`url`), in one transaction. */
export async function generateOnPostgres(url: string, n: number, now: Date) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const versions = await sql<Array<{ id: number; code: string }>>`SELECT id, service_code AS code FROM service_versions`
    const students = (await sql<Array<{ c: string }>>`SELECT card_number AS c FROM people WHERE kind = 'undergraduate'`).map((r) => r.c)
    const numbered = (query: string) => {
      let i = 0
      return query.replace(/\?/g, () => `$${++i}`)
    }
    const date = (t: number | null) => (t === null ? null : new Date(t))
    const state = (await sql.unsafe<Array<{ state: string }>>(STATE_TEMPLATE.replace('state FROM', 'state::text AS state FROM')))[0]?.state ?? null
    await sql.begin(async (tx) => {
      for (const row of plan([...versions], students, n, now, state)) {
        const [app] = await tx.unsafe<Array<{ id: number }>>(`${numbered(INSERT_APPLICATION)} RETURNING id`, applicationValues(row, date) as never[])
        await tx.unsafe(numbered(INSERT_TASK), taskValues(row, app!.id, date) as never[])
      }
    })
    await sql`ANALYZE`
  } finally {
    await sql.end()
  }
}

export async function hallOn(file: string, now: Date) {
  const env = loadEnv({ NODE_ENV: 'test', HALL_DATA_DIR: path.dirname(file), HALL_LOG_LEVEL: 'silent' })
  const db = openDb(file)
  const deps: Deps = { db, env, log: createLogger('silent'), blobs: openBlobStore(env), now: () => now, deployToken: 'bench-deploy-token-0123456789abcdef' }
  await seedDemo(db, now)
  const { certPem } = await generateIdpKeys('Bench IdP')
  const metadataXml = idpMetadata({ entityId: 'https://idp.bench/metadata', ssoUrl: 'https://idp.bench/sso', sloUrl: 'https://idp.bench/slo', certPem })
  const app = createApp(deps, createSamlServiceProvider(env, db, { metadataXml }))
  const login = { requestId: 'bench', assertionId: 'bench', assertionExpiresAt: now, nameId: REVIEWER, nameIdFormat: null, sessionIndex: null, attributes: {} }
  const sid = await createSession(db, { user: await resolveUser(db, env, login), nameId: REVIEWER, nameIdFormat: null, sessionIndex: null }, now)
  return { db, app, cookie: `${SESSION_COOKIE}=${sid}` }
}

/** Mean milliseconds of `path` for the reviewer, over `times` requests after a warm-up. */
async function timeRoute(h: Awaited<ReturnType<typeof hallOn>>, route: string, times: number) {
  const get = async () => {
    const res = await h.app.request(route, { headers: { cookie: h.cookie } })
    if (res.status !== 200) throw new Error(`${route} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as { total: number; items: unknown[] }
  }
  // Warm up: the JIT, SQLite's page cache and prepared statements, so both sizes start alike.
  for (let i = 0; i < 100; i++) await get()
  const started = process.hrtime.bigint()
  let body = await get()
  for (let i = 1; i < times; i++) body = await get()
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / times
  return { ms, total: body.total ?? 0, items: body.items?.length ?? 0 }
}

const ROUTES = [
  { title: '待办 (todo, oldest first)', path: '/api/tasks?box=todo&sort=received&order=asc' },
  { title: '已办 (done, newest first)', path: '/api/tasks?box=done' },
  { title: '待办 by deadline', path: '/api/tasks?box=todo&sort=deadline' },
  { title: 'counts (header badge)', path: '/api/tasks/counts' },
]

export async function benchTaskList(
  sizes = [10_000, Number(process.env.BENCH_TASKS_ROWS ?? 1_000_000)],
  times = Number(process.env.BENCH_TASKS_REQUESTS ?? 300),
) {
  const now = new Date()
  type Timing = { title: string; ms: number; total: number; items: number }
  const results: Array<{ size: number; generateS: number; routes: Timing[]; withoutIndex: Timing[] }> = []
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-bench-tasks-'))
    try {
      const file = path.join(dir, 'hall.sqlite')
      // Seeded, then filled on a connection of its own before the hall opens the file: the bulk
      // fill takes the journal off WAL, which SQLite allows only to the file's one connection.
      const seeded = openDb(file)
      await seedDemo(seeded, now)
      await closeDb(seeded)
      const alone = new (requireFromApi('better-sqlite3') as new (file: string) => Db['$client'])(file)
      const t0 = Date.now()
      generate(alone, size, now)
      const generateS = (Date.now() - t0) / 1000
      alone.close()
      const h = await hallOn(file, now)
      const routes = []
      for (const r of ROUTES) routes.push({ title: r.title, ...(await timeRoute(h, r.path, times)) })
      // What the index on tasks.closed_by is worth: 已办 and the counts without it.
      h.db.$client.exec('DROP INDEX tasks_closed_by')
      const withoutIndex = []
      for (const r of ROUTES.filter((x) => x.path.includes('done') || x.path.includes('counts'))) {
        withoutIndex.push({ title: r.title, ...(await timeRoute(h, r.path, Math.max(10, Math.floor(times / 10)))) })
      }
      results.push({ size, generateS, routes, withoutIndex })
      await closeDb(h.db)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  console.log(`\nTo-do list of one reviewer (50 to do, 200 done) among ${OTHER_REVIEWERS} reviewers: mean of ${times} in-process requests`)
  const [small, large] = results as [(typeof results)[number], (typeof results)[number]]
  console.log(
    'route'.padEnd(44),
    `${small.size.toLocaleString('en')} apps`.padStart(16),
    `${large.size.toLocaleString('en')} apps`.padStart(18),
    'ratio'.padStart(7),
  )
  small.routes.forEach((r, i) => {
    const l = large.routes[i]!
    console.log(r.title.padEnd(44), `${r.ms.toFixed(2)} ms`.padStart(16), `${l.ms.toFixed(2)} ms`.padStart(18), (l.ms / r.ms).toFixed(2).padStart(7))
  })
  small.withoutIndex.forEach((r, i) => {
    const l = large.withoutIndex[i]!
    console.log(
      `${r.title}, no tasks_closed_by`.padEnd(44),
      `${r.ms.toFixed(2)} ms`.padStart(16),
      `${l.ms.toFixed(2)} ms`.padStart(18),
      (l.ms / r.ms).toFixed(2).padStart(7),
    )
  })
  console.log(
    `(generated ${small.size.toLocaleString('en')} in ${small.generateS.toFixed(1)} s and ${large.size.toLocaleString('en')} in ${large.generateS.toFixed(1)} s)`,
  )
  return results
}

/** Transitions per second of the engine on undergraduate leave: submit, counsellor, deputy secretary. */
export function benchEngine(seconds = Number(process.env.BENCH_ENGINE_SECONDS ?? 3)) {
  const definition = processDefinitions['undergrad-leave']
  const resolver: AssigneeResolver = {
    resolveAssignees: (rule) =>
      'role' in rule && rule.role === 'counsellor' ? ['c1'] : 'role' in rule && rule.role === 'college-deputy-secretary' ? ['d1'] : ['x1'],
    delegateOf: () => null,
  }
  const applicant = { cardNumber: 's1', kind: 'undergraduate', department: 'college-cs', college: 'college-cs', class: 'cs-2023-1' } as const
  const ctx = { now: new Date('2026-09-30T08:00:00Z'), resolver, calendar: chinaCalendar }
  const taskOf = (s: ApplicationState) => s.tasks.find((t) => t.status === 'open')!.id
  let transitions = 0
  const leave = (i: number) => {
    let { state } = transition(definition, initialState(String(i)), { type: 'submit', by: 's1', applicant, form: { days: 5 } }, ctx)
    ;({ state } = transition(definition, state, { type: 'approve', by: 'c1', taskId: taskOf(state), opinion: '同意' }, ctx))
    ;({ state } = transition(definition, state, { type: 'approve', by: 'd1', taskId: taskOf(state) }, ctx))
    if (state.status !== 'completed') throw new Error(`the leave ended ${state.status}`)
    transitions += 3
  }
  // Warm up (the JIT), then count.
  for (let i = 0; i < 500; i++) leave(i)
  transitions = 0
  const started = performance.now()
  const until = started + seconds * 1000
  while (performance.now() < until) for (let i = 0; i < 100; i++) leave(i)
  const perSecond = Math.round(transitions / ((performance.now() - started) / 1000))
  console.log(
    `\nEngine: ${perSecond.toLocaleString('en')} transitions per second (undergraduate leave of 5 days: submit, counsellor, deputy secretary; China's holiday calendar)`,
  )
  return perSecond
}

// `tsx bench/tasks.ts` runs these alone.
if (import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`) {
  benchEngine()
  await benchTaskList()
}
