import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tasks } from '../../db/schema/index.ts'
import { DAY, HOUR, hall, who } from '../applications/test-support.ts'

// The reviewers' side over HTTP: the boxes, a task's page, and every action, on the demo
// university's undergraduate leave (counsellor → college deputy secretary → Student Affairs).

describe('POST /api/tasks/{id}/actions: one action advances the application once', () => {
  it('a double click (the same stateVersion twice) approves once; the second is told someone acted first', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = await h.taskOf(who.counsellor, id)
    const first = await h.act(who.counsellor, task.id, { action: 'approve', stateVersion: task.stateVersion })
    const second = await h.act(who.counsellor, task.id, { action: 'approve', stateVersion: task.stateVersion })
    expect(first.status).toBe(200)
    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({ code: 'stale_version', message: expect.stringMatching(/reload/), messageZh: expect.stringMatching(/刷新/) })
    // A retry that reloaded first meets a decided task.
    const retried = await h.act(who.counsellor, task.id, { action: 'approve', stateVersion: first.body.application.stateVersion })
    expect(retried.status).toBe(409)
    expect(retried.body.error.code).toBe('already_decided')
    const events = (await h.detail(who.student, id)).body.timeline.filter((e: { action: string }) => e.action === 'approved')
    expect(events).toHaveLength(1)
  })

  it('many concurrent approvals of one task: exactly one succeeds', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = await h.taskOf(who.counsellor, id)
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => h.act(who.counsellor, task.id, { action: 'approve', stateVersion: task.stateVersion, opinion: '同意' })),
    )
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
    // Each loser is told, in both languages, that someone acted first and to reload.
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body.error).toMatchObject({
        code: 'stale_version',
        message: expect.stringMatching(/acted on this application first/),
        messageZh: expect.stringMatching(/刷新/),
      })
    }
    expect((await h.detail(who.student, id)).body.stateVersion).toBe(2)
  })

  it('two reviewers of an "any one signs" step acting at once: one takes it, the other gets 409', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 9)
    await h.approve(who.counsellor, id)
    await h.approve(who.deputy, id)
    // Over 7 days: Student Affairs records it; any one of its reviewers may.
    const a = await h.taskOf(who.studentAffairs, id)
    const b = await h.taskOf(who.studentAffairsOwner, id)
    expect(a.stateVersion).toBe(b.stateVersion)
    const [ra, rb] = await Promise.all([
      h.act(who.studentAffairs, a.id, { action: 'approve', stateVersion: a.stateVersion }),
      h.act(who.studentAffairsOwner, b.id, { action: 'approve', stateVersion: b.stateVersion }),
    ])
    expect([ra.status, rb.status].sort()).toEqual([200, 409])
    const detail = await h.detail(who.student, id)
    expect(detail.body.status).toBe('completed')
    // The loser's task left their lists: they did nothing on it.
    const loser = ra.status === 409 ? who.studentAffairs : who.studentAffairsOwner
    expect((await h.get(loser, '/api/tasks/counts')).body).toMatchObject({ todo: 0, done: 0 })
    const loserTask = ra.status === 409 ? a : b
    const late = await h.act(loser, loserTask.id, { action: 'approve', stateVersion: detail.body.stateVersion })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('already_decided')
  })

  it('is 404 for a task that is not yours, and for a copy you received', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = await h.taskOf(who.counsellor, id)
    expect((await h.act('0018391', task.id, { action: 'approve', stateVersion: 1 })).status).toBe(404)
    expect((await h.act(who.deputy, task.id, { action: 'approve', stateVersion: 1 })).status).toBe(404)
    expect((await h.act(who.counsellor, 999_999, { action: 'approve', stateVersion: 1 })).status).toBe(404)
    await h.approve(who.counsellor, id)
    await h.approve(who.deputy, id)
    const cc = (await h.get(who.counsellor, '/api/tasks?box=cc')).body.items[0]
    expect(cc).toMatchObject({ applicationId: id, box: 'cc', stepId: 'college' })
    const page = await h.get(who.counsellor, `/api/tasks/${cc.id}`)
    expect(page.status).toBe(200)
    expect(page.body.allowed.actions).toEqual([])
    expect((await h.act(who.counsellor, cc.id, { action: 'approve', stateVersion: 3 })).status).toBe(404)
  })
})

