import type { ProcessDefinition } from '@hall/workflow'
import { days, fields, headOf, headOfUnit, reviewer, roleIn, seeded } from './rules.ts'

// Staff services owned by the Organisation Department, Human Resources and the President's Office.

/**
 * 处级及以上干部外出请假报备: the head of the unit reviews, the Organisation Department records,
 * and a head of unit away for more than 3 days also needs the university leader in charge.
 */
export const cadreLeave: ProcessDefinition = seeded('organisation', {
  service: 'cadre-leave',
  name: { zh: '处级及以上干部外出请假报备', en: 'Leave report for senior cadres travelling' },
  formFields: [fields.days, fields.headOfUnit],
  start: 'unit-head',
  steps: [
    {
      type: 'approval',
      id: 'unit-head',
      name: { zh: '所在单位主要负责人审核', en: 'Review by the head of your unit' },
      assignees: headOfUnit,
      deadlineHours: days(1),
      next: 'organisation',
    },
    {
      type: 'approval',
      id: 'organisation',
      name: { zh: '党委组织部备案', en: 'Recorded by the Organisation Department' },
      assignees: [reviewer('organisation')],
      deadlineHours: days(1),
      escalateTo: [headOf('organisation')],
      next: [
        {
          when: { all: [{ field: 'headOfUnit', op: 'eq', value: true }, { field: 'days', op: 'gt', value: 3 }] },
          to: 'university-leader',
        },
        { to: 'end' },
      ],
    },
    {
      type: 'approval',
      id: 'university-leader',
      name: { zh: '分管校领导审批', en: 'Approval by the university leader in charge' },
      // The leader in charge of the unit where one is on record; else the President's Office,
      // which takes the report to the leader.
      assignees: [{ role: 'university-leader', scope: 'applicant.department' }, roleIn('president-office', 'president-office')],
      deadlineHours: days(1),
      next: 'end',
    },
  ],
})

/**
 * 在职教职工因私出国(境): the unit, then Human Resources; cadres also need the Organisation
 * Department; the passport is then collected from Human Resources in person.
 */
export const staffTravelAbroad: ProcessDefinition = seeded('hr', {
  service: 'staff-travel-abroad',
  name: { zh: '在职教职工因私出国(境)申请及办理', en: 'Staff private travel abroad' },
  formFields: [],
  start: 'unit-head',
  steps: [
    {
      type: 'approval',
      id: 'unit-head',
      name: { zh: '所在单位审核', en: 'Review by your unit' },
      assignees: headOfUnit,
      deadlineHours: days(2),
      next: 'hr',
    },
    {
      type: 'approval',
      id: 'hr',
      name: { zh: '人事处审批', en: 'Approval by Human Resources' },
      assignees: [reviewer('hr')],
      deadlineHours: days(2),
      escalateTo: [headOf('hr')],
      next: [{ when: { applicant: 'cadreLevel', op: 'exists' }, to: 'organisation' }, { to: 'collect' }],
    },
    {
      type: 'approval',
      id: 'organisation',
      name: { zh: '党委组织部审批（处级及以上干部）', en: 'Approval by the Organisation Department (cadres only)' },
      assignees: [reviewer('organisation')],
      deadlineHours: days(2),
      escalateTo: [headOf('organisation')],
      next: 'collect',
    },
    {
      // Confirmed by the desk when the passport is handed over; no deadline: it waits for the applicant.
      type: 'approval',
      id: 'collect',
      name: { zh: '领取证件（线下）', en: 'Collect your passport (in person)' },
      assignees: [reviewer('hr')],
      next: 'end',
    },
  ],
})

/** 开具介绍信申请: the head of the unit, then the President's Office issues a numbered letter. */
export const introLetter: ProcessDefinition = seeded('president-office', {
  service: 'intro-letter',
  name: { zh: '开具介绍信申请', en: 'Letter of introduction' },
  formFields: [],
  start: 'unit-head',
  steps: [
    {
      type: 'approval',
      id: 'unit-head',
      name: { zh: '所在单位负责人审核', en: 'Review by the head of your unit' },
      assignees: headOfUnit,
      deadlineHours: days(1),
      next: 'president-office',
    },
    {
      type: 'approval',
      id: 'president-office',
      name: { zh: '校长办公室审核并开具', en: "Letter issued by the President's Office" },
      assignees: [reviewer('president-office')],
      deadlineHours: days(1),
      escalateTo: [headOf('president-office')],
      next: 'end',
    },
  ],
  onComplete: [{ kind: 'documentNumber', prefix: '明大介字', sequence: 'intro-letter', template: 'intro-letter' }],
})
