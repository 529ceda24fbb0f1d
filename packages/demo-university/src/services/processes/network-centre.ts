import type { ApprovalStep, Next } from '@hall/workflow'
import { days, headOf, headOfUnit, reviewer } from './rules.ts'

// Services owned by the Network and Information Centre. Its reviewers share the centre's work:
// any one of them takes a task (the default `sign: 'any'`).

export const NC = 'network-centre'

export const unitHead = (next: Next, deadline = 1): ApprovalStep => ({
  type: 'approval',
  id: 'unit-head',
  name: { zh: '所在单位负责人审核', en: 'Review by the head of your unit' },
  assignees: headOfUnit,
  deadlineHours: days(deadline),
  next,
})

export const centre = (id: string, zh: string, en: string, deadline: number, next: Next): ApprovalStep => ({
  type: 'approval',
  id,
  name: { zh, en },
  assignees: [reviewer(NC)],
  deadlineHours: days(deadline),
  escalateTo: [headOf(NC)],
  next,
})
