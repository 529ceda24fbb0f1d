import type { ProcessDefinition } from '@hall/workflow'
import { days, headOf, reviewer, seeded } from './rules.ts'

/**
 * 大学生活动中心使用申请: the club's adviser (named in the form), the Youth League's clubs section,
 * then the centre allocates the room.
 */
export const activityCentreBooking: ProcessDefinition = seeded('youth-league', {
  service: 'activity-centre-booking',
  name: { zh: '大学生活动中心使用申请', en: 'Student activity centre booking' },
  formFields: [{ name: 'adviser', type: 'cardNumber', label: { zh: '指导老师', en: "Club adviser" } }],
  start: 'adviser',
  steps: [
    {
      type: 'approval',
      id: 'adviser',
      name: { zh: '指导老师审核', en: "Review by the club's adviser" },
      assignees: [{ field: 'adviser' }],
      deadlineHours: days(1),
      next: 'youth-league',
    },
    {
      type: 'approval',
      id: 'youth-league',
      name: { zh: '校团委审批', en: 'Approval by the Youth League' },
      assignees: [reviewer('youth-league')],
      deadlineHours: days(1),
      escalateTo: [headOf('youth-league')],
      next: 'room',
    },
    {
      type: 'approval',
      id: 'room',
      name: { zh: '活动中心安排场地', en: 'Room allocated' },
      assignees: [reviewer('youth-league')],
      deadlineHours: days(1),
      next: 'end',
    },
  ],
})
