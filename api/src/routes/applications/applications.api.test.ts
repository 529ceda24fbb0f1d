import { and, count, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applications, idempotencyKeys, notifications, outbox, tasks } from '../../db/schema/index.ts'
import { DAY, hall, leaveValues, who } from './test-support.ts'

// The applicant's side over HTTP, on the demo university: undergraduates of cs-2023-1 ask for
// leave; their counsellor and the college's deputy secretary decide.

describe('POST /api/applications → the whole path of a 5-day leave', () => {
  it('goes counsellor → deputy secretary → completed, and the timeline shows both opinions', async () => {
    const h = await hall()
    const submitted = await h.submit(who.student, 'undergrad-leave', leaveValues(5))
    expect(submitted.status).toBe(201)
    expect(submitted.body).toEqual({ id: expect.any(Number), status: 'in_review', stateVersion: 1 })
    const id = submitted.body.id

    // The counsellor has it to do, and the bell moved.
    expect((await h.get(who.counsellor, '/api/notifications/unread-count')).body.count).toBe(1)
    expect((await h.get(who.counsellor, '/api/tasks/counts')).body).toEqual({ todo: 1, done: 0, cc: 0 })
    const mine = await h.get(who.student, '/api/applications?mine=1')
    expect(mine.body.items[0]).toMatchObject({
      id,
      serviceCode: 'undergrad-leave',
      status: 'in_review',
      currentStep: { nameZh: '辅导员审核', assignees: [{ cardNumber: who.counsellor, name: '杜红梅' }] },
    })

    await h.approve(who.counsellor, id, '情况属实，同意')
    // 5 days > 3: the college's deputy party secretary is next.
    const atCollege = await h.detail(who.student, id)
    expect(atCollege.body.current.step).toMatchObject({ id: 'college' })
    expect(atCollege.body.current.assignees.map((a: { person: { cardNumber: string } }) => a.person.cardNumber)).toEqual([who.deputy])
    expect(atCollege.body.allowed.applicant).toEqual([])

    const done = await h.approve(who.deputy, id, '同意')
    expect(done).toEqual({ id, status: 'completed', stateVersion: 3 })

    const detail = await h.detail(who.student, id)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({ status: 'completed', current: null, upcoming: [], service: { code: 'undergrad-leave', version: 1 } })
    expect(detail.body.finishedAt).not.toBeNull()
    const timeline = detail.body.timeline.map(
      (e: { action: string; actor: { name: string } | null; opinion: string | null; step: { nameZh: string } | null }) => [
        e.action,
        e.actor?.name ?? null,
        e.opinion,
        e.step?.nameZh ?? null,
      ],
    )
    expect(timeline).toEqual([
      ['submitted', '李明轩', null, null],
      ['approved', '杜红梅', '情况属实，同意', '辅导员审核'],
      ['approved', '高建华', '同意', '学院副书记审批（超过3天）'],
      ['completed', null, null, null],
    ])
    expect(detail.body.steps.map((s: { stepId: string; status: string }) => `${s.stepId}:${s.status}`)).toEqual(['counsellor:approved', 'college:approved'])
    // The form of its version, and the values as stored (the computed day count recomputed by the server).
    expect(detail.body.form).toMatchObject({ formatVersion: 1 })
    expect(detail.body.values).toMatchObject({ days: 5, period: { start: '2026-11-30', end: '2026-12-04' } })

    // The student heard of the submission, the first step passed, and the completion; the counsellor, who approved first, was copied.
    const applicantNotes = await h.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, who.student))
    expect(applicantNotes.map((n) => n.kind)).toEqual(['submitted', 'step_decided', 'completed'])
    expect((await h.get(who.counsellor, '/api/tasks/counts')).body).toEqual({ todo: 0, done: 1, cc: 1 })
    expect((await h.get(who.deputy, '/api/tasks?box=done')).body.items[0]).toMatchObject({ applicationId: id, outcome: 'approved', stepId: 'college' })
    // Every notification is also an outbox row for delivery by e-mail and app push.
    const outboxRows = (await h.deps.db.select({ n: count() }).from(outbox).where(eq(outbox.applicationId, id)))[0]!.n
    const noteRows = (await h.deps.db.select({ n: count() }).from(notifications))[0]!.n
    expect(outboxRows).toBe(noteRows)
  })

  it('needs an Idempotency-Key, and answers a repeat with the same application', async () => {
    const h = await hall()
    const without = await h.post(who.student, '/api/applications', { serviceCode: 'undergrad-leave', values: leaveValues(2) })
    expect(without.status).toBe(400)
    expect(without.body.error.message).toMatch(/Idempotency-Key/)

    const first = await h.submit(who.student, 'undergrad-leave', leaveValues(2), 'double-click-0001')
    const again = await h.submit(who.student, 'undergrad-leave', leaveValues(2), 'double-click-0001')
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    const n = (
      await h.deps.db
        .select({ n: count() })
        .from(applications)
        .where(and(eq(applications.applicantCardNumber, who.student), eq(applications.status, 'in_review')))
    )[0]!.n
    expect(n).toBe(1)

    // The same key for a different submission is a mistake of the client, not a new application.
    const other = await h.submit(who.student, 'undergrad-leave', leaveValues(3), 'double-click-0001')
    expect(other.status).toBe(409)
    expect(other.body.error.code).toBe('idempotency_key_reused')
    expect((await h.deps.db.select({ n: count() }).from(idempotencyKeys))[0]!.n).toBe(1)
  })

  it('makes one application of concurrent requests: the same key twice, or two keys for a one-at-a-time service', async () => {
    const h = await hall()
    const same = await Promise.all([1, 2].map(() => h.submit(who.student, 'undergrad-leave', leaveValues(2), 'concurrent-0001')))
    expect(same.map((r) => r.status)).toEqual([201, 201])
    expect(same[0]!.body).toEqual(same[1]!.body)
    const two = await Promise.all(['concurrent-a001', 'concurrent-b001'].map((key) => h.submit(who.classmate, 'undergrad-leave', leaveValues(2), key)))
    expect(two.map((r) => r.status).sort()).toEqual([201, 422])
    const active = async (card: string) =>
      (
        await h.deps.db
          .select({ n: count() })
          .from(applications)
          .where(and(eq(applications.applicantCardNumber, card), eq(applications.status, 'in_review')))
      )[0]!.n
    expect([await active(who.student), await active(who.classmate)]).toEqual([1, 1])
  })

  it('answers 400 naming each wrong field, in both languages, and stores nothing', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2, { reason: '', emergencyPhone: 'call me' }))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_form')
    const fields = res.body.error.fields as Array<{ path: string; message: string; messageZh: string }>
    expect(fields.map((f) => f.path).sort()).toEqual(['emergencyPhone', 'reason'])
    const reason = fields.find((f) => f.path === 'reason')!
    expect(reason.message).toMatch(/Reason/)
    expect(reason.messageZh).toMatch(/请假事由/)
    expect(res.body.error.message).toMatch(/Reason/)
    expect(res.body.error.messageZh).toMatch(/请假事由/)
    const unknown = await h.submit(who.student, 'undergrad-leave', leaveValues(2, { favouriteColour: 'blue' }))
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.fields[0].path).toBe('favouriteColour')
    const mine = (
      await h.deps.db
        .select({ n: count() })
        .from(applications)
        .where(and(eq(applications.applicantCardNumber, who.student), eq(applications.status, 'in_review')))
    )[0]!.n
    expect(mine).toBe(0)
  })

  it('treats a version without a form as having no fields', async () => {
    const h = await hall()
    await h.setForm('undergrad-leave', null)
    const res = await h.submit(who.student, 'undergrad-leave', { days: 2, note: 'anything' })
    expect(res.status).toBe(201)
    expect((await h.detail(who.student, res.body.id)).body).toMatchObject({ form: null, values: { days: 2, note: 'anything' } })
  })

  it('refuses a person who may not apply (422) and an unknown service (404)', async () => {
    const h = await hall()
    const staff = await h.submit(who.professor, 'undergrad-leave', leaveValues(2))
    expect(staff.status).toBe(422)
    expect(staff.body.error.code).toBe('not_eligible')
    expect(staff.body.error.messageZh).toMatch(/本服务面向本科生/)
    expect((await h.submit(who.student, 'no-such-service', {})).status).toBe(404)
    expect((await h.post(null, '/api/applications', { serviceCode: 'undergrad-leave', values: {} }, { 'idempotency-key': 'anonymous-1' })).status).toBe(401)
  })
})

