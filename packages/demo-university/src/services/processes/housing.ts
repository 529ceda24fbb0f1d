import type { ApprovalStep } from '@hall/workflow'
import { days, studentAdviser } from './rules.ts'

// Student housing services: the student's adviser and college first, then the Housing Centre.

export const adviser = (deadline: number): ApprovalStep => ({
  type: 'approval',
  id: 'adviser',
  name: { zh: '辅导员审核（研究生为导师审核）', en: 'Review by your counsellor (graduate students: your supervisor)' },
  assignees: studentAdviser,
  deadlineHours: days(deadline),
  next: 'college',
})
