import { describe, expect, test } from 'vitest'
import type { ProcessDefinition } from './definition.ts'
import { processDefinitions } from '@hall/demo-university/templates'
import { returnTargets, transition } from './engine.ts'
import { WorkflowError } from './errors.ts'
import { applicationStateSchema, type Action } from './state.ts'
import { fakeResolver, Flow, threeStepFlow, undergraduate } from './test-support.ts'

// Decisions: approve, reject, return and resubmit, withdraw; and the guarantees the API relies on
// for consistency (a version per transition, refusals that change nothing, a closed task that
// cannot be decided twice).

const A = undergraduate.cardNumber

describe('submit', () => {
  test('starts the first step and moves the application into review', () => {
    // why: the happy path every other test builds on
    const flow = threeStepFlow().submit({ note: 'x' })
    expect(flow.state).toMatchObject({ status: 'in_review', round: 1, version: 1, form: { note: 'x' }, applicant: undergraduate })
    expect(flow.holders()).toEqual(['a:ann'])
  })

  test.each<{ why: string; action: (flow: Flow) => Action; code: WorkflowError['code'] }>([
    {
      // why: one card number cannot submit for another
      why: 'someone else submits',
      action: () => ({ type: 'submit', by: 'ann', applicant: undergraduate, form: {} }),
      code: 'not_applicant',
    },
  ])('refuses: $why', ({ action, code }) => {
    const flow = threeStepFlow()
    flow.refuse(action(flow), code)
  })

  test('refuses a second submission', () => {
    // why: a double click on "submit" must not start the process twice
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'submit', by: A, applicant: undergraduate, form: {} }, 'wrong_status')
  })

  test('refuses an invalid definition, saying where', () => {
    // why: a definition stored before validation existed must not half-start an application
    const broken: ProcessDefinition = { ...threeStepFlow().definition, start: 'nowhere' }
    const flow = new Flow(broken, { resolver: fakeResolver({}) })
    const error = flow.refuse({ type: 'submit', by: A, applicant: undergraduate, form: {} }, 'invalid_definition')
    expect(error.message).toContain('start')
  })
})

describe('approve', () => {
  test('closes the task, records the opinion, and moves to the next step', () => {
    // why: the basic transition; the opinion is optional when approving
    const flow = threeStepFlow().submit().approve('ann', '同意')
    expect(flow.holders()).toEqual(['b:bob'])
    expect(flow.effectsOf('closeTask')).toEqual([{ type: 'closeTask', taskId: 't2', outcome: 'approved', by: 'ann' }])
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'approved', who: 'ann', opinion: '同意', stepId: 'a', taskId: 't2' })
    expect(flow.state.firstDecisionAt).not.toBeNull()
  })

  test.each<{ why: string; by: string; taskId?: string; code: WorkflowError['code'] }>([
    // why: only the assignee (or their delegate) decides
    { why: 'someone who does not hold the task', by: 'bob', code: 'not_assignee' },
    // why: the applicant cannot approve their own application
    { why: 'the applicant', by: A, code: 'not_assignee' },
    // why: an id from another application or a typo is an error, not a no-op
    { why: 'a task that does not exist', by: 'ann', taskId: 't99', code: 'task_not_found' },
  ])('refuses $why', ({ by, taskId, code }) => {
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'approve', by, taskId: taskId ?? flow.taskOf('ann').id }, code)
  })

  test('refuses a task that is already decided (a double click, or a stale page)', () => {
    // why: the engine must refuse an action on a closed task even if the API's version check were bypassed
    const flow = threeStepFlow().submit()
    const taskId = flow.taskOf('ann').id
    flow.do({ type: 'approve', by: 'ann', taskId })
    const error = flow.refuse({ type: 'approve', by: 'ann', taskId }, 'already_decided')
    expect(error.text.zh).toContain('已处理')
    expect(error.text.en).toContain('already')
  })
})

