import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, PDF_OR_IMAGES, file, applicant, pledge, notice, daysOf } from '../forms/common.ts'
import { supervisor, deputySecretary, collegeSecretary, reviewer, headOf, days, fields, seeded } from '../processes/rules.ts'

// graduate-leave: its catalog entry and guide, its form and its process, in one place.
export const graduateLeave: ServiceDefinition = {
  code: 'graduate-leave',
  nameZh: '研究生请销假',
  nameEn: 'Graduate leave request',
  summaryZh: '研究生因病、因事离校请假，返校后在线销假；导师、学院、研究生院按请假天数分级审批。',
  summaryEn:
    'Graduate students ask for leave and report back online when they return; the supervisor, the college and the Graduate School approve according to its length.',
  keywordsZh: ['研究生请假', '请假', '销假', '请销假', '病假', '事假', '离校请假'],
  keywordsEn: ['graduate leave', 'leave request', 'sick leave', 'personal leave', 'absence', 'return from leave', 'time off'],
  categoryCode: 'study',
  ownerDepartmentCode: 'graduate-school',
  audience: ['graduate'],
  mode: 'online',
  timeLimitDays: 2,
  eligibility: [{ type: 'kind', kinds: ['graduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校在读研究生',
        '请假 3 天以内由导师审批；超过 3 天须学院副书记审批；超过 7 天报研究生院备案',
        '已与导师商定请假期间的科研、助教等工作安排',
        '返校后 1 个工作日内在线销假',
      ],
      materials: [req('请假事由', '写明起止时间、去向和联系方式'), opt('医院诊断证明', '病假必须提供')],
      steps: [
        step('导师审核', '导师'),
        step('学院副书记审批（超过3天）', '学院党委副书记'),
        step('研究生院备案（超过7天）', '研究生院培养办公室'),
        step('返校销假', '导师'),
      ],
      fees: '无',
      ...at(desks.graduateSchool, 'zh'),
    },
    en: {
      conditions: [
        'You are a graduate student in school.',
        'Your supervisor approves up to 3 days; longer leave also needs the college deputy party secretary, and over 7 days the Graduate School is informed.',
        'You have agreed with your supervisor how your research and teaching-assistant work is covered.',
        'Report back online within one working day of returning.',
      ],
      materials: [req('Reason for leave', 'Dates, where you will be and how to reach you'), opt('Medical certificate', 'Required for sick leave')],
      steps: [
        step('Review by your supervisor', 'Supervisor'),
        step('Approval by the college (over 3 days)', 'College deputy party secretary'),
        step('Recorded by the Graduate School (over 7 days)', 'Graduate Education Office, Graduate School'),
        step('Report back on return', 'Supervisor'),
      ],
      fees: 'None',
      ...at(desks.graduateSchool, 'en'),
    },
  },
  /** 研究生请销假. The process reads `days`: more than 3 days goes to the college, more than 7 to the Graduate School. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      {
        key: 'applicant',
        title: t('申请人信息', 'Applicant'),
        fields: [
          applicant.name(),
          applicant.cardNumber(),
          applicant.college(),
          applicant.major(),
          applicant.degree(),
          applicant.supervisor(),
          applicant.phone(),
          applicant.dormitory(),
        ],
      },
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
              ['academic', '学术交流或调研', 'Conference or fieldwork'],
              ['family', '家庭事务', 'Family matter'],
            ]),
          },
          { key: 'period', type: 'dateRange', label: t('请假时间', 'Leave period'), span: 12, required: true, min: { today: 0 }, maxDays: 90 },
          daysOf('period', t('请假天数', 'Days')),
          { key: 'leavesCampus', type: 'switch', label: t('是否离校', 'Leaving campus'), span: 8 },
          {
            key: 'destination',
            type: 'text',
            label: t('去向', 'Destination'),
            span: 16,
            required: true,
            maxLength: 100,
            visibleWhen: { field: 'leavesCampus', op: 'eq', value: true },
          },
          { key: 'reason', type: 'textarea', label: t('请假事由', 'Reason'), required: true, minLength: 5, maxLength: 500, rows: 3 },
          file('sickProof', t('医院诊断证明', 'Proof of illness'), 'medical-certificate', {
            required: true,
            maxFiles: 3,
            accept: PDF_OR_IMAGES,
            visibleWhen: { field: 'leaveType', op: 'eq', value: 'sick' },
          }),
          {
            key: 'workArranged',
            type: 'switch',
            label: t('已与导师商定请假期间的科研、助教等工作安排', 'I have agreed my research and teaching duties with my supervisor'),
            required: true,
          },
          { key: 'emergencyContact', type: 'text', label: t('紧急联系人', 'Emergency contact'), span: 12, required: true, maxLength: 30 },
          { key: 'emergencyPhone', type: 'text', label: t('紧急联系人电话', 'Emergency contact phone'), span: 12, required: true, format: 'phone' },
          notice(
            'longLeave',
            '请假超过 3 天须学院分管副书记审批；超过 7 天还需研究生院备案。',
            'More than 3 days also needs the college deputy party secretary; more than 7 days is also filed with the Graduate School.',
            {
              tone: 'warning',
              visibleWhen: { field: 'days', op: 'gt', value: 3 },
            },
          ),
        ],
      },
      pledge('本人承诺所填信息真实，返校后 1 个工作日内在线销假', 'The above is true, and I will report back online within a working day of my return'),
    ],
  },
  /**
   * 研究生请销假: the supervisor approves up to 3 days; longer leave also goes to the college's deputy
   * party secretary, and over 7 days the Graduate School records it. Reporting back (销假) is not an
   * approval step.
   */
  process: seeded('graduate-school', {
    service: 'graduate-leave',
    name: { zh: '研究生请销假', en: 'Graduate leave' },
    formFields: [fields.days],
    start: 'supervisor',
    steps: [
      {
        type: 'approval',
        id: 'supervisor',
        name: { zh: '导师审核', en: 'Review by your supervisor' },
        assignees: [supervisor],
        deadlineHours: days(1),
        next: [{ when: { field: 'days', op: 'gt', value: 3 }, to: 'college' }, { to: 'end' }],
      },
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院副书记审批（超过3天）', en: 'Approval by the college (over 3 days)' },
        assignees: [deputySecretary],
        deadlineHours: days(1),
        escalateTo: [collegeSecretary],
        copyTo: [supervisor],
        next: [{ when: { field: 'days', op: 'gt', value: 7 }, to: 'graduate-school' }, { to: 'end' }],
      },
      {
        type: 'approval',
        id: 'graduate-school',
        name: { zh: '研究生院备案（超过7天）', en: 'Recorded by the Graduate School (over 7 days)' },
        assignees: [reviewer('graduate-school')],
        deadlineHours: days(1),
        escalateTo: [headOf('graduate-school')],
        next: 'end',
      },
    ],
  }),
}
