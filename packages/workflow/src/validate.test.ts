import { describe, expect, test } from 'vitest'
import type { ProcessDefinition } from './definition.ts'
import { validateProcess, type ValidationIssueCode } from './validate.ts'

// A department publishes its own process: the API must refuse a broken one before an applicant
// meets it, and say where the mistake is. One case per mistake, each starting from a valid base.

const base = (): ProcessDefinition => ({
  schemaVersion: 1,
  service: 'sample',
  name: { zh: '示例', en: 'Sample' },
  formFields: [
    { name: 'days', type: 'number', label: { zh: '天数', en: 'Days' } },
    { name: 'teacher', type: 'cardNumber', label: { zh: '教师', en: 'Teacher' } },
  ],
  start: 'a',
  steps: [
    {
      type: 'approval',
      id: 'a',
      name: { zh: '甲', en: 'A' },
      assignees: [{ role: 'counsellor', scope: 'applicant.class' }],
      next: [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'group' }, { to: 'end' }],
    },
    {
      type: 'parallel',
      id: 'group',
      name: { zh: '会签', en: 'Group' },
      mode: 'all',
      branches: [
        { id: 'x', steps: [{ id: 'x1', name: { zh: '乙', en: 'X1' }, assignees: [{ field: 'teacher' }] }] },
        { id: 'y', steps: [{ id: 'y1', name: { zh: '丙', en: 'Y1' }, assignees: [{ person: '0012345' }] }] },
      ],
      next: 'end',
    },
  ],
})

type Edit = (d: ProcessDefinition) => void
const step = (d: ProcessDefinition, i: number) => d.steps[i] as Extract<ProcessDefinition['steps'][number], { type: 'approval' }>
const group = (d: ProcessDefinition) => d.steps[1] as Extract<ProcessDefinition['steps'][number], { type: 'parallel' }>

