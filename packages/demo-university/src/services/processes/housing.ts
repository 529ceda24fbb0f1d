import type { ApprovalStep, ProcessDefinition } from '@hall/workflow'
import { days, deputySecretary, headOf, reviewer, seeded, studentAdviser } from './rules.ts'

// Student housing services: the student's adviser and college first, then the Housing Centre.

const adviser = (deadline: number): ApprovalStep => ({
  type: 'approval',
  id: 'adviser',
  name: { zh: '辅导员审核（研究生为导师审核）', en: 'Review by your counsellor (graduate students: your supervisor)' },
  assignees: studentAdviser,
  deadlineHours: days(deadline),
  next: 'college',
})

/** 宿舍调整申请 */
export const dormChange: ProcessDefinition = seeded('housing', {
  service: 'dorm-change',
  name: { zh: '宿舍调整申请', en: 'Change of room' },
  formFields: [],
  start: 'adviser',
  steps: [
    adviser(2),
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院审批', en: 'Approval by your college' },
      assignees: [deputySecretary],
      deadlineHours: days(2),
      next: 'housing',
    },
    {
      type: 'approval',
      id: 'housing',
      name: { zh: '后勤公寓管理中心调配', en: 'New room allocated' },
      assignees: [reviewer('housing')],
      deadlineHours: days(3),
      escalateTo: [headOf('housing')],
      // Whoever looks after the student learns where they now live.
      copyTo: studentAdviser,
      next: 'end',
    },
  ],
})

/** 外出住宿申请 */
export const offCampusLiving: ProcessDefinition = seeded('housing', {
  service: 'off-campus-living',
  name: { zh: '外出住宿申请', en: 'Living off campus' },
  formFields: [],
  start: 'adviser',
  steps: [
    adviser(2),
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院副书记审批', en: 'Approval by the college' },
      assignees: [deputySecretary],
      deadlineHours: days(2),
      next: 'housing',
    },
    {
      type: 'approval',
      id: 'housing',
      name: { zh: '后勤公寓管理中心备案并办理退宿（线下交还钥匙）', en: 'Recorded by Student Housing; check out and return your keys in person' },
      assignees: [reviewer('housing')],
      deadlineHours: days(3),
      escalateTo: [headOf('housing')],
      next: 'end',
    },
  ],
})

/** 毕业生延期住宿申请 */
export const graduateExtendedStay: ProcessDefinition = seeded('housing', {
  service: 'graduate-extended-stay',
  name: { zh: '毕业生延期住宿申请', en: 'Extended stay for graduating students' },
  formFields: [],
  start: 'adviser',
  steps: [
    adviser(1),
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院审批', en: 'Approval by your college' },
      assignees: [deputySecretary],
      deadlineHours: days(2),
      next: 'housing',
    },
    {
      type: 'approval',
      id: 'housing',
      name: { zh: '后勤公寓管理中心安排', en: 'Room arranged by Student Housing' },
      assignees: [reviewer('housing')],
      deadlineHours: days(2),
      escalateTo: [headOf('housing')],
      next: 'end',
    },
  ],
})
