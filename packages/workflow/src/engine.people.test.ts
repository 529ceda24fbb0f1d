import { describe, expect, test } from 'vitest'
import { addWorkingHours } from './calendar.ts'
import { processDefinitions } from '@hall/demo-university/templates'
import type { WorkflowErrorCode } from './errors.ts'
import type { Action } from './state.ts'
import { beijing, fakeResolver, Flow, MONDAY_9AM, threeStepFlow, undergraduate } from './test-support.ts'

// Working with other people on a task: asking the applicant, transferring, adding a signer,
// delegation while out of office, comments.

const A = undergraduate.cardNumber

describe('ask and answer (补充材料 without returning)', () => {
  test('the step keeps its place; the applicant answers; the same task resumes', () => {
    // why: asking must not send the application back to the start or lose the reviewer's place
    const flow = threeStepFlow().submit().approve('ann')
    const task = flow.taskOf('bob')
    flow.do({ type: 'ask', by: 'bob', taskId: task.id, question: '请补充导师签字页', materials: ['导师签字页'] })
    expect(flow.state.status).toBe('in_review')
    expect(flow.taskOf('bob')).toMatchObject({
      id: task.id,
      status: 'asked',
      dueAt: null,
      question: { text: '请补充导师签字页', materials: ['导师签字页'], answer: null },
    })
    expect(flow.effectsOf('notify')).toEqual([expect.objectContaining({ kind: 'asked', recipients: [A], taskId: task.id })])
    flow.do({ type: 'answer', by: A, taskId: task.id, answer: '已上传', attachments: ['file-17'] })
    expect(flow.taskOf('bob')).toMatchObject({ id: task.id, status: 'open', question: { answer: { text: '已上传', attachments: ['file-17'] } } })
    expect(flow.effectsOf('notify')).toEqual([expect.objectContaining({ kind: 'answered', recipients: ['bob'] })])
    flow.approve('bob')
    expect(flow.holders()).toEqual(['c:cat'])
  })

  test('the deadline is paused while the applicant has the question', () => {
    // why: time the applicant takes to answer does not count against the office
    const flow = threeStepFlow().submit() // due Tuesday 09:00 (7 working hours)
    const task = flow.taskOf('ann')
    flow.at(beijing('2026-11-02 11:00')).do({ type: 'ask', by: 'ann', taskId: task.id, question: '出发日期？' }) // 5 h left
    expect(flow.taskOf('ann').pausedHours).toBe(5)
    flow.at(beijing('2026-11-04 16:00')).do({ type: 'answer', by: A, taskId: task.id, answer: '11月9日' })
    const due = addWorkingHours(beijing('2026-11-04 16:00'), 5).toISOString()
    expect(flow.taskOf('ann').dueAt).toBe(due)
    expect(flow.effectsOf('scheduleDeadline')).toEqual([{ type: 'scheduleDeadline', taskId: task.id, dueAt: due }])
  })

  test.each<{ why: string; action: (taskId: string) => Action }>([
    // why: a decision, a hand-over or another question waits for the answer
    { why: 'approve', action: (taskId) => ({ type: 'approve', by: 'ann', taskId }) },
    { why: 'transfer', action: (taskId) => ({ type: 'transfer', by: 'ann', taskId, to: 'dan' }) },
    { why: 'add a signer', action: (taskId) => ({ type: 'addSigner', by: 'ann', taskId, position: 'after', signers: ['dan'] }) },
    { why: 'ask a second question', action: (taskId) => ({ type: 'ask', by: 'ann', taskId, question: '??' }) },
  ])('refuses to $why while waiting for the answer', ({ action }) => {
    const flow = threeStepFlow().submit()
    const taskId = flow.taskOf('ann').id
    flow.do({ type: 'ask', by: 'ann', taskId, question: '?' })
    flow.refuse(action(taskId), 'awaiting_answer')
  })

  test('…but the reviewer may still reject or return, so an unanswered question cannot block for ever', () => {
    // why: an applicant who never answers must not hold the office hostage
    const flow = threeStepFlow().submit()
    const taskId = flow.taskOf('ann').id
    flow.do({ type: 'ask', by: 'ann', taskId, question: '?' })
    flow.do({ type: 'return', by: 'ann', taskId, opinion: '未答复，退回' })
    expect(flow.state.status).toBe('returned')
  })

  test.each<{ why: string; asked: boolean; action: (taskId: string) => Action; code: WorkflowErrorCode }>([
    // why: a question must say something
    { why: 'an empty question', asked: false, action: (taskId) => ({ type: 'ask', by: 'ann', taskId, question: '  ' }), code: 'text_required' },
    // why: only the applicant answers
    { why: 'an answer by someone else', asked: true, action: (taskId) => ({ type: 'answer', by: 'bob', taskId, answer: 'x' }), code: 'not_applicant' },
    // why: an answer belongs to a question
    { why: 'an answer where nothing was asked', asked: false, action: (taskId) => ({ type: 'answer', by: A, taskId, answer: 'x' }), code: 'no_question' },
    // why: an answer says something or attaches something
    { why: 'an empty answer without attachments', asked: true, action: (taskId) => ({ type: 'answer', by: A, taskId, answer: ' ' }), code: 'text_required' },
  ])('refuses $why', ({ asked, action, code }) => {
    const flow = threeStepFlow().submit()
    const taskId = flow.taskOf('ann').id
    if (asked) flow.do({ type: 'ask', by: 'ann', taskId, question: '?' })
    flow.refuse(action(taskId), code)
  })
})

