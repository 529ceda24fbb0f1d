import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { isUniqueViolationOf } from '../../db/constraints.ts'
import { applications, notifications, outbox } from '../../db/schema/index.ts'
import { DAY, hall, who } from './test-support.ts'

// Issue 14, the data side of the rough edges: lists say what state a row is in and who acts for
// whom, /my is newest first, every application has a reference number a person can read out, and
// an application rated by its applicant says so (to them alone).

type Summary = {
  id: number
  referenceNumber: string | null
  submittedAt: string | null
  createdAt: string
  rowState: { waitingFor: string | null; signers: Array<{ name: string }>; urgedAt: string | null }
}

describe('reference numbers (2026-请假-000123)', () => {
  it('are given at submission, shown in lists, the to-do and messages, and found by both searches', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const detail = (await h.detail(who.student, id)).body
    // undergrad-leave's short name is 请假; the clock of the tests is in 2026 (Beijing).
    expect(detail.referenceNumber).toMatch(/^2026-请假-\d{6}$/)
    const ref = detail.referenceNumber as string

    const found = await h.get(who.student, `/api/applications?mine=1&q=${encodeURIComponent(ref)}`)
    expect(found.body.items.map((a: Summary) => [a.id, a.referenceNumber])).toEqual([[id, ref]])
    // The sequence alone, as read out on the phone, finds it too.
    const bySequence = await h.get(who.student, `/api/applications?mine=1&q=${ref.slice(-6)}`)
    expect(bySequence.body.items.map((a: Summary) => a.id)).toContain(id)

    const todo = await h.get(who.counsellor, `/api/tasks?box=todo&q=${encodeURIComponent(ref)}`)
    expect(todo.body.items.map((t: { applicationId: number; referenceNumber: string }) => [t.applicationId, t.referenceNumber])).toEqual([[id, ref]])

    // The bell and the e-mail (its title is the outbox payload's) carry it.
    const bell = await h.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, who.counsellor))
    expect(bell.map((n) => n.titleZh)).toEqual([expect.stringContaining(`（${ref}）`)])
    const mail = await h.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, who.counsellor), eq(outbox.applicationId, id)))
    expect(mail.map((m) => [m.payload.referenceNumber, m.payload.titleEn])).toEqual([[ref, expect.stringContaining(`(${ref})`)]])
  })

  it('are unique: the next submission gets the next number, and the database refuses a duplicate', async () => {
    const h = await hall()
    const a = (await h.detail(who.student, await h.leave(who.student, 2))).body.referenceNumber as string
    const b = (await h.detail(who.classmate, await h.leave(who.classmate, 2))).body.referenceNumber as string
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1)
    const other = (await h.deps.db.select({ id: applications.id }).from(applications).where(isNull(applications.referenceNumber)))[0]
    const anyId = other?.id ?? (await h.deps.db.select({ id: applications.id }).from(applications))[0]!.id
    const duplicate = await h.deps.db
      .update(applications)
      .set({ referenceNumber: a })
      .where(eq(applications.id, anyId))
      .then(
        () => undefined,
        (err: unknown) => err,
      )
    expect(isUniqueViolationOf(duplicate, { name: 'applications_reference_number', table: 'applications', columns: ['reference_number'] })).toBe(true)
  })

  it('are given to the seeded past applications too, in the order they were submitted', async () => {
    const h = await hall()
    const past = await h.deps.db
      .select({ id: applications.id, ref: applications.referenceNumber, submittedAt: applications.submittedAt })
      .from(applications)
      .where(isNotNull(applications.submittedAt))
    expect(past.length).toBeGreaterThan(50)
    expect(past.filter((p) => !p.ref)).toEqual([])
    expect(new Set(past.map((p) => p.ref)).size).toBe(past.length)
    const bySubmission = [...past].sort((x, y) => x.submittedAt!.getTime() - y.submittedAt!.getTime() || x.id - y.id)
    const sequence = bySubmission.map((p) => Number(p.ref!.slice(-6)))
    expect(sequence).toEqual([...sequence].sort((x, y) => x - y))
  })
})

describe('GET /api/applications?mine=1 order', () => {
  it('is newest submission first, not by id (past applications were written in another order)', async () => {
    const h = await hall()
    // A student with several seeded past applications, and a new one.
    await h.leave(who.student, 2)
    const items = (await h.get(who.student, '/api/applications?mine=1&pageSize=100')).body.items as Summary[]
    expect(items.length).toBeGreaterThan(2)
    const times = items.map((a) => Date.parse(a.submittedAt ?? a.createdAt))
    expect(times).toEqual([...times].sort((x, y) => y - x))
  })
})