describe('GET /api/tasks and /api/tasks/counts', () => {
  it('lists the boxes with the applicant, step and deadline, filtered by search and service', async () => {
    const h = await hall()
    const a = await h.leave(who.student, 2)
    const b = await h.leave(who.junior, 2)
    const todo = await h.get(who.counsellor, '/api/tasks?box=todo')
    expect(todo.body.total).toBe(2)
    expect(todo.body.items[0]).toMatchObject({
      applicationId: b,
      box: 'todo',
      status: 'open',
      serviceCode: 'undergrad-leave',
      serviceNameZh: '本科生请销假',
      stepId: 'counsellor',
      stepNameZh: '辅导员审核',
      applicant: { cardNumber: who.junior, name: '赵子豪', kind: 'undergraduate', department: { code: 'college-cs' } },
      assignee: { cardNumber: who.counsellor },
      onBehalfOf: null,
      overdue: false,
      dueAt: expect.any(String),
      application: { status: 'in_review', stateVersion: 1 },
    })
    const byName = await h.get(who.counsellor, `/api/tasks?box=todo&q=${encodeURIComponent('李明')}`)
    expect(byName.body.items.map((i: { applicationId: number }) => i.applicationId)).toEqual([a])
    expect((await h.get(who.counsellor, `/api/tasks?q=${who.junior}`)).body.total).toBe(1)
    expect((await h.get(who.counsellor, '/api/tasks?service=dorm-change')).body.total).toBe(0)
    expect((await h.get(who.counsellor, '/api/tasks?box=later')).status).toBe(400)
    await h.approve(who.counsellor, a, '同意')
    expect((await h.get(who.counsellor, '/api/tasks/counts')).body).toEqual({ todo: 1, done: 1, cc: 0 })
    const done = await h.get(who.counsellor, '/api/tasks?box=done')
    expect(done.body.items[0]).toMatchObject({ applicationId: a, outcome: 'approved', decidedAt: expect.any(String), application: { status: 'completed' } })
    expect((await h.get(null, '/api/tasks/counts')).status).toBe(401)
  })
})

describe('GET /api/tasks/{id}', () => {
  it('shows the application read-only, the buttons this step allows, and common opinions', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    await h.approve(who.counsellor, id)
    const task = await h.taskOf(who.deputy, id)
    const page = await h.get(who.deputy, `/api/tasks/${task.id}`)
    expect(page.status).toBe(200)
    expect(page.body.task).toMatchObject({ id: task.id, stepId: 'college' })
    expect(page.body.application).toMatchObject({ id, status: 'in_review', service: { code: 'undergrad-leave' } })
    expect(page.body.application.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'approved'])
    expect(page.body.allowed.actions).toEqual(['approve', 'reject', 'return', 'ask', 'transfer', 'addSigner'])
    expect(page.body.allowed.returnTargets.map((t: { id: string }) => t.id)).toEqual(['applicant', 'counsellor'])
    expect(page.body.phrases).toContainEqual({ zh: '同意', en: 'Approved', actions: ['approve'] })
    expect(page.body.phrases).toContainEqual(expect.objectContaining({ zh: '材料不全，请补充' }))
    expect((await h.get(who.studentAffairs, `/api/tasks/${task.id}`)).status).toBe(404)
  })
})

describe('return to an earlier step', () => {
  it('sends it back to the counsellor, who decides again', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    await h.approve(who.counsellor, id)
    const task = await h.taskOf(who.deputy, id)
    const res = await h.act(who.deputy, task.id, {
      action: 'return',
      stateVersion: task.stateVersion,
      opinion: '请辅导员核实请假事由',
      targetStep: 'counsellor',
    })
    expect(res.status).toBe(200)
    expect((await h.detail(who.student, id)).body.current.step.id).toBe('counsellor')
    const wrong = await h.act(who.counsellor, (await h.taskOf(who.counsellor, id)).id, {
      action: 'return',
      stateVersion: 3,
      opinion: 'x',
      targetStep: 'student-affairs',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe('invalid_return_target')
  })
})

describe('transfer', () => {
  it('hands the task to another person, who then decides', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    const noOne = await h.act(who.counsellor, task.id, { action: 'transfer', stateVersion: 1 })
    expect(noOne.status).toBe(400)
    expect(noOne.body.error.fields[0].path).toBe('to')
    expect((await h.act(who.counsellor, task.id, { action: 'transfer', stateVersion: 1, to: '9999999' })).status).toBe(400)
    const toSelf = await h.act(who.counsellor, task.id, { action: 'transfer', stateVersion: 1, to: who.counsellor })
    expect(toSelf.status).toBe(400)
    expect(toSelf.body.error.code).toBe('invalid_transfer_target')

    const moved = await h.act(who.counsellor, task.id, { action: 'transfer', stateVersion: 1, to: who.collegeSecretary, opinion: '本周出差，请唐书记处理' })
    expect(moved.status).toBe(200)
    expect((await h.get(who.counsellor, '/api/tasks?box=done')).body.items[0]).toMatchObject({ applicationId: id, outcome: 'transferred' })
    expect((await h.approve(who.collegeSecretary, id, '同意')).status).toBe('completed')
    const timeline = (await h.detail(who.student, id)).body.timeline
    expect(timeline.map((e: { action: string; actor: { cardNumber: string } | null }) => [e.action, e.actor?.cardNumber ?? null])).toEqual([
      ['submitted', who.student],
      ['transferred', who.counsellor],
      ['approved', who.collegeSecretary],
      ['completed', null],
    ])
  })
})