describe('POST /api/applications/{id}/withdraw', () => {
  it('withdraws before the first decision: the counsellor’s task is cancelled and leaves their lists', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const res = await h.post(who.student, `/api/applications/${id}/withdraw`, { stateVersion: 1, reason: '计划有变' })
    expect(res.status).toBe(200)
    expect(res.body.application).toEqual({ id, status: 'withdrawn', stateVersion: 2 })
    expect((await h.get(who.counsellor, '/api/tasks/counts')).body).toEqual({ todo: 0, done: 0, cc: 0 })
    const detail = await h.detail(who.student, id)
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'withdrawn', opinion: '计划有变' })
    // A second click on the old page: someone (the applicant) already changed it.
    expect((await h.post(who.student, `/api/applications/${id}/withdraw`, { stateVersion: 1 })).status).toBe(409)
    // With the new version: it is closed now.
    const closed = await h.post(who.student, `/api/applications/${id}/withdraw`, { stateVersion: 2 })
    expect(closed.status).toBe(409)
    expect(closed.body.error.code).toBe('application_closed')
  })

  it('refuses after the first decision, saying why', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const { stateVersion } = await h.approve(who.counsellor, id)
    const res = await h.post(who.student, `/api/applications/${id}/withdraw`, { stateVersion })
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'too_late_to_withdraw', messageZh: expect.stringMatching(/不能撤回/) })
    expect((await h.detail(who.student, id)).body.status).toBe('in_review')
  })

  it('is the applicant’s alone: the reviewer gets 403', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const res = await h.post(who.counsellor, `/api/applications/${id}/withdraw`, { stateVersion: 1 })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('not_applicant')
  })
})

