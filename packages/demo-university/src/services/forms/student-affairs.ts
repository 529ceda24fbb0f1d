import type { Field, FormDefinition } from '@hall/forms/format'
import { applicant, daysOf, file, notice, options, PDF_OR_IMAGES, pledge, t, undergraduateApplicant } from './common.ts'

// Forms of the Student Affairs Office.

const bankCard = (): Field => ({
  key: 'bankCard',
  type: 'text',
  label: t('收款银行卡', 'Bank card for payments'),
  span: 8,
  help: t('学校发放款项的银行卡，来自财务系统', 'The card the university pays into, from the finance system'),
  prefill: { path: 'student.bankCardMasked', readOnlyWhenPrefilled: true },
})

const weekdays = options([
  ['mon', '周一', 'Monday'],
  ['tue', '周二', 'Tuesday'],
  ['wed', '周三', 'Wednesday'],
  ['thu', '周四', 'Thursday'],
  ['fri', '周五', 'Friday'],
  ['sat', '周六', 'Saturday'],
  ['sun', '周日', 'Sunday'],
])

/** 本科生勤工助学申请. */
export const workStudy: FormDefinition = {
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
        { key: 'weeklyHours', type: 'number', label: t('每周可工作时长', 'Hours a week'), span: 8, required: true, integer: true, min: 1, max: 8, unit: t('小时', 'hours') },
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
        { key: 'skills', type: 'textarea', label: t('个人特长', 'Skills'), placeholder: t('如计算机、外语、文字写作等', 'Computing, languages, writing…'), maxLength: 500, rows: 3 },
        notice('payNote', '报酬按实际工时计算，每月发放至本人银行卡。', 'Pay is by the hours worked, paid monthly into your bank card.'),
      ],
    },
    pledge('本人上学期无不及格课程、未受纪律处分，勤工助学不影响正常学习', 'I failed no course last term, have no disciplinary record, and work-study will not get in the way of my studies'),
  ],
}

/** 本科生学生证补办. */
export const studentIdReplacement: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    undergraduateApplicant({ extra: [applicant.enrolmentYear()] }),
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
            ['wrong-info', '信息有误', 'Wrong details'],
          ]),
        },
        {
          key: 'wrongInfo',
          type: 'textarea',
          label: t('需要更正的信息', 'What is wrong'),
          required: true,
          maxLength: 300,
          visibleWhen: { field: 'reason', op: 'eq', value: 'wrong-info' },
        },
        file('photo', t('一寸免冠证件照', 'ID photo'), 'id-photo', {
          required: true,
          accept: ['image/jpeg'],
          maxSizeMb: 0.2,
          help: t('近期白底免冠照片，JPG 格式，不超过 200KB', 'A recent photo on a white background, JPG, up to 200 KB'),
        }),
        { key: 'railwayDiscount', type: 'switch', label: t('需要火车票优惠乘车区间', 'I need the student railway discount') },
        {
          key: 'homeStation',
          type: 'text',
          label: t('家庭所在地火车站', 'Home railway station'),
          help: t('按家庭住址填写；与原区间不同的请在补办说明中写明', 'As your home address; say so if it differs from your old card'),
          span: 12,
          required: true,
          maxLength: 30,
          visibleWhen: { field: 'railwayDiscount', op: 'eq', value: true },
        },
        notice('oldCard', '损坏换证的，领取新证时请交回原学生证。', 'If your card is damaged, hand it in when you collect the new one.', {
          visibleWhen: { field: 'reason', op: 'ne', value: 'lost' },
        }),
      ],
    },
    pledge('本人承诺所填信息真实，同一学年补办不超过 1 次', 'The above is true, and this is my only replacement this academic year'),
  ],
}

/** 本科生请销假. The process reads `days`: more than 3 days goes to the college, more than 7 to Student Affairs. */
export const undergradLeave: FormDefinition = {
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
}

/** 本科生补办校徽申请. */
export const badgeReplacement: FormDefinition = {
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
        notice('collect', '每学年限补办 1 枚；审核通过后凭校园卡到学生事务服务中心 3 号窗口领取。', 'One replacement per academic year; once approved, collect it at window 3 of the Student Services Centre with your campus card.'),
      ],
    },
    pledge('本人承诺所填信息真实', 'The above is true'),
  ],
}

