import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, PDF_OR_IMAGES, file, undergraduateApplicant, pledge, notice, daysOf } from '../forms/common.ts'
import { counsellor, deputySecretary, collegeSecretary, reviewer, headOf, days, fields, seeded } from '../processes/rules.ts'

// undergrad-leave: its catalog entry and guide, its form and its process, in one place.
export const undergradLeave: ServiceDefinition = {
  code: 'undergrad-leave',
  nameZh: '本科生请销假',
  nameEn: 'Undergraduate leave request and return',
  summaryZh: '本科生因病、因事离校请假，返校后在线销假。',
  summaryEn: 'Undergraduates ask for leave from classes and campus – for illness or personal matters – and report back online when they return.',
  keywordsZh: ['请假', '销假', '请销假', '病假', '事假', '离校请假', '假条', '返校'],
  keywordsEn: ['leave', 'leave of absence', 'sick leave', 'personal leave', 'absence', 'return from leave', 'excused absence', 'time off'],
  categoryCode: 'study',
  ownerDepartmentCode: 'student-affairs',
  audience: ['undergraduate'],
  mode: 'online',
  timeLimitDays: 2,
  eligibility: [{ type: 'kind', kinds: ['undergraduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校在读本科生',
        '请假 3 天以内由辅导员审批；超过 3 天须学院副书记审批；超过 7 天报学生工作处备案',
        '病假须提供医院证明，事假须写明事由',
        '返校后 1 个工作日内在线销假',
      ],
      materials: [req('请假事由', '写明起止时间、去向和联系方式'), opt('医院诊断证明', '病假必须提供'), opt('家长知情确认', '请假超过 3 天时提供')],
      steps: [
        step('辅导员审核', '辅导员'),
        step('学院副书记审批（超过3天）', '学院党委副书记'),
        step('学生工作处备案（超过7天）', '学生工作处'),
        step('返校销假', '辅导员'),
      ],
      fees: '无',
      ...at(desks.studentAffairs, 'zh'),
      notes: ['请假期间的课程请另行告知任课教师；请假不等于缓考，缓考请使用“缓考申请”。'],
    },
    en: {
      conditions: [
        'You are an undergraduate in school.',
        'Your counsellor approves up to 3 days; longer leave also needs the college deputy party secretary, and over 7 days Student Affairs is informed.',
        'Sick leave needs a medical certificate; personal leave needs a reason.',
        'Report back online within one working day of returning.',
      ],
      materials: [
        req('Reason for leave', 'Dates, where you will be and how to reach you'),
        opt('Medical certificate', 'Required for sick leave'),
        opt("Parent's acknowledgement", 'For leave of more than 3 days'),
      ],
      steps: [
        step('Review by your counsellor', 'Counsellor'),
        step('Approval by the college (over 3 days)', 'College deputy party secretary'),
        step('Recorded by Student Affairs (over 7 days)', 'Student Affairs Office'),
        step('Report back on return', 'Counsellor'),
      ],
      fees: 'None',
      ...at(desks.studentAffairs, 'en'),
      notes: ['Tell your teachers about the classes you miss. Leave does not defer an exam: use “Exam deferral” for that.'],
    },
  },
  /** 本科生请销假. The process reads `days`: more than 3 days goes to the college, more than 7 to Student Affairs. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant({ dormitory: true }),
      {
        key: 'leave',
        title: t('请假信息', 'Leave'),
        fields: [
          {
            key: 'leaveType',
            type: 'select',
            label: t('请假类型', 'Type of leave'),
            required: true,
            display: 'radio',
            options: options([
              ['personal', '事假', 'Personal'],
              ['sick', '病假', 'Sick'],
              ['family', '家庭事务', 'Family matter'],
              ['other', '其他', 'Other'],
            ]),
          },
          {
            key: 'period',
            type: 'dateRange',
            label: t('请假时间', 'Leave period'),
            startLabel: t('请假开始日期', 'Start date'),
            endLabel: t('请假结束日期', 'End date'),
            required: true,
            span: 12,
            min: { today: 0 },
            maxDays: 60,
          },
          daysOf('period', t('请假天数', 'Days')),
          {
            key: 'schoolDays',
            type: 'number',
            label: t('其中工作日', 'Working days'),
            help: t('不含周末和法定节假日', 'Weekends and public holidays excluded'),
            unit: t('天', 'days'),
            span: 6,
            computed: { kind: 'daysBetween', from: 'period.start', to: 'period.end', workingDaysOnly: true },
          },
          { key: 'leavesCampus', type: 'switch', label: t('是否离校', 'Leaving campus'), span: 8 },
          {
            key: 'destination',
            type: 'text',
            label: t('去向', 'Destination'),
            placeholder: t('省、市及详细地址', 'Province, city and address'),
            span: 16,
            required: true,
            maxLength: 100,
            visibleWhen: { field: 'leavesCampus', op: 'eq', value: true },
          },
          { key: 'reason', type: 'textarea', label: t('请假事由', 'Reason'), required: true, minLength: 5, maxLength: 500, rows: 4 },
          file('sickProof', t('医院诊断证明', 'Proof of illness'), 'medical-certificate', {
            required: true,
            maxFiles: 3,
            accept: PDF_OR_IMAGES,
            help: t('校医院或二级以上医院的诊断证明', 'A certificate from the campus clinic or a hospital'),
            visibleWhen: { field: 'leaveType', op: 'eq', value: 'sick' },
          }),
          { key: 'emergencyContact', type: 'text', label: t('紧急联系人', 'Emergency contact'), span: 12, required: true, maxLength: 30 },
          { key: 'emergencyPhone', type: 'text', label: t('紧急联系人电话', 'Emergency contact phone'), span: 12, required: true, format: 'phone' },
        ],
      },
      {
        key: 'longLeave',
        title: t('超过 3 天的请假', 'Leave of more than 3 days'),
        visibleWhen: { field: 'days', op: 'gt', value: 3 },
        fields: [
          notice(
            'longLeaveNotice',
            '请假超过 3 天，辅导员审批后还需学院分管副书记审批；超过 7 天还需学生工作处备案。',
            'Leave of more than 3 days also needs the college deputy party secretary after the counsellor; more than 7 days is also filed with Student Affairs.',
            { tone: 'warning' },
          ),
          { key: 'parentInformed', type: 'switch', label: t('已告知家长', 'Parents informed'), required: true },
          { key: 'parentPhone', type: 'text', label: t('家长电话', "Parent's phone"), required: true, format: 'phone', span: 12 },
          {
            key: 'missedClasses',
            type: 'table',
            label: t('缺课安排', 'Missed classes'),
            help: t('请列出请假期间的课程和考试', 'List the classes and exams during the leave'),
            maxRows: 30,
            addLabel: t('添加课程', 'Add a class'),
            columns: [
              { key: 'course', type: 'text', label: t('课程', 'Course'), required: true, maxLength: 50, span: 10 },
              { key: 'date', type: 'date', label: t('日期', 'Date'), required: true, span: 6, min: { field: 'period.start' }, max: { field: 'period.end' } },
              { key: 'isExam', type: 'switch', label: t('考试', 'Exam'), span: 4 },
              {
                key: 'makeUp',
                type: 'text',
                label: t('补考安排', 'Make-up arrangement'),
                required: true,
                maxLength: 100,
                visibleWhen: { field: 'isExam', op: 'eq', value: true },
              },
            ],
          },
        ],
      },
      pledge('本人承诺所填信息真实，假期结束后按时销假', 'I confirm the above is true and will report back when the leave ends'),
    ],
  },
  // Undergraduate services owned by the Student Affairs Office. Undergraduates always have a class,
  // so the first reviewer is its counsellor.

  /**
   * 本科生请销假: the counsellor approves up to 3 days; longer leave also goes to the college's
   * deputy party secretary, and over 7 days Student Affairs records it. Reporting back (销假) after
   * the leave is not an approval step: the application completes when the leave is granted.
   */
  process: seeded('student-affairs', {
    service: 'undergrad-leave',
    name: { zh: '本科生请销假', en: 'Undergraduate leave' },
    formFields: [fields.days],
    start: 'counsellor',
    steps: [
      {
        type: 'approval',
        id: 'counsellor',
        name: { zh: '辅导员审核', en: 'Review by your counsellor' },
        assignees: [counsellor],
        deadlineHours: days(1),
        escalateTo: [deputySecretary],
        next: [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'college' }, { to: 'end' }],
      },
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院副书记审批（超过3天）', en: 'Approval by the college (over 3 days)' },
        assignees: [deputySecretary],
        deadlineHours: days(1),
        escalateTo: [collegeSecretary],
        // The counsellor approved first: they learn that the college granted the longer leave.
        copyTo: [counsellor],
        next: [{ when: { field: 'days', op: 'gt', value: 7 }, to: 'student-affairs' }, { to: 'end' }],
      },
      {
        type: 'approval',
        id: 'student-affairs',
        name: { zh: '学生工作处备案（超过7天）', en: 'Recorded by Student Affairs (over 7 days)' },
        assignees: [reviewer('student-affairs')],
        deadlineHours: days(1),
        escalateTo: [headOf('student-affairs')],
        next: 'end',
      },
    ],
  }),
}