describe('transfer (转办)', () => {
  test('the task goes to the other person, in the same step, keeping its deadline', () => {
    // why: a transfer hands over the work, not a fresh time limit
    const flow = threeStepFlow().submit()
    const task = flow.taskOf('ann')
    flow.do({ type: 'transfer', by: 'ann', taskId: task.id, to: 'dan', opinion: '请丹老师处理' })
    const moved = flow.taskOf('dan')
    expect(moved).toMatchObject({ stepId: 'a', runId: task.runId, dueAt: task.dueAt, origin: { kind: 'transfer', fromTaskId: task.id, by: 'ann' } })
    expect(flow.state.tasks.find((t) => t.id === task.id)?.outcome).toBe('transferred')
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'transferred', detail: { to: 'dan', assignee: 'dan' } })
    flow.approve('dan')
    expect(flow.holders()).toEqual(['b:bob'])
  })

  test.each([
    { why: 'to oneself', to: 'ann' },
    { why: 'to the applicant', to: A },
    { why: 'to nobody', to: ' ' },
  ])('refuses a transfer $why', ({ to }) => {
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'transfer', by: 'ann', taskId: flow.taskOf('ann').id, to }, 'invalid_transfer_target')
  })

  test('a candidate who transfers takes the task from the other candidates first', () => {
    // why: in an "any" step the others' copies must not stay open beside the transferred one
    const resolver = fakeResolver({ 'reviewer@network-centre': ['r1', 'r2'] })
    const flow = new Flow(processDefinitions['server-security-scan'], { resolver }).submit()
    flow.do({ type: 'transfer', by: 'r1', taskId: flow.taskOf('r1').id, to: 'r3' })
    expect(flow.holders()).toEqual(['schedule:r3'])
  })
})

describe('add a signer (加签)', () => {
  test('before me: they sign first, then the task is mine again', () => {
    // why: 前加签 asks someone's opinion before my own decision
    const flow = threeStepFlow().submit()
    const mine = flow.taskOf('ann')
    flow.do({ type: 'addSigner', by: 'ann', taskId: mine.id, position: 'before', signers: ['dan'] })
    expect(flow.taskOf('ann')).toMatchObject({ status: 'waiting' })
    expect(flow.taskOf('dan')).toMatchObject({ stepId: 'a', origin: { kind: 'addSigner', position: 'before' } })
    flow.refuse({ type: 'approve', by: 'ann', taskId: mine.id }, 'waiting_for_signer')
    flow.approve('dan')
    expect(flow.taskOf('ann').status).toBe('open')
    expect(flow.effectsOf('notify')).toContainEqual(expect.objectContaining({ kind: 'task_resumed', recipients: ['ann'] }))
    expect(flow.holders()).toEqual(['a:ann'])
    flow.approve('ann')
    expect(flow.holders()).toEqual(['b:bob'])
  })

  test('after me: my approval counts, and the step also waits for them', () => {
    // why: 后加签 adds a signature the step needs after mine
    const flow = threeStepFlow().submit()
    flow.do({ type: 'addSigner', by: 'ann', taskId: flow.taskOf('ann').id, position: 'after', signers: ['dan', 'eve'], opinion: '同意，请两位复核' })
    expect(flow.state.tasks.find((t) => t.assignee === 'ann')?.outcome).toBe('approved')
    expect(flow.state.firstDecisionAt).not.toBeNull()
    expect(flow.holders()).toEqual(['a:dan', 'a:eve'])
    flow.approve('dan')
    expect(flow.holders()).toEqual(['a:eve'])
    flow.approve('eve')
    expect(flow.holders()).toEqual(['b:bob'])
  })

  test('an added signer who rejects rejects the application', () => {
    // why: an added signer is a full reviewer of the step
    const flow = threeStepFlow().submit()
    flow.do({ type: 'addSigner', by: 'ann', taskId: flow.taskOf('ann').id, position: 'before', signers: ['dan'] })
    flow.do({ type: 'reject', by: 'dan', taskId: flow.taskOf('dan').id, opinion: '不符合规定' })
    expect(flow.state.status).toBe('rejected')
    expect(flow.live()).toEqual([])
  })

  test('a signer added before me who hands over to someone else still holds me up', () => {
    // why: my task waits for the signature, whoever ends up giving it
    const flow = threeStepFlow().submit()
    flow.do({ type: 'addSigner', by: 'ann', taskId: flow.taskOf('ann').id, position: 'before', signers: ['dan'] })
    flow.do({ type: 'transfer', by: 'dan', taskId: flow.taskOf('dan').id, to: 'fay' })
    expect(flow.taskOf('ann').status).toBe('waiting')
    flow.approve('fay')
    expect(flow.taskOf('ann').status).toBe('open')
  })

  test.each([
    { why: 'nobody', signers: [] },
    { why: 'oneself', signers: ['ann'] },
    { why: 'the applicant', signers: [A] },
  ])('refuses adding $why', ({ signers }) => {
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'addSigner', by: 'ann', taskId: flow.taskOf('ann').id, position: 'after', signers }, 'invalid_signer')
  })

  test('refuses adding someone who already holds the step', () => {
    // why: the same person twice in one step would sign twice
    const flow = threeStepFlow().submit()
    flow.do({ type: 'addSigner', by: 'ann', taskId: flow.taskOf('ann').id, position: 'after', signers: ['dan'] })
    flow.refuse({ type: 'addSigner', by: 'dan', taskId: flow.taskOf('dan').id, position: 'after', signers: ['dan'] }, 'invalid_signer')
  })
})

