import { describe, expect, test } from 'vitest'
import type { ProcessDefinition } from './definition.ts'
import { allowedActions } from './queries.ts'
import { fakeResolver, Flow, MONDAY_9AM, undergraduate } from './test-support.ts'
import { validateProcess } from './validate.ts'
import { validateDefinition } from './validate-definition.ts'

// A confirmation by the person named in the form (`{ namedIn }`): the student a bed swap is with
// confirms or declines before the office decides. Any service can ask a person its form names.

const A = undergraduate.cardNumber
const B = '2023010202'

const swap: ProcessDefinition = {
  schemaVersion: 1,
  service: 'swap',
  name: { zh: '互换', en: 'Swap' },
  formFields: [
    { name: 'changeType', type: 'string', label: { zh: '调整方式', en: 'How' } },
    { name: 'swapWith', type: 'cardNumber', label: { zh: '互换同学', en: 'Swap with' } },
  ],
  start: [{ when: { field: 'changeType', op: 'eq', value: 'swap' }, to: 'confirm' }, { to: 'office' }],
  steps: [
    { type: 'approval', id: 'confirm', name: { zh: '对方同学确认', en: 'The other student confirms' }, assignees: [{ namedIn: 'swapWith' }], next: 'office' },
    { type: 'approval', id: 'office', name: { zh: '公寓调配', en: 'Housing' }, assignees: [{ person: 'hou' }], next: 'end' },
  ],
  fallbackAssignees: [{ person: 'owner' }],
}

const flowOf = (delegations: Array<{ from: string; to: string }> = []) => new Flow(swap, { resolver: fakeResolver({}, delegations) })

describe('a confirmation by the person named in the form', () => {
  test('the named student gets the task and a message, and confirming moves on to the office', () => {
    const flow = flowOf().submit({ changeType: 'swap', swapWith: B })
    expect(flow.holders()).toEqual([`confirm:${B}`])
    // The named student is asked; the applicant hears that the application was submitted.
    expect(flow.effectsOf('notify')).toEqual([
      expect.objectContaining({ kind: 'task_assigned', recipients: [B] }),
      expect.objectContaining({ kind: 'submitted', recipients: [A] }),
    ])
    const mine = allowedActions(swap, flow.state, B, { now: MONDAY_9AM })
    expect(mine.tasks).toEqual([expect.objectContaining({ actions: ['approve', 'return'], returnTargets: ['applicant'], confirmation: true })])
    flow.approve(B)
    expect(flow.holders()).toEqual(['office:hou'])
    expect(allowedActions(swap, flow.state, 'hou', { now: MONDAY_9AM }).tasks[0]).toMatchObject({ confirmation: false })
  })

  test('declining returns the application to the applicant with the reason', () => {
    const flow = flowOf().submit({ changeType: 'swap', swapWith: B })
    flow.do({ type: 'return', by: B, taskId: flow.taskOf(B).id, opinion: '我不想换了' })
    expect(flow.state.status).toBe('returned')
    expect(flow.live()).toEqual([])
  })

  test('someone else cannot confirm for the named student', () => {
    // why: only the student named in the form agrees to give up their bed
    const flow = flowOf().submit({ changeType: 'swap', swapWith: B })
    flow.refuse({ type: 'approve', by: '2023010303', taskId: flow.taskOf(B).id }, 'not_assignee')
    flow.refuse({ type: 'approve', by: A, taskId: flow.taskOf(B).id }, 'not_assignee')
  })

  test('the named student cannot pass the confirmation on, ask, reject or return it elsewhere', () => {
    // why: a reviewer's tools (转办, 加签) would let the confirmation be given by someone else
    const flow = flowOf().submit({ changeType: 'swap', swapWith: B })
    const taskId = flow.taskOf(B).id
    flow.refuse({ type: 'transfer', by: B, taskId, to: '2023010303' }, 'confirmation_only')
    flow.refuse({ type: 'addSigner', by: B, taskId, position: 'before', signers: ['2023010303'] }, 'confirmation_only')
    flow.refuse({ type: 'ask', by: B, taskId, question: '?' }, 'confirmation_only')
    flow.refuse({ type: 'reject', by: B, taskId, opinion: 'no' }, 'confirmation_only')
  })

  test('a confirmation is not delegated to the named person’s substitute', () => {
    const flow = flowOf([{ from: B, to: 'substitute' }]).submit({ changeType: 'swap', swapWith: B })
    expect(flow.holders()).toEqual([`confirm:${B}`])
    expect(flow.taskOf(B).onBehalfOf).toBeNull()
  })

  test('naming nobody, or the applicant, falls to nobody else: the submission is refused', () => {
    // why: the service owner (fallback) must not confirm a swap in the student's place
    flowOf().refuse({ type: 'submit', by: A, applicant: undergraduate, form: { changeType: 'swap', swapWith: A } }, 'no_assignee')
    flowOf().refuse({ type: 'submit', by: A, applicant: undergraduate, form: { changeType: 'swap' } }, 'no_assignee')
  })

  test('without a swap the step is not on the way', () => {
    expect(flowOf().submit({ changeType: 'vacant' }).holders()).toEqual(['office:hou'])
  })
})

describe('checking a definition with a confirmation', () => {
  test('the field must be declared as a card number', () => {
    const bad = { ...swap, formFields: [{ name: 'swapWith', type: 'string', label: { zh: '甲', en: 'A' } }, swap.formFields[0]] }
    const result = validateProcess(bad)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toContainEqual(['field_type', 'steps[0].assignees[0].namedIn'])
  })

  test('a confirmation has no other assignees and no escalation', () => {
    const confirm = { ...swap.steps[0]!, assignees: [{ namedIn: 'swapWith' }, { person: 'hou' }], escalateTo: [{ person: 'boss' }] }
    const result = validateProcess({ ...swap, steps: [confirm, swap.steps[1]] })
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['mixed_confirmation', 'steps[0].assignees[1]'],
      ['mixed_confirmation', 'steps[0].escalateTo'],
    ])
  })

  test('the form must have the field', () => {
    const result = validateDefinition(swap, { formFields: { changeType: 'string' } })
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain('unknown_form_field')
  })
})
