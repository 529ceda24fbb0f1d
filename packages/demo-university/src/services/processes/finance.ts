import type { ProcessDefinition } from '@hall/workflow'
import { days, headOf, reviewer, seeded } from './rules.ts'

// Services owned by the Finance Office.

/**
 * 纵向项目财务明细查询申请: a team member applying with the leader's authorisation has the project
 * leader confirm first; the Research Institute checks the project, the Finance Office issues it.
 */
export const verticalProjectFinance: ProcessDefinition = seeded('finance', {
  service: 'vertical-project-finance',
  name: { zh: '纵向项目财务明细查询申请', en: 'Government-funded project statement' },
  formFields: [
    { name: 'teamMember', type: 'boolean', label: { zh: '本人为项目组成员（非负责人）', en: "I am a team member, not the project's leader" } },
    { name: 'projectLeader', type: 'cardNumber', label: { zh: '项目负责人', en: 'Project leader' } },
  ],
  start: [{ when: { field: 'teamMember', op: 'eq', value: true }, to: 'project-leader' }, { to: 'research' }],
  steps: [
    {
      type: 'approval',
      id: 'project-leader',
      name: { zh: '项目负责人授权确认', en: "Authorisation by the project's leader" },
      assignees: [{ field: 'projectLeader' }],
      deadlineHours: days(1),
      next: 'research',
    },
    {
      type: 'approval',
      id: 'research',
      name: { zh: '科学技术研究院核对项目信息', en: 'Project checked by the Research Institute' },
      assignees: [reviewer('research')],
      deadlineHours: days(1),
      next: 'finance',
    },
    {
      type: 'approval',
      id: 'finance',
      name: { zh: '财务处出具明细', en: 'Statement issued by the Finance Office' },
      assignees: [reviewer('finance')],
      deadlineHours: days(1),
      escalateTo: [headOf('finance')],
      next: 'end',
    },
  ],
})

/** 学费住宿费缴纳银行卡变更登记: the Fees Section reviews, then the bank confirms the direct debit. */
export const tuitionBankCard: ProcessDefinition = seeded('finance', {
  service: 'tuition-bank-card',
  name: { zh: '学费住宿费缴纳银行卡变更登记', en: 'Bank card for tuition and accommodation fees' },
  formFields: [],
  start: 'finance',
  steps: [
    {
      type: 'approval',
      id: 'finance',
      name: { zh: '财务处审核', en: 'Review by the Finance Office' },
      assignees: [reviewer('finance')],
      deadlineHours: days(2),
      escalateTo: [headOf('finance')],
      next: 'bank',
    },
    {
      type: 'approval',
      id: 'bank',
      name: { zh: '银行代扣签约确认', en: 'Direct debit set up with the bank' },
      assignees: [reviewer('finance')],
      deadlineHours: days(3),
      next: 'end',
    },
  ],
})