describe('return and resubmit', () => {
  it('needs an opinion to return; the applicant resubmits changed values, validated again, and it starts over', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    const bare = await h.act(who.counsellor, task.id, { action: 'return', stateVersion: task.stateVersion })
    expect(bare.status).toBe(400)
    expect(bare.body.error).toMatchObject({ code: 'opinion_required', messageZh: expect.stringMatching(/审核意见/) })

    const returned = await h.act(who.counsellor, task.id, { action: 'return', stateVersion: task.stateVersion, opinion: '材料不全，请补充' })
    expect(returned.status).toBe(200)
    expect(returned.body.application.status).toBe('returned')
    const back = await h.detail(who.student, id)
    expect(back.body.allowed.applicant.sort()).toEqual(['resubmit', 'withdraw'])
    const list = await h.get(who.student, '/api/applications?mine=1&status=returned')
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).toMatchObject({ currentStep: null, waitingSince: expect.any(String) })

    const invalid = await h.post(who.student, `/api/applications/${id}/resubmit`, {
      stateVersion: back.body.stateVersion,
      values: leaveValues(2, { pledge: false }),
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['pledge'])

    const again = await h.post(who.student, `/api/applications/${id}/resubmit`, {
      stateVersion: back.body.stateVersion,
      values: leaveValues(2, { reason: '回家处理家中事务，附上家长说明' }),
    })
    expect(again.status).toBe(200)
    expect(again.body.application.status).toBe('in_review')
    const detail = await h.detail(who.student, id)
    expect(detail.body.values.reason).toBe('回家处理家中事务，附上家长说明')
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'returned', 'resubmitted'])
    // A new task for the counsellor, in round 2.
    const next = await h.taskOf(who.counsellor, id)
    expect(next.id).not.toBe(task.id)
    expect((await h.approve(who.counsellor, id)).status).toBe('completed')
  })
})

