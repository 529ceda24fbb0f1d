import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, questions, samlRequests } from '../db/schema/index.ts'
import { loadEnv } from '../env.ts'
import { testApp } from '../test-support.ts'

// Floods (issue 13.1): each limited route meets 429 with Retry-After and the hall's bilingual
// error body after a burst of 300 requests from one client, while another client is served as
// usual. Statuses only, never times. In-process requests have no socket, so the client address
// comes from X-Forwarded-For under HALL_TRUST_PROXY=1 (what a reverse proxy writes); the real
// socket is covered in floods.socket.test.ts.

const ORIGIN = 'http://localhost:3000'
const FLOOD = 300
const student = '2023010101'
const classmate = '2023010102'

type Hall = Awaited<ReturnType<typeof testApp>>

interface Case {
  name: string
  /** Who floods and who is served meanwhile: a person (cookie) or only an address. */
  person: boolean
  env?: Record<string, string>
  request: (hall: Hall, ctx: { cookie?: string; questionId?: number }) => { path: string; init: RequestInit }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

// Every flood body is refused by the route's own validation once it passes the limit (400/401/404):
// the limit counts requests before anything else looks at them, so that is enough to meet it.
const cases: Case[] = [
  { name: 'GET /auth/login (login starts)', person: false, request: () => ({ path: '/auth/login', init: {} }) },
  {
    name: 'POST /auth/saml/acs',
    person: false,
    request: () => ({
      path: '/auth/saml/acs',
      init: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'SAMLResponse=bm90IHhtbA' },
    }),
  },
  { name: 'POST /api/applications (submit)', person: true, request: () => ({ path: '/api/applications', init: json({ serviceCode: 'undergrad-leave' }) }) },
  { name: 'POST /api/applications/{id}/resubmit', person: true, request: () => ({ path: '/api/applications/1/resubmit', init: json({}) }) },
  {
    name: 'POST /api/attachments (uploads)',
    person: true,
    request: () => ({ path: '/api/attachments', init: { method: 'POST', headers: { Origin: ORIGIN } } }),
  },
  { name: 'POST /api/questions (new questions)', person: true, request: () => ({ path: '/api/questions', init: json({}) }) },
  {
    name: 'POST /api/questions/{id}/messages (follow-ups)',
    person: true,
    request: (_h, { questionId }) => ({ path: `/api/questions/${questionId}/messages`, init: json({}) }),
  },
  { name: 'POST /api/data-errors', person: true, request: () => ({ path: '/api/data-errors', init: json({}) }) },
  // The rate of opening streams (each closed at once); the cap on open ones has its own test below.
  {
    name: 'GET /api/notifications/stream',
    person: true,
    env: { HALL_STREAMS_PER_PERSON: '1000' },
    request: () => ({ path: '/api/notifications/stream', init: {} }),
  },
]

async function send(hall: Hall, r: { path: string; init: RequestInit }, address: string, cookie?: string) {
  const headers = new Headers(r.init.headers)
  headers.set('X-Forwarded-For', address)
  if (cookie) headers.set('Cookie', cookie)
  const res = await hall.app.request(r.path, { ...r.init, headers })
  // A live stream that was let in: end it, as a browser leaving would.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel()
  return res
}

