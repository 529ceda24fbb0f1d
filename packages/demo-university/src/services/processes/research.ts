import type { AssigneeRule, ProcessDefinition } from '@hall/workflow'
import { days, headOf, headOfUnit, reviewer, roleIn, seeded } from './rules.ts'

// Staff services owned by the Research Institute.

/**
 * 学院科研秘书: the research secretary of the applicant's college; where none is on record, the
 * head of the unit reviews instead.
 */
const researchSecretary: AssigneeRule[] = [{ role: 'research-secretary', scope: 'applicant.college' }, ...headOfUnit]

/** 专利代理委托书: the college's research secretary, then the Research Institute signs. */
export const patentAgency: ProcessDefinition = seeded('research', {
  service: 'patent-agency',
  name: { zh: '专利代理委托书', en: 'Patent agency authorisation' },
  formFields: [],
  start: 'research-secretary',
  steps: [
    {
      type: 'approval',
      id: 'research-secretary',
      name: { zh: '学院科研秘书审核', en: "Review by your college's research secretary" },
      assignees: researchSecretary,
      deadlineHours: days(2),
      next: 'research',
    },
    {
      type: 'approval',
      id: 'research',
      name: { zh: '科学技术研究院审核并签署委托书', en: 'Review and signature by the Research Institute' },
      assignees: [reviewer('research')],
      deadlineHours: days(3),
      escalateTo: [headOf('research')],
      next: 'end',
    },
  ],
})

/** 计算机软件著作权登记申请: research secretary, the Institute reviews and seals, then files it. */
export const softwareCopyright: ProcessDefinition = seeded('research', {
  service: 'software-copyright',
  name: { zh: '计算机软件著作权登记申请', en: 'Software copyright registration' },
  formFields: [],
  start: 'research-secretary',
  steps: [
    {
      type: 'approval',
      id: 'research-secretary',
      name: { zh: '学院科研秘书审核', en: "Review by your college's research secretary" },
      assignees: researchSecretary,
      deadlineHours: days(2),
      next: 'research',
    },
    {
      type: 'approval',
      id: 'research',
      name: { zh: '科学技术研究院审核并盖章', en: 'Review and seal by the Research Institute' },
      assignees: [reviewer('research')],
      deadlineHours: days(3),
      escalateTo: [headOf('research')],
      next: 'filing',
    },
    {
      type: 'approval',
      id: 'filing',
      name: { zh: '提交登记机构', en: 'Filed with the registration authority' },
      assignees: [reviewer('research')],
      deadlineHours: days(5),
      next: 'end',
    },
  ],
})

/**
 * 科技成果转让转移实施意向申请: the college, the Research Institute, then a 15-day public notice on
 * campus (about 11 working days), which the Institute closes when nobody objected.
 */
export const techTransferIntent: ProcessDefinition = seeded('research', {
  service: 'tech-transfer-intent',
  name: { zh: '科技成果转让转移实施意向申请', en: 'Technology transfer: intent' },
  formFields: [],
  start: 'college',
  steps: [
    {
      type: 'approval',
      id: 'college',
      name: { zh: '学院审核', en: 'Review by your college' },
      assignees: headOfUnit,
      deadlineHours: days(3),
      next: 'research',
    },
    {
      type: 'approval',
      id: 'research',
      name: { zh: '科学技术研究院审核', en: 'Review by the Research Institute' },
      assignees: [reviewer('research')],
      deadlineHours: days(4),
      escalateTo: [headOf('research')],
      next: 'public-notice',
    },
    {
      type: 'approval',
      id: 'public-notice',
      name: { zh: '校内公示（15天）', en: 'Public notice on campus (15 days)' },
      assignees: [reviewer('research')],
      deadlineHours: days(13),
      next: 'end',
    },
  ],
})

/**
 * 科技成果转让转移合同签订申请: the Research Institute, the university's legal adviser (where none
 * is on record, the President's Office, which keeps the legal office), then the contract is sealed.
 */
export const techTransferContract: ProcessDefinition = seeded('research', {
  service: 'tech-transfer-contract',
  name: { zh: '科技成果转让转移合同签订申请', en: 'Technology transfer: contract signing' },
  formFields: [],
  start: 'research',
  steps: [
    {
      type: 'approval',
      id: 'research',
      name: { zh: '科学技术研究院审核', en: 'Review by the Research Institute' },
      assignees: [reviewer('research')],
      deadlineHours: days(3),
      escalateTo: [headOf('research')],
      next: 'legal',
    },
    {
      type: 'approval',
      id: 'legal',
      name: { zh: '法律顾问审核', en: 'Review by the legal adviser' },
      assignees: [roleIn('legal-adviser', 'president-office'), reviewer('president-office')],
      deadlineHours: days(4),
      next: 'seal',
    },
    {
      // Confirmed when the paper copies are sealed in person: it waits for the applicant.
      type: 'approval',
      id: 'seal',
      name: { zh: '合同用印（线下）', en: 'Contract sealed (in person)' },
      assignees: [reviewer('president-office')],
      next: 'end',
    },
  ],
})
