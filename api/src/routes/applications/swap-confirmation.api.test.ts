import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notifications, outbox } from '../../db/schema/index.ts'
import { scanDeadlines } from '../../workflow/deadlines.ts'
import { DAY, hall, swapValues, who } from './test-support.ts'

// 宿舍调整申请, swap beds: the student named in 互换同学 must be a student of the hall other than the
// applicant, and confirms (or declines) in their own 待办 before anyone reviews.

describe('宿舍调整申请: the student to swap with', () => {
  it.each([
    ['any text ("wang")', 'wang', /卡号 wang 不是本校在校人员/],
    ['a card number nobody has', '2099999999', /卡号 2099999999 不是本校在校人员/],
    ['the applicant themself', who.student, /互换同学不能是您本人/],
    ['a member of staff', who.counsellor, /互换同学应为学生/],
  ])('refuses %s, naming the field', async (_, swapWith, zh) => {
    const h = await hall()
    const res = await h.submit(who.student, 'dorm-change', await swapValues(h, swapWith))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_form')
    expect(res.body.error.messageZh).toMatch(zh)
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'swapWith', message: expect.stringMatching(/^Student to swap with: /) })])
  })

  it('asks the named student first, in their 待办 and by message; only they confirm, then the counsellor reviews', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'dorm-change', await swapValues(h, who.junior))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const id = res.body.id as number
    const task = await h.taskOf(who.junior, id)
    // A bell message and an e-mail (the outbox) tell them.
    const note = await h.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientCardNumber, who.junior), eq(notifications.kind, 'task_assigned')))
    expect(note).toHaveLength(1)
    expect(
      await h.deps.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, who.junior), eq(outbox.applicationId, id))),
    ).toHaveLength(1)
    // Their task offers confirm and decline only.
    const detail = await h.get(who.junior, `/api/tasks/${task.id}`)
    expect(detail.body.allowed).toMatchObject({ actions: ['approve', 'return'], confirmation: true, returnTargets: [{ id: 'applicant' }] })
    // Nobody else confirms for them: not another student, not the applicant, not the counsellor.
    for (const other of [who.otherStudent, who.student, who.counsellor]) {
      const denied = await h.act(other, task.id, { action: 'approve', stateVersion: task.stateVersion })
      // 404 for whoever may not even see the task, 403 for who sees it but does not hold it.
      expect([403, 404], other).toContain(denied.status)
    }
    expect((await h.taskOf(who.junior, id)).stateVersion).toBe(task.stateVersion)
    // And they cannot hand the confirmation to someone else.
    const passed = await h.act(who.junior, task.id, { action: 'transfer', to: who.junior2, stateVersion: task.stateVersion })
    expect(passed.status).toBe(403)
    expect(passed.body.error.code).toBe('confirmation_only')
    await h.approve(who.junior, id)
    await h.taskOf(who.counsellor, id)
  })

  it('reads the named student back by name, for the applicant and for the reviewer', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'dorm-change', await swapValues(h, who.junior))
    const id = res.body.id as number
    // why: the detail page and the reviewer's view showed the card number alone
    const named = { [who.junior]: { name: '赵子豪', nameEn: expect.any(String) } }
    expect((await h.detail(who.student, id)).body.people).toEqual(named)
    await h.approve(who.junior, id)
    const task = await h.taskOf(who.counsellor, id)
    expect((await h.get(who.counsellor, `/api/tasks/${task.id}`)).body.application.people).toEqual(named)
  })

  it('declining sends the application back to the applicant with the reason', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'dorm-change', await swapValues(h, who.junior))
    const id = res.body.id as number
    const task = await h.taskOf(who.junior, id)
    const declined = await h.act(who.junior, task.id, { action: 'return', opinion: '我暂时不想换宿舍', stateVersion: task.stateVersion })
    expect(declined.status, JSON.stringify(declined.body)).toBe(200)
    expect((await h.detail(who.student, id)).body.status).toBe('returned')
  })

  it('an overdue confirmation cannot be taken over or handed on, even by an administrator: only the named student confirms', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'dorm-change', await swapValues(h, who.junior))
    const id = res.body.id as number
    const task = await h.taskOf(who.junior, id)
    h.advance(7 * DAY) // well past the step's 2 working days
    expect((await scanDeadlines(h.deps)).overdue).toBe(1)
    // The administrator's page of the overdue task offers urging only.
    const page = await h.get(who.admin, `/api/escalations/${task.id}`)
    expect(page.status, JSON.stringify(page.body)).toBe(200)
    expect(page.body.allowed).toEqual(['urge'])
    const { stateVersion } = await h.taskOf(who.junior, id)
    for (const body of [{ action: 'takeOver' }, { action: 'reassign', to: who.junior2 }]) {
      const refused = await h.post(who.admin, `/api/escalations/${task.id}/actions`, { ...body, stateVersion })
      expect(refused.status, body.action).toBe(403)
      expect(refused.body.error.code).toBe('confirmation_in_person')
      expect(refused.body.error.messageZh).toMatch(/本人确认/)
    }
    // Still the named student's to confirm.
    expect((await h.taskOf(who.junior, id)).id).toBe(task.id)
    await h.approve(who.junior, id)
    await h.taskOf(who.counsellor, id)
  })

  it('a move to a free bed asks nobody to confirm', async () => {
    const h = await hall()
    const values = { ...(await swapValues(h, undefined)), changeType: 'vacant', swapAgreed: undefined }
    const res = await h.submit(who.student, 'dorm-change', values)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    await h.taskOf(who.counsellor, res.body.id)
  })
})