describe('add a signer', () => {
  it('before me: they sign first, then the task comes back to me', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    expect((await h.act(who.counsellor, task.id, { action: 'addSigner', stateVersion: 1, to: who.colleague })).body.error.fields[0].path).toBe('position')
    const added = await h.act(who.counsellor, task.id, {
      action: 'addSigner',
      stateVersion: 1,
      to: who.colleague,
      position: 'before',
      opinion: '请黄老师先核实',
    })
    expect(added.status).toBe(200)
    const waiting = await h.act(who.counsellor, task.id, { action: 'approve', stateVersion: 2 })
    expect(waiting.status).toBe(409)
    expect(waiting.body.error.code).toBe('waiting_for_signer')
    await h.approve(who.colleague, id, '情况属实')
    expect((await h.approve(who.counsellor, id, '同意')).status).toBe('completed')
  })
})

describe('delegation', () => {
  it('new tasks go to the substitute, who acts on the reviewer’s behalf', async () => {
    const h = await hall()
    const to = new Date(h.deps.now().getTime() + 7 * DAY).toISOString()
    const created = await h.post(who.counsellor, '/api/me/delegations', { delegate: who.colleague, to })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ person: { cardNumber: who.counsellor }, delegate: { cardNumber: who.colleague, name: '黄思远' }, active: true })

    const id = await h.leave(who.student, 2)
    const held = (await h.get(who.colleague, '/api/tasks')).body.items[0]
    expect(held).toMatchObject({ applicationId: id, assignee: { cardNumber: who.colleague }, onBehalfOf: { cardNumber: who.counsellor } })
    // The counsellor still sees it (and could act, back early).
    expect((await h.get(who.counsellor, '/api/tasks/counts')).body.todo).toBe(1)
    await h.approve(who.colleague, id, '同意')
    const approved = (await h.detail(who.student, id)).body.timeline.find((e: { action: string }) => e.action === 'approved')
    expect(approved).toMatchObject({ actor: { cardNumber: who.colleague }, onBehalfOf: { cardNumber: who.counsellor, name: '杜红梅' } })
  })

  it('a substitute named later may act on the reviewer’s open tasks', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    expect((await h.get(who.colleague, '/api/tasks/counts')).body.todo).toBe(0)
    const to = new Date(h.deps.now().getTime() + 2 * DAY).toISOString()
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.colleague, to })).status).toBe(201)
    expect((await h.get(who.colleague, '/api/tasks/counts')).body.todo).toBe(1)
    const page = await h.get(who.colleague, `/api/tasks/${(await h.taskOf(who.colleague, id)).id}`)
    expect(page.body.allowed.actions).toContain('approve')
    await h.approve(who.colleague, id)
    const approved = (await h.detail(who.student, id)).body.timeline.find((e: { action: string }) => e.action === 'approved')
    expect(approved).toMatchObject({ actor: { cardNumber: who.colleague }, onBehalfOf: { cardNumber: who.counsellor } })
    // Once it ends, the substitute's access to new work ends too.
    const mine = (await h.get(who.counsellor, '/api/me/delegations')).body.items[0]
    expect((await h.call(who.counsellor, 'DELETE', `/api/me/delegations/${mine.id}`)).status).toBe(200)
    const next = await h.leave(who.classmate, 2)
    expect((await h.get(who.colleague, '/api/tasks')).body.items.some((t: { applicationId: number }) => t.applicationId === next)).toBe(false)
  })

  it('refuses oneself, strangers, backwards and overlapping periods; only the owner ends one', async () => {
    const h = await hall()
    const now = h.deps.now().getTime()
    const week = new Date(now + 7 * DAY).toISOString()
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.counsellor, to: week })).status).toBe(400)
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: '9999999', to: week })).status).toBe(400)
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.colleague, from: week, to: new Date(now + DAY).toISOString() })).status).toBe(
      400,
    )
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.colleague, to: 'next week' })).status).toBe(400)
    const ok = await h.post(who.counsellor, '/api/me/delegations', { delegate: who.colleague, to: week })
    expect(ok.status).toBe(201)
    const overlap = await h.post(who.counsellor, '/api/me/delegations', { delegate: who.professor, from: new Date(now + DAY).toISOString(), to: week })
    expect(overlap.status).toBe(409)
    expect((await h.get(who.colleague, '/api/me/delegations')).body.forMe).toHaveLength(1)
    expect((await h.call(who.colleague, 'DELETE', `/api/me/delegations/${ok.body.id}`)).status).toBe(404)
    expect((await h.call(who.counsellor, 'DELETE', `/api/me/delegations/${ok.body.id}`)).status).toBe(200)
  })
})

