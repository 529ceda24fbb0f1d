import { describe, expect, test } from 'vitest'
import type { ProcessDefinition } from './definition.ts'
import { validateDefinition, type DefinitionContext, type DefinitionIssueCode } from './validate-definition.ts'

// A department's owner draws a process in the service editor and publishes it: each mistake they
// can make must come back as an error that says where (path and step) in both languages, before
// an applicant meets it. One case per mistake, each one edit away from a valid base.

const base = (): ProcessDefinition => ({
  schemaVersion: 1,
  service: 'sample',
  name: { zh: '示例', en: 'Sample' },
  formFields: [
    { name: 'days', type: 'number', label: { zh: '天数', en: 'Days' } },
    { name: 'teacher', type: 'cardNumber', label: { zh: '教师', en: 'Teacher' } },
  ],
  start: 'counsellor',
  steps: [
    {
      type: 'approval',
      id: 'counsellor',
      name: { zh: '辅导员审核', en: 'Counsellor' },
      assignees: [{ role: 'counsellor', scope: 'applicant.class' }],
      next: [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'group' }, { to: 'end' }],
    },
    {
      type: 'parallel',
      id: 'group',
      name: { zh: '会签', en: 'Joint review' },
      mode: 'all',
      branches: [
        {
          id: 'x',
          when: { field: 'days', op: 'gt', value: 5 },
          steps: [{ id: 'x1', name: { zh: '任课教师', en: 'Teacher' }, assignees: [{ field: 'teacher' }] }],
        },
        {
          id: 'y',
          steps: [{ id: 'y1', name: { zh: '学工处', en: 'Student Affairs' }, assignees: [{ role: 'reviewer', scope: { department: 'student-affairs' } }] }],
        },
      ],
      next: 'end',
    },
  ],
})

const grants = [
  { role: 'counsellor', department: 'college-cs' },
  { role: 'reviewer', department: 'student-affairs' },
]
const context = (): DefinitionContext => ({
  organisation: {
    roleIsHeld: (role, department) => grants.some((g) => g.role === role && (department === undefined || g.department === department)),
    personExists: (card) => card === '0012345',
    departmentExists: (code) => ['college-cs', 'student-affairs', 'housing'].includes(code),
  },
  formFields: { days: 'number', teacher: 'cardNumber', reason: 'string' },
})

type Edit = (d: ProcessDefinition, c: DefinitionContext) => void
const approval = (d: ProcessDefinition, i: number) => d.steps[i] as Extract<ProcessDefinition['steps'][number], { type: 'approval' }>
const group = (d: ProcessDefinition) => d.steps[1] as Extract<ProcessDefinition['steps'][number], { type: 'parallel' }>