describe('ask and answer', () => {
  it('keeps the step: the reviewer waits for the answer, then decides', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    const asked = await h.act(who.counsellor, task.id, { action: 'ask', stateVersion: task.stateVersion, opinion: '请补充返校时间', materials: ['家长说明'] })
    expect(asked.status).toBe(200)
    expect(asked.body.application.status).toBe('in_review')
    const detail = await h.detail(who.student, id)
    expect(detail.body.current.step.id).toBe('counsellor')
    expect(detail.body.allowed.answer).toEqual([{ taskId: task.id, question: '请补充返校时间', materials: ['家长说明'], askedAt: expect.any(String) }])
    expect((await h.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, who.student))).map((n) => n.kind)).toEqual([
      'submitted',
      'asked',
    ])

    const early = await h.act(who.counsellor, task.id, { action: 'approve', stateVersion: detail.body.stateVersion })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('awaiting_answer')

    const answered = await h.post(who.student, `/api/applications/${id}/answer`, {
      stateVersion: detail.body.stateVersion,
      taskId: task.id,
      answer: '12月4日晚返校',
    })
    expect(answered.status).toBe(200)
    const after = await h.detail(who.counsellor, id)
    expect(after.body.current.step.id).toBe('counsellor')
    expect(after.body.current.assignees[0]).toMatchObject({ taskId: task.id, status: 'open', question: { answer: { text: '12月4日晚返校' } } })
    expect((await h.approve(who.counsellor, id)).status).toBe('completed')
    expect((await h.detail(who.student, id)).body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'asked',
      'answered',
      'approved',
      'completed',
    ])
  })
})

describe('POST /api/applications/{id}/urge', () => {
  it('is refused until the step is overdue, then reminds the counsellor once a day', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const tooSoon = await h.post(who.student, `/api/applications/${id}/urge`, { stateVersion: 1 })
    expect(tooSoon.status).toBe(409)
    expect(tooSoon.body.error.code).toBe('not_overdue')
    expect((await h.detail(who.student, id)).body.allowed.applicant).not.toContain('urge')

    // Friday 10:00 + one working day (7 working hours) is Monday 10:00; it is now Tuesday.
    h.advance(4 * DAY)
    const detail = await h.detail(who.student, id)
    expect(detail.body.allowed.applicant).toContain('urge')
    expect(detail.body.current.assignees[0].overdue).toBe(true)
    const overdueTasks = await h.get(who.counsellor, '/api/tasks?box=todo&overdue=1')
    expect(overdueTasks.body.items.map((t: { applicationId: number; overdue: boolean }) => [t.applicationId, t.overdue])).toEqual([[id, true]])

    const urged = await h.post(who.student, `/api/applications/${id}/urge`, { stateVersion: 1 })
    expect(urged.status).toBe(200)
    const kinds = (await h.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, who.counsellor))).map((n) => n.kind)
    expect(kinds).toEqual(['task_assigned', 'urged'])
    const twice = await h.post(who.student, `/api/applications/${id}/urge`, { stateVersion: urged.body.application.stateVersion })
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('urged_recently')
  })
})

describe('GET /api/applications?mine=1', () => {
  it('lists only mine, newest first, filtered by status and searched by service name', async () => {
    const h = await hall()
    const first = await h.leave(who.student, 2)
    await h.post(who.student, `/api/applications/${first}/withdraw`, { stateVersion: 1 })
    const second = await h.leave(who.student, 2)
    await h.leave(who.classmate, 2)
    const all = await h.get(who.student, '/api/applications?mine=1')
    // The demo history may hold older finished ones of this student: ours are the newest.
    expect(all.body.items.slice(0, 2).map((i: { id: number }) => i.id)).toEqual([second, first])
    expect(all.body.items.every((i: { id: number }) => i.id !== first + 2)).toBe(true)
    const active = await h.get(who.student, '/api/applications?mine=1&status=active')
    expect(active.body.items.map((i: { id: number }) => i.id)).toEqual([second])
    const searched = await h.get(who.student, `/api/applications?mine=1&q=${encodeURIComponent('请销假')}&status=withdrawn`)
    expect(searched.body.items.map((i: { id: number }) => i.id)).toEqual([first])
    expect((await h.get(who.student, '/api/applications?mine=1&q=dormitory&status=active')).body.total).toBe(0)
    expect((await h.get(who.student, '/api/applications?mine=1&pageSize=500')).status).toBe(400)
    expect((await h.get(who.student, '/api/applications')).status).toBe(400)
  })
})

