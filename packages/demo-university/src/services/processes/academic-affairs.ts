import type { ProcessDefinition } from '@hall/workflow'
import { counsellor, days, deputySecretary, headOf, reviewer, seeded } from './rules.ts'

// Undergraduate services owned by the Academic Affairs Office.

/**
 * 缓考申请: the course's teacher (named in the form, usually pre-filled from the course chosen),
 * the college's associate dean for teaching (where none is on record, the deputy secretary), then
 * Academic Affairs records it. The teacher is copied when it is done.
 */
export const examDeferral: ProcessDefinition = seeded('academic-affairs', {
  service: 'exam-deferral',
  name: { zh: '缓考申请', en: 'Exam deferral' },
  formFields: [{ name: 'teacher', type: 'cardNumber', label: { zh: '任课教师', en: "Course's teacher" } }],
  start: 'teacher',
  steps: [
    {
      type: 'approval',
      id: 'teacher',
      name: { zh: '任课教师确认', en: "Confirmation by the course's teacher" },
      assignees: [{ field: 'teacher' }],
      deadlineHours: days(1),
      next: 'college',
    },
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院审批', en: 'Approval by your college' },
      assignees: [{ role: 'teaching-dean', scope: 'applicant.college' }, deputySecretary],
      deadlineHours: days(1),
      next: 'academic-affairs',
    },
    {
      type: 'approval',
      id: 'academic-affairs',
      name: { zh: '教务处备案', en: 'Recorded by Academic Affairs' },
      assignees: [reviewer('academic-affairs')],
      deadlineHours: days(1),
      escalateTo: [headOf('academic-affairs')],
      next: 'end',
    },
  ],
  onComplete: [{ kind: 'copyTo', to: [{ field: 'teacher' }] }],
})

/**
 * 本科生离校申请: the library, the Finance Office, Student Housing and the college (counsellor, then
 * deputy secretary) clear the student in parallel, and every one must; then Academic Affairs
 * confirms and issues the certificates.
 */
export const leavingSchool: ProcessDefinition = seeded('academic-affairs', {
  service: 'leaving-school',
  name: { zh: '本科生离校申请', en: 'Leaving school' },
  formFields: [],
  start: 'clearance',
  steps: [
    {
      type: 'parallel',
      id: 'clearance',
      name: { zh: '图书馆、财务处、后勤公寓管理中心、学院会签', en: 'Cleared by the library, the Finance Office, Student Housing and your college' },
      mode: 'all',
      branches: [
        {
          id: 'library',
          steps: [
            {
              id: 'library',
              name: { zh: '图书馆确认无欠书欠款', en: 'Library: no books out, no fines' },
              assignees: [reviewer('library')],
              deadlineHours: days(3),
            },
          ],
        },
        {
          id: 'finance',
          steps: [
            {
              id: 'finance',
              name: { zh: '财务处确认已缴清费用', en: 'Finance Office: all fees paid' },
              assignees: [reviewer('finance')],
              deadlineHours: days(3),
            },
          ],
        },
        {
          id: 'housing',
          steps: [
            {
              id: 'housing',
              name: { zh: '后勤公寓管理中心确认已退宿', en: 'Student Housing: moved out, keys returned' },
              assignees: [reviewer('housing')],
              deadlineHours: days(3),
            },
          ],
        },
        {
          id: 'college',
          name: { zh: '学院审核', en: 'Review by your college' },
          steps: [
            {
              id: 'college-counsellor',
              name: { zh: '辅导员审核', en: 'Review by your counsellor' },
              assignees: [counsellor],
              deadlineHours: days(2),
            },
            {
              id: 'college-secretary',
              name: { zh: '学院党委副书记审核', en: 'Review by the college deputy party secretary' },
              assignees: [deputySecretary],
              deadlineHours: days(1),
            },
          ],
        },
      ],
      next: 'academic-affairs',
    },
    {
      type: 'approval',
      id: 'academic-affairs',
      name: { zh: '教务处确认并发放证书', en: 'Certificates issued by Academic Affairs' },
      assignees: [reviewer('academic-affairs')],
      deadlineHours: days(3),
      escalateTo: [headOf('academic-affairs')],
      next: 'end',
    },
  ],
  onComplete: [{ kind: 'copyTo', to: [counsellor] }],
})

/** 在读证明开具: Student Records reviews, then the electronic certificate is issued with a number. */
export const enrolmentCertificate: ProcessDefinition = seeded('academic-affairs', {
  service: 'enrolment-certificate',
  name: { zh: '在读证明开具', en: 'Certificate of enrolment' },
  formFields: [],
  start: 'student-records',
  steps: [
    {
      type: 'approval',
      id: 'student-records',
      name: { zh: '教务处学籍科审核', en: 'Review by Student Records' },
      assignees: [reviewer('academic-affairs')],
      deadlineHours: days(2),
      escalateTo: [headOf('academic-affairs')],
      next: 'end',
    },
  ],
  // "生成电子证明 / 系统自动": the certificate is generated on completion, not by a person.
  onComplete: [
    { kind: 'documentNumber', prefix: '明大学籍证字', sequence: 'enrolment-certificate', template: 'enrolment-certificate' },
  ],
})