describe('validateDefinition', () => {
  test('accepts the base definition with its organisation and form', () => {
    // why: every case below is a single mistake away from this valid definition
    expect(validateDefinition(base(), context())).toEqual({ ok: true, definition: base(), issues: [] })
  })

  test.each<{ why: string; edit: Edit; code: DefinitionIssueCode; path: string; stepId: string | null; zh: string; en: string }>([
    {
      why: 'a step nothing routes to',
      edit: (d) => (approval(d, 0).next = 'end'),
      code: 'unreachable_step',
      path: 'steps[1]',
      stepId: 'group',
      zh: '无法到达',
      en: 'cannot be reached',
    },
    {
      why: 'a step without an assignee rule',
      edit: (d) => (approval(d, 0).assignees = []),
      code: 'no_assignees',
      path: 'steps[0].assignees',
      stepId: 'counsellor',
      zh: '没有办理人',
      en: 'no assignee rules',
    },
    {
      why: 'a role that nobody in the organisation holds',
      edit: (d) => (approval(d, 0).assignees = [{ role: 'dean-of-dreams', scope: 'applicant.college' }]),
      code: 'role_not_held',
      path: 'steps[0].assignees[0].role',
      stepId: 'counsellor',
      zh: '环节“辅导员审核”（counsellor）：组织中没有人担任角色“dean-of-dreams”',
      en: 'Step "Counsellor" (counsellor): nobody in the organisation holds role "dean-of-dreams"',
    },
    {
      why: 'a role held elsewhere but not in the department named',
      edit: (d) => (group(d).branches[1]!.steps[0]!.assignees = [{ role: 'reviewer', scope: { department: 'housing' } }]),
      code: 'role_not_held',
      path: 'steps[1].branches[1].steps[0].assignees[0].role',
      stepId: 'y1',
      zh: '部门“housing”中没有人担任角色“reviewer”',
      en: 'nobody holds role "reviewer" in department "housing"',
    },
    {
      why: 'a department that does not exist',
      edit: (d) => (group(d).branches[1]!.steps[0]!.assignees = [{ role: 'reviewer', scope: { department: 'atlantis' } }]),
      code: 'unknown_department',
      path: 'steps[1].branches[1].steps[0].assignees[0].scope.department',
      stepId: 'y1',
      zh: '没有部门“atlantis”',
      en: 'there is no department "atlantis"',
    },
    {
      why: 'a named person the organisation does not know',
      edit: (d) => (approval(d, 0).copyTo = [{ person: '9999999' }]),
      code: 'unknown_person',
      path: 'steps[0].copyTo[0].person',
      stepId: 'counsellor',
      zh: '抄送：卡号 9999999',
      en: 'copy-to: card number 9999999',
    },
    {
      why: 'a branch condition over a field that is declared nowhere',
      edit: (d) => (group(d).branches[0]!.when = { field: 'distance', op: 'gt', value: 100 }),
      code: 'undeclared_field',
      path: 'steps[1].branches[0].when.field',
      stepId: 'group',
      zh: 'distance',
      en: 'distance',
    },
    {
      why: 'a branch condition over a declared field that the form does not have',
      edit: (_d, c) => (c.formFields = { teacher: 'cardNumber' }),
      code: 'unknown_form_field',
      path: 'steps[1].branches[0].when.field',
      stepId: 'group',
      zh: '环节“会签”（group）的分支“x”：条件读取的字段“days”不在表单中',
      en: 'Step "Joint review" (group), branch "x": the condition reads field "days", which the form does not have',
    },
    {
      why: 'a declared field of another type in the form',
      edit: (_d, c) => (c.formFields = { days: 'string', teacher: 'cardNumber' }),
      code: 'form_field_type',
      path: 'formFields[0]',
      stepId: null,
      zh: '“days”',
      en: 'not a number',
    },
    {
      why: 'a route straight into a parallel branch: its join without its split',
      edit: (d) => (approval(d, 0).next = [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'y1' }, { to: 'end' }]),
      code: 'join_without_split',
      path: 'steps[0].next[0].to',
      stepId: 'counsellor',
      zh: '请转到并行环节“group”',
      en: 'reaching its join without its split',
    },
  ])('$why', ({ edit, code, path, stepId, zh, en }) => {
    const d = base()
    const c = context()
    edit(d, c)
    const result = validateDefinition(d, c)
    expect(result.ok).toBe(false)
    const issue = result.issues.find((i) => i.code === code && i.path === path)
    expect(issue, JSON.stringify(result.issues, null, 1)).toBeDefined()
    expect(issue!.stepId).toBe(stepId)
    expect(issue!.message.zh).toContain(zh)
    expect(issue!.message.en).toContain(en)
  })

  test('a route into a branch is reported once, as a join without its split', () => {
    const d = base()
    approval(d, 0).next = 'y1'
    const result = validateDefinition(d, context())
    expect(result.issues.filter((i) => i.path === 'steps[0].next').map((i) => i.code)).toEqual(['join_without_split'])
  })

  test('a definition of the wrong shape reports the shape and nothing it cannot walk', () => {
    const result = validateDefinition({ schemaVersion: 1, steps: 'no' }, context())
    expect(result.ok).toBe(false)
    expect(result.issues.every((i) => i.code === 'schema')).toBe(true)
    expect(result.issues.map((i) => i.path)).toContain('steps')
  })

  test('without an organisation or a form, only the definition itself is checked', () => {
    const d = base()
    approval(d, 0).assignees = [{ role: 'dean-of-dreams', scope: 'applicant.college' }]
    expect(validateDefinition(d).ok).toBe(true)
  })
})
