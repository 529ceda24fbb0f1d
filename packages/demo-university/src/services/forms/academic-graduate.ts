import type { FormDefinition } from '@hall/forms/format'
import { applicant, daysOf, file, notice, options, PDF_OR_IMAGES, pledge, t, undergraduateApplicant, WORD_OR_PDF } from './common.ts'

// Forms of the Academic Affairs Office and of the Graduate School.

/** 缓考申请. The process reads `teacher` (the course's teacher confirms first). */
export const examDeferral: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    undergraduateApplicant(),
    {
      key: 'exam',
      title: t('考试信息', 'The exam'),
      description: t('一门课程提交一份申请。', 'One application per course.'),
      fields: [
        { key: 'courseName', type: 'text', label: t('课程名称', 'Course'), span: 12, required: true, maxLength: 60 },
        {
          key: 'courseCode',
          type: 'text',
          label: t('课程代码', 'Course code'),
          span: 12,
          required: true,
          pattern: { regex: '^[A-Z]{2,4}\\d{3,5}$', message: t('课程代码如 CS2031', 'A course code looks like CS2031') },
        },
        { key: 'teacher', type: 'person', label: t('任课教师', "Course's teacher"), kinds: ['staff'], span: 12, required: true },
        {
          key: 'examDate',
          type: 'date',
          label: t('考试日期', 'Exam date'),
          help: t('原则上在考试前申请；突发情况须在考试后 3 个工作日内补办', 'Apply before the exam; in an emergency, within 3 working days after it'),
          span: 6,
          required: true,
          min: { today: -5 },
        },
        { key: 'examTime', type: 'time', label: t('考试时间', 'Exam time'), span: 6, min: '07:00', max: '22:00' },
        {
          key: 'reasonType',
          type: 'select',
          label: t('缓考原因', 'Why'),
          required: true,
          display: 'radio',
          options: options([
            ['illness', '因病', 'Illness'],
            ['family', '直系亲属重大变故', 'A serious event in the immediate family'],
            ['school-task', '承担学校指派任务', 'A task the university assigned'],
            ['other', '其他', 'Other'],
          ]),
        },
        { key: 'reason', type: 'textarea', label: t('情况说明', 'What happened'), required: true, minLength: 10, maxLength: 500, rows: 3 },
        file('medicalCertificate', t('医院诊断证明', 'Medical certificate'), 'medical-certificate', {
          required: true,
          maxFiles: 3,
          visibleWhen: { field: 'reasonType', op: 'eq', value: 'illness' },
        }),
        file('evidence', t('证明材料', 'Evidence'), 'supporting-document', {
          required: true,
          maxFiles: 3,
          help: t('如学校任务通知、相关证明', 'A task notice from the university, or other proof'),
          visibleWhen: { field: 'reasonType', op: 'ne', value: 'illness' },
        }),
        notice('when', '缓考在下学期开学初的补考时段进行，成绩按正常考试记载。', 'Deferred exams are sat in the make-up period at the start of next term and count as normal exams.'),
      ],
    },
    pledge('本人承诺所填情况属实，如有虚假按考试违纪处理', 'The above is true; a false statement is treated as an exam offence'),
  ],
}

