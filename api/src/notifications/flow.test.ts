import { processDefinitions } from '@hall/demo-university'
import type { ProcessDefinition } from '@hall/workflow'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applications, notifications, outbox, serviceVersions } from '../db/schema/index.ts'
import { hall, who } from '../routes/applications/test-support.ts'
import { renderMessage } from './render.ts'

// The full path: what each change of an application leaves for whom. Exactly these messages, to
// exactly these people, in the bell and in the outbox alike (one outbox row per in-app row).

async function messages(h: Awaited<ReturnType<typeof hall>>) {
  const inApp = await h.deps.db.select().from(notifications).orderBy(asc(notifications.id))
  const out = await h.deps.db.select().from(outbox).orderBy(asc(outbox.id))
  expect(out.map((o) => [o.recipient, o.kind])).toEqual(inApp.map((n) => [n.recipientCardNumber, n.kind]))
  return inApp
}

describe('progress messages along an application', () => {
  it('a submission, each approval and the completion message exactly the expected people', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    let seen = await messages(h)
    expect(seen.map((n) => [n.recipientCardNumber, n.kind])).toEqual([
      [who.counsellor, 'task_assigned'],
      [who.student, 'submitted'],
    ])
    const submitted = seen[1]!
    expect(submitted.link).toBe(`/my/${id}`)
    expect(submitted.titleZh).toContain('已提交')
    // Every message about the application ends with its reference number (受理编号), in the bell and
    // in the outbox's payload alike: the number the person reads out to the office on the phone.
    const ref = (await h.deps.db.select({ n: applications.referenceNumber }).from(applications).where(eq(applications.id, id)))[0]!.n!
    expect(ref).toMatch(/^\d{4}-.+-\d{6}$/)
    for (const n of seen) {
      expect(n.titleZh.endsWith(`（${ref}）`)).toBe(true)
      expect(n.titleEn.endsWith(` (${ref})`)).toBe(true)
    }
    expect((await h.deps.db.select().from(outbox)).map((o) => o.payload.referenceNumber)).toEqual([ref, ref])
    expect(seen[0]!.link).toMatch(/^\/todo\/\d+$/)

    await h.approve(who.counsellor, id)
    seen = (await messages(h)).slice(2)
    expect(seen.map((n) => [n.recipientCardNumber, n.kind])).toEqual([
      [who.deputy, 'task_assigned'],
      [who.student, 'step_decided'],
    ])

    // Follow the process to its end, whoever it goes to, then look at what the end left.
    for (let i = 0; i < 5; i++) {
      const detail = await h.detail(who.student, id)
      if (detail.body.status !== 'in_review') break
      const open = (await h.deps.db.select().from(notifications)).filter((n) => n.kind === 'task_assigned').at(-1)!
      await h.approve(open.recipientCardNumber, id)
    }
    expect((await h.detail(who.student, id)).body.status).toBe('completed')
    const all = await messages(h)
    const toStudent = all.filter((n) => n.recipientCardNumber === who.student).map((n) => n.kind)
    expect(toStudent[0]).toBe('submitted')
    expect(toStudent.at(-1)).toBe('completed')
    // Every step passed before the last is announced once; the last one is the completion.
    const assigned = all.filter((n) => n.kind === 'task_assigned').length
    expect(toStudent.filter((k) => k === 'step_decided')).toHaveLength(assigned - 1)
    const completed = all.find((n) => n.kind === 'completed')!
    expect(completed.actions).toEqual([{ labelZh: '评价本次服务', labelEn: 'Rate the service', link: `/feedback/rate/${id}` }])
    const completedOut = (await h.deps.db.select().from(outbox)).find((o) => o.kind === 'completed')!
    expect(completedOut.payload.actions).toEqual(completed.actions)
    // Nobody else heard of it: the messages went to the applicant and the reviewers who had a task.
    const reviewers = new Set(all.filter((n) => n.kind === 'task_assigned').map((n) => n.recipientCardNumber))
    for (const n of all) expect(n.recipientCardNumber === who.student || reviewers.has(n.recipientCardNumber) || n.kind === 'copied').toBe(true)
  })

  it('a return tells the applicant, and the resubmission says "resubmitted"', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = await h.taskOf(who.counsellor, id)
    const res = await h.act(who.counsellor, task.id, { action: 'return', stateVersion: task.stateVersion, opinion: '请补充离校去向' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const seen = (await messages(h)).slice(2)
    expect(seen.map((n) => [n.recipientCardNumber, n.kind])).toEqual([[who.student, 'returned']])
  })

  it('a copy reaches the person copied, and a rejection the applicant, once each', async () => {
    const h = await hall()
    const leave = structuredClone<ProcessDefinition>(processDefinitions['undergrad-leave'])
    const first = leave.steps[0]!
    if (first.type === 'approval') first.copyTo = [{ person: who.professor }]
    await h.deps.db.update(serviceVersions).set({ process: leave }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))
    const id = await h.leave(who.student, 5)
    await h.approve(who.counsellor, id)
    const task = await h.taskOf(who.deputy, id)
    const res = await h.act(who.deputy, task.id, { action: 'reject', stateVersion: task.stateVersion, opinion: '理由不充分' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const seen = (await messages(h)).slice(2)
    expect(seen.map((n) => [n.recipientCardNumber, n.kind])).toEqual([
      [who.professor, 'copied'],
      [who.deputy, 'task_assigned'],
      [who.student, 'step_decided'],
      [who.student, 'rejected'],
    ])
    expect(seen[3]!.link).toBe(`/my/${id}`)
  })

  it('the e-mails of a question, a return and a rejection carry the question, the reason and the opinion; a new task its deadline', async () => {
    // why (issue 14): the e-mail said only a title and a link; the reader had to log in to learn why or by when
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const mail = async (kind: string, language: 'zh-CN' | 'en' = 'zh-CN') => {
      const row = (await h.deps.db.select().from(outbox).orderBy(asc(outbox.id))).filter((o) => o.kind === kind).at(-1)
      expect(row, kind).toBeDefined()
      return renderMessage(row!.payload, language, 'https://hall.example')
    }
    expect((await mail('task_assigned')).text).toMatch(/办理时限：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/)
    expect((await mail('task_assigned', 'en')).html).toMatch(/Due by: \d{4}-\d\d-\d\d \d\d:\d\d \(Beijing time\)/)

    let task = await h.taskOf(who.counsellor, id)
    let res = await h.act(who.counsellor, task.id, { action: 'ask', stateVersion: task.stateVersion, opinion: '请说明离校去向' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await mail('asked')).text).toContain('问题：请说明离校去向')
    // One application in progress at a time: the student withdraws it before the next.
    const withdraw = async (app: number) => {
      const r = await h.post(who.student, `/api/applications/${app}/withdraw`, { stateVersion: (await h.detail(who.student, app)).body.stateVersion })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
    }
    await withdraw(id)

    const other = await h.leave(who.student, 5)
    task = await h.taskOf(who.counsellor, other)
    res = await h.act(who.counsellor, task.id, { action: 'return', stateVersion: task.stateVersion, opinion: '请补充离校去向' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await mail('returned')).text).toContain('退回原因：请补充离校去向')
    expect((await mail('returned', 'en')).html).toContain('Reason for the return: 请补充离校去向')

    await withdraw(other)
    const third = await h.leave(who.student, 5)
    task = await h.taskOf(who.counsellor, third)
    res = await h.act(who.counsellor, task.id, { action: 'reject', stateVersion: task.stateVersion, opinion: '理由不充分' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await mail('rejected')).text).toContain('审核意见：理由不充分')
  })
})
