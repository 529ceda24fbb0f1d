import type { ProcessDefinition } from '@hall/workflow'
import { days, deputySecretary, headOf, reviewer, seeded, studentAdviser } from './rules.ts'

/**
 * 在校生申请因私出国(境)证件: the counsellor (graduate students: the supervisor), the college, then
 * the International Office issues a numbered letter.
 */
export const studentTravelDocuments: ProcessDefinition = seeded('international', {
  service: 'student-travel-documents',
  name: { zh: '在校生申请因私出国(境)证件', en: 'Student private travel documents' },
  formFields: [],
  start: 'adviser',
  steps: [
    {
      type: 'approval',
      id: 'adviser',
      name: { zh: '辅导员审核（研究生为导师审核）', en: 'Review by your counsellor (graduate students: your supervisor)' },
      assignees: studentAdviser,
      deadlineHours: days(1),
      next: 'college',
    },
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院审批', en: 'Approval by your college' },
      assignees: [deputySecretary],
      deadlineHours: days(1),
      next: 'international',
    },
    {
      type: 'approval',
      id: 'international',
      name: { zh: '国际交流处审核并出具证明', en: 'Letter issued by the International Office' },
      assignees: [reviewer('international')],
      deadlineHours: days(2),
      escalateTo: [headOf('international')],
      next: 'end',
    },
  ],
  onComplete: [
    { kind: 'documentNumber', prefix: '明大国交证字', sequence: 'student-travel-letter', template: 'student-travel-letter' },
  ],
})