/** A question of `asker`, for the follow-up case. */
async function questionOf(hall: Hall, asker: string) {
  const now = hall.deps.now()
  return (
    await hall.deps.db
      .insert(questions)
      .values({
        askerCardNumber: asker,
        departmentCode: 'network-centre',
        title: '邮箱',
        body: '如何开通？',
        status: 'answered',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
  )[0]!.id
}

describe('a flood of 300 requests at each limited route', () => {
  it.each(cases)('$name: 429 with Retry-After for the flooder, the usual answer for another client', async (c) => {
    const hall = await testApp({ HALL_TRUST_PROXY: '1', ...c.env })
    const flooder = c.person ? await hall.loginAs(student) : undefined
    const other = c.person ? await hall.loginAs(classmate) : undefined
    const questionId = await questionOf(hall, student)
    const otherQuestionId = await questionOf(hall, classmate)
    const baseline = await send(hall, c.request(hall, { cookie: other, questionId: otherQuestionId }), '198.51.100.9', other)

    const statuses: number[] = []
    let refused: Response | undefined
    for (let i = 0; i < FLOOD; i++) {
      const res = await send(hall, c.request(hall, { cookie: flooder, questionId }), '203.0.113.7', flooder)
      statuses.push(res.status)
      if (res.status === 429) refused ??= res
    }
    expect(statuses.filter((s) => s === 429).length, `statuses: ${[...new Set(statuses)].join(', ')}`).toBeGreaterThan(FLOOD / 2)
    expect(statuses[0]).not.toBe(429)
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const text = await refused!.text()
    expect(text).toMatch(
      /Too many .* (from you in a short time|from your network address \(many people may share it\))\. Please wait \d+ (seconds|minutes) and try again/,
    )
    expect(text).toMatch(/(过于频繁|过多).*请 \d+ (秒|分钟)后再试/)

    // Another person, from another address, is served exactly as before the flood.
    const after = await send(hall, c.request(hall, { cookie: other, questionId: otherQuestionId }), '198.51.100.9', other)
    expect(after.status).toBe(baseline.status)
    expect(after.status).not.toBe(429)
    if (c.person) {
      // …and so is a neighbour behind the flooder's own NAT address: the flooder met their personal limit.
      const neighbour = await send(hall, c.request(hall, { cookie: other, questionId: otherQuestionId }), '203.0.113.7', other)
      expect(neighbour.status).toBe(baseline.status)
    }
  })

  it("refuses the JSON caller of /auth/login with the hall's error body in both languages", async () => {
    const hall = await testApp({ HALL_TRUST_PROXY: '1', HALL_RATE_LIMITS: 'login.address=2/60' })
    const r = { path: '/auth/login', init: { headers: { Accept: 'application/json' } } }
    await send(hall, r, '203.0.113.7')
    await send(hall, r, '203.0.113.7')
    const res = await send(hall, r, '203.0.113.7')
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    const body = (await res.json()) as { error: { code: string; message: string; messageZh: string } }
    expect(body.error.code).toBe('too_many_requests')
    expect(body.error.message).toMatch(/network address.*wait \d+ seconds/)
    expect(body.error.messageZh).toMatch(/网络地址.*\d+ 秒后再试/)
  })

  it("does not limit a staff member answering many questions (only the asker's follow-ups count)", async () => {
    const hall = await testApp({ HALL_TRUST_PROXY: '1' })
    const staff = await hall.loginAs('0017518') // 韩志刚, service owner of the Network Centre
    const ids: number[] = []
    for (let i = 0; i < 15; i++) ids.push(await questionOf(hall, student))
    for (const id of ids) {
      const res = await send(hall, { path: `/api/questions/${id}/messages`, init: json({ body: '已为你开通，请查收邮件。' }) }, '203.0.113.7', staff)
      expect(res.status).toBe(201)
    }
  })
})

describe('the client address behind a proxy', () => {
  it('without HALL_TRUST_PROXY, a flooder rotating X-Forwarded-For is one client and still limited', async () => {
    const hall = await testApp()
    const statuses: number[] = []
    for (let i = 0; i < FLOOD; i++) statuses.push((await send(hall, { path: '/auth/login', init: {} }, `10.${i >> 8}.${i & 255}.1`)).status)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(FLOOD / 2)
  })

  it('with HALL_TRUST_PROXY=1, distinct proxied clients are told apart, and a forged left part changes nothing', async () => {
    const hall = await testApp({ HALL_TRUST_PROXY: '1', HALL_RATE_LIMITS: 'login.address=5/60' })
    for (let i = 0; i < 20; i++) await send(hall, { path: '/auth/login', init: {} }, `10.9.9.${i}, 203.0.113.7`)
    // The proxy appended the address it saw (the rightmost): the forged ones before it are ignored.
    expect((await send(hall, { path: '/auth/login', init: {} }, '10.1.1.1, 203.0.113.7')).status).toBe(429)
    expect((await send(hall, { path: '/auth/login', init: {} }, '203.0.113.8')).status).toBe(302)
  })
})

describe('live-notification streams', () => {
  it('caps the streams one person holds, and one node serves, with a clear refusal; a closed one frees its place', async () => {
    const hall = await testApp({ HALL_STREAMS_PER_PERSON: '3', HALL_STREAMS_PER_NODE: '5' })
    const a = await hall.loginAs(student)
    const b = await hall.loginAs(classmate)
    const c = await hall.loginAs('2025010105')
    const open = (cookie: string) => hall.app.request('/api/notifications/stream', { headers: { Cookie: cookie } })
    const held: Response[] = []
    try {
      for (let i = 0; i < 3; i++) held.push(await open(a))
      expect(held.map((r) => r.status)).toEqual([200, 200, 200])

      const fourth = await open(a)
      expect(fourth.status).toBe(429)
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = (await fourth.json()) as { error: { code: string; message: string; messageZh: string } }
      expect(body.error.code).toBe('too_many_streams')
      expect(body.error.messageZh).toContain('标签页')

      for (let i = 0; i < 2; i++) held.push(await open(b))
      expect(held.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
      const busy = await open(c)
      expect(busy.status).toBe(503)
      expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('server_busy')
      expect(hall.guards.streams.count()).toBe(5)

      // The browser leaves one of a's tabs: its place is free again once the stream notices.
      await held.shift()!.body!.cancel()
      await expect.poll(() => hall.guards.streams.count(student), { timeout: 10_000 }).toBe(2)
      const again = await open(a)
      expect(again.status).toBe(200)
      held.push(again)
    } finally {
      await Promise.all(held.map(async (r) => r.body?.cancel()))
    }
  })
})

describe('login-start rows', () => {
  it('keep at most HALL_LOGIN_PENDING_MAX, the newest', async () => {
    const hall = await testApp({ HALL_LOGIN_PENDING_MAX: '100', HALL_RATE_LIMITS: 'login.address=100000/10' })
    const ids: string[] = []
    for (let i = 0; i < 150; i++) {
      const res = await hall.app.request('/auth/login')
      expect(res.status).toBe(302)
      const cookie = res.headers.get('set-cookie')!
      ids.push(/hall_login_([^=]+)=/.exec(cookie)![1]!)
    }
    const rows = await hall.deps.db.select({ id: samlRequests.id }).from(samlRequests)
    expect(rows).toHaveLength(100)
    const kept = new Set(rows.map((r) => r.id))
    expect(kept.has(ids[149]!)).toBe(true)
    expect(kept.has(ids[0]!)).toBe(false)
  })
})

describe('HALL_RATE_LIMITS', () => {
  it('overrides a default and names a wrong entry', () => {
    expect(loadEnv({ HALL_RATE_LIMITS: 'submit.person=5/60' }).rateLimits.submit.person).toEqual({ points: 5, seconds: 60 })
    expect(() => loadEnv({ HALL_RATE_LIMITS: 'submit.person=5/60,uplod.person=3/60' })).toThrow(/uplod\.person=3\/60.*the routes are/)
    expect(() => loadEnv({ HALL_RATE_LIMITS: 'login.person=5/60' })).toThrow(/per-address limit only/)
  })
})

describe('audit of a flood', () => {
  it('writes one 429 row per client and route per window, with the count', async () => {
    const hall = await testApp({ HALL_TRUST_PROXY: '1' })
    const flooder = await hall.loginAs(student)
    let refused = 0
    for (let i = 0; i < FLOOD; i++) {
      const res = await send(hall, { path: '/api/questions', init: json({}) }, '203.0.113.7', flooder)
      if (res.status === 429) refused++
    }
    await hall.guards.audit.flush()
    const rows = (
      await hall.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.actor, student)))
    ).filter((r) => r.detail.status === 429)
    expect(rows).toHaveLength(1)
    expect(rows[0]!).toMatchObject({ ip: '203.0.113.7', targetId: 'POST /api/questions', outcome: 'denied' })
    expect(rows[0]!.detail).toMatchObject({ count: refused, bucket: 'question', scope: 'person', code: 'too_many_requests' })

    // The next window starts a new row; the old one keeps its final count.
    hall.advance(61_000)
    await send(hall, { path: '/api/questions', init: json({}) }, '203.0.113.7', flooder)
    const after = (await hall.deps.db.select().from(auditLog).where(eq(auditLog.actor, student))).filter((r) => r.detail.status === 429)
    expect(after.map((r) => r.detail.count)).toEqual([refused, 1])
  })
})