/** 本科生离校申请. */
export const leavingSchool: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    undergraduateApplicant({ dormitory: true, extra: [applicant.graduationYear(), applicant.idNumber()] }),
    {
      key: 'confirm',
      title: t('离校信息', 'Leaving'),
      fields: [
        {
          key: 'recordsChecked',
          type: 'switch',
          label: t('已核对以上学籍信息无误', 'I have checked my record above'),
          help: t('有误的请点击该项的“报错”，由教务处在教务系统中更正', 'If anything is wrong, use “Report an error” on it and Academic Affairs corrects it'),
          required: true,
        },
        { key: 'leaveDate', type: 'date', label: t('预计离校日期', 'Expected leaving date'), span: 12, required: true, min: { today: 0 } },
        {
          key: 'destination',
          type: 'select',
          label: t('毕业去向', 'After graduation'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['employment', '就业', 'Employment'],
            ['further-study', '国内升学', 'Further study in China'],
            ['abroad', '出国（境）', 'Abroad'],
            ['undecided', '暂未落实', 'Not decided yet'],
          ]),
        },
        {
          key: 'employer',
          type: 'text',
          label: t('就业单位', 'Employer'),
          maxLength: 100,
          required: true,
          visibleWhen: { field: 'destination', op: 'eq', value: 'employment' },
        },
      ],
    },
    {
      key: 'transfer',
      title: t('档案与户口', 'Records and household registration'),
      fields: [
        { key: 'archiveTransfer', type: 'switch', label: t('需要转递档案', 'My file must be sent on') },
        {
          key: 'archiveAddress',
          type: 'textarea',
          label: t('档案接收单位及地址', 'Receiving organisation and address'),
          required: true,
          maxLength: 200,
          rows: 2,
          visibleWhen: { field: 'archiveTransfer', op: 'eq', value: true },
        },
        {
          key: 'archivePostcode',
          type: 'text',
          label: t('邮政编码', 'Postcode'),
          span: 8,
          required: true,
          pattern: { regex: '^\\d{6}$', message: t('邮政编码为 6 位数字', 'A postcode has 6 digits') },
          visibleWhen: { field: 'archiveTransfer', op: 'eq', value: true },
        },
        { key: 'hukouTransfer', type: 'switch', label: t('需要迁出户口', 'My household registration moves out') },
        {
          key: 'hukouAddress',
          type: 'text',
          label: t('户口迁往地址', 'Registration moves to'),
          required: true,
          maxLength: 150,
          visibleWhen: { field: 'hukouTransfer', op: 'eq', value: true },
        },
        {
          key: 'certificateCollection',
          type: 'select',
          label: t('证书领取方式', 'How you get your certificates'),
          required: true,
          options: options([
            ['in-person', '本人领取', 'In person'],
            ['proxy', '委托他人领取', 'Someone collects for me'],
            ['post', '邮寄（到付）', 'By post (paid on delivery)'],
          ]),
        },
        {
          key: 'proxyName',
          type: 'text',
          label: t('受托人姓名', 'Who collects'),
          span: 12,
          required: true,
          maxLength: 30,
          visibleWhen: { field: 'certificateCollection', op: 'eq', value: 'proxy' },
        },
        {
          key: 'postAddress',
          type: 'textarea',
          label: t('邮寄地址', 'Postal address'),
          required: true,
          maxLength: 200,
          rows: 2,
          visibleWhen: { field: 'certificateCollection', op: 'eq', value: 'post' },
        },
        notice('clearance', '图书馆、财务处、后勤公寓管理中心和学院将同时核对；任一部门不通过的，会写明原因和办理地点。', 'The library, the Finance Office, the Student Housing Centre and your college check at the same time; any that refuses says why and where to go.'),
      ],
    },
    pledge('本人已归还图书、结清各项费用、交还宿舍钥匙和公物', 'I have returned library books, paid all fees, and handed back my keys and university property'),
  ],
}

/** 在读证明开具. */
export const enrolmentCertificate: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    undergraduateApplicant({ extra: [applicant.gender(), applicant.enrolmentYear(), applicant.graduationYear(), applicant.idNumber()] }),
    {
      key: 'certificate',
      title: t('证明', 'The certificate'),
      description: t('证明内容以教务系统学籍信息为准；有误的请先报错，由教务处学籍科更正。', 'The certificate states what the academic records system holds; report an error first if anything is wrong.'),
      fields: [
        {
          key: 'purpose',
          type: 'select',
          label: t('用途', 'What it is for'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['visa', '办理签证', 'Visa'],
            ['internship', '实习', 'Internship'],
            ['bank', '银行开户', 'Bank account'],
            ['exam', '考试报名', 'Exam registration'],
            ['other', '其他', 'Other'],
          ]),
        },
        {
          key: 'purposeDetail',
          type: 'text',
          label: t('用途说明', 'Details'),
          span: 12,
          required: true,
          maxLength: 100,
          visibleWhen: { field: 'purpose', op: 'eq', value: 'other' },
        },
        {
          key: 'language',
          type: 'select',
          label: t('语言', 'Language'),
          span: 12,
          required: true,
          options: options([
            ['zh', '中文', 'Chinese'],
            ['en', '英文', 'English'],
            ['both', '中英文各一份', 'One of each'],
          ]),
        },
        { key: 'copies', type: 'number', label: t('份数', 'Copies'), span: 12, required: true, integer: true, min: 1, max: 5, help: t('每学期一般不超过 5 份', 'Normally at most 5 a term') },
        file('requiredFormat', t('对方指定格式', 'A required format'), 'required-format', { accept: WORD_OR_PDF, help: t('有特定格式要求时上传', 'Only if the recipient asks for one') }),
      ],
    },
    pledge('本人承诺证明仅用于上述用途', 'The certificate is for the purpose above only'),
  ],
}

/** 研究生请销假. The process reads `days`: more than 3 days goes to the college, more than 7 to the Graduate School. */
export const graduateLeave: FormDefinition = {
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
        notice('longLeave', '请假超过 3 天须学院分管副书记审批；超过 7 天还需研究生院备案。', 'More than 3 days also needs the college deputy party secretary; more than 7 days is also filed with the Graduate School.', {
          tone: 'warning',
          visibleWhen: { field: 'days', op: 'gt', value: 3 },
        }),
      ],
    },
    pledge('本人承诺所填信息真实，返校后 1 个工作日内在线销假', 'The above is true, and I will report back online within a working day of my return'),
  ],
}

export const academicGraduateForms = {
  'exam-deferral': examDeferral,
  'leaving-school': leavingSchool,
  'enrolment-certificate': enrolmentCertificate,
  'graduate-leave': graduateLeave,
}
