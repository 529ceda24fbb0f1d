import { describe, expect, test } from 'vitest'
import { processDefinitions } from '@hall/demo-university/templates'
import { allowedActions, upcomingSteps } from './queries.ts'
import { initialState } from './state.ts'
import { beijing, fakeResolver, Flow, MONDAY_9AM, threeStepFlow, undergraduate } from './test-support.ts'

// The buttons the UI shows must be the actions the engine accepts: a shown button that fails, or
// a hidden one that would work, is a bug a reviewer sees every day.

const A = undergraduate.cardNumber

describe('allowedActions', () => {
  test('the assignee of an open task may decide it; the applicant may withdraw before any decision', () => {
    // why: mf-todo's action bar and mf-forms' withdraw button
    const flow = threeStepFlow().submit()
    const now = { now: MONDAY_9AM }
    expect(allowedActions(flow.definition, flow.state, 'ann', now)).toEqual({
      applicant: [],
      answer: [],
      tasks: [
        {
          taskId: flow.taskOf('ann').id,
          stepId: 'a',
          actions: ['approve', 'reject', 'return', 'ask', 'transfer', 'addSigner'],
          returnTargets: ['applicant'],
          confirmation: false,
        },
      ],
      comment: true,
    })
    expect(allowedActions(flow.definition, flow.state, A, now)).toMatchObject({ applicant: ['withdraw'], tasks: [], comment: true })
    expect(allowedActions(flow.definition, flow.state, 'mallory', now)).toEqual({ applicant: [], answer: [], tasks: [], comment: false })
  })

  test('after the first decision the applicant may no longer withdraw, and may urge once overdue', () => {
    // why: the buttons follow the same rules as the engine
    const flow = threeStepFlow().submit().approve('ann')
    expect(allowedActions(flow.definition, flow.state, A, { now: MONDAY_9AM }).applicant).toEqual([])
    expect(allowedActions(flow.definition, flow.state, A, { now: beijing('2026-11-04 10:00') }).applicant).toEqual(['urge'])
    expect(allowedActions(flow.definition, flow.state, 'bob', { now: MONDAY_9AM }).tasks[0]?.returnTargets).toEqual(['applicant', 'a'])
  })

  test('a question in the applicant’s hands: they may answer; the reviewer may only reject or return', () => {
    // why: mirrors the engine's awaiting_answer refusal
    const flow = threeStepFlow().submit()
    const taskId = flow.taskOf('ann').id
    flow.do({ type: 'ask', by: 'ann', taskId, question: '?' })
    expect(allowedActions(flow.definition, flow.state, A, { now: MONDAY_9AM }).answer).toEqual([taskId])
    expect(allowedActions(flow.definition, flow.state, 'ann', { now: MONDAY_9AM }).tasks[0]?.actions).toEqual(['reject', 'return'])
  })

  test('a returned application: the applicant may resubmit or withdraw', () => {
    // why: the two ways out of a return
    const flow = threeStepFlow().submit()
    flow.do({ type: 'return', by: 'ann', taskId: flow.taskOf('ann').id, opinion: '请修改' })
    expect(allowedActions(flow.definition, flow.state, A, { now: MONDAY_9AM }).applicant).toEqual(['withdraw', 'resubmit'])
  })

  test('a delegate sees the tasks of the person they stand in for', () => {
    // why: the delegate's to-do must show what they may act on
    const flow = threeStepFlow().submit()
    const delegateOf = (card: string) => (card === 'ann' ? 'deb' : null)
    expect(allowedActions(flow.definition, flow.state, 'deb', { now: MONDAY_9AM, delegateOf }).tasks).toHaveLength(1)
  })
})

describe('upcomingSteps', () => {
  const resolver = fakeResolver({ 'counsellor@applicant.class': ['c'], 'college-deputy-secretary@applicant.college': ['s'] })

  test('follows the routes the form decides', () => {
    // why: the applicant's timeline shows the steps still to come (8 days: college, then Student Affairs)
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver }).submit({ days: 8 })
    expect(upcomingSteps(flow.definition, flow.state).map((s) => s.id)).toEqual(['college', 'student-affairs'])
    flow.approve('c')
    expect(upcomingSteps(flow.definition, flow.state).map((s) => s.id)).toEqual(['student-affairs'])
  })

  test('previews a draft from the form being filled in, and shows nothing once finished', () => {
    // why: the form can say where the application will go before it is submitted
    const def = processDefinitions['undergrad-leave']
    expect(upcomingSteps(def, initialState('x'), { form: { days: 5 }, applicant: undergraduate }).map((s) => s.id)).toEqual(['counsellor', 'college'])
    expect(upcomingSteps(def, initialState('x'))).toEqual([])
    const flow = new Flow(def, { resolver }).submit({ days: 1 }).approve('c')
    expect(upcomingSteps(def, flow.state)).toEqual([])
  })
})
