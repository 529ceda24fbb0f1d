import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, notifications, tasks } from '../../db/schema/index.ts'
import { scanDeadlines } from '../../workflow/deadlines.ts'
import { HOUR, hall, leaveValues, who, type Hall } from '../applications/test-support.ts'
import { fileOf, pdfBytes } from '../forms/test-support.ts'

// The escalation contact of an overdue step (超时处理). Found by probing: the deputy secretary got
// "超时提醒" with a link to the counsellor's task, which answered 404 to them, and could do nothing.
// Undergraduate leave: the counsellor's step has 7 working hours and escalates to the deputy.

/** A 5-day leave whose counsellor's task passed its deadline and was escalated to the deputy. */
async function overdue() {
  const h = await hall()
  const id = await h.leave(who.student, 5)
  h.advance(3 * 24 * HOUR + 30 * 60_000) // Monday 10:30 Beijing: past the 7 working hours
  expect((await scanDeadlines(h.deps)).overdue).toBe(1)
  const task = (await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id)))[0]!
  const stateVersion = (await h.detail(who.student, id)).body.stateVersion as number
  return { h, id, taskId: task.id, stateVersion }
}

const actOn = (h: Hall, card: string, taskId: number, body: Record<string, unknown>) => h.post(card, `/api/escalations/${taskId}/actions`, body)

describe('GET /api/escalations/{id}', () => {
  it('the "超时提醒" message links to a page the contact can open, with what they may do', async () => {
    const { h, id, taskId } = await overdue()
    const message = (
      await h.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientCardNumber, who.deputy), eq(notifications.kind, 'escalated')))
    )[0]!
    expect(message.link).toBe(`/todo/overdue/${taskId}`)
    const page = await h.get(who.deputy, `/api/escalations/${taskId}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({
      authority: 'escalation',
      allowed: ['takeOver', 'reassign', 'urge'],
      task: { id: taskId, overdue: true, assignee: { cardNumber: who.counsellor }, escalatedAt: expect.any(String) },
      application: { id, status: 'in_review' },
    })
    // The task itself stays the counsellor's: the contact does not act on it as its assignee.
    expect((await h.get(who.deputy, `/api/tasks/${taskId}`)).status).toBe(404)
  })

  it.each([
    ['the applicant', 404, who.student],
    ['a stranger', 404, who.classmate],
    ['the assignee (not their own contact)', 404, who.counsellor],
    ['another reviewer', 404, who.studentAffairs],
    ['an administrator', 200, who.admin],
    ['nobody logged in', 401, null],
  ])('answers %s %i, to the page and to an action', async (_, status, card) => {
    const { h, taskId, stateVersion } = await overdue()
    expect((await h.get(card, `/api/escalations/${taskId}`)).status).toBe(status)
    expect((await actOn(h, card as string, taskId, { action: 'urge', stateVersion })).status).toBe(status)
  })

  it('is not there for a task within its time limit', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = (await h.deps.db.select().from(tasks).where(eq(tasks.applicationId, id)))[0]!
    expect((await h.get(who.deputy, `/api/escalations/${task.id}`)).status).toBe(404)
  })
})

describe('what the escalation contact may read', () => {
  it('the application and its files, once (and only once) the task was escalated to them', async () => {
    const h = await hall()
    const form = new FormData()
    form.set('file', fileOf(pdfBytes('diagnosis'), 'diagnosis.pdf'))
    form.set('serviceCode', 'undergrad-leave')
    form.set('fieldKey', 'sickProof')
    const uploaded = await h.app.request('/api/attachments', {
      method: 'POST',
      headers: { cookie: await h.loginAs(who.student), origin: h.deps.env.publicOrigin },
      body: form,
    })
    const proof = (await uploaded.json()) as { id: string; name: string; size: number; mime: string }
    const submitted = await h.submit(who.student, 'undergrad-leave', leaveValues(5, { leaveType: 'sick', sickProof: [proof] }))
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201)
    const id = submitted.body.id as number
    const download = async () => (await h.app.request(`/api/attachments/${proof.id}`, { headers: { cookie: await h.loginAs(who.deputy) } })).status

    expect((await h.get(who.deputy, `/api/applications/${id}`)).status).toBe(404)
    expect(await download()).toBe(404)
    h.advance(3 * 24 * HOUR + 30 * 60_000)
    expect((await scanDeadlines(h.deps)).overdue).toBe(1)
    // The escalation page shows the form with its files: they must open for the contact.
    expect((await h.get(who.deputy, `/api/applications/${id}`)).status).toBe(200)
    expect(await download()).toBe(200)
    expect((await h.get(who.classmate, `/api/applications/${id}`)).status).toBe(404)
  })
})

describe('POST /api/escalations/{id}/actions', () => {
  it('take over: the task becomes the contact’s, and the history says who took it', async () => {
    const { h, id, taskId, stateVersion } = await overdue()
    const res = await actOn(h, who.deputy, taskId, { action: 'takeOver', stateVersion, opinion: '辅导员出差，由我处理' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const mine = await h.taskOf(who.deputy, id)
    expect(mine.id).not.toBe(taskId)
    const detail = await h.detail(who.student, id)
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'overdue', 'takenOver'])
    // The counsellor's page of the old task now says it was handed on, and the page offers nothing more.
    expect((await h.get(who.deputy, `/api/escalations/${taskId}`)).body.allowed).toEqual([])
    expect((await h.approve(who.deputy, id)).status).toBe('in_review')
  })

  it('two take-overs at the same moment advance the application once', async () => {
    const { h, id, taskId, stateVersion } = await overdue()
    const [a, b] = await Promise.all([
      actOn(h, who.deputy, taskId, { action: 'takeOver', stateVersion }),
      actOn(h, who.admin, taskId, { action: 'takeOver', stateVersion }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    expect(
      await h.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'takenOver'))),
    ).toHaveLength(1)
    expect(
      await h.deps.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.applicationId, id), eq(tasks.box, 'todo'))),
    ).toHaveLength(1)
    // And once more with a fresh version: the task was handed on already.
    const again = await actOn(h, who.deputy, taskId, { action: 'takeOver', stateVersion: (await h.detail(who.student, id)).body.stateVersion })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('already_decided')
  })

  it('reassign: gives the task to someone named, who finds it in their to-do', async () => {
    const { h, id, taskId, stateVersion } = await overdue()
    const missing = await actOn(h, who.deputy, taskId, { action: 'reassign', stateVersion })
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields[0].path).toBe('to')
    const unknown = await actOn(h, who.deputy, taskId, { action: 'reassign', stateVersion, to: '9999999' })
    expect(unknown.status).toBe(400)
    const res = await actOn(h, who.deputy, taskId, { action: 'reassign', stateVersion, to: who.studentAffairs })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await h.taskOf(who.studentAffairs, id)
  })

  it('urge: reminds the assignee, once a day', async () => {
    const { h, taskId, stateVersion } = await overdue()
    expect((await actOn(h, who.deputy, taskId, { action: 'urge', stateVersion })).status).toBe(200)
    const urged = await h.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientCardNumber, who.counsellor), eq(notifications.kind, 'urged')))
    expect(urged).toHaveLength(1)
    const twice = await actOn(h, who.deputy, taskId, { action: 'urge', stateVersion: stateVersion + 1 })
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('urged_recently')
  })
})