describe('reject', () => {
  test('ends the application with the opinion and tells the applicant', () => {
    // why: reject is final
    const flow = threeStepFlow().submit().approve('ann')
    flow.do({ type: 'reject', by: 'bob', taskId: flow.taskOf('bob').id, opinion: '材料不全' })
    expect(flow.state.status).toBe('rejected')
    expect(flow.state.currentRunId).toBeNull()
    expect(flow.state.runs.at(-1)?.status).toBe('rejected')
    expect(flow.effectsOf('reject')).toHaveLength(1)
    expect(flow.effectsOf('notify')).toContainEqual(expect.objectContaining({ kind: 'rejected', recipients: [A] }))
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'rejected', opinion: '材料不全' })
  })

  test.each(['', '   ', undefined])('refuses an empty opinion (%j)', (opinion) => {
    // why: the applicant must learn why; whitespace is not an opinion
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'reject', by: 'ann', taskId: flow.taskOf('ann').id, opinion: opinion as string }, 'opinion_required')
  })

  test('nothing can be done to a rejected application', () => {
    // why: closed means closed, for the applicant as for reviewers
    const flow = threeStepFlow().submit()
    flow.do({ type: 'reject', by: 'ann', taskId: flow.taskOf('ann').id, opinion: '不符合条件' })
    flow.refuse({ type: 'withdraw', by: A }, 'application_closed')
    flow.refuse({ type: 'resubmit', by: A }, 'application_closed')
    flow.refuse({ type: 'comment', by: A, text: '为什么' }, 'application_closed')
  })
})

