import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { transaction } from '../db/client.ts'
import { applications, auditEvents, notifications, outbox, serviceVersions, tasks } from '../db/schema/index.ts'
import type { Deps } from '../lib/context.ts'
import { sharedDatabase, testDeps } from '../test-support.ts'
import { hall, HOUR, who } from '../routes/applications/test-support.ts'
import { act, submitIn } from './act.ts'
import { findDueTasks, remindTask, scanDeadlines, timeoutTask } from './deadlines.ts'
import { applicantFacts } from './organisation.ts'

// The deadline scan: a reminder before a task falls due, the overdue notice and the escalation
// after, each exactly once, even with two nodes scanning the same database at the same moment.
//
// The test clock starts on Friday 27 November 2026 at 10:00 Beijing time. The counsellor's step of
// undergraduate leave has 7 working hours and escalates to the college's deputy party secretary:
// a leave submitted then is due on Monday 30 November at 10:00 (Friday 10:00–17:30 is 6 h, Monday
// 08:30–10:00 the 7th). The reminder goes 3.5 working hours before: from Friday 15:30.

type Db = Deps['db']
const rows = async (db: Db, kind: string) => await db.select().from(outbox).where(eq(outbox.kind, kind))

describe('the deadline scan', () => {
  it('reminds the assignee once when the deadline is near, and not before', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = (await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id)))[0]!
    expect(task.dueAt?.toISOString()).toBe('2026-11-30T02:00:00.000Z')

    h.advance(5 * HOUR) // Friday 15:00: 4 working hours left
    expect(await scanDeadlines(h.deps)).toEqual({ reminded: 0, overdue: 0, failed: 0 })
    h.advance(1 * HOUR) // Friday 16:00: 3 working hours left
    expect(await scanDeadlines(h.deps)).toEqual({ reminded: 1, overdue: 0, failed: 0 })
    expect(await rows(h.deps.db, 'deadline_near')).toEqual([
      expect.objectContaining({
        recipient: who.counsellor,
        applicationId: id,
        taskId: task.id,
        payload: expect.objectContaining({ link: `/todo/${task.id}` }),
      }),
    ])
    // The bell has it too (enqueueNotification writes both).
    const bell = await h.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientCardNumber, who.counsellor), eq(notifications.kind, 'deadline_near')))
    expect(bell).toHaveLength(1)
    // The reminder names the application's reference number like every other message of it.
    const ref = (await h.deps.db.select({ n: applications.referenceNumber }).from(applications).where(eq(applications.id, id)))[0]!.n!
    expect(bell[0]!.titleZh.endsWith(`（${ref}）`)).toBe(true)
    expect((await rows(h.deps.db, 'deadline_near'))[0]!.payload.referenceNumber).toBe(ref)
    expect(bell[0]!.titleZh).toMatch(/即将到期/)
    expect((await rows(h.deps.db, 'deadline_near'))[0]!.payload.detailZh).toEqual(['办理时限：2026-11-30 10:00（北京时间）'])

    h.advance(1 * HOUR)
    expect((await scanDeadlines(h.deps)).reminded).toBe(0)
    expect(await rows(h.deps.db, 'deadline_near')).toHaveLength(1)
  })

  it('once the deadline has passed, tells the assignee and escalates as the step says, once', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    h.advance(3 * 24 * HOUR + 30 * 60_000) // Monday 10:30 Beijing
    expect(await scanDeadlines(h.deps)).toEqual({ reminded: 0, overdue: 1, failed: 0 })
    expect((await rows(h.deps.db, 'overdue')).map((r) => r.recipient)).toEqual([who.counsellor])
    expect((await rows(h.deps.db, 'escalated')).map((r) => r.recipient)).toEqual([who.deputy])
    // why (issue 14): the notices say when the time limit passed, in Beijing time (Monday 10:00), not only that it did
    expect((await rows(h.deps.db, 'overdue'))[0]!.payload.detailZh).toEqual(['办理时限已于2026-11-30 10:00（北京时间）到期'])
    expect((await rows(h.deps.db, 'escalated'))[0]!.payload.detailEn).toEqual(['The time limit passed at 2026-11-30 10:00 (Beijing time)'])
    expect(
      await h.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'overdue'))),
    ).toEqual([expect.objectContaining({ actor: 'system' })])
    // The notice is part of the application's history; the task is still the counsellor's.
    expect((await h.detail(who.student, id)).body.status).toBe('in_review')
    h.advance(HOUR)
    expect(await scanDeadlines(h.deps)).toEqual({ reminded: 0, overdue: 0, failed: 0 })
    expect(await rows(h.deps.db, 'overdue')).toHaveLength(1)
    // The counsellor still approves; the version moved with the timeout, so the page reloads first.
    await h.approve(who.counsellor, id)
  })

  it('leaves decided tasks alone', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    await h.approve(who.counsellor, id)
    h.advance(10 * 24 * HOUR)
    expect(await scanDeadlines(h.deps)).toEqual({ reminded: 0, overdue: 0, failed: 0 })
    expect(await rows(h.deps.db, 'overdue')).toHaveLength(0)
  })

  it('a stale timeout (the engine says the task is not overdue) keeps its claim and writes nothing', async () => {
    // why: the task row and the engine state can disagree only through a bug or a manual edit; the scan must not loop on it
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = (await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id)))[0]!
    await h.deps.db
      .update(tasks)
      .set({ dueAt: new Date(h.deps.now().getTime() - HOUR) })
      .where(eq(tasks.id, task.id))
    expect(await timeoutTask(h.deps, task.id)).toBe(false)
    expect(await rows(h.deps.db, 'overdue')).toHaveLength(0)
    expect((await findDueTasks(h.deps)).overdue).toEqual([])
  })

  it('a task the engine cannot run (an application from before the engine) is set aside, not retried every minute', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    await h.deps.db.update(applications).set({ state: null }).where(eq(applications.id, id))
    h.advance(4 * 24 * HOUR)
    expect(await scanDeadlines(h.deps)).toEqual({ reminded: 0, overdue: 0, failed: 0 })
    expect((await findDueTasks(h.deps)).overdue).toEqual([])
    expect(await rows(h.deps.db, 'overdue')).toHaveLength(0)
  })

  it('two nodes scanning the same database at once neither skip nor double a message', async () => {
    const t = await testDeps()
    const shared = await sharedDatabase({ seeded: true })
    const nodeA: Deps = { ...t.deps, db: await shared.open() }
    const nodeB: Deps = { ...t.deps, db: await shared.open() }
    // No form: these tests are about deadlines, not form validation.
    await nodeA.db.update(serviceVersions).set({ form: null }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))
    const version = (await nodeA.db.select().from(serviceVersions).where(eq(serviceVersions.serviceCode, 'undergrad-leave')))[0]!
    const submit = async (card: string) =>
      await transaction(
        nodeA.db,
        async (tx) =>
          await submitIn(tx, nodeA, {
            serviceVersionId: version.id,
            serviceCode: 'undergrad-leave',
            applicant: (await applicantFacts(tx, card))!,
            values: { days: 5 },
          }),
      )
    const students = [who.student, who.classmate, who.junior, who.junior2]
    for (const s of students) await submit(s)

    // Friday 16:00: every counsellor task is near its deadline. Both nodes find the same four...
    t.advance(6 * HOUR)
    const seenByA = await findDueTasks(nodeA)
    const seenByB = await findDueTasks(nodeB)
    expect(seenByA.near).toHaveLength(4)
    expect(seenByB.near).toEqual(seenByA.near)
    // ...and handle them interleaved, B always a step behind A: each claim succeeds on one node only.
    const outcomes: boolean[] = []
    for (const id of seenByA.near) outcomes.push(await remindTask(nodeA, id), await remindTask(nodeB, id))
    expect(outcomes.filter(Boolean)).toHaveLength(4)

    // Monday 10:30: all four are overdue; B scans first, then A runs the tasks it had listed.
    t.advance(3 * 24 * HOUR - 5 * HOUR + 30 * 60_000)
    const listedByA = (await findDueTasks(nodeA)).overdue
    expect(listedByA).toHaveLength(4)
    expect(await scanDeadlines(nodeB)).toEqual({ reminded: 0, overdue: 4, failed: 0 })
    const late: boolean[] = []
    for (const id of listedByA) late.push(await timeoutTask(nodeA, id))
    expect(late).toEqual([false, false, false, false])

    const count = async (kind: string) => (await nodeA.db.select().from(outbox).where(eq(outbox.kind, kind))).length
    expect({ near: await count('deadline_near'), overdue: await count('overdue'), escalated: await count('escalated') }).toEqual({
      near: 4,
      overdue: 4,
      escalated: 4,
    })
  })

  it('a deadline that moves (a question answered) gets its own reminder', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = (await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id)))[0]!
    h.advance(6 * HOUR)
    expect((await scanDeadlines(h.deps)).reminded).toBe(1)
    // The counsellor asks; the clock pauses. The student answers on Monday morning: the deadline moves on.
    const state = (await h.detail(who.student, id)).body.stateVersion as number
    await act(h.deps, {
      applicationId: id,
      expectedVersion: state,
      actor: who.counsellor,
      action: { type: 'ask', taskId: task.engineTaskId!, question: '请补充家长联系方式' },
    })
    h.advance(2.5 * 24 * HOUR) // Monday 08:30
    await act(h.deps, {
      applicationId: id,
      expectedVersion: state + 1,
      actor: who.student,
      action: { type: 'answer', taskId: task.engineTaskId!, answer: '13800009998' },
    })
    const moved = (await h.deps.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!
    expect(moved.status).toBe('open')
    expect(moved.remindedAt).toBeNull()
    h.advance(2 * HOUR)
    expect((await scanDeadlines(h.deps)).reminded).toBe(1)
    expect(await rows(h.deps.db, 'deadline_near')).toHaveLength(2)
  })
})