describe('what a row waits for, and who acts for whom', () => {
  it('asked: the applicant’s row and the reviewer’s task wait for the applicant', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    expect((await h.act(who.counsellor, task.id, { action: 'ask', stateVersion: task.stateVersion, opinion: '请补充返校时间' })).status).toBe(200)
    const mine = (await h.get(who.student, '/api/applications?mine=1')).body.items.find((a: Summary) => a.id === id)
    expect(mine.rowState).toEqual({ waitingFor: 'applicant', signers: [], urgedAt: null })
    const todo = (await h.get(who.counsellor, '/api/tasks?box=todo')).body.items.find((t: { applicationId: number }) => t.applicationId === id)
    expect(todo.rowState).toMatchObject({ waitingFor: 'applicant' })
  })

  it('a 待办 row read before a change shows the change at once (the row states a node remembers are keyed by state version)', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const rowOf = async () =>
      (await h.get(who.counsellor, '/api/tasks?box=todo')).body.items.find((t: { applicationId: number }) => t.applicationId === id) as {
        id: number
        rowState: Summary['rowState']
        application: { stateVersion: number }
      }
    // Read twice, so that the second read is served from what the node remembers.
    await rowOf()
    const before = await rowOf()
    expect(before.rowState.waitingFor).toBeNull()
    expect((await h.act(who.counsellor, before.id, { action: 'ask', stateVersion: before.application.stateVersion, opinion: '请补充返校时间' })).status).toBe(
      200,
    )
    const after = await rowOf()
    expect(after.application.stateVersion).toBeGreaterThan(before.application.stateVersion)
    expect(after.rowState).toMatchObject({ waitingFor: 'applicant' })
  })

  it('returned: the applicant’s row waits for them', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    expect((await h.act(who.counsellor, task.id, { action: 'return', stateVersion: task.stateVersion, opinion: '请写清原因' })).status).toBe(200)
    const mine = (await h.get(who.student, '/api/applications?mine=1')).body.items.find((a: Summary) => a.id === id)
    expect(mine).toMatchObject({ status: 'returned', rowState: { waitingFor: 'applicant' } })
  })

  it('a signer added before: both lists name the signer it waits for', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    const added = await h.act(who.counsellor, task.id, { action: 'addSigner', stateVersion: task.stateVersion, to: who.colleague, position: 'before' })
    expect(added.status).toBe(200)
    const mine = (await h.get(who.student, '/api/applications?mine=1')).body.items.find((a: Summary) => a.id === id)
    expect(mine.rowState).toMatchObject({ waitingFor: 'signer', signers: [{ cardNumber: who.colleague, name: '黄思远' }] })
    const todo = (await h.get(who.counsellor, '/api/tasks?box=todo')).body.items.find((t: { applicationId: number }) => t.applicationId === id)
    expect(todo).toMatchObject({ status: 'waiting', rowState: { waitingFor: 'signer', signers: [{ name: '黄思远' }] } })
    // The signer's own task waits for nobody.
    const signer = (await h.get(who.colleague, '/api/tasks?box=todo')).body.items.find((t: { applicationId: number }) => t.applicationId === id)
    expect(signer.rowState).toEqual({ waitingFor: null, signers: [], urgedAt: null })
  })

  it('urged: the row says when', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    h.advance(4 * DAY)
    expect((await h.post(who.student, `/api/applications/${id}/urge`, { stateVersion: 1 })).status).toBe(200)
    const at = h.deps.now().toISOString()
    const mine = (await h.get(who.student, '/api/applications?mine=1')).body.items.find((a: Summary) => a.id === id)
    expect(mine.rowState.urgedAt).toBe(at)
    const todo = (await h.get(who.counsellor, '/api/tasks?box=todo')).body.items.find((t: { applicationId: number }) => t.applicationId === id)
    expect(todo.rowState.urgedAt).toBe(at)
  })

  it('a delegate: /my names whom they hold the step for, and 已办 who decided for whom', async () => {
    const h = await hall()
    const to = new Date(h.deps.now().getTime() + 7 * DAY).toISOString()
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.colleague, to })).status).toBe(201)
    const id = await h.leave(who.student, 2)
    const mine = (await h.get(who.student, '/api/applications?mine=1')).body.items.find((a: Summary) => a.id === id)
    expect(mine.currentStep.assignees).toEqual([
      {
        cardNumber: who.colleague,
        name: '黄思远',
        nameEn: expect.any(String),
        onBehalfOf: { cardNumber: who.counsellor, name: '杜红梅', nameEn: expect.any(String) },
      },
    ])
    await h.approve(who.colleague, id)
    const done = (await h.get(who.colleague, '/api/tasks?box=done')).body.items.find((t: { applicationId: number }) => t.applicationId === id)
    expect(done).toMatchObject({ closedBy: { cardNumber: who.colleague, name: '黄思远' }, onBehalfOf: { cardNumber: who.counsellor, name: '杜红梅' } })
  })
})

describe('ratedByMe', () => {
  it('is true for the applicant once they rated, and false for everyone else whether rated or not', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    await h.approve(who.counsellor, id)
    expect((await h.detail(who.student, id)).body).toMatchObject({ status: 'completed', ratedByMe: false })
    const rated = await h.post(who.student, '/api/ratings', { applicationId: id, serviceScore: 5, processScore: 4, anonymous: true })
    expect(rated.status).toBe(201)
    expect((await h.detail(who.student, id)).body.ratedByMe).toBe(true)
    // The counsellor may read the application: the anonymous rating stays unlinkable to them.
    expect((await h.detail(who.counsellor, id)).body.ratedByMe).toBe(false)
  })

  it('the completed message stops offering “rate the service” once its reader rated', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    await h.approve(who.counsellor, id)
    const rateLinks = async () =>
      ((await h.get(who.student, '/api/notifications')).body.items as Array<{ kind: string; actions: Array<{ link: string }> }>)
        .filter((n) => n.kind === 'completed')
        .flatMap((n) => n.actions.map((a) => a.link))
    expect(await rateLinks()).toEqual([`/feedback/rate/${id}`])
    expect((await h.post(who.student, '/api/ratings', { applicationId: id, serviceScore: 4, processScore: 4 })).status).toBe(201)
    expect(await rateLinks()).toEqual([])
  })
})
