import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, step } from '../guide-kit.ts'
import { t, options, undergraduateApplicant, pledge, notice } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'

// badge-replacement: its catalog entry and guide, its form and its process, in one place.
export const badgeReplacement: ServiceDefinition = {
  code: 'badge-replacement',
  nameZh: '本科生补办校徽申请',
  nameEn: 'School badge replacement',
  summaryZh: '本科生校徽遗失或损坏后申请补办。',
  summaryEn: 'Undergraduates replace a lost or damaged university badge.',
  keywordsZh: ['校徽', '补办校徽', '校徽丢失', '学生校徽', '徽章'],
  keywordsEn: ['badge', 'school badge', 'university badge', 'lost badge', 'pin'],
  categoryCode: 'study',
  ownerDepartmentCode: 'student-affairs',
  audience: ['undergraduate'],
  mode: 'hybrid',
  timeLimitDays: 3,
  eligibility: [{ type: 'kind', kinds: ['undergraduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: ['本校在读本科生', '校徽遗失或损坏', '每学年限补办 1 枚'],
      materials: [req('补办说明', '简要说明遗失或损坏情况')],
      steps: [step('学生工作处审核', '学生工作处学生事务管理科'), step('本人领取（线下）', '学生事务服务中心')],
      fees: '10元/枚（领取时缴纳）',
      ...at(desks.studentAffairs, 'zh'),
    },
    en: {
      conditions: ['You are an undergraduate in school.', 'Your badge is lost or damaged.', 'One replacement per school year.'],
      materials: [req('What happened', 'A line on how the badge was lost or damaged')],
      steps: [step('Review by Student Affairs', 'Student Services, Student Affairs'), step('Collect the badge in person', 'Student Services Centre')],
      fees: 'CNY 10 per badge, paid on collection',
      ...at(desks.studentAffairs, 'en'),
    },
  },
  /** 本科生补办校徽申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant(),
      {
        key: 'replacement',
        title: t('补办信息', 'Replacement'),
        fields: [
          {
            key: 'reason',
            type: 'select',
            label: t('补办原因', 'Why'),
            required: true,
            options: options([
              ['lost', '遗失', 'Lost'],
              ['damaged', '损坏', 'Damaged'],
            ]),
          },
          { key: 'description', type: 'textarea', label: t('补办说明', 'What happened'), required: true, minLength: 5, maxLength: 300, rows: 3 },
          notice(
            'collect',
            '每学年限补办 1 枚；审核通过后凭校园卡到学生事务服务中心 3 号窗口领取。',
            'One replacement per academic year; once approved, collect it at window 3 of the Student Services Centre with your campus card.',
          ),
        ],
      },
      pledge('本人承诺所填信息真实', 'The above is true'),
    ],
  },
  /** 本科生补办校徽申请: Student Affairs reviews, the student collects the badge. */
  process: seeded('student-affairs', {
    service: 'badge-replacement',
    name: { zh: '本科生补办校徽申请', en: 'Undergraduate badge replacement' },
    formFields: [],
    start: 'student-affairs',
    steps: [
      {
        type: 'approval',
        id: 'student-affairs',
        name: { zh: '学生工作处审核', en: 'Review by Student Affairs' },
        assignees: [reviewer('student-affairs')],
        deadlineHours: days(2),
        escalateTo: [headOf('student-affairs')],
        next: 'collect',
      },
      {
        type: 'approval',
        id: 'collect',
        name: { zh: '本人领取（线下）', en: 'Collect the badge in person' },
        assignees: [reviewer('student-affairs')],
        next: 'end',
      },
    ],
  }),
}