describe('validateProcess', () => {
  test('accepts the base definition and returns it parsed', () => {
    // why: every case below is a single mistake away from this valid definition
    const result = validateProcess(base())
    expect(result.issues).toEqual([])
    expect(result.ok).toBe(true)
  })

  test.each<{ why: string; edit: Edit; code: ValidationIssueCode; path: string }>([
    {
      why: 'a route to a step that does not exist',
      edit: (d) => (step(d, 0).next = 'nowhere'),
      code: 'dangling_reference',
      path: 'steps[0].next',
    },
    {
      why: 'a route into a parallel branch (go to the group instead)',
      edit: (d) => (step(d, 0).next = 'x1'),
      code: 'dangling_reference',
      path: 'steps[0].next',
    },
    {
      why: 'a start that does not exist',
      edit: (d) => (d.start = 'b'),
      code: 'dangling_reference',
      path: 'start',
    },
    {
      why: 'a step nothing leads to',
      edit: (d) => (step(d, 0).next = 'end'),
      code: 'unreachable_step',
      path: 'steps[1]',
    },
    {
      why: 'a parallel group without branches',
      edit: (d) => (group(d).branches = []),
      code: 'empty_parallel',
      path: 'steps[1].branches',
    },
    {
      why: 'a branch without steps',
      edit: (d) => ((group(d).branches[0] as { steps: unknown[] }).steps = []),
      code: 'empty_branch',
      path: 'steps[1].branches[0].steps',
    },
    {
      why: 'a process without steps',
      edit: (d) => {
        d.steps = []
        d.start = 'end'
      },
      code: 'no_steps',
      path: 'steps',
    },
    {
      why: 'a step nobody is assigned to',
      edit: (d) => (step(d, 0).assignees = []),
      code: 'no_assignees',
      path: 'steps[0].assignees',
    },
    {
      why: 'the same id twice (tasks are stored by step id)',
      edit: (d) => ((group(d).branches[1]?.steps[0] as { id: string }).id = 'x1'),
      code: 'duplicate_id',
      path: 'steps[1].branches[1].steps[0].id',
    },
    {
      why: 'a reserved id',
      edit: (d) => {
        step(d, 0).id = 'applicant'
        d.start = 'applicant'
      },
      code: 'reserved_id',
      path: 'steps[0].id',
    },
    {
      why: 'routes that may all fail',
      edit: (d) => (step(d, 0).next = [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'group' }]),
      code: 'no_default_route',
      path: 'steps[0].next',
    },
    {
      why: 'a route after the unconditional one',
      edit: (d) => (step(d, 0).next = [{ to: 'group' }, { to: 'end' }]),
      code: 'unreachable_route',
      path: 'steps[0].next[1]',
    },
    {
      why: 'a loop (going back is what return is for)',
      edit: (d) => (group(d).next = 'a'),
      code: 'cycle',
      path: 'steps[0].next',
    },
    {
      why: 'a condition on a field the form does not declare',
      edit: (d) => (step(d, 0).next = [{ when: { field: 'dayz', op: 'gt', value: 3 }, to: 'group' }, { to: 'end' }]),
      code: 'undeclared_field',
      path: 'steps[0].next[0].when.field',
    },
    {
      why: 'a number field compared with a string',
      edit: (d) => (step(d, 0).next = [{ when: { field: 'days', op: 'gt', value: 'three' }, to: 'group' }, { to: 'end' }]),
      code: 'invalid_condition',
      path: 'steps[0].next[0].when',
    },
    {
      why: '"in" without a list',
      edit: (d) => (step(d, 0).next = [{ when: { field: 'days', op: 'in', value: 3 }, to: 'group' }, { to: 'end' }]),
      code: 'invalid_condition',
      path: 'steps[0].next[0].when',
    },
    {
      why: 'an applicant kind that does not exist',
      edit: (d) => (step(d, 0).next = [{ when: { applicant: 'kind', op: 'eq', value: 'postgraduate' }, to: 'group' }, { to: 'end' }]),
      code: 'invalid_condition',
      path: 'steps[0].next[0].when',
    },
    {
      why: 'an empty "all" list hidden in a branch condition',
      edit: (d) => ((group(d).branches[0] as { when?: unknown }).when = { all: [] }),
      code: 'invalid_condition',
      path: 'steps[1].branches[0].when',
    },
    {
      why: 'a person taken from a field that is not a card number',
      edit: (d) => ((group(d).branches[0]?.steps[0] as { assignees: unknown[] }).assignees = [{ field: 'days' }]),
      code: 'field_type',
      path: 'steps[1].branches[0].steps[0].assignees[0].field',
    },
    {
      why: 'a role scoped by an undeclared department field',
      edit: (d) => (step(d, 0).assignees = [{ role: 'reviewer', scope: { field: 'office' } }]),
      code: 'undeclared_field',
      path: 'steps[0].assignees[0].scope.field',
    },
    {
      why: 'a form field declared twice',
      edit: (d) => d.formFields.push({ name: 'days', type: 'number', label: { zh: '天', en: 'Days' } }),
      code: 'duplicate_field',
      path: 'formFields[2]',
    },
    {
      why: 'an empty copy-to list',
      edit: (d) => (step(d, 0).copyTo = []),
      code: 'empty_rules',
      path: 'steps[0].copyTo',
    },
    {
      why: 'a wrong shape (a negative deadline) is reported with its path',
      edit: (d) => (step(d, 0).deadlineHours = -1),
      code: 'schema',
      path: 'steps[0].deadlineHours',
    },
    {
      why: 'an unknown key is refused rather than silently ignored',
      edit: (d) => Object.assign(step(d, 0), { assignee: { role: 'counsellor' } }),
      code: 'schema',
      path: 'steps[0]',
    },
  ])('reports $why', ({ edit, code, path }) => {
    const definition = base()
    edit(definition)
    const result = validateProcess(definition)
    expect(result.ok).toBe(false)
    expect(result.issues.map((i) => ({ code: i.code, path: i.path }))).toContainEqual({ code, path })
    for (const issue of result.issues) {
      // why: the publisher's UI shows these in either language
      expect(issue.message.zh).not.toBe('')
      expect(issue.message.en).not.toBe('')
    }
  })

  test('reports every problem at once, each with its step', () => {
    // why: a publisher fixes a definition in one go, not one error per attempt
    const definition = base()
    step(definition, 0).assignees = []
    group(definition).branches = []
    const result = validateProcess(definition)
    expect(result.issues.map((i) => [i.code, i.stepId])).toEqual(
      expect.arrayContaining([
        ['no_assignees', 'a'],
        ['empty_parallel', 'group'],
      ]),
    )
  })

  test('accepts any JSON and refuses what is not a definition', () => {
    // why: the API validates what a department uploads before it has a type
    expect(validateProcess(null).ok).toBe(false)
    expect(validateProcess(JSON.parse(JSON.stringify(base()))).ok).toBe(true)
  })
})
