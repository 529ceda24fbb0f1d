import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { outbox, people } from '../db/schema/index.ts'
import { notificationDeliveries } from '../db/schema/index.ts'
import { loadEnv } from '../env.ts'
import { hall as applicationsHall, leaveValues, who } from '../routes/applications/test-support.ts'
import { emailChannel } from './channels/email.ts'
import { PermanentFailure, type Channel, type OutgoingDelivery } from './channels/types.ts'
import { webhookChannel } from './channels/webhook.ts'
import { startSmtpCatcher } from './smtp-catcher.ts'
import { CrashForTest, backoffMs, createDeliveryWorker } from './worker.ts'

// The delivery worker over real channels: a local HTTP server standing for the campus app's push
// gateway (checking the signature as the README documents it, and dropping repeats by delivery
// id as the scheme asks), and the embedded SMTP catcher for e-mail.

const SECRET = 'test-push-secret-0123456789'
const CLAIM_MS = 60_000
const env = {
  HALL_PUSH_WEBHOOK_URL: 'http://127.0.0.1:9/push',
  HALL_PUSH_WEBHOOK_SECRET: SECRET,
  HALL_NOTIFY_CLAIM_SECONDS: String(CLAIM_MS / 1000),
  HALL_NOTIFY_MAX_ATTEMPTS: '3',
  HALL_NOTIFY_BACKOFF_MS: '1000',
}

interface Received {
  raw: string
  deliveryId: string
  body: Record<string, any>
  signature: string
  signatureValid: boolean
  timestamp: string
}

/** A push gateway: verifies each request per the documented scheme and answers `status()`. */
async function gateway(status: () => number = () => 200) {
  const received: Received[] = []
  // The handler is async; a failure in it answers 500 (the worker retries) instead of leaving a
  // rejected promise that createServer would ignore.
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const timestamp = String(req.headers['x-hall-timestamp'] ?? '')
    const given = String(req.headers['x-hall-signature'] ?? '')
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`
    const signatureValid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    received.push({ raw, deliveryId: String(req.headers['x-hall-delivery'] ?? ''), body: JSON.parse(raw), signature: given, signatureValid, timestamp })
    res.writeHead(status()).end()
  }
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`
  closers.push(() => new Promise<void>((r) => server.close(() => r())))
  return {
    url,
    received,
    /** What the person sees: one message per delivery id, repeats dropped. */
    distinct: () => new Map(received.map((r) => [r.deliveryId, r.body])),
  }
}

/** The applications tests' hall, configured with `overrides` (the app reads `deps.env` on every request). */
async function hall(overrides: Record<string, string>) {
  const h = await applicationsHall()
  Object.assign(h.deps.env, loadEnv({ NODE_ENV: 'test', HALL_DATA_DIR: h.deps.env.dataDir, HALL_LOG_LEVEL: 'silent', ...overrides }))
  return h
}

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

/** A channel that records what it was given (for fan-out and preferences). */
function recorder(name: 'email' | 'push'): Channel & { sent: OutgoingDelivery[] } {
  const sent: OutgoingDelivery[] = []
  return { name, sent, send: async (d) => void sent.push(d) }
}

const deliveries = async (h: Awaited<ReturnType<typeof hall>>) => await h.deps.db.select().from(notificationDeliveries)

