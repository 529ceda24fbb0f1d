import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, staffApplicant, pledge } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'

// vertical-project-finance: its catalog entry and guide, its form and its process, in one place.
export const verticalProjectFinance: ServiceDefinition = {
  code: 'vertical-project-finance',
  nameZh: '纵向项目财务明细查询申请',
  nameEn: 'Government-funded project finance detail',
  summaryZh: '纵向科研项目负责人申请查询项目经费收支明细，用于预算调整、中期检查或结题审计。',
  summaryEn:
    'Principal investigators of government-funded projects ask for a detailed statement of income and spending – for a budget change, a mid-term review or the final audit.',
  keywordsZh: ['纵向项目', '经费查询', '财务明细', '科研经费', '项目经费', '结题审计', '国家基金', '经费明细'],
  keywordsEn: ['project finance', 'research funds', 'grant statement', 'expenditure detail', 'government-funded project', 'audit', 'budget', 'NSFC'],
  categoryCode: 'finance',
  ownerDepartmentCode: 'finance',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 3,
  // No noneInProgress: a PI with several projects asks for each separately.
  eligibility: [
    { type: 'kind', kinds: ['staff'] },
    { type: 'hasResearchProject', kind: 'vertical' },
  ],
  guide: {
    zh: {
      conditions: ['申请人为本校在研纵向科研项目的负责人，或其书面授权的项目组成员', '只能查询本人负责的项目', '项目已在科研管理系统登记，经费已到账'],
      materials: [req('查询用途', '如预算调整、中期检查、结题审计'), opt('授权书', '项目组成员代为查询时提供')],
      steps: [step('科学技术研究院核对项目信息', '科学技术研究院'), step('财务处出具明细', '财务处科研经费科')],
      fees: '无',
      ...at(desks.finance, 'zh'),
      notes: ['项目信息来自科研管理系统，如有错误请先联系科学技术研究院更正。'],
    },
    en: {
      conditions: [
        "You lead a current government-funded research project, or a member of its team with the leader's written authorisation.",
        'You can see only the projects you lead.',
        'The project is registered in the research management system and its funds have arrived.',
      ],
      materials: [
        req('Purpose', 'For example a budget change, a mid-term review or the final audit'),
        opt('Authorisation', "If you ask on the leader's behalf"),
      ],
      steps: [
        step('Project checked by the Research Institute', 'Research Institute'),
        step('Statement issued by the Finance Office', 'Research Funds Section, Finance Office'),
      ],
      fees: 'None',
      ...at(desks.finance, 'en'),
      notes: ['Project details come from the research management system: ask the Research Institute to correct them there.'],
    },
  },
  /** 纵向项目财务明细查询申请. The process reads `teamMember` and `projectLeader` (a team member needs the leader's authorisation first). */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant(),
      {
        key: 'project',
        title: t('项目信息', 'The project'),
        description: t(
          '项目信息来自科研管理系统，如有错误请先联系科学技术研究院更正。',
          'Project details come from the research management system; ask the Research Institute to correct any error.',
        ),
        fields: [
          { key: 'teamMember', type: 'switch', label: t('本人为项目组成员（非负责人）', "I am a team member, not the project's leader") },
          {
            key: 'projectLeader',
            type: 'person',
            label: t('项目负责人', 'Project leader'),
            kinds: ['staff'],
            span: 12,
            required: true,
            help: t('项目负责人将在线确认授权', 'The leader authorises your query online'),
            visibleWhen: { field: 'teamMember', op: 'eq', value: true },
          },
          {
            key: 'projectCode',
            type: 'text',
            label: t('项目编号', 'Project code'),
            span: 12,
            required: true,
            maxLength: 40,
            prefill: { path: 'staff.researchProjects.vertical.code' },
          },
          {
            key: 'projectTitle',
            type: 'text',
            label: t('项目名称', 'Project'),
            span: 24,
            required: true,
            maxLength: 150,
            prefill: { path: 'staff.researchProjects.vertical.titleZh' },
          },
          {
            key: 'funder',
            type: 'text',
            label: t('项目来源', 'Funder'),
            span: 12,
            maxLength: 100,
            prefill: { path: 'staff.researchProjects.vertical.funderZh' },
          },
          { key: 'budget', type: 'money', label: t('批准经费', 'Approved budget'), span: 12, prefill: { path: 'staff.researchProjects.vertical.budgetYuan' } },
          file('authorisation', t('项目负责人授权书', "Leader's authorisation"), 'authorisation-letter', {
            required: true,
            visibleWhen: { field: 'teamMember', op: 'eq', value: true },
          }),
        ],
      },
      {
        key: 'query',
        title: t('查询内容', 'What you need'),
        fields: [
          { key: 'queryPeriod', type: 'dateRange', label: t('查询期间', 'Period'), span: 12, required: true, max: { today: 0 } },
          {
            key: 'purpose',
            type: 'select',
            label: t('查询用途', 'What it is for'),
            span: 12,
            required: true,
            options: options([
              ['budget-adjustment', '预算调整', 'Budget adjustment'],
              ['mid-term', '中期检查', 'Mid-term review'],
              ['final-audit', '结题审计', 'Final audit'],
              ['other', '其他', 'Other'],
            ]),
          },
          {
            key: 'purposeDetail',
            type: 'text',
            label: t('用途说明', 'Details'),
            required: true,
            maxLength: 200,
            visibleWhen: { field: 'purpose', op: 'eq', value: 'other' },
          },
          {
            key: 'statementFormat',
            type: 'select',
            label: t('明细格式', 'Format'),
            required: true,
            options: options([
              ['pdf', '盖章 PDF', 'Sealed PDF'],
              ['excel', 'Excel 明细表', 'Excel sheet'],
              ['both', '两者都要', 'Both'],
            ]),
          },
        ],
      },
      pledge('本人只查询本人负责或经授权的项目，明细仅用于上述用途', 'I query only projects I lead or am authorised for, and use the statement only as stated'),
    ],
  },
  // Services owned by the Finance Office.

  /**
   * 纵向项目财务明细查询申请: a team member applying with the leader's authorisation has the project
   * leader confirm first; the Research Institute checks the project, the Finance Office issues it.
   */
  process: seeded('finance', {
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
  }),
}