describe('return and resubmit', () => {
  test('return to the applicant: every open task closes and the application waits for them', () => {
    // why: a return hands the application back; nobody keeps a task on it meanwhile
    const flow = threeStepFlow().submit().approve('ann')
    flow.do({ type: 'return', by: 'bob', taskId: flow.taskOf('bob').id, opinion: '请补充证明' })
    expect(flow.state.status).toBe('returned')
    expect(flow.live()).toEqual([])
    expect(flow.effectsOf('returnToApplicant')).toHaveLength(1)
    expect(flow.effectsOf('notify')).toContainEqual(expect.objectContaining({ kind: 'returned', recipients: [A] }))
    expect(flow.state.returnedFrom).toMatchObject({ nodeId: 'b', by: 'bob' })
  })

  test('resubmit starts again from the first step by default, with the changed form', () => {
    // why: earlier approvers approved the old form; they see the new one too
    const flow = threeStepFlow().submit({ v: 1 }).approve('ann')
    flow.do({ type: 'return', by: 'bob', taskId: flow.taskOf('bob').id, opinion: '请修改' })
    flow.do({ type: 'resubmit', by: A, form: { v: 2 } })
    expect(flow.state).toMatchObject({ status: 'in_review', round: 2, form: { v: 2 }, returnedFrom: null })
    expect(flow.holders()).toEqual(['a:ann'])
    expect(flow.live()[0]?.round).toBe(2)
  })

  test("resubmit: 'returningStep' goes straight back to the step that returned it", () => {
    // why: the server scan is redone by the office that found the flaw, not rescheduled from scratch
    const resolver = fakeResolver({ 'reviewer@network-centre': ['0016032'] })
    const flow = new Flow(processDefinitions['server-security-scan'], { resolver }).submit().approve('0016032')
    flow.do({ type: 'return', by: '0016032', taskId: flow.taskOf('0016032').id, opinion: '发现高危漏洞，请整改后复测' })
    flow.do({ type: 'resubmit', by: A })
    expect(flow.holders()).toEqual(['report:0016032'])
  })

  test('return to an earlier step: it starts again there, and the steps after it are no longer "passed"', () => {
    // why: the third reviewer sends it back to the first; the first may not then "return" to the second
    const flow = threeStepFlow().submit().approve('ann').approve('bob')
    const cats = flow.taskOf('cat').id
    expect(returnTargets(flow.definition, flow.state, cats)).toEqual(['applicant', 'a', 'b'])
    flow.do({ type: 'return', by: 'cat', taskId: cats, opinion: '甲环节意见不明确', to: 'a' })
    expect(flow.state.status).toBe('in_review')
    expect(flow.holders()).toEqual(['a:ann'])
    const anns = flow.taskOf('ann').id
    expect(returnTargets(flow.definition, flow.state, anns)).toEqual(['applicant'])
    flow.refuse({ type: 'return', by: 'ann', taskId: anns, opinion: 'x', to: 'b' }, 'invalid_return_target')
    flow.approve('ann').approve('bob')
    expect(flow.holders()).toEqual(['c:cat'])
  })

  test.each([
    // why: only steps already passed are return targets
    { why: 'a later step', to: 'c' },
    { why: 'the current step', to: 'b' },
    { why: 'an unknown step', to: 'zzz' },
  ])('refuses a return to $why', ({ to }) => {
    const flow = threeStepFlow().submit().approve('ann')
    flow.refuse({ type: 'return', by: 'bob', taskId: flow.taskOf('bob').id, opinion: '退回', to }, 'invalid_return_target')
  })

  test('return inside a parallel branch goes back within that branch only', () => {
    // why: the college's deputy secretary returns to the counsellor; the library's clearance stands
    const resolver = fakeResolver({
      'reviewer@library': ['lib'],
      'reviewer@finance': ['fin'],
      'reviewer@housing': ['hou'],
      'counsellor@applicant.class': ['cou'],
      'college-deputy-secretary@applicant.college': ['sec'],
    })
    const flow = new Flow(processDefinitions['leaving-school'], { resolver }).submit().approve('lib').approve('cou')
    const secs = flow.taskOf('sec').id
    expect(returnTargets(flow.definition, flow.state, secs)).toEqual(['applicant', 'college-counsellor'])
    flow.do({ type: 'return', by: 'sec', taskId: secs, opinion: '请辅导员核实', to: 'college-counsellor' })
    expect(flow.holders()).toEqual(['college-counsellor:cou', 'finance:fin', 'housing:hou'])
  })

  test('refuses a return without an opinion, and a resubmit that is not after a return', () => {
    // why: the applicant must be told what to change; resubmit is only the answer to a return
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'return', by: 'ann', taskId: flow.taskOf('ann').id, opinion: ' ' }, 'opinion_required')
    flow.refuse({ type: 'resubmit', by: A }, 'wrong_status')
  })

  test('only the applicant resubmits', () => {
    // why: the reviewer who returned it cannot push it on for them
    const flow = threeStepFlow().submit()
    flow.do({ type: 'return', by: 'ann', taskId: flow.taskOf('ann').id, opinion: '请补充' })
    flow.refuse({ type: 'resubmit', by: 'ann' }, 'not_applicant')
  })
})

describe('withdraw', () => {
  test('before the first decision: every task closes and the reviewers are told', () => {
    // why: the applicant changed their mind before anyone decided
    const flow = threeStepFlow().submit()
    flow.do({ type: 'withdraw', by: A, reason: '行程取消' })
    expect(flow.state.status).toBe('withdrawn')
    expect(flow.live()).toEqual([])
    expect(flow.effectsOf('withdraw')).toHaveLength(1)
    expect(flow.effectsOf('notify')).toContainEqual(expect.objectContaining({ kind: 'task_cancelled', recipients: ['ann'] }))
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'withdrawn', opinion: '行程取消' })
  })

  test('after the first decision it is too late', () => {
    // why: a reviewer's decision is on record; the applicant asks the current reviewer to return it instead
    const flow = threeStepFlow().submit().approve('ann')
    flow.refuse({ type: 'withdraw', by: A }, 'too_late_to_withdraw')
  })

  test('a comment or a question is not a decision', () => {
    // why: asking the applicant something must not take away their right to withdraw
    const flow = threeStepFlow().submit()
    flow.do({ type: 'comment', by: 'ann', text: '已收到' })
    flow.do({ type: 'ask', by: 'ann', taskId: flow.taskOf('ann').id, question: '哪天出发？' })
    flow.do({ type: 'withdraw', by: A })
    expect(flow.state.status).toBe('withdrawn')
  })

  test('once returned to the applicant, it is theirs to withdraw', () => {
    // why: otherwise a returned application they no longer want would stay open for ever
    const flow = threeStepFlow().submit().approve('ann')
    flow.do({ type: 'return', by: 'bob', taskId: flow.taskOf('bob').id, opinion: '请修改' })
    flow.do({ type: 'withdraw', by: A })
    expect(flow.state.status).toBe('withdrawn')
  })

  test('only the applicant withdraws', () => {
    // why: a reviewer ends an application by rejecting it, with an opinion
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'withdraw', by: 'ann' }, 'not_applicant')
  })
})