describe('the delivery worker', () => {
  it('fans each message out to the channels the recipient allows, once per channel even with two workers at once', async () => {
    const h = await hall(env)
    // The student wants no e-mail about their own submission.
    const put = await h.call(who.student, 'PUT', '/api/notifications/preferences', { channels: { submitted: { email: false } } })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    await h.leave(who.student, 5)
    const email = recorder('email')
    const push = recorder('push')
    const a = createDeliveryWorker(h.deps, [email, push], { id: 'node-a' })
    const b = createDeliveryWorker(h.deps, [email, push], { id: 'node-b' })
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()])

    const rows = await h.deps.db.select().from(outbox)
    expect(rows.map((r) => r.kind).sort()).toEqual(['submitted', 'task_assigned'])
    expect(rows.every((r) => r.deliveredAt !== null)).toBe(true)
    const key = (d: OutgoingDelivery) => `${d.recipient} ${d.kind}`
    expect(email.sent.map(key)).toEqual([`${who.counsellor} task_assigned`])
    expect(push.sent.map(key).sort()).toEqual([`${who.student} submitted`, `${who.counsellor} task_assigned`].sort())
    expect((await deliveries(h)).every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true)
    // A later pass finds nothing to do.
    expect(await a.runOnce()).toEqual({ fannedOut: 0, sent: 0, failed: 0, parked: 0 })
  })

  it('signs each push with HMAC-SHA256 over "timestamp.body", as the README documents', async () => {
    const gw = await gateway()
    const h = await hall({ ...env, HALL_PUSH_WEBHOOK_URL: gw.url })
    const id = await h.leave(who.student, 5)
    const worker = createDeliveryWorker(h.deps, [webhookChannel(h.deps.env.pushWebhook!, h.deps.now)])
    expect((await worker.runOnce()).sent).toBe(2)
    expect(gw.received).toHaveLength(2)
    for (const r of gw.received) {
      expect(r.signatureValid).toBe(true)
      expect(Number(r.timestamp)).toBe(Math.floor(h.deps.now().getTime() / 1000))
      expect(r.body.id).toBe(r.deliveryId)
      // The check can fail: another secret, another timestamp or another body gives another signature.
      const sign = (secret: string, ts: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`
      expect(sign(SECRET, r.timestamp, r.raw)).toBe(r.signature)
      expect(sign('another-secret-0123456789', r.timestamp, r.raw)).not.toBe(r.signature)
      expect(sign(SECRET, String(Number(r.timestamp) + 1), r.raw)).not.toBe(r.signature)
      expect(sign(SECRET, r.timestamp, `${r.raw} `)).not.toBe(r.signature)
    }
    const toStudent = gw.received.find((r) => r.body.recipient === who.student)!.body
    expect(toStudent).toMatchObject({ kind: 'submitted', language: 'zh-CN', url: `${h.deps.env.publicUrl}/my/${id}`, applicationId: id })
    expect(toStudent.title).toContain('已提交')
  })

  it('a worker killed after the gateway took a message but before it recorded so: the message is neither lost nor seen twice', async () => {
    const gw = await gateway()
    const h = await hall({ ...env, HALL_PUSH_WEBHOOK_URL: gw.url })
    await h.leave(who.student, 5)
    const channel = webhookChannel(h.deps.env.pushWebhook!, h.deps.now)
    const dying = createDeliveryWorker(h.deps, [channel], {
      id: 'dying',
      afterSend: () => {
        throw new CrashForTest('killed between delivery and marking')
      },
    })
    await expect(dying.runOnce()).rejects.toThrow(CrashForTest)
    expect(gw.received).toHaveLength(1)
    expect((await deliveries(h)).map((d) => [d.status, d.claimedBy])).toEqual([
      ['pending', 'dying'],
      ['pending', 'dying'],
    ])

    // Another node does not touch the dead worker's rows while its claim lasts…
    const survivor = createDeliveryWorker(h.deps, [channel], { id: 'survivor' })
    expect((await survivor.runOnce()).sent).toBe(0)
    // …and takes them once it expired.
    h.advance(CLAIM_MS + 1)
    expect((await survivor.runOnce()).sent).toBe(2)
    expect((await deliveries(h)).every((d) => d.status === 'sent' && d.claimedBy === null)).toBe(true)

    // The message the gateway had already taken came again with the same delivery id and body: it
    // drops the repeat, so each person sees each message exactly once. Nothing was lost.
    const ids = (await deliveries(h)).map((d) => String(d.id))
    expect([...gw.distinct().keys()].sort()).toEqual(ids.sort())
    const first = gw.received[0]!
    const repeats = gw.received.filter((r) => r.deliveryId === first.deliveryId)
    expect(repeats).toHaveLength(2)
    expect(repeats[1]!.body).toEqual(first.body)
  })

  it('a worker killed before sending: the message is sent once, by another worker, after the claim expires', async () => {
    const gw = await gateway()
    const h = await hall({ ...env, HALL_PUSH_WEBHOOK_URL: gw.url })
    await h.leave(who.student, 5)
    const real = webhookChannel(h.deps.env.pushWebhook!, h.deps.now)
    const dies: Channel = {
      name: 'push',
      send: async () => {
        throw new CrashForTest('killed before sending')
      },
    }
    await expect(createDeliveryWorker(h.deps, [dies], { id: 'dying' }).runOnce()).rejects.toThrow(CrashForTest)
    expect(gw.received).toHaveLength(0)
    h.advance(CLAIM_MS + 1)
    await createDeliveryWorker(h.deps, [real], { id: 'survivor' }).runOnce()
    expect(gw.received).toHaveLength(2)
    expect(gw.distinct().size).toBe(2)
  })

  it('retries a failing gateway with exponential backoff, parks it after the last attempt, and an administrator sends it again', async () => {
    let status = 503
    const gw = await gateway(() => status)
    const h = await hall({ ...env, HALL_PUSH_WEBHOOK_URL: gw.url })
    await h.submit(who.student, 'undergrad-leave', leaveValues(5))
    // Only the student's message, to follow one delivery.
    await h.deps.db.delete(outbox).where(eq(outbox.kind, 'task_assigned'))
    const worker = createDeliveryWorker(h.deps, [webhookChannel(h.deps.env.pushWebhook!, h.deps.now)])

    expect(await worker.runOnce()).toMatchObject({ failed: 1, parked: 0 })
    let [d] = await deliveries(h)
    expect(d).toMatchObject({ status: 'pending', attempts: 1 })
    expect(d!.nextAttemptAt.getTime() - h.deps.now().getTime()).toBe(backoffMs(1000, 1))
    expect(d!.lastError).toContain('503')

    // Not due yet: nothing is tried.
    expect(await worker.runOnce()).toMatchObject({ failed: 0, parked: 0, sent: 0 })
    h.advance(1000)
    expect(await worker.runOnce()).toMatchObject({ failed: 1 })
    ;[d] = await deliveries(h)
    expect(d!.nextAttemptAt.getTime() - h.deps.now().getTime()).toBe(2000)
    h.advance(2000)
    expect(await worker.runOnce()).toMatchObject({ parked: 1 })
    ;[d] = await deliveries(h)
    expect(d).toMatchObject({ status: 'parked', attempts: 3 })
    expect(gw.received).toHaveLength(3)
    h.advance(3_600_000)
    expect((await worker.runOnce()).sent).toBe(0)

    // The administrator sees it, and sends it again once the gateway is back.
    const list = await h.get(who.admin, '/api/admin/notifications/deliveries')
    expect(list.status).toBe(200)
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).toMatchObject({ id: d!.id, channel: 'push', recipient: who.student, kind: 'submitted', status: 'parked', attempts: 3 })
    expect((await h.get(who.counsellor, '/api/admin/notifications/deliveries')).status).toBe(403)
    status = 200
    const retry = await h.post(who.admin, `/api/admin/notifications/deliveries/${d!.id}/retry`, {})
    expect(retry.status, JSON.stringify(retry.body)).toBe(200)
    expect(retry.body).toMatchObject({ status: 'pending', attempts: 0 })
    expect((await h.post(who.admin, `/api/admin/notifications/deliveries/${d!.id}/retry`, {})).status).toBe(409)
    expect((await h.post(who.admin, '/api/admin/notifications/deliveries/999999/retry', {})).status).toBe(404)
    expect((await worker.runOnce()).sent).toBe(1)
    expect((await deliveries(h))[0]).toMatchObject({ status: 'sent', attempts: 1 })
    expect(gw.distinct().size).toBe(1)
  })

  it('parks at once what no retry can mend (no e-mail address)', async () => {
    const h = await hall(env)
    await h.deps.db.update(people).set({ email: '' }).where(eq(people.cardNumber, who.student))
    await h.leave(who.student, 5)
    const failing: Channel = {
      name: 'email',
      send: async (d) => {
        if (!d.email) throw new PermanentFailure('no address')
      },
    }
    expect(await createDeliveryWorker(h.deps, [failing]).runOnce()).toMatchObject({ sent: 1, parked: 1 })
  })
})

describe('e-mail through the embedded SMTP catcher', () => {
  it('sends an HTML and a text part in the recipient’s language, and /dev/mail shows it once even if sent twice', async () => {
    const h = await hall({ HALL_NOTIFY_CLAIM_SECONDS: env.HALL_NOTIFY_CLAIM_SECONDS })
    const catcher = await startSmtpCatcher({ dataDir: h.deps.env.dataDir, port: 0, log: h.deps.log })
    closers.push(() => catcher.close())
    const email = emailChannel(h.deps.env, { host: '127.0.0.1', port: catcher.port, secure: false, plain: true })
    // The counsellor reads the hall in English (stored when they switch language).
    expect((await h.call(who.counsellor, 'PUT', '/api/notifications/preferences', { language: 'en' })).status).toBe(200)
    const id = await h.leave(who.student, 5)

    const once = createDeliveryWorker(h.deps, [email], {
      afterSend: () => {
        throw new CrashForTest('killed after the SMTP server took it')
      },
    })
    await expect(once.runOnce()).rejects.toThrow(CrashForTest)
    h.advance(CLAIM_MS + 1)
    expect((await createDeliveryWorker(h.deps, [email]).runOnce()).sent).toBe(2)

    // The mailbox is an administrator's: anyone else is refused it.
    expect((await h.app.request('/dev/mail/messages.json')).status).toBe(401)
    expect((await h.get(who.student, '/dev/mail/messages.json')).status).toBe(403)
    const res = await h.get<{ items: Array<Record<string, string>> }>(who.admin, '/dev/mail/messages.json')
    expect(res.status).toBe(200)
    const { items } = res.body
    expect(items).toHaveLength(2)
    const addresses = Object.fromEntries((await h.deps.db.select({ card: people.cardNumber, email: people.email }).from(people)).map((p) => [p.card, p.email]))
    const toStudent = items.find((m) => m.to === addresses[who.student])!
    const toCounsellor = items.find((m) => m.to === addresses[who.counsellor])!
    expect(toStudent.subject).toContain('已提交')
    expect(toStudent.language).toBe('zh-CN')
    expect(toStudent.text).toContain(`${h.deps.env.publicUrl}/my/${id}`)
    expect(toStudent.html).toContain(`href="${h.deps.env.publicUrl}/my/${id}"`)
    expect(toCounsellor.subject).toMatch(/^New task: /)
    expect(toCounsellor.language).toBe('en')
    expect(toCounsellor.html).toContain('Open in the hall')

    const admin = await h.loginAs(who.admin)
    const page = await h.app.request(`/dev/mail/${toStudent.id}`, { headers: { cookie: admin, accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('已提交')
    // A browser without a session is sent to log in; a student's gets a refusal, not the mail.
    const anonymous = await h.app.request(`/dev/mail/${toStudent.id}`, { headers: { accept: 'text/html' } })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toBe(`/auth/login?returnTo=${encodeURIComponent(`/dev/mail/${toStudent.id}`)}`)
    const student = await h.app.request(`/dev/mail/${toStudent.id}`, { headers: { cookie: await h.loginAs(who.student), accept: 'text/html' } })
    expect(student.status).toBe(403)
    expect(await student.text()).not.toContain('已提交')
  })

  it('the development mailbox does not exist in production', async () => {
    const h = await hall({ NODE_ENV: 'production', HALL_PUBLIC_URL: 'https://hall.example.edu', HALL_IDP_METADATA: '/etc/hall/idp.xml' })
    expect((await h.app.request('/dev/mail')).status).toBe(404)
    expect((await h.app.request('/dev/mail/messages.json')).status).toBe(404)
  })
})

describe('configuration of the channels', () => {
  it('refuses a push gateway without a secret, and SMTP credentials given by halves', () => {
    expect(() => loadEnv({ HALL_PUSH_WEBHOOK_URL: 'https://push.example.edu/hook' })).toThrow(/HALL_PUSH_WEBHOOK_SECRET/)
    expect(() => loadEnv({ HALL_PUSH_WEBHOOK_URL: 'https://push.example.edu/hook', HALL_PUSH_WEBHOOK_SECRET: 'short' })).toThrow(/at least 16/)
    expect(() => loadEnv({ HALL_SMTP_HOST: 'smtp.example.edu', HALL_SMTP_USER: 'hall' })).toThrow(/HALL_SMTP_PASS/)
  })

  it('runs the development catcher only outside production and without an SMTP host', () => {
    expect(loadEnv({}).smtp.catcher).toBe(true)
    expect(loadEnv({ HALL_SMTP_HOST: 'smtp.example.edu' }).smtp.catcher).toBe(false)
    expect(loadEnv({ NODE_ENV: 'production', HALL_PUBLIC_URL: 'https://hall.example.edu', HALL_IDP_METADATA: '/x.xml' }).smtp.catcher).toBe(false)
  })
})
