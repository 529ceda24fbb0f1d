// 本科生请销假: the undergraduate leave form, as a service owner would publish it. Used by the
// tests, the README and the demo seed as the worked example of every part of the format.
import type { FormDefinition } from '../definition.ts'

export const undergradLeave = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    {
      key: 'applicant',
      title: { zh: '申请人信息', en: 'Applicant' },
      fields: [
        {
          key: 'name',
          type: 'text',
          label: { zh: '姓名', en: 'Name' },
          span: 8,
          required: true,
          prefill: { path: 'name', readOnlyWhenPrefilled: true },
        },
        {
          key: 'major',
          type: 'text',
          label: { zh: '专业', en: 'Major' },
          span: 8,
          prefill: { path: 'student.majorZh', readOnlyWhenPrefilled: true },
        },
        {
          key: 'phone',
          type: 'text',
          label: { zh: '本人手机', en: 'Mobile phone' },
          span: 8,
          required: true,
          format: 'mobile',
          // Pre-filled but not authoritative: a student may give a newer number here.
          prefill: { path: 'phone' },
        },
        {
          key: 'dormitory',
          type: 'text',
          label: { zh: '宿舍', en: 'Dormitory' },
          span: 12,
          prefill: { path: 'student.dormitory.room', readOnlyWhenPrefilled: true },
        },
      ],
    },
    {
      key: 'leave',
      title: { zh: '请假信息', en: 'Leave' },
      fields: [
        {
          key: 'leaveType',
          type: 'select',
          label: { zh: '请假类型', en: 'Type of leave' },
          required: true,
          display: 'radio',
          options: [
            { value: 'personal', label: { zh: '事假', en: 'Personal' } },
            { value: 'sick', label: { zh: '病假', en: 'Sick' } },
            { value: 'family', label: { zh: '家庭事务', en: 'Family matter' } },
            { value: 'other', label: { zh: '其他', en: 'Other' } },
          ],
        },
        {
          key: 'period',
          type: 'dateRange',
          label: { zh: '请假时间', en: 'Leave period' },
          startLabel: { zh: '请假开始日期', en: 'Start date' },
          endLabel: { zh: '请假结束日期', en: 'End date' },
          required: true,
          span: 12,
          min: { today: 0 },
          maxDays: 60,
        },
        {
          key: 'days',
          type: 'number',
          label: { zh: '请假天数', en: 'Days' },
          unit: { zh: '天', en: 'days' },
          span: 6,
          computed: { kind: 'daysBetween', from: 'period.start', to: 'period.end' },
        },
        {
          key: 'schoolDays',
          type: 'number',
          label: { zh: '其中工作日', en: 'Working days' },
          help: { zh: '不含周末和法定节假日', en: 'Weekends and public holidays excluded' },
          unit: { zh: '天', en: 'days' },
          span: 6,
          computed: { kind: 'daysBetween', from: 'period.start', to: 'period.end', workingDaysOnly: true },
        },
        {
          key: 'leavesCampus',
          type: 'switch',
          label: { zh: '是否离校', en: 'Leaving campus' },
          span: 8,
        },
        {
          key: 'destination',
          type: 'text',
          label: { zh: '去向', en: 'Destination' },
          placeholder: { zh: '省、市及详细地址', en: 'Province, city and address' },
          span: 16,
          required: true,
          maxLength: 100,
          visibleWhen: { field: 'leavesCampus', op: 'eq', value: true },
        },
        {
          key: 'reason',
          type: 'textarea',
          label: { zh: '请假事由', en: 'Reason' },
          required: true,
          minLength: 5,
          maxLength: 500,
          rows: 4,
        },
        {
          key: 'sickProof',
          type: 'attachment',
          label: { zh: '病假证明', en: 'Proof of illness' },
          help: {
            zh: '校医院或二级以上医院的诊断证明，PDF 或图片，不超过 10 MB',
            en: 'A certificate from the campus clinic or a hospital; PDF or image, up to 10 MB',
          },
          required: true,
          accept: ['application/pdf', 'image/jpeg', 'image/png'],
          maxSizeMb: 10,
          maxFiles: 3,
          materialKind: 'medical-certificate',
          visibleWhen: { field: 'leaveType', op: 'eq', value: 'sick' },
        },
        {
          key: 'emergencyContact',
          type: 'text',
          label: { zh: '紧急联系人', en: 'Emergency contact' },
          span: 12,
          required: true,
          maxLength: 30,
        },
        {
          key: 'emergencyPhone',
          type: 'text',
          label: { zh: '紧急联系人电话', en: 'Emergency contact phone' },
          span: 12,
          required: true,
          format: 'phone',
        },
      ],
    },
    {
      key: 'longLeave',
      title: { zh: '超过 3 天的请假', en: 'Leave of more than 3 days' },
      visibleWhen: { field: 'days', op: 'gt', value: 3 },
      fields: [
        {
          key: 'longLeaveNotice',
          type: 'info',
          tone: 'warning',
          content: {
            zh: '请假超过 3 天，辅导员审批后还需学院分管副书记审批；超过 7 天还需学生工作处备案。',
            en: 'Leave of more than 3 days also needs the college deputy party secretary after the counsellor; more than 7 days is also filed with Student Affairs.',
          },
        },
        {
          key: 'parentInformed',
          type: 'switch',
          label: { zh: '已告知家长', en: 'Parents informed' },
          required: true,
        },
        {
          key: 'parentPhone',
          type: 'text',
          label: { zh: '家长电话', en: "Parent's phone" },
          required: true,
          format: 'phone',
          span: 12,
        },
        {
          key: 'missedClasses',
          type: 'table',
          label: { zh: '缺课安排', en: 'Missed classes' },
          help: { zh: '请列出请假期间的课程和考试', en: 'List the classes and exams during the leave' },
          maxRows: 30,
          addLabel: { zh: '添加课程', en: 'Add a class' },
          columns: [
            { key: 'course', type: 'text', label: { zh: '课程', en: 'Course' }, required: true, maxLength: 50, span: 10 },
            { key: 'date', type: 'date', label: { zh: '日期', en: 'Date' }, required: true, span: 6, min: { field: 'period.start' }, max: { field: 'period.end' } },
            {
              key: 'isExam',
              type: 'switch',
              label: { zh: '考试', en: 'Exam' },
              span: 4,
            },
            {
              key: 'makeUp',
              type: 'text',
              label: { zh: '补考安排', en: 'Make-up arrangement' },
              required: true,
              visibleWhen: { field: 'isExam', op: 'eq', value: true },
              span: 24,
            },
          ],
        },
      ],
    },
    {
      key: 'pledge',
      title: { zh: '承诺', en: 'Pledge' },
      fields: [
        {
          key: 'pledge',
          type: 'switch',
          label: {
            zh: '本人承诺所填信息真实，假期结束后按时销假',
            en: 'I confirm the above is true and will report back when the leave ends',
          },
          required: true,
        },
      ],
    },
  ],
} as const satisfies FormDefinition

/** The same, typed as a plain definition (what the API hands to the renderer). */
export const undergradLeaveDefinition: FormDefinition = undergradLeave
