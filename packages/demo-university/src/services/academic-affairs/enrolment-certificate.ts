import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, WORD_OR_PDF, file, applicant, undergraduateApplicant, pledge } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'

// enrolment-certificate: its catalog entry and guide, its form and its process, in one place.
export const enrolmentCertificate: ServiceDefinition = {
  code: 'enrolment-certificate',
  nameZh: '在读证明开具',
  nameEn: 'Certificate of enrolment',
  summaryZh: '本科生在线申请中文或英文在读证明，电子证明加盖教务处电子印章，可在线验证真伪。',
  summaryEn:
    "Undergraduates get a certificate of enrolment in Chinese or English, issued electronically with the Academic Affairs Office's e-seal and verifiable online.",
  keywordsZh: ['在读证明', '在校证明', '学籍证明', '证明开具', '英文在读证明', '签证证明', '开证明'],
  keywordsEn: ['certificate of enrolment', 'enrollment certificate', 'proof of enrolment', 'student status letter', 'visa letter', 'study certificate'],
  categoryCode: 'study',
  ownerDepartmentCode: 'academic-affairs',
  audience: ['undergraduate'],
  mode: 'online',
  timeLimitDays: 2,
  // No noneInProgress: a student may need certificates for several purposes at once.
  eligibility: [
    { type: 'kind', kinds: ['undergraduate'] },
    { type: 'studentStatus', status: 'enrolled' },
  ],
  guide: {
    zh: {
      conditions: ['本校在读本科生（休学、保留学籍期间不予开具）', '证明内容以教务系统学籍信息为准', '每份证明写明用途，每学期一般不超过 5 份'],
      materials: [req('用途', '如签证、实习、银行开户'), opt('对方指定格式', '有特定格式要求时上传')],
      steps: [step('教务处学籍科审核', '教务处学籍科'), step('生成电子证明', '系统自动')],
      fees: '无',
      ...at(desks.academicAffairs, 'zh'),
      notes: ['学籍信息有误的，请先联系教务处学籍科在教务系统中更正。'],
    },
    en: {
      conditions: [
        'You are an undergraduate in school (not while suspended or on a break from study).',
        'The certificate shows your status as the academic records system holds it.',
        'Give the purpose of each certificate; normally up to 5 a term.',
      ],
      materials: [req('Purpose', 'For example a visa, an internship or a bank account'), opt('Required format', 'If the other party wants a particular form')],
      steps: [step('Review by Student Records', 'Student Records, Academic Affairs'), step('Electronic certificate issued', 'Automatic')],
      fees: 'None',
      ...at(desks.academicAffairs, 'en'),
      notes: ['If your record is wrong, ask Student Records to correct it in the academic records system first.'],
    },
  },
  /** 在读证明开具. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant({ extra: [applicant.gender(), applicant.enrolmentYear(), applicant.graduationYear(), applicant.idNumber()] }),
      {
        key: 'certificate',
        title: t('证明', 'The certificate'),
        description: t(
          '证明内容以教务系统学籍信息为准；有误的请先报错，由教务处学籍科更正。',
          'The certificate states what the academic records system holds; report an error first if anything is wrong.',
        ),
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
          {
            key: 'copies',
            type: 'number',
            label: t('份数', 'Copies'),
            span: 12,
            required: true,
            integer: true,
            min: 1,
            max: 5,
            help: t('每学期一般不超过 5 份', 'Normally at most 5 a term'),
          },
          file('requiredFormat', t('对方指定格式', 'A required format'), 'required-format', {
            accept: WORD_OR_PDF,
            help: t('有特定格式要求时上传', 'Only if the recipient asks for one'),
          }),
        ],
      },
      pledge('本人承诺证明仅用于上述用途', 'The certificate is for the purpose above only'),
    ],
  },
  /** 在读证明开具: Student Records reviews, then the electronic certificate is issued with a number. */
  process: seeded('academic-affairs', {
    service: 'enrolment-certificate',
    name: { zh: '在读证明开具', en: 'Certificate of enrolment' },
    formFields: [],
    start: 'student-records',
    steps: [
      {
        type: 'approval',
        id: 'student-records',
        name: { zh: '教务处学籍科审核', en: 'Review by Student Records' },
        assignees: [reviewer('academic-affairs')],
        deadlineHours: days(2),
        escalateTo: [headOf('academic-affairs')],
        next: 'end',
      },
    ],
    // "生成电子证明 / 系统自动": the certificate is generated on completion, not by a person.
    onComplete: [{ kind: 'documentNumber', prefix: '明大学籍证字', sequence: 'enrolment-certificate', template: 'enrolment-certificate' }],
  }),
}
