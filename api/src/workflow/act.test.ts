import { and, count, eq, ne } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { closeDb, isSqliteHandle } from '../db/client.ts'
import { applications, auditEvents, documentSequences, notifications, outbox, serviceVersions, tasks } from '../db/schema/index.ts'
import { HallError } from '../lib/errors.ts'
import { hall, leaveValues, who } from '../routes/applications/test-support.ts'
import { sharedDatabase, testApp } from '../test-support.ts'
import { act } from './act.ts'

// The engine's wiring: what one action stores, all of it or nothing.

const rowCounts = async (db: Awaited<ReturnType<typeof hall>>['deps']['db']) => ({
  applications: (await db.select({ n: count() }).from(applications))[0]!.n,
  tasks: (await db.select({ n: count() }).from(tasks))[0]!.n,
  audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
  outbox: (await db.select({ n: count() }).from(outbox))[0]!.n,
  notifications: (await db.select({ n: count() }).from(notifications))[0]!.n,
})

describe('act', () => {
  it('stores nothing when the engine refuses, or the version is stale', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = await h.taskOf(who.counsellor, id)
    const before = await rowCounts(h.deps.db)
    const refused = await h.act(who.counsellor, task.id, { action: 'reject', stateVersion: 1 })
    expect(refused.status).toBe(400)
    await expect(act(h.deps, { applicationId: id, expectedVersion: 0, actor: who.counsellor, action: { type: 'approve', taskId: 't2' } })).rejects.toThrow(
      HallError,
    )
    await expect(act(h.deps, { applicationId: id, expectedVersion: 1, actor: who.classmate, action: { type: 'approve', taskId: 't2' } })).rejects.toThrow(
      /not the current assignee/,
    )
    expect(await rowCounts(h.deps.db)).toEqual(before)
    expect((await h.deps.db.select({ v: applications.stateVersion }).from(applications).where(eq(applications.id, id)))[0]!.v).toBe(1)
  })

  it('two people acting on the same version at once: one change is stored, the other is told 409 and stores nothing', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const before = await rowCounts(h.deps.db)
    // The counsellor approves while the student withdraws, both from version 1 and in the same
    // tick: on PostgreSQL two transactions of the pool run side by side and one of them loses.
    const outcomes = await Promise.allSettled([
      act(h.deps, { applicationId: id, expectedVersion: 1, actor: who.counsellor, action: { type: 'approve', taskId: 't2' } }),
      act(h.deps, { applicationId: id, expectedVersion: 1, actor: who.student, action: { type: 'withdraw' } }),
    ])
    const stored = outcomes.filter((o) => o.status === 'fulfilled')
    const refused = outcomes.filter((o) => o.status === 'rejected')
    expect(stored).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'stale_version' })
    const won = (stored[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof act>>>).value
    expect(won.stateVersion).toBe(2)
    const app = (await h.deps.db.select().from(applications).where(eq(applications.id, id)))[0]!
    expect({ status: app.status, stateVersion: app.stateVersion }).toEqual({ status: won.status, stateVersion: 2 })
    // The history holds one of the two actions, not both.
    const history = await h.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.applicationId, id))
    expect(history.filter((e) => e.action === 'approved' || e.action === 'withdrawn')).toHaveLength(1)
    // And everything else the loser would have written (tasks, messages) is not there either.
    const after = await rowCounts(h.deps.db)
    expect(after.applications).toBe(before.applications)
    expect(after.audit).toBe(before.audit + 1)
  })

  it('writes one outbox row and one in-app notification per recipient of each message', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    // The applicant's own "submitted" message is checked in api/src/notifications/flow.test.ts.
    const rows = await h.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.applicationId, id), ne(outbox.kind, 'submitted')))
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'task_assigned',
        recipient: who.counsellor,
        deliveredAt: null,
        payload: expect.objectContaining({
          titleZh: expect.stringContaining('李明轩的本科生请销假'),
          link: expect.stringMatching(/^\/todo\/\d+$/),
          serviceCode: 'undergrad-leave',
        }),
      }),
    ])
    const bell = await h.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, who.counsellor))
    expect(bell).toEqual([expect.objectContaining({ kind: 'task_assigned', titleZh: rows[0]!.payload.titleZh, link: rows[0]!.payload.link, readAt: null })])
  })

  it('numbers a letter of introduction on completion, per sequence and year', async () => {
    const h = await hall()
    await h.setForm('intro-letter', null)
    const letters: string[] = []
    for (const applicant of [who.professor, who.colleague]) {
      const res = await h.submit(applicant, 'intro-letter', { purpose: '赴兄弟院校交流' })
      expect(res.status).toBe(201)
      // The head of a college is not on record: its party secretary reviews, then the President's Office.
      await h.approve(who.collegeSecretary, res.body.id)
      expect((await h.approve(who.presidentOffice, res.body.id)).status).toBe('completed')
      letters.push((await h.detail(applicant, res.body.id)).body.documentNumber)
    }
    expect(letters).toEqual(['明大介字〔2026〕1号', '明大介字〔2026〕2号'])
    // Submissions take reference numbers from a sequence of their own: the letters' is untouched by them.
    expect((await h.deps.db.select().from(documentSequences)).filter((s) => s.name !== 'reference-number')).toEqual([
      { name: 'intro-letter', year: 2026, next: 3 },
    ])
  })

  it('answers 422 with a message for the owners when a version has no process', async () => {
    const h = await hall()
    await h.deps.db.update(serviceVersions).set({ process: null }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2))
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('no_process')
    expect((await rowCounts(h.deps.db)).tasks).toBe(0)
  })
})

describe('durability', () => {
  // A submission the API acknowledged is stored, whatever happens to the node afterwards: on
  // SQLite the commit is in the file (synchronous=FULL), on PostgreSQL on the server. A new handle
  // on the database (as a restarted server opens) finds it.
  it('an acknowledged submit is committed: a new handle on the database finds it', async () => {
    const shared = await sharedDatabase({ seeded: true })
    const db = await shared.open()
    const { app, deps, loginAs } = await testApp({}, { db })
    await db.update(serviceVersions).set({ form: null }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))

    const res = await app.request('/api/applications', {
      method: 'POST',
      headers: { cookie: await loginAs(who.student), origin: deps.env.publicOrigin, 'content-type': 'application/json', 'idempotency-key': 'durable-0001' },
      body: JSON.stringify({ serviceCode: 'undergrad-leave', values: { days: 2 } }),
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    // The node goes away. On SQLite its writer closes without a checkpoint (the reader still has
    // the file open), so the write-ahead log holds the commit; on PostgreSQL its pool closes.
    if (isSqliteHandle(db)) db.$client.close()
    else await closeDb(db)

    const reopened = await shared.open()
    const stored = (await reopened.select().from(applications).where(eq(applications.id, id)))[0]
    expect(stored).toMatchObject({ id, status: 'in_review', stateVersion: 1, applicantCardNumber: who.student, formData: { days: 2 } })
    expect(await reopened.select().from(tasks).where(eq(tasks.applicationId, id))).toHaveLength(1)
  })
})