describe('consistency', () => {
  test('every transition increments the version by one', () => {
    // why: the API stores the version and applies a transition only over the version it read
    const flow = threeStepFlow().submit()
    const versions = [flow.state.version]
    flow.do({ type: 'comment', by: A, text: '请尽快' })
    versions.push(flow.state.version)
    flow.approve('ann')
    versions.push(flow.state.version)
    flow.approve('bob').approve('cat')
    versions.push(flow.state.version)
    expect(versions).toEqual([1, 2, 3, 5])
  })

  test('a stale state gives the same version twice, so the API applies only the first', () => {
    // why: two reviewers acting on the same version: the second write fails the version check
    const flow = threeStepFlow().submit()
    const stale = flow.state
    const taskId = flow.taskOf('ann').id
    const first = transition(flow.definition, stale, { type: 'approve', by: 'ann', taskId }, flow.context)
    const second = transition(flow.definition, stale, { type: 'reject', by: 'ann', taskId, opinion: '不同意' }, flow.context)
    expect(first.state.version).toBe(second.state.version)
    // …and on the state the first produced, the second is refused outright.
    expect(() => transition(flow.definition, first.state, { type: 'reject', by: 'ann', taskId, opinion: '不同意' }, flow.context)).toThrow(
      expect.objectContaining({ code: 'already_decided' }),
    )
  })

  test('the input state is never modified, and the result is plain JSON the schema accepts', () => {
    // why: the API keeps the old state for its version check and stores the new one as JSON
    const flow = threeStepFlow().submit()
    const before = structuredClone(flow.state)
    const result = transition(flow.definition, flow.state, { type: 'approve', by: 'ann', taskId: flow.taskOf('ann').id }, flow.context)
    expect(flow.state).toEqual(before)
    const roundTrip: unknown = JSON.parse(JSON.stringify(result.state))
    expect(applicationStateSchema.parse(roundTrip)).toEqual(result.state)
    expect(JSON.parse(JSON.stringify(result.effects))).toEqual(result.effects)
  })

  test('the same inputs give the same outputs', () => {
    // why: a transition is a pure function; the API may recompute it on retry
    const flow = threeStepFlow().submit()
    const action: Action = { type: 'approve', by: 'ann', taskId: flow.taskOf('ann').id }
    expect(transition(flow.definition, flow.state, action, flow.context)).toEqual(transition(flow.definition, flow.state, action, flow.context))
  })

  test('every refusal is a WorkflowError with a message in both languages', () => {
    // why: the API turns it into a 409/422 whose message the UI shows as is
    const flow = threeStepFlow().submit()
    try {
      transition(flow.definition, flow.state, { type: 'urge', by: A }, flow.context)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowError)
      const e = error as WorkflowError
      expect(e.code).toBe('not_overdue')
      expect(e.text.zh).toMatch(/催办/)
      expect(e.message).toBe(e.text.en)
    }
  })
})
