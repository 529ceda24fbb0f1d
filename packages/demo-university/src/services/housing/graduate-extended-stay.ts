import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, applicant, studentApplicant, pledge, notice, daysOf } from '../forms/common.ts'
import { deputySecretary, reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { adviser } from '../processes/housing.ts'

// graduate-extended-stay: its catalog entry and guide, its form and its process, in one place.
export const graduateExtendedStay: ServiceDefinition = {
  code: 'graduate-extended-stay',
  nameZh: '毕业生延期住宿申请',
  nameEn: 'Graduate extended stay',
  summaryZh: '应届毕业生因就业、升学、答辩等原因，申请在规定离校日期后延期住宿。',
  summaryEn:
    'Graduating students who must stay on after the leaving date – to start a job, for further study, or for a late thesis defence – ask to keep their room for a while.',
  keywordsZh: ['延期住宿', '毕业延住', '延住', '毕业生住宿', '暑期住宿', '留宿', '延期离校'],
  keywordsEn: ['extended stay', 'stay after graduation', 'graduate housing', 'summer stay', 'keep my room', 'extension', 'late check-out'],
  categoryCode: 'life-housing',
  ownerDepartmentCode: 'housing',
  audience: ['undergraduate', 'graduate', 'international'],
  mode: 'online',
  timeLimitDays: 5,
  // 12 months rather than 6: housing plans the summer's rooms in the spring, so graduates apply early.
  eligibility: [
    { type: 'kind', kinds: ['undergraduate', 'graduate', 'international'] },
    { type: 'studentStatus', status: 'enrolled' },
    { type: 'graduatingWithin', months: 12 },
    { type: 'hasDormitory' },
    { type: 'noneInProgress' },
  ],
  guide: {
    zh: {
      conditions: [
        '本校应届毕业生（本科生、研究生、留学生），已分配学校宿舍',
        '因办理就业、升学手续或论文答辩延期等确有需要',
        '延住一般不超过 30 天，最晚至当年 8 月 31 日',
        '按天缴纳延住期间的住宿费',
      ],
      materials: [req('延住理由', '写明预计退宿日期'), opt('就业协议、录取通知或答辩安排')],
      steps: [
        step('辅导员审核（研究生为导师审核）', '辅导员 / 导师'),
        step('学院审批', '学院党委副书记'),
        step('后勤公寓管理中心安排', '后勤公寓管理中心住宿调配科'),
      ],
      fees: '15元/人/天，退宿时结清',
      ...at(desks.housing, 'zh'),
      notes: ['暑期可能统一调整到集中住宿楼，届时另行通知。'],
    },
    en: {
      conditions: [
        'You graduate this year (undergraduate, graduate or international student) and have a room on campus.',
        'You really need to stay – for job or admission paperwork, or a postponed thesis defence.',
        'An extended stay is normally up to 30 days, and ends on 31 August at the latest.',
        'You pay for the extra nights.',
      ],
      materials: [req('Reason', 'And the date you expect to move out'), opt('Job contract, admission letter or defence schedule')],
      steps: [
        step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
        step('Approval by your college', 'College deputy party secretary'),
        step('Room arranged by Student Housing', 'Room Allocation, Student Housing Centre'),
      ],
      fees: 'CNY 15 a night, settled when you move out',
      ...at(desks.housing, 'en'),
      notes: ['Over the summer you may be moved to a shared building; you will be told in advance.'],
    },
  },
  /** 毕业生延期住宿申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      studentApplicant({ dormitory: true, extra: [applicant.graduationYear()] }),
      {
        key: 'stay',
        title: t('延期住宿', 'Extended stay'),
        fields: [
          {
            key: 'reasonType',
            type: 'select',
            label: t('延住原因', 'Why'),
            required: true,
            display: 'dropdown',
            options: options([
              ['employment', '办理就业手续', 'Employment formalities'],
              ['further-study', '办理升学手续', 'Further study formalities'],
              ['defence', '论文答辩延期', 'Thesis defence postponed'],
              ['other', '其他', 'Other'],
            ]),
          },
          { key: 'reason', type: 'textarea', label: t('延住理由', 'Reason'), required: true, minLength: 10, maxLength: 500, rows: 3 },
          {
            key: 'period',
            type: 'dateRange',
            label: t('延住期间', 'Extended stay'),
            help: t('延住一般不超过 30 天，最晚至 2027 年 8 月 31 日', 'At most 30 days, and no later than 31 August 2027'),
            span: 12,
            required: true,
            min: { today: 0 },
            max: '2027-08-31',
            maxDays: 30,
          },
          daysOf('period', t('延住天数', 'Days')),
          notice(
            'fee',
            '延住期间按天缴纳住宿费（每天 30 元），暑期可能统一调整到集中住宿楼。',
            'The stay is charged by the day (CNY 30 a day); in summer you may be moved to a shared building.',
          ),
          file('evidence', t('就业协议、录取通知或答辩安排', 'Employment agreement, admission letter or defence schedule'), 'employment-agreement', {
            maxFiles: 3,
          }),
        ],
      },
      pledge('本人承诺按期退宿并结清住宿费', 'I will check out on time and pay the fees'),
    ],
  },
  /** 毕业生延期住宿申请 */
  process: seeded('housing', {
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
  }),
}
