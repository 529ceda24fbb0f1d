import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listenerOf, transaction } from '../db/client.ts'
import { notificationDeliveries, outbox, serviceVersions } from '../db/schema/index.ts'
import type { Deps } from '../lib/context.ts'
import { HOUR, who } from '../routes/applications/test-support.ts'
import { sharedDatabase, testApp, testDeps } from '../test-support.ts'
import type { Channel, OutgoingDelivery } from './channels/types.ts'
import { enqueueNotification } from './enqueue.ts'
import { BELL_CHANNEL, bellChanged, bellPayloads } from './feed.ts'
import { streamsOnASubmissionThroughB } from './stream-test-support.ts'
import { createDeliveryWorker } from './worker.ts'
import { submitIn } from '../workflow/act.ts'
import { scanDeadlines } from '../workflow/deadlines.ts'
import { applicantFacts } from '../workflow/organisation.ts'

// Several API nodes on one PostgreSQL database (decision 016, item 4): each node has its own pool,
// as two processes would, and their background workers run at the same moment. On SQLite the
// same tests run with both nodes on one handle (test-support's `sharedDatabase` says why).

describe('two nodes on one database', () => {
  it('two delivery workers draining one outbox together send each message once, without serialisation retries', async () => {
    const shared = await sharedDatabase({ seeded: false, concurrent: true })
    let retries = 0
    const onRetry = () => void retries++
    // Small batches: many claims by each node, so that they meet.
    const env = { HALL_NOTIFY_BATCH: '5', HALL_NOTIFY_CLAIM_SECONDS: '600' }
    const a = await testDeps(env, { db: await shared.open({ onRetry }) })
    const b = await testDeps(env, { db: await shared.open({ onRetry }) })
    const messages = 120
    await transaction(a.deps.db, async (tx) => {
      for (let i = 0; i < messages; i++) {
        await enqueueNotification(tx, { recipient: `p${i % 7}`, kind: 'submitted', titleZh: `第 ${i} 条`, titleEn: `Message ${i}`, link: null }, a.deps.now())
      }
    })
    const sent: OutgoingDelivery[] = []
    // One push gateway for both nodes; it takes a moment per message, as a real one would.
    const push: Channel = {
      name: 'push',
      send: async (d) => {
        await new Promise((resolve) => setImmediate(resolve))
        sent.push(d)
      },
    }
    const workers = [createDeliveryWorker(a.deps, [push], { id: 'node-a' }), createDeliveryWorker(b.deps, [push], { id: 'node-b' })]
    // Each node drains until a pass of its own finds nothing; the other node's rows in flight
    // are that node's to finish.
    const drain = async (w: (typeof workers)[number]) => {
      for (;;) {
        const r = await w.runOnce()
        if (r.fannedOut === 0 && r.sent === 0 && r.failed === 0 && r.parked === 0) return
      }
    }
    await Promise.all(workers.map(drain))

    expect(sent.length).toBe(messages)
    expect(new Set(sent.map((d) => d.outboxId)).size).toBe(messages)
    const rows = await a.deps.db.select().from(notificationDeliveries)
    expect(rows.length).toBe(messages)
    expect(rows.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true)
    expect((await a.deps.db.select().from(outbox)).every((r) => r.deliveredAt !== null)).toBe(true)
    // PostgreSQL: claims that skip each other's locked rows never make the other node's
    // transaction fail and run again (conditional UPDATEs at SERIALIZABLE did, over and over).
    expect(retries).toBe(0)
  })

  it('two deadline scans at once send each reminder and each overdue notice once, without serialisation retries', async () => {
    const shared = await sharedDatabase({ seeded: true, concurrent: true })
    let retries = 0
    const onRetry = () => void retries++
    const t = await testDeps({}, { db: await shared.open({ onRetry }) })
    const nodeA = t.deps
    const nodeB: Deps = { ...t.deps, db: await shared.open({ onRetry }) }
    // No form: this is about deadlines, not form validation.
    await transaction(nodeA.db, async (tx) => tx.update(serviceVersions).set({ form: null }).where(eq(serviceVersions.serviceCode, 'undergrad-leave')))
    const version = (await nodeA.db.select().from(serviceVersions).where(eq(serviceVersions.serviceCode, 'undergrad-leave')))[0]!
    const students = [who.student, who.classmate, who.junior, who.junior2]
    for (const card of students) {
      await transaction(nodeA.db, async (tx) =>
        submitIn(tx, nodeA, {
          serviceVersionId: version.id,
          serviceCode: 'undergrad-leave',
          applicant: (await applicantFacts(tx, card))!,
          values: { days: 5 },
        }),
      )
    }
    // Friday 16:00, every counsellor task near its deadline (deadlines.test.ts tells the calendar);
    // then Monday 10:30, all overdue. Both nodes scan at the same moment, each time.
    t.advance(6 * HOUR)
    const near = await Promise.all([scanDeadlines(nodeA), scanDeadlines(nodeB)])
    t.advance(3 * 24 * HOUR - 5 * HOUR + 30 * 60_000)
    const overdue = await Promise.all([scanDeadlines(nodeA), scanDeadlines(nodeB)])

    expect(near.reduce((n, r) => n + r.reminded, 0)).toBe(students.length)
    expect(overdue.reduce((n, r) => n + r.overdue, 0)).toBe(students.length)
    expect([...near, ...overdue].every((r) => r.failed === 0)).toBe(true)
    const count = async (kind: string) => (await nodeA.db.select().from(outbox).where(eq(outbox.kind, kind))).length
    expect({ near: await count('deadline_near'), overdue: await count('overdue') }).toEqual({ near: students.length, overdue: students.length })
    // A task the other node is handling is passed over at once (SKIP LOCKED). These transactions
    // stay SERIALIZABLE (the overdue notice runs the engine), so one may still run again now and
    // then: a claim committed between its snapshot and its lock, or the predicate locks of an
    // index page shared by two tasks. The conditional UPDATE alone waited for the other node and
    // then failed, about once per task (6 retries for these 8 claims).
    expect(retries).toBeLessThan(students.length)
  })

  it('a stream open on one node hears of a change written through another node', async () => {
    const shared = await sharedDatabase({ seeded: true, concurrent: true })
    const nodeA = await testApp({}, { db: await shared.open() })
    const nodeB = await testApp({}, { db: await shared.open() })
    // Node A's feed is not poked (the request goes to B): on PostgreSQL it hears B's NOTIFY; its
    // own look at the database comes every 30 s only (every second on SQLite), and each stream's
    // re-check 15 s after it opened at the earliest, after the bound below.
    const { counsellor, student, before, unreadBefore } = await streamsOnASubmissionThroughB(nodeA, nodeB, 'bell-second-node')
    const after = await counsellor.nextWithin<{ todo: number; version: string }>('tasks', 10_000)
    expect(after.todo).toBe(before.todo + 1)
    expect((await student.nextWithin<{ count: number }>('unread', 10_000)).count).toBe(unreadBefore.count + 1)

    // Marked read through node B: the student's stream on A follows.
    const read = await nodeB.app.request('/api/notifications/read-all', {
      method: 'POST',
      headers: { cookie: await nodeB.loginAs(who.student), origin: nodeB.deps.env.publicOrigin },
    })
    expect(read.status, await read.clone().text()).toBe(200)
    expect((await student.nextWithin<{ count: number }>('unread', 10_000)).count).toBe(0)
    await counsellor.close()
    await student.close()
  })

  it('tells the bell of more people than one notification can carry, in several', async () => {
    const db = await (await sharedDatabase({ seeded: false, concurrent: true })).open()
    const cards = Array.from({ length: 3000 }, (_, i) => `card-${String(i).padStart(6, '0')}`)
    const payloads = bellPayloads({ unread: cards, importmap: true })
    // PostgreSQL refuses a payload of 8000 bytes or more (and with it the writer's transaction).
    expect(payloads.length).toBeGreaterThan(2)
    expect(payloads.every((p) => Buffer.byteLength(p) < 8000)).toBe(true)
    // On PostgreSQL, what a listener hears when the transaction commits (SQLite has no listener).
    const listen = listenerOf(db)
    const heard = new Set<string>()
    let everyone = false
    let allHeard!: () => void
    const done = new Promise<void>((resolve) => (allHeard = resolve))
    await listen?.(
      BELL_CHANNEL,
      (payload) => {
        const p = JSON.parse(payload) as { unread?: string[]; everyone?: string[] }
        for (const card of p.unread ?? []) heard.add(card)
        everyone ||= p.everyone?.includes('importmap') ?? false
        if (heard.size === cards.length && everyone) allHeard()
      },
      () => {},
    )
    await transaction(db, (tx) => bellChanged(tx, { unread: cards, importmap: true }))
    if (listen) await done
  })
})