describe('delegation (委托)', () => {
  const away = { from: 'bob', to: 'deb', start: beijing('2026-11-02 00:00'), end: beijing('2026-11-09 00:00') }

  test('a task for someone with an active delegate goes to the delegate, on their behalf', () => {
    // why: an out-of-office reviewer must not hold up the application
    const flow = threeStepFlow({ resolver: fakeResolver({}, [away]) })
      .submit()
      .approve('ann')
    expect(flow.taskOf('deb')).toMatchObject({ stepId: 'b', onBehalfOf: 'bob' })
    flow.approve('deb')
    const audit = flow.effectsOf('audit')[0]
    expect(audit).toMatchObject({ what: 'approved', who: 'deb', onBehalfOf: 'bob' })
  })

  test('outside the delegation period the task goes to the person', () => {
    // why: a delegation is for a period, not for ever
    const flow = threeStepFlow({ resolver: fakeResolver({}, [away]), now: beijing('2026-11-09 09:00') })
      .submit()
      .approve('ann')
    expect(flow.taskOf('bob').onBehalfOf).toBeNull()
  })

  test('a delegate named after the task was created may act on it, on behalf of its assignee', () => {
    // why: the delegation started while the task was already in the to-do
    const flow = threeStepFlow({ resolver: fakeResolver({}, [{ ...away, start: beijing('2026-11-03 00:00') }]) })
      .submit()
      .approve('ann')
    const task = flow.taskOf('bob')
    flow.at(beijing('2026-11-03 10:00')).do({ type: 'approve', by: 'deb', taskId: task.id })
    expect(flow.effectsOf('audit')[0]).toMatchObject({ who: 'deb', onBehalfOf: 'bob' })
  })

  test('the person back early may act on the task their delegate holds', () => {
    // why: the delegate holds it for them, it is still theirs
    const flow = threeStepFlow({ resolver: fakeResolver({}, [away]) })
      .submit()
      .approve('ann')
    flow.do({ type: 'approve', by: 'bob', taskId: flow.taskOf('deb').id })
    expect(flow.effectsOf('audit')[0]).toMatchObject({ who: 'bob', onBehalfOf: null })
  })

  test('a delegate who is the applicant is ignored', () => {
    // why: delegation must not let anyone review their own application
    const flow = threeStepFlow({ resolver: fakeResolver({}, [{ from: 'ann', to: A }]) }).submit()
    expect(flow.taskOf('ann').onBehalfOf).toBeNull()
  })
})

describe('comment', () => {
  test('the applicant, reviewers and people copied may comment; it goes on the record', () => {
    // why: comments are part of the application's history, written by the people involved
    const flow = threeStepFlow().submit()
    flow.do({ type: 'comment', by: A, text: '周三前需要，谢谢' })
    expect(flow.effectsOf('audit')).toEqual([expect.objectContaining({ what: 'commented', who: A, opinion: '周三前需要，谢谢' })])
    flow.do({ type: 'comment', by: 'ann', text: '收到', taskId: flow.taskOf('ann').id })
    expect(flow.effectsOf('audit')[0]).toMatchObject({ stepId: 'a' })
  })

  test('refuses an outsider and an empty comment', () => {
    // why: the engine checks who is involved; the API's policy module decides who may read
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'comment', by: 'mallory', text: 'hi' }, 'not_participant')
    flow.refuse({ type: 'comment', by: A, text: '  ' }, 'text_required')
  })

  test('refuses a comment on a draft', () => {
    // why: nobody but the applicant can see a draft yet
    const flow = threeStepFlow()
    flow.refuse({ type: 'comment', by: A, text: 'x' }, 'wrong_status')
    expect(flow.now).toBe(MONDAY_9AM)
  })
})
