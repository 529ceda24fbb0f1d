import { describe, expect, test } from 'vitest'
import type { Effect } from './state.ts'
import { beijing, threeStepFlow, undergraduate } from './test-support.ts'

// Every message of the workflow is an engine effect (issue 16): the API words and delivers what
// the engine decides, and never works a message out by comparing states itself. Each message
// carries what its reader needs to act on it without opening the hall.

const A = undergraduate.cardNumber
type Notify = Extract<Effect, { type: 'notify' }>
const kinds = (effects: Notify[]) => effects.map((e) => e.kind)

describe('messages to the applicant about progress', () => {
  test('a submission tells the applicant where it now waits', () => {
    // why: "submitted" used to be added by the API after comparing the state before and after
    const flow = threeStepFlow().submit()
    const submitted = flow.effectsOf('notify').find((e) => e.kind === 'submitted')
    expect(submitted).toMatchObject({ recipients: [A], taskId: null, about: { resubmitted: false, stepId: 'a' } })
  })

  test('a resubmission after a return says it is one', () => {
    // why: the applicant's receipt must tell a second submission from the first
    const flow = threeStepFlow().submit()
    flow.do({ type: 'return', by: 'ann', taskId: flow.taskOf('ann').id, opinion: '缺少证明' })
    flow.do({ type: 'resubmit', by: A })
    expect(flow.effectsOf('notify').find((e) => e.kind === 'submitted')?.about).toEqual({ resubmitted: true, stepId: 'a' })
  })

  test('an approval that moves the application on names the step passed and the step now', () => {
    // why: "step decided" used to be worked out in the API from the step before and after
    const flow = threeStepFlow().submit().approve('ann')
    const decided = flow.effectsOf('notify').filter((e) => e.kind === 'step_decided')
    expect(decided).toEqual([
      { type: 'notify', kind: 'step_decided', recipients: [A], applicationId: 'app-1', taskId: null, about: { passedStepId: 'a', stepId: 'b' } },
    ])
  })

  test('the last approval completes without a "step decided" as well', () => {
    // why: completion has its own message; two messages for one click is noise
    const flow = threeStepFlow().submit().approve('ann').approve('bob').approve('cat')
    expect(kinds(flow.effectsOf('notify'))).toEqual(['completed'])
  })

  test('an approval that leaves the step waiting for another reviewer sends nothing to the applicant', () => {
    // why: the step is not passed until every signer has approved
    const flow = threeStepFlow().submit()
    flow.do({ type: 'addSigner', by: 'ann', taskId: flow.taskOf('ann').id, position: 'after', signers: ['dan'] })
    expect(kinds(flow.effectsOf('notify'))).toEqual(['task_assigned'])
    flow.approve('dan')
    expect(flow.effectsOf('notify').find((e) => e.kind === 'step_decided')?.about).toEqual({ passedStepId: 'a', stepId: 'b' })
  })
})

describe('messages carry the reason, the question and the deadline', () => {
  test("returned and rejected carry the reviewer's opinion", () => {
    // why (issue 14): an e-mail that says only "returned" makes the applicant log in to learn why
    const returned = threeStepFlow().submit()
    returned.do({ type: 'return', by: 'ann', taskId: returned.taskOf('ann').id, opinion: '请补充家长签字' })
    expect(returned.effectsOf('notify').find((e) => e.kind === 'returned')?.about).toEqual({ opinion: '请补充家长签字', stepId: 'a' })

    const rejected = threeStepFlow().submit().approve('ann')
    rejected.do({ type: 'reject', by: 'bob', taskId: rejected.taskOf('bob').id, opinion: '不符合条件' })
    expect(rejected.effectsOf('notify').find((e) => e.kind === 'rejected')?.about).toEqual({ opinion: '不符合条件', stepId: 'b' })
  })

  test('asked carries the question', () => {
    // why (issue 14): the applicant can answer only once they know the question
    const flow = threeStepFlow().submit()
    flow.do({ type: 'ask', by: 'ann', taskId: flow.taskOf('ann').id, question: '请上传成绩单' })
    expect(flow.effectsOf('notify').find((e) => e.kind === 'asked')?.about).toMatchObject({ question: '请上传成绩单' })
  })

  test('assigned, overdue and escalated carry the deadline', () => {
    // why (issue 14): a reviewer plans by the deadline; the title alone does not say it
    const flow = threeStepFlow().submit()
    const due = flow.taskOf('ann').dueAt
    expect(due).not.toBeNull()
    expect(flow.effectsOf('notify').find((e) => e.kind === 'task_assigned')?.about).toEqual({ dueAt: due })

    flow.approve('ann')
    const bobDue = flow.taskOf('bob').dueAt
    flow.at(beijing('2026-11-05 10:00')).do({ type: 'timeout', taskId: flow.taskOf('bob').id })
    const notices = flow.effectsOf('notify')
    expect(notices.find((e) => e.kind === 'overdue')?.about).toEqual({ dueAt: bobDue })
    expect(notices.find((e) => e.kind === 'escalated')).toMatchObject({ recipients: ['boss'], about: { dueAt: bobDue } })
  })
})
