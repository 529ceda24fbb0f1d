import { loadavg } from 'node:os'
import { startManyNodes, withCookie } from '../test-support.ts'
import { login } from './login.ts'

// Submissions and approvals per second with 1, 2 and 4 API processes on one PostgreSQL behind a
// round-robin proxy (issue 15), started as integration/many-nodes.test.ts starts two. For each size:
// a fresh cluster and fresh nodes, a student and a reviewer of Academic Affairs logged in through
// the development IdP, then `BENCH_MANY_CLIENTS` clients submitting certificates of enrolment
// through the proxy for `BENCH_SECONDS`, then the same clients approving the tasks those made:
// half as the service is (each approval completes its application with a document number), half
// with the numbering taken out of its process. Prints figures; asserts nothing. The load generator, the proxy, every node and PostgreSQL share this machine's cores.

const SIZES = (process.env.BENCH_MANY_NODES ?? '1,2,4').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CLIENTS = Number(process.env.BENCH_MANY_CLIENTS ?? 16)
const STUDENT = '2023010101'
const RECORDS = '0010718' // a reviewer of Academic Affairs, which issues certificates of enrolment
const certificate = { serviceCode: 'enrolment-certificate', values: { purpose: 'visa', language: 'zh', copies: 1, pledge: true, phone: '13800002101' } }

interface Phase {
  ok: number
  other: Map<number, number>
  seconds: number
  latencies: number[]
}

/** Runs `CLIENTS` loops of `request` until `seconds` pass or `more()` says no; counts 2xx and the rest. */
async function load(seconds: number, request: (client: number, n: number) => Promise<Response> | null): Promise<Phase> {
  const phase: Phase = { ok: 0, other: new Map(), seconds: 0, latencies: [] }
  const start = performance.now()
  const end = start + seconds * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; performance.now() < end; n++) {
        const began = performance.now()
        const pending = request(client, n)
        if (!pending) return
        const res = await pending.catch(() => null)
        await res?.arrayBuffer()
        phase.latencies.push(performance.now() - began)
        if (res && res.status < 300) phase.ok++
        else phase.other.set(res?.status ?? 0, (phase.other.get(res?.status ?? 0) ?? 0) + 1)
      }
    }),
  )
  phase.seconds = (performance.now() - start) / 1000
  return phase
}

const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
function describe(phase: Phase) {
  const sorted = [...phase.latencies].sort((a, b) => a - b)
  const other = [...phase.other].map(([status, n]) => `${n}×${status || 'error'}`).join(' ')
  return {
    perSecond: phase.ok / phase.seconds,
    text: `${(phase.ok / phase.seconds).toFixed(1).padStart(6)}/s  (${phase.ok} in ${phase.seconds.toFixed(1)} s; p50 ${p(sorted, 0.5).toFixed(0)} ms, p95 ${p(sorted, 0.95).toFixed(0)} ms${other ? `; not 2xx: ${other}` : ''})`,
  }
}

export async function benchManyNodes() {
  console.log(`\nMany nodes: ${CLIENTS} clients through a round-robin proxy, ${SECONDS} s per phase, one PostgreSQL 15 (fsync off)`)
  const rows: { nodes: number; submit: number; numbered: number; plain: number }[] = []
  for (const size of SIZES) {
    const hall = await startManyNodes({ nodes: size })
    try {
      const student = withCookie(await login(hall.url, STUDENT), hall.origin)
      const reviewer = withCookie(await login(hall.url, RECORDS), hall.origin)
      const before = loadavg()[0]!.toFixed(1)
      // A short warm-up: the first requests of each node compile its routes' code paths.
      await load(1, (c, n) =>
        student(`${hall.url}/api/applications`, { method: 'POST', headers: { 'idempotency-key': `warm-${c}-${n}` }, body: JSON.stringify(certificate) }),
      )
      const submitted = await load(SECONDS, (c, n) =>
        student(`${hall.url}/api/applications`, { method: 'POST', headers: { 'idempotency-key': `bench-${c}-${n}` }, body: JSON.stringify(certificate) }),
      )
      const open = await hall.sql<{ id: number; v: number }[]>`
        SELECT t.id, a.state_version AS v FROM tasks t JOIN applications a ON a.id = t.application_id
        WHERE t.assignee_card_number = ${RECORDS} AND t.status = 'open' AND a.service_code = 'enrolment-certificate' ORDER BY t.id`
      // Half the tasks approved as the service says (each completion numbers a certificate, so
      // these queue for the hall-wide counter: decision 016, session 10), half after its process
      // stops numbering (as a service without certificates), to see what the counter costs.
      const approve = (tasks: { id: number; v: number }[]) => {
        let next = 0
        return load(SECONDS, () => {
          const task = tasks[next++]
          if (!task) return null
          return reviewer(`${hall.url}/api/tasks/${task.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'approve', stateVersion: task.v }) })
        })
      }
      const half = Math.ceil(open.length / 2)
      const numbered = await approve(open.slice(0, half))
      await hall.sql`UPDATE service_versions SET process = process - 'onComplete' WHERE service_code = 'enrolment-certificate'`
      const plain = await approve(open.slice(half))
      const after = loadavg()[0]!.toFixed(1)
      const s = describe(submitted)
      const a = describe(numbered)
      const b = describe(plain)
      console.log(`  ${size} node${size > 1 ? 's' : ' '}  submissions                 ${s.text}`)
      console.log(`           approvals, numbering        ${a.text}`)
      console.log(`           approvals, numbering none   ${b.text}  [load average ${before} → ${after}]`)
      rows.push({ nodes: size, submit: s.perSecond, numbered: a.perSecond, plain: b.perSecond })
    } finally {
      await hall.stop()
    }
  }
  const one = rows.find((r) => r.nodes === 1)
  if (one) {
    console.log('  ratio to one node:')
    for (const r of rows) {
      const ratio = (x: number, y: number) => (x / y).toFixed(2)
      console.log(
        `    ${r.nodes}: submissions ${ratio(r.submit, one.submit)}, approvals numbering ${ratio(r.numbered, one.numbered)}, numbering none ${ratio(r.plain, one.plain)}`,
      )
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchManyNodes()