describe('POST /api/tasks/batch', () => {
  it('approves each on its own and reports per item', async () => {
    const h = await hall()
    const a = await h.leave(who.student, 2)
    const b = await h.leave(who.junior, 2)
    const c = await h.leave(who.junior2, 2)
    const [ta, tb, tc] = [await h.taskOf(who.counsellor, a), await h.taskOf(who.counsellor, b), await h.taskOf(who.counsellor, c)]
    const res = await h.post(who.counsellor, '/api/tasks/batch', {
      action: 'approve',
      opinion: '同意',
      items: [
        { taskId: ta.id, stateVersion: ta.stateVersion },
        { taskId: tb.id, stateVersion: 0 },
        { taskId: 999_999, stateVersion: 1 },
        { taskId: tc.id, stateVersion: tc.stateVersion },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.results.map((r: { taskId: number; ok: boolean; status: number }) => [r.taskId, r.ok, r.status])).toEqual([
      [ta.id, true, 200],
      [tb.id, false, 409],
      [999_999, false, 404],
      [tc.id, true, 200],
    ])
    expect(res.body).toMatchObject({ succeeded: 2, failed: 2 })
    expect(res.body.results[0].application).toEqual({ id: a, status: 'completed', stateVersion: 2 })
    expect(res.body.results[1].error.code).toBe('stale_version')
    expect((await h.post(who.counsellor, '/api/tasks/batch', { action: 'reject', items: [{ taskId: tb.id, stateVersion: 1 }] })).status).toBe(400)
    expect((await h.post(who.counsellor, '/api/tasks/batch', { action: 'approve', items: [] })).status).toBe(400)
  })
})

describe('comment', () => {
  it('joins the timeline for the reviewer and the applicant, and changes nothing else', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    const reviewer = await h.act(who.counsellor, task.id, { action: 'comment', stateVersion: 1, opinion: '已电话联系家长' })
    expect(reviewer.status).toBe(200)
    const applicant = await h.post(who.student, `/api/applications/${id}/comment`, { stateVersion: 2, text: '谢谢老师' })
    expect(applicant.status).toBe(200)
    expect((await h.post(who.student, `/api/applications/${id}/comment`, { stateVersion: 3, text: '  ' })).status).toBe(400)
    const detail = await h.detail(who.student, id)
    expect(detail.body.timeline.map((e: { action: string; opinion: string | null }) => [e.action, e.opinion])).toEqual([
      ['submitted', null],
      ['commented', '已电话联系家长'],
      ['commented', '谢谢老师'],
    ])
    expect((await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id)))[0]).toMatchObject({ status: 'open', box: 'todo' })
  })
})

describe('GET /api/tasks: sorting and filters', () => {
  async function threeLeaves() {
    const h = await hall()
    const ids: number[] = []
    for (const s of [who.student, who.classmate, who.junior]) {
      ids.push(await h.leave(s, 2))
      h.advance(HOUR)
    }
    const apps = async (query: string) => {
      const res = await h.get(who.counsellor, `/api/tasks?box=todo&${query}`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.items.map((i: { applicationId: number }) => i.applicationId)
    }
    return { h, ids, apps }
  }

  it('sorts by received (newest first), deadline (soonest first) and applicant (by name)', async () => {
    const { ids, apps } = await threeLeaves()
    const [student, classmate, junior] = ids
    expect(await apps('sort=received')).toEqual([junior, classmate, student])
    expect(await apps('sort=received&order=asc')).toEqual([student, classmate, junior])
    expect(await apps('sort=deadline&order=desc')).toEqual([junior, classmate, student])
    expect(await apps('sort=deadline')).toEqual([student, classmate, junior])
    // 李明轩, 王梓涵, 赵子豪
    expect(await apps('sort=applicant')).toEqual([student, classmate, junior])
  })

  it('filters by applicant and by the Beijing dates received, inclusive', async () => {
    const { h, ids, apps } = await threeLeaves()
    expect(await apps(`applicant=${who.classmate}`)).toEqual([ids[1]])
    // All three arrived on Friday 27 November 2026, Beijing time.
    expect(await apps('from=2026-11-27&to=2026-11-27')).toHaveLength(3)
    expect(await apps('from=2026-11-28')).toEqual([])
    expect(await apps('to=2026-11-26')).toEqual([])
    for (const bad of ['from=2026-13-01', 'from=27.11.2026', 'from=2026-11-28&to=2026-11-27', 'sort=urgency']) {
      const res = await h.get(who.counsellor, `/api/tasks?${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.error.message, bad).toMatch(/date|sort|to/)
    }
  })
})