describe('GET /api/applications/{id}: how long things take', () => {
  it('says when it should be done by, and how long a step usually takes once there is history', async () => {
    const h = await hall()
    const first = await h.leave(who.student, 2)
    const before = await h.detail(who.student, first)
    // Submitted Friday 10:00 Beijing; the time limit of 2 working days ends Tuesday 10:00.
    expect(before.body.expectedBy).toBe('2026-12-01T02:00:00.000Z')
    expect(before.body.current.usualMs).toBeNull()
    expect(before.body.expectedByHistory).toBeNull()
    expect(before.body.upcoming).toEqual([])

    h.advance(3 * 3_600_000)
    await h.approve(who.counsellor, first)
    const second = await h.leave(who.classmate, 2)
    const after = await h.detail(who.classmate, second)
    expect(after.body.current.usualMs).toBe(3 * 3_600_000)
    expect(after.body.expectedByHistory).toBe(new Date(h.deps.now().getTime() + 3 * 3_600_000).toISOString())
    h.advance(3_600_000)
    expect((await h.detail(who.classmate, second)).body.current.waitedMs).toBe(3_600_000)
  })

  it('shows a leave of more than 7 days its three steps ahead', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 9)
    const detail = await h.detail(who.student, id)
    expect(detail.body.upcoming.map((s: { id: string }) => s.id)).toEqual(['college', 'student-affairs'])
    expect(detail.body.current.dueAt).not.toBeNull()
  })
})

describe('applications from before the engine (the demo history)', () => {
  it('are readable by their applicant, with nothing to do on them', async () => {
    const h = await hall()
    const old = (await h.deps.db.select().from(applications).where(isNull(applications.state)))[0]!
    const detail = await h.detail(old.applicantCardNumber, old.id)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({
      id: old.id,
      timeline: [],
      steps: [],
      upcoming: [],
      current: null,
      allowed: { applicant: [], tasks: [], comment: false },
    })
    const withdraw = await h.post(old.applicantCardNumber, `/api/applications/${old.id}/withdraw`, { stateVersion: old.stateVersion })
    expect(withdraw.status).toBe(409)
    expect(withdraw.body.error.code).toBe('not_in_workflow')
  })
})

describe('tasks rows', () => {
  it('keep the engine’s task ids, service and step names for lists', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const rows = await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id))
    expect(rows).toEqual([
      expect.objectContaining({
        engineTaskId: 't2',
        serviceCode: 'undergrad-leave',
        stepKey: 'counsellor',
        stepNameZh: '辅导员审核',
        box: 'todo',
        status: 'open',
        assigneeCardNumber: who.counsellor,
      }),
    ])
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the application, task, delegation and notification routes', async () => {
    const h = await hall()
    const res = await h.get(null, '/api/openapi.json')
    expect(res.status).toBe(200)
    const paths = Object.keys(res.body.paths)
    for (const path of [
      '/api/applications',
      '/api/applications/{id}',
      '/api/applications/{id}/withdraw',
      '/api/applications/{id}/resubmit',
      '/api/applications/{id}/urge',
      '/api/applications/{id}/answer',
      '/api/applications/{id}/comment',
      '/api/tasks',
      '/api/tasks/counts',
      '/api/tasks/{id}',
      '/api/tasks/{id}/actions',
      '/api/tasks/batch',
      '/api/me/delegations',
      '/api/me/delegations/{id}',
      '/api/notifications/unread-count',
    ]) {
      expect(paths, path).toContain(path)
    }
    expect(res.body.paths['/api/applications'].post.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key')
  })
})
