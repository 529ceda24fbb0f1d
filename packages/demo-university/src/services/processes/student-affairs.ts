import type { ProcessDefinition } from '@hall/workflow'
import { collegeSecretary, counsellor, days, deputySecretary, fields, headOf, reviewer, seeded } from './rules.ts'

// Undergraduate services owned by the Student Affairs Office. Undergraduates always have a class,
// so the first reviewer is its counsellor.

/**
 * 本科生请销假: the counsellor approves up to 3 days; longer leave also goes to the college's
 * deputy party secretary, and over 7 days Student Affairs records it. Reporting back (销假) after
 * the leave is not an approval step: the application completes when the leave is granted.
 */
export const undergradLeave: ProcessDefinition = seeded('student-affairs', {
  service: 'undergrad-leave',
  name: { zh: '本科生请销假', en: 'Undergraduate leave' },
  formFields: [fields.days],
  start: 'counsellor',
  steps: [
    {
      type: 'approval',
      id: 'counsellor',
      name: { zh: '辅导员审核', en: 'Review by your counsellor' },
      assignees: [counsellor],
      deadlineHours: days(1),
      escalateTo: [deputySecretary],
      next: [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'college' }, { to: 'end' }],
    },
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院副书记审批（超过3天）', en: 'Approval by the college (over 3 days)' },
      assignees: [deputySecretary],
      deadlineHours: days(1),
      escalateTo: [collegeSecretary],
      // The counsellor approved first: they learn that the college granted the longer leave.
      copyTo: [counsellor],
      next: [{ when: { field: 'days', op: 'gt', value: 7 }, to: 'student-affairs' }, { to: 'end' }],
    },
    {
      type: 'approval',
      id: 'student-affairs',
      name: { zh: '学生工作处备案（超过7天）', en: 'Recorded by Student Affairs (over 7 days)' },
      assignees: [reviewer('student-affairs')],
      deadlineHours: days(1),
      escalateTo: [headOf('student-affairs')],
      next: 'end',
    },
  ],
})

/** 本科生勤工助学申请: counsellor, college recommendation, Student Affairs assigns a post. */
export const workStudy: ProcessDefinition = seeded('student-affairs', {
  service: 'work-study',
  name: { zh: '本科生勤工助学申请', en: 'Undergraduate work-study' },
  formFields: [],
  start: 'counsellor',
  steps: [
    {
      type: 'approval',
      id: 'counsellor',
      name: { zh: '辅导员审核', en: 'Review by your counsellor' },
      assignees: [counsellor],
      deadlineHours: days(2),
      next: 'college',
    },
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院推荐', en: 'Recommendation by your college' },
      assignees: [deputySecretary],
      deadlineHours: days(2),
      next: 'student-affairs',
    },
    {
      type: 'approval',
      id: 'student-affairs',
      name: { zh: '学生工作处审核并安排岗位', en: 'Post assigned by Student Affairs' },
      assignees: [reviewer('student-affairs')],
      deadlineHours: days(6),
      escalateTo: [headOf('student-affairs')],
      next: 'end',
    },
  ],
})

/** 本科生学生证补办: counsellor, Student Affairs makes the card, the student collects it. */
export const studentIdReplacement: ProcessDefinition = seeded('student-affairs', {
  service: 'student-id-replacement',
  name: { zh: '本科生学生证补办', en: 'Undergraduate student ID replacement' },
  formFields: [],
  start: 'counsellor',
  steps: [
    {
      type: 'approval',
      id: 'counsellor',
      name: { zh: '辅导员审核', en: 'Review by your counsellor' },
      assignees: [counsellor],
      deadlineHours: days(1),
      next: 'make-card',
    },
    {
      type: 'approval',
      id: 'make-card',
      name: { zh: '学生工作处制证', en: 'Card made by Student Affairs' },
      assignees: [reviewer('student-affairs')],
      deadlineHours: days(3),
      escalateTo: [headOf('student-affairs')],
      next: 'collect',
    },
    {
      // Confirmed at the desk when the card is handed over; it waits for the student, so no deadline.
      type: 'approval',
      id: 'collect',
      name: { zh: '本人领取（线下）', en: 'Collect the card in person' },
      assignees: [reviewer('student-affairs')],
      next: 'end',
    },
  ],
})

/** 本科生补办校徽申请: Student Affairs reviews, the student collects the badge. */
export const badgeReplacement: ProcessDefinition = seeded('student-affairs', {
  service: 'badge-replacement',
  name: { zh: '本科生补办校徽申请', en: 'Undergraduate badge replacement' },
  formFields: [],
  start: 'student-affairs',
  steps: [
    {
      type: 'approval',
      id: 'student-affairs',
      name: { zh: '学生工作处审核', en: 'Review by Student Affairs' },
      assignees: [reviewer('student-affairs')],
      deadlineHours: days(2),
      escalateTo: [headOf('student-affairs')],
      next: 'collect',
    },
    {
      type: 'approval',
      id: 'collect',
      name: { zh: '本人领取（线下）', en: 'Collect the badge in person' },
      assignees: [reviewer('student-affairs')],
      next: 'end',
    },
  ],
})

/**
 * 本科生奖学金申请: the counsellor's first review, the college's scholarship committee (every member
 * signs; where no committee is on record, the deputy secretary), then Student Affairs confirms.
 */
export const undergradScholarship: ProcessDefinition = seeded('student-affairs', {
  service: 'undergrad-scholarship',
  name: { zh: '本科生奖学金申请', en: 'Undergraduate scholarship' },
  formFields: [],
  start: 'counsellor',
  steps: [
    {
      type: 'approval',
      id: 'counsellor',
      name: { zh: '辅导员初审', en: 'First review by your counsellor' },
      assignees: [counsellor],
      deadlineHours: days(3),
      next: 'committee',
    },
    {
      type: 'approval',
      id: 'committee',
      name: { zh: '学院评审并公示', en: 'Assessment and public notice by your college' },
      assignees: [{ role: 'scholarship-committee', scope: 'applicant.college' }, deputySecretary],
      sign: 'all',
      deadlineHours: days(7),
      next: 'student-affairs',
    },
    {
      type: 'approval',
      id: 'student-affairs',
      name: { zh: '学生工作处审定', en: 'Confirmed by Student Affairs' },
      assignees: [reviewer('student-affairs')],
      deadlineHours: days(5),
      escalateTo: [headOf('student-affairs')],
      next: 'end',
    },
  ],
})
