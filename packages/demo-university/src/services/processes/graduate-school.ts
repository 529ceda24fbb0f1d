import type { ProcessDefinition } from '@hall/workflow'
import { collegeSecretary, days, deputySecretary, fields, headOf, reviewer, seeded, supervisor } from './rules.ts'

/**
 * 研究生请销假: the supervisor approves up to 3 days; longer leave also goes to the college's deputy
 * party secretary, and over 7 days the Graduate School records it. Reporting back (销假) is not an
 * approval step.
 */
export const graduateLeave: ProcessDefinition = seeded('graduate-school', {
  service: 'graduate-leave',
  name: { zh: '研究生请销假', en: 'Graduate leave' },
  formFields: [fields.days],
  start: 'supervisor',
  steps: [
    {
      type: 'approval',
      id: 'supervisor',
      name: { zh: '导师审核', en: 'Review by your supervisor' },
      assignees: [supervisor],
      deadlineHours: days(1),
      next: [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'college' }, { to: 'end' }],
    },
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院副书记审批（超过3天）', en: 'Approval by the college (over 3 days)' },
      assignees: [deputySecretary],
      deadlineHours: days(1),
      escalateTo: [collegeSecretary],
      copyTo: [supervisor],
      next: [{ when: { field: 'days', op: 'gt', value: 7 }, to: 'graduate-school' }, { to: 'end' }],
    },
    {
      type: 'approval',
      id: 'graduate-school',
      name: { zh: '研究生院备案（超过7天）', en: 'Recorded by the Graduate School (over 7 days)' },
      assignees: [reviewer('graduate-school')],
      deadlineHours: days(1),
      escalateTo: [headOf('graduate-school')],
      next: 'end',
    },
  ],
})