/** 本科生奖学金申请. */
export const undergradScholarship: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    undergraduateApplicant({ extra: [bankCard()] }),
    {
      key: 'scholarship',
      title: t('申请奖项', 'Scholarship'),
      fields: [
        {
          key: 'scholarship',
          type: 'select',
          label: t('奖学金名称', 'Scholarship'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['national', '国家奖学金', 'National Scholarship'],
            ['national-encouragement', '国家励志奖学金', 'National Encouragement Scholarship'],
            ['university-first', '校一等奖学金', 'University Scholarship, first class'],
            ['university-second', '校二等奖学金', 'University Scholarship, second class'],
            ['university-third', '校三等奖学金', 'University Scholarship, third class'],
            ['special', '专项奖学金', 'Named scholarship'],
          ]),
        },
        {
          key: 'specialName',
          type: 'text',
          label: t('专项奖学金名称', 'Name of the scholarship'),
          span: 12,
          required: true,
          maxLength: 60,
          visibleWhen: { field: 'scholarship', op: 'eq', value: 'special' },
        },
        {
          key: 'academicYear',
          type: 'select',
          label: t('评定学年', 'For the academic year'),
          span: 12,
          required: true,
          options: options([['2025-2026', '2025–2026 学年', '2025–2026']]),
        },
        { key: 'gpa', type: 'number', label: t('上一学年平均学分绩点', "Last year's GPA"), span: 8, required: true, min: 0, max: 5, precision: 2 },
        { key: 'gradeRank', type: 'number', label: t('专业成绩排名', 'Rank in your major'), span: 8, required: true, integer: true, min: 1, max: 2000 },
        { key: 'majorSize', type: 'number', label: t('专业人数', 'Students in your major'), span: 8, required: true, integer: true, min: 1, max: 2000 },
        { key: 'statement', type: 'textarea', label: t('个人陈述', 'Personal statement'), required: true, minLength: 100, maxLength: 800, rows: 8, help: t('不超过 800 字', 'At most 800 characters') },
      ],
    },
    {
      key: 'achievements',
      title: t('获奖与成果', 'Awards and achievements'),
      fields: [
        {
          key: 'awards',
          type: 'table',
          label: t('获奖、科研成果', 'Awards and research'),
          maxRows: 20,
          addLabel: t('添加一项', 'Add one'),
          columns: [
            { key: 'awardTitle', type: 'text', label: t('名称', 'Title'), required: true, maxLength: 80, span: 12 },
            {
              key: 'level',
              type: 'select',
              label: t('级别', 'Level'),
              required: true,
              display: 'dropdown',
              span: 6,
              options: options([
                ['national', '国家级', 'National'],
                ['provincial', '省部级', 'Provincial'],
                ['university', '校级', 'University'],
                ['college', '院级', 'College'],
              ]),
            },
            { key: 'awardedOn', type: 'date', label: t('时间', 'Date'), span: 6, max: { today: 0 } },
          ],
        },
        file('transcript', t('成绩单', 'Transcript'), 'transcript', { accept: PDF_OR_IMAGES, help: t('教务系统打印的成绩单', 'A transcript printed from the academic records system') }),
        file('evidence', t('证明材料', 'Evidence'), 'award-certificate', { maxFiles: 10, accept: [...PDF_OR_IMAGES], help: t('获奖证书、科研成果等', 'Certificates, publications and the like') }),
        notice('season', '每年 9 月至 10 月集中受理，其余时间只受理专项奖学金。', 'Applications open in September and October; at other times only named scholarships are taken.'),
      ],
    },
    pledge('本人无不及格课程、未受任何纪律处分，同一学年内不兼得同一级别的奖学金', 'I failed no course, have no disciplinary record, and hold no other scholarship of the same level this year'),
  ],
}

export const studentAffairsForms = {
  'work-study': workStudy,
  'student-id-replacement': studentIdReplacement,
  'undergrad-leave': undergradLeave,
  'badge-replacement': badgeReplacement,
  'undergrad-scholarship': undergradScholarship,
}
