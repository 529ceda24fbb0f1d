import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { login } from '../bench/login.ts'
import { startManyNodes, withCookie, type ManyNodes } from '../test-support.ts'

// Issue 15: two API processes on one PostgreSQL behind a round-robin proxy. A login whose steps
// land on both nodes holds on either; a reviewer's bell open on one node hears of an application
// submitted through the other; 50 concurrent approvals of one task over both nodes make one
// transition; and kill -9 of a node under a load of submissions loses nothing acknowledged and
// sends no message twice. Real processes, a real cluster, real HTTP (decision 016, item 4).

const STUDENT = '2023010101' // 李明轩, cs-2023-1
const LOADER = '2023010102' // 王梓涵, same class: the submissions of the load
const COUNSELLOR = '0017063' // 杜红梅, first reviewer of their leave
const RECORDS = '0010718' // a reviewer of Academic Affairs, which issues certificates of enrolment
const PUSH_SECRET = 'many-nodes-push-secret'

/** The campus app's push gateway, played by this process: every delivery id it was sent, in order. */
function pushGateway() {
  const received: string[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      received.push(req.headers['x-hall-delivery'] as string)
      res.writeHead(204).end()
      void body
    })
  })
  return {
    received,
    listen: () =>
      new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/push`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
/** A five-day personal leave of the student, starting next week: the counsellor, then the college's deputy secretary. */
const leave = {
  serviceCode: 'undergrad-leave',
  values: {
    name: '李明轩',
    phone: '13800002101',
    leaveType: 'personal',
    period: { start: day(7), end: day(11) },
    leavesCampus: false,
    reason: '回家处理家中事务，需离校数日',
    emergencyContact: '李建国',
    emergencyPhone: '13800009999',
    pledge: true,
    parentInformed: true,
    parentPhone: '13800009998',
  },
}
/** A certificate of enrolment: a service one may apply for several times at once (no "one in progress"). */
const certificate = { serviceCode: 'enrolment-certificate', values: { purpose: 'visa', language: 'zh', copies: 1, pledge: true, phone: '13800002102' } }

/** The bell's stream as a browser reads it: the next event of a name, or an error after `ms`. */
async function openBell(url: string, cookie: string) {
  const aborted = new AbortController()
  const res = await fetch(`${url}/api/notifications/stream`, { headers: { cookie, accept: 'text/event-stream' }, signal: aborted.signal })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  return {
    async next<T>(event: string, ms: number): Promise<T> {
      const until = Date.now() + ms
      for (;;) {
        const match = new RegExp(`event: ${event}\\ndata: (.*)\\n`).exec(buffered)
        if (match) {
          buffered = buffered.slice(match.index + match[0].length)
          return JSON.parse(match[1]!) as T
        }
        const left = until - Date.now()
        if (left <= 0) throw new Error(`no ${event} event within ${ms} ms`)
        let timer: ReturnType<typeof setTimeout> | undefined
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left)))])
        clearTimeout(timer)
        if (chunk?.done) throw new Error('the stream ended')
        if (chunk) buffered += decoder.decode(chunk.value)
      }
    },
    close: () => aborted.abort(),
  }
}

let hall: ManyNodes
const gateway = pushGateway()
const cookies: Record<string, string> = {}
beforeAll(async () => {
  const push = await gateway.listen()
  hall = await startManyNodes({
    nodes: 2,
    env: {
      HALL_PUSH_WEBHOOK_URL: push,
      HALL_PUSH_WEBHOOK_SECRET: PUSH_SECRET,
      // Quick passes, and a dead node's claims come free after the shortest claim allowed.
      HALL_NOTIFY_INTERVAL_MS: '200',
      HALL_NOTIFY_CLAIM_SECONDS: '5',
    },
  })
})
afterAll(async () => {
  // What the nodes logged as errors (a 500 is logged there with its cause), for a failing run.
  for (const node of hall?.nodes ?? []) {
    const errors = node
      .output()
      .split('\n')
      .filter((l) => /"level":(50|60)/.test(l))
    if (errors.length) console.error(`node ${node.index} logged:\n${errors.join('\n')}`)
  }
  await hall?.stop()
  await gateway.close()
})

describe('two API nodes on one PostgreSQL behind a round-robin proxy', () => {
  it('a login whose steps went to both nodes holds on either node', async () => {
    for (const card of [STUDENT, LOADER, COUNSELLOR]) cookies[card] = await login(hall.url, card)
    const steps = hall.routed.filter((r) => r.path.startsWith('/auth/'))
    // The login start, the IdP's fetch of our metadata (to check the request's signature with the
    // key both nodes share) and the ACS, three logins' worth, in turn over the two nodes.
    expect(new Set(steps.map((s) => s.node))).toEqual(new Set([0, 1]))
    for (const node of hall.nodes) {
      for (const card of [STUDENT, COUNSELLOR]) {
        const me = await withCookie(cookies[card]!, hall.origin)(`${node.url}/api/me`)
        expect(me.status).toBe(200)
        expect(await me.json()).toMatchObject({ cardNumber: card })
      }
    }
  })

  let application: { id: number; stateVersion: number }
  it('a reviewer’s bell open on node B hears of an application submitted through node A', async () => {
    const [a, b] = hall.nodes
    const bell = await openBell(b!.url, cookies[COUNSELLOR]!)
    try {
      const before = await bell.next<{ todo: number; version: string }>('tasks', 10_000)
      const res = await withCookie(cookies[STUDENT]!, hall.origin)(`${a!.url}/api/applications`, {
        method: 'POST',
        headers: { 'idempotency-key': 'many-nodes-leave' },
        body: JSON.stringify(leave),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      application = (await res.json()) as typeof application
      // Node B learns of it from the database (its change feed, or LISTEN/NOTIFY where built), not
      // from node A: generous, since the feed's period and a loaded machine both add up.
      const after = await bell.next<{ todo: number; version: string }>('tasks', 20_000)
      expect(after.todo).toBe(before.todo + 1)
      expect(after.version).not.toBe(before.version)
    } finally {
      bell.close()
    }
  })

  it('50 concurrent approvals of one task over both nodes make one transition; the others are told why', async () => {
    const [task] = await hall.sql<{ id: number }[]>`
      SELECT id FROM tasks WHERE application_id = ${application.id} AND assignee_card_number = ${COUNSELLOR} AND status = 'open'`
    expect(task).toBeDefined()
    const as = withCookie(cookies[COUNSELLOR]!, hall.origin)
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const res = await as(`${hall.nodes[i % 2]!.url}/api/tasks/${task!.id}/actions`, {
          method: 'POST',
          body: JSON.stringify({ action: 'approve', stateVersion: application.stateVersion, opinion: '同意' }),
        })
        return { status: res.status, body: (await res.json()) as { error?: { message?: string } } }
      }),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.error?.message).toBeTruthy()

    const approved = await hall.sql`SELECT 1 FROM audit_events WHERE application_id = ${application.id} AND action = 'approved'`
    expect(approved).toHaveLength(1)
    const open = await hall.sql<{ assignee: string }[]>`
      SELECT assignee_card_number AS assignee FROM tasks WHERE application_id = ${application.id} AND status = 'open'`
    expect(open).toHaveLength(1)
    expect(open[0]!.assignee).not.toBe(COUNSELLOR)
    const [row] = await hall.sql<{ v: number }[]>`SELECT state_version AS v FROM applications WHERE id = ${application.id}`
    expect(row!.v).toBe(application.stateVersion + 1)
  })

  it('40 approvals at once of 40 tasks of one reviewer over both nodes all go through, none a 500', async () => {
    // Certificates of enrolment go to one reviewer of Academic Affairs. Their numbering is taken out
    // of the process (as a service without certificates), so the approvals do not queue for the
    // hall-wide counter: each commit raises the reviewer's number in task_list_revisions at once.
    // With one row per person there, SERIALIZABLE failed later commits, and under the many-nodes
    // bench's sustained load some ran out of retries (500); this burst alone did not reproduce that
    // (decision 023). It holds that such approvals all go through and leave both nodes' lists right.
    const student = withCookie(cookies[STUDENT]!, hall.origin)
    for (let i = 0; i < 40; i++) {
      const res = await student(`${hall.nodes[i % 2]!.url}/api/applications`, {
        method: 'POST',
        headers: { 'idempotency-key': `many-nodes-certificate-${i}` },
        body: JSON.stringify({ ...certificate, values: { ...certificate.values, phone: '13800002101' } }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
    }
    const open = await hall.sql<{ id: number; v: number }[]>`
      SELECT t.id, a.state_version AS v FROM tasks t JOIN applications a ON a.id = t.application_id
      WHERE t.assignee_card_number = ${RECORDS} AND t.status = 'open' AND a.applicant_card_number = ${STUDENT} AND a.service_code = 'enrolment-certificate'`
    // The process as it was is put back after, for the tests that follow.
    const [process] = await hall.sql<{ id: number; onComplete: unknown }[]>`
      SELECT id, process->'onComplete' AS "onComplete" FROM service_versions WHERE service_code = 'enrolment-certificate' ORDER BY version DESC LIMIT 1`
    await hall.sql`UPDATE service_versions SET process = process - 'onComplete' WHERE id = ${process!.id}`
    onTestFinished(async () => {
      await hall.sql`UPDATE service_versions SET process = jsonb_set(process, '{onComplete}', ${JSON.stringify(process!.onComplete)}::jsonb) WHERE id = ${process!.id}`
    })
    expect(open).toHaveLength(40)
    const reviewer = withCookie(await login(hall.url, RECORDS), hall.origin)
    const answers = await Promise.all(
      open.map(async (task, i) => {
        const res = await reviewer(`${hall.nodes[i % 2]!.url}/api/tasks/${task.id}/actions`, {
          method: 'POST',
          body: JSON.stringify({ action: 'approve', stateVersion: task.v }),
        })
        return `${res.status} ${res.status === 200 ? '' : await res.text()}`.trim()
      }),
    )
    expect(answers).toEqual(open.map(() => '200'))
    // Its 待办, read through either node, has none of them left.
    for (const node of hall.nodes) {
      const todo = (await (await reviewer(`${node.url}/api/tasks?box=todo&pageSize=100`)).json()) as { items: Array<{ id: number }> }
      expect(todo.items.filter((t) => open.some((o) => o.id === t.id))).toEqual([])
    }
  })

  it('kill -9 of a node under a load of submissions: each acknowledged one exists once, and no message is sent twice', async () => {
    const as = withCookie(cookies[LOADER]!, hall.origin)
    const [{ before } = { before: 0 }] = await hall.sql<{ before: number }[]>`SELECT coalesce(max(id), 0)::int AS before FROM applications`
    const acknowledged: { key: string; id: number }[] = []
    const refused: string[] = []
    let retried = 0
    let loading = true
    /** One client: submits, and on a connection error or a 502 sends the same request again with the same key. */
    const client = async (c: number) => {
      for (let n = 0; loading; n++) {
        const key = `many-nodes-load-${c}-${n}`
        for (let attempt = 1; ; attempt++) {
          const res = await as(`${hall.url}/api/applications`, {
            method: 'POST',
            headers: { 'idempotency-key': key },
            body: JSON.stringify(certificate),
          }).catch(() => null)
          if (res && res.status !== 502) {
            const body = (await res.json()) as { id: number }
            if (res.status === 201) acknowledged.push({ key, id: body.id })
            else refused.push(`${res.status} ${JSON.stringify(body)}`)
            break
          }
          if (attempt === 20) {
            refused.push(`${key}: no node answered`)
            break
          }
          retried++
        }
      }
    }
    const clients = Array.from({ length: 6 }, (_, c) => client(c))
    while (acknowledged.length < 20 && refused.length === 0) await new Promise((r) => setTimeout(r, 20))
    await hall.nodes[1]!.kill()
    const atKill = acknowledged.length
    while (acknowledged.length < atKill + 20 && refused.length === 0) await new Promise((r) => setTimeout(r, 20))
    loading = false
    await Promise.all(clients)

    expect(refused).toEqual([])
    // The kill fell inside the load: requests sent to the dead node were sent again.
    expect(retried).toBeGreaterThan(0)
    const made = await hall.sql<{ id: number }[]>`
      SELECT id FROM applications WHERE id > ${before} AND applicant_card_number = ${LOADER} ORDER BY id`
    const keys = await hall.sql<{ key: string; id: number }[]>`
      SELECT key, (response->>'id')::int AS id FROM idempotency_keys WHERE card_number = ${LOADER} AND key LIKE 'many-nodes-load-%'`
    // Every application made has its key, and one key made one application.
    expect(made.map((m) => m.id).sort((x, y) => x - y)).toEqual(keys.map((k) => k.id).sort((x, y) => x - y))
    const byKey = new Map(keys.map((k) => [k.key, k.id]))
    expect(new Set(acknowledged.map((a) => a.id)).size).toBe(acknowledged.length)
    for (const a of acknowledged) expect(byKey.get(a.key), a.key).toBe(a.id)

    // Every message is handed to its channels and sent: a dead node's claims come free after 5 s.
    const until = Date.now() + 40_000
    for (;;) {
      const [left] = await hall.sql<{ n: number }[]>`
        SELECT (SELECT count(*) FROM outbox WHERE delivered_at IS NULL) + (SELECT count(*) FROM notification_deliveries WHERE status <> 'sent') AS n`
      if (Number(left!.n) === 0) break
      if (Date.now() > until) throw new Error(`${left!.n} messages still undelivered`)
      await new Promise((r) => setTimeout(r, 250))
    }
    const doubled = await hall.sql`SELECT outbox_id, channel FROM notification_deliveries GROUP BY outbox_id, channel HAVING count(*) > 1`
    expect(doubled).toEqual([])
    const pushes = await hall.sql<{ id: number; attempts: number }[]>`SELECT id, attempts FROM notification_deliveries WHERE channel = 'push'`
    const times = new Map<string, number>()
    for (const id of gateway.received) times.set(id, (times.get(id) ?? 0) + 1)
    for (const p of pushes) {
      const sent = times.get(String(p.id)) ?? 0
      expect(sent, `push delivery ${p.id}`).toBeGreaterThan(0)
      // A repeat is allowed only after a crash between the send and its record (at least once on
      // the wire, with the same id for the receiver to drop): then the delivery was claimed again.
      if (sent > 1) expect(p.attempts, `push delivery ${p.id} sent ${sent} times`).toBeGreaterThan(1)
    }
    expect(pushes.length).toBeGreaterThan(acknowledged.length)
  })
})
