import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, undergraduateApplicant, pledge, notice } from '../forms/common.ts'
import { counsellor, deputySecretary, reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { bankCard, weekdays } from '../forms/student-affairs.ts'

// work-study: its catalog entry and guide, its form and its process, in one place.
export const workStudy: ServiceDefinition = {
  code: 'work-study',
  nameZh: '本科生勤工助学申请',
  nameEn: 'Undergraduate work-study',
  summaryZh: '本科生申请校内勤工助学岗位，学院推荐后由学生工作处统一安排上岗。',
  summaryEn: 'Undergraduates apply for a paid part-time job on campus; the college recommends you and Student Affairs assigns the post.',
  keywordsZh: ['勤工助学', '勤工俭学', '校内兼职', '助管', '助学岗位', '兼职', '打工', '资助'],
  keywordsEn: ['work-study', 'part-time job', 'campus job', 'student assistant', 'financial aid', 'earn money', 'student job'],
  categoryCode: 'awards-aid',
  ownerDepartmentCode: 'student-affairs',
  audience: ['undergraduate'],
  mode: 'online',
  timeLimitDays: 10,
  eligibility: [{ type: 'kind', kinds: ['undergraduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校全日制在读本科生',
        '经认定的家庭经济困难学生优先安排',
        '上学期无不及格课程，未受纪律处分',
        '每周勤工助学时间不超过 8 小时，不影响正常学习',
      ],
      materials: [
        req('勤工助学申请表', '系统根据学工系统数据自动生成，核对后提交'),
        opt('个人特长说明', '如计算机、外语、文字写作等'),
        opt('家庭经济困难认定结果', '已认定的由学工系统自动带出，无需上传'),
      ],
      steps: [step('辅导员审核', '辅导员'), step('学院推荐', '学院党委副书记'), step('学生工作处审核并安排岗位', '学生工作处学生资助管理中心')],
      fees: '无',
      ...at(desks.studentAffairs, 'zh'),
      notes: ['报酬按实际工时计算，每月发放至本人银行卡。'],
    },
    en: {
      conditions: [
        'You are a full-time undergraduate in school.',
        'Students assessed as in financial need are placed first.',
        'You failed no course last term and have no disciplinary record.',
        'You work no more than 8 hours a week, so that your studies come first.',
      ],
      materials: [
        req('Work-study application form', 'Filled in from the student affairs system; check it and submit'),
        opt('Your skills', 'For example IT, languages or writing'),
        opt('Financial need assessment', 'Added automatically if you have one'),
      ],
      steps: [
        step('Review by your counsellor', 'Counsellor'),
        step('Recommendation by your college', 'College deputy party secretary'),
        step('Post assigned by Student Affairs', 'Student Financial Aid Centre, Student Affairs'),
      ],
      fees: 'None',
      ...at(desks.studentAffairs, 'en'),
      notes: ['You are paid by the hour, monthly, into your own bank card.'],
    },
  },
  /** 本科生勤工助学申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant({ extra: [bankCard()] }),
      {
        key: 'application',
        title: t('申请信息', 'Application'),
        fields: [
          {
            key: 'hardship',
            type: 'select',
            label: t('家庭经济困难认定', 'Financial hardship status'),
            required: true,
            options: options([
              ['certified', '已认定为家庭经济困难学生', 'Certified as in financial hardship'],
              ['none', '未认定', 'Not certified'],
            ]),
            help: t('经认定的家庭经济困难学生优先安排', 'Certified students are placed first'),
          },
          {
            key: 'preferredPosts',
            type: 'multiSelect',
            label: t('意向岗位', 'Preferred posts'),
            required: true,
            minItems: 1,
            maxItems: 3,
            display: 'checkbox',
            options: options([
              ['library', '图书馆助理', 'Library assistant'],
              ['lab', '实验室助理', 'Laboratory assistant'],
              ['office', '行政助理', 'Office assistant'],
              ['it', '信息技术支持', 'IT support'],
              ['campus', '后勤服务', 'Campus services'],
              ['teaching', '助教', 'Teaching assistant'],
            ]),
          },
          {
            key: 'weeklyHours',
            type: 'number',
            label: t('每周可工作时长', 'Hours a week'),
            span: 8,
            required: true,
            integer: true,
            min: 1,
            max: 8,
            unit: t('小时', 'hours'),
          },
          {
            key: 'availableTimes',
            type: 'table',
            label: t('可工作时间', 'When you can work'),
            minRows: 1,
            maxRows: 14,
            addLabel: t('添加时间段', 'Add a time'),
            columns: [
              { key: 'weekday', type: 'select', label: t('星期', 'Day'), required: true, display: 'dropdown', options: weekdays, span: 8 },
              { key: 'from', type: 'time', label: t('开始', 'From'), required: true, min: '07:30', max: '21:00', span: 8 },
              { key: 'until', type: 'time', label: t('结束', 'Until'), required: true, min: '08:00', max: '22:00', span: 8 },
            ],
          },
          {
            key: 'skills',
            type: 'textarea',
            label: t('个人特长', 'Skills'),
            placeholder: t('如计算机、外语、文字写作等', 'Computing, languages, writing…'),
            maxLength: 500,
            rows: 3,
          },
          notice('payNote', '报酬按实际工时计算，每月发放至本人银行卡。', 'Pay is by the hours worked, paid monthly into your bank card.'),
        ],
      },
      pledge(
        '本人上学期无不及格课程、未受纪律处分，勤工助学不影响正常学习',
        'I failed no course last term, have no disciplinary record, and work-study will not get in the way of my studies',
      ),
    ],
  },
  /** 本科生勤工助学申请: counsellor, college recommendation, Student Affairs assigns a post. */
  process: seeded('student-affairs', {
    service: 'work-study',
    name: { zh: '本科生勤工助学申请', en: 'Undergraduate work-study' },
    formFields: [],
    start: 'counsellor',
    steps: [
      {
        type: 'approval',
        id: 'counsellor',
        name: { zh: '辅导员审核', en: 'Review by your counsellor' },
        assignees: [counsellor],
        deadlineHours: days(2),
        next: 'college',
      },
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院推荐', en: 'Recommendation by your college' },
        assignees: [deputySecretary],
        deadlineHours: days(2),
        next: 'student-affairs',
      },
      {
        type: 'approval',
        id: 'student-affairs',
        name: { zh: '学生工作处审核并安排岗位', en: 'Post assigned by Student Affairs' },
        assignees: [reviewer('student-affairs')],
        deadlineHours: days(6),
        escalateTo: [headOf('student-affairs')],
        next: 'end',
      },
    ],
  }),
}
