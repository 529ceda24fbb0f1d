import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, applicant, studentApplicant, pledge, notice, daysOf } from '../forms/common.ts'
import { deputySecretary, reviewer, headOf, studentAdviser, days, seeded } from '../processes/rules.ts'

// student-travel-documents: its catalog entry and guide, its form and its process, in one place.
export const studentTravelDocuments: ServiceDefinition = {
  code: 'student-travel-documents',
  nameZh: '在校生申请因私出国(境)证件',
  nameEn: 'Student private travel documents',
  summaryZh: '在校学生因私出国（境）（旅游、探亲、短期交流等），申请学校出具同意证明，用于办理护照、通行证或签证。',
  summaryEn:
    'Students travelling abroad privately – a holiday, a family visit, a short programme – get the university letter they need for a passport, a travel permit or a visa.',
  keywordsZh: ['出国证明', '护照办理', '签证', '港澳通行证', '出境', '学生出国', '寒暑假出国', '同意函'],
  keywordsEn: ['passport', 'visa letter', 'student travel', 'travel permit', 'travel abroad', 'holiday abroad', 'consent letter', 'no objection letter'],
  categoryCode: 'travel-abroad',
  ownerDepartmentCode: 'international',
  audience: ['undergraduate', 'graduate'],
  mode: 'hybrid',
  timeLimitDays: 5,
  eligibility: [{ type: 'kind', kinds: ['undergraduate', 'graduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校在读本科生、研究生',
        '原则上在寒暑假出行，学期中出行不得影响课程和考试',
        '本科生须取得监护人知情同意，研究生须经导师同意',
        '本服务不适用于国家公派、校际交换等项目',
      ],
      materials: [
        req('出行计划', '写明国家或地区、起止日期和事由'),
        opt('监护人知情同意书', '本科生必须提供'),
        opt('邀请函或录取通知', '参加短期交流项目时提供'),
      ],
      steps: [
        step('辅导员审核（研究生为导师审核）', '辅导员 / 导师'),
        step('学院审批', '学院党委副书记'),
        step('国际交流处审核并出具证明', '国际交流处出入境管理科'),
      ],
      fees: '无',
      ...at(desks.international, 'zh'),
      notes: ['电子证明可直接下载；如需纸质原件，审批通过后凭校园卡到国际交流处领取。', '证明自开具之日起 30 天内有效。'],
    },
    en: {
      conditions: [
        'You are an enrolled undergraduate or graduate student.',
        'You travel during the winter or summer break; a trip in term time must not make you miss classes or exams.',
        "Undergraduates need a parent's or guardian's consent; graduate students need their supervisor's.",
        'Government-sponsored and exchange programmes are handled separately, not here.',
      ],
      materials: [
        req('Travel plan', 'Countries or regions, dates and purpose'),
        opt("Parent's or guardian's consent", 'Required for undergraduates'),
        opt('Invitation or admission letter', 'If you are joining a short programme'),
      ],
      steps: [
        step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
        step('Approval by your college', 'College deputy party secretary'),
        step('Letter issued by the International Office', 'Travel Documents, International Office'),
      ],
      fees: 'None',
      ...at(desks.international, 'en'),
      notes: [
        'Download the electronic letter, or collect a stamped paper copy at the International Office with your campus card.',
        'The letter is valid for 30 days from the date of issue.',
      ],
    },
  },
  // Forms of the International Office (student travel documents) and the Youth League Committee
  // (the student activity centre).

  /** 在校生申请因私出国(境)证件. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      studentApplicant({ extra: [applicant.degree(), applicant.idNumber()] }),
      {
        key: 'trip',
        title: t('出行信息', 'The trip'),
        fields: [
          { key: 'destinations', type: 'text', label: t('前往国家或地区', 'Countries or regions'), span: 12, required: true, maxLength: 100 },
          {
            key: 'purpose',
            type: 'select',
            label: t('出行事由', 'Purpose'),
            span: 12,
            required: true,
            display: 'dropdown',
            options: options([
              ['tourism', '旅游', 'Tourism'],
              ['family', '探亲访友', 'Visiting family or friends'],
              ['short-programme', '自费短期交流项目', 'Self-funded short programme'],
              ['conference', '参加会议或竞赛', 'Conference or competition'],
              ['other', '其他', 'Other'],
            ]),
          },
          { key: 'period', type: 'dateRange', label: t('出行时间', 'Dates'), span: 12, required: true, min: { today: 0 }, maxDays: 180 },
          daysOf('period', t('出行天数', 'Days')),
          {
            key: 'purposeDetail',
            type: 'textarea',
            label: t('出行计划', 'Travel plan'),
            help: t('写明国家或地区、起止日期和事由', 'Countries or regions, dates and purpose'),
            required: true,
            minLength: 10,
            maxLength: 800,
            rows: 4,
          },
          { key: 'duringTerm', type: 'switch', label: t('出行时间在学期中', 'The trip falls in term time') },
          {
            key: 'courseArrangement',
            type: 'textarea',
            label: t('课程和考试安排', 'Classes and exams you will miss'),
            required: true,
            maxLength: 500,
            visibleWhen: { field: 'duringTerm', op: 'eq', value: true },
          },
          file('itinerary', t('行程单', 'Itinerary'), 'travel-itinerary', { required: true }),
          file('invitation', t('邀请函或录取通知', 'Invitation or admission letter'), 'invitation-letter', {
            required: true,
            visibleWhen: { field: 'purpose', op: 'eq', value: 'short-programme' },
          }),
        ],
      },
      {
        key: 'consent',
        title: t('知情同意', 'Consent'),
        fields: [
          file('guardianConsent', t('监护人知情同意书', "Guardian's consent"), 'guardian-consent', {
            required: true,
            help: t('本科生必须提供，监护人签字后拍照或扫描上传', 'Required of undergraduates: signed by a guardian, photographed or scanned'),
            visibleWhen: { field: 'degree', op: 'eq', value: 'bachelor' },
          }),
          {
            key: 'supervisorAgrees',
            type: 'switch',
            label: t('导师已同意本次出行', 'My supervisor agrees to this trip'),
            required: true,
            visibleWhen: { field: 'degree', op: 'ne', value: 'bachelor' },
          },
          {
            key: 'certificateForm',
            type: 'select',
            label: t('证明形式', 'Form of the certificate'),
            required: true,
            options: options([
              ['electronic', '电子证明（直接下载）', 'Electronic (download)'],
              ['paper', '纸质原件（凭校园卡到国际交流处领取）', 'Paper original (collect at the International Office with your campus card)'],
            ]),
          },
          notice(
            'programmesNote',
            '本服务不适用于国家公派、校际交换等项目；证明自开具之日起 30 天内有效。',
            'Not for state-funded or exchange programmes; the certificate is valid for 30 days from issue.',
          ),
        ],
      },
      pledge('本人承诺出行期间遵守当地法律和学校规定，按时返校', 'I will obey local laws and university rules while away and return on time'),
    ],
  },
  /**
   * 在校生申请因私出国(境)证件: the counsellor (graduate students: the supervisor), the college, then
   * the International Office issues a numbered letter.
   */
  process: seeded('international', {
    service: 'student-travel-documents',
    name: { zh: '在校生申请因私出国(境)证件', en: 'Student private travel documents' },
    formFields: [],
    start: 'adviser',
    steps: [
      {
        type: 'approval',
        id: 'adviser',
        name: { zh: '辅导员审核（研究生为导师审核）', en: 'Review by your counsellor (graduate students: your supervisor)' },
        assignees: studentAdviser,
        deadlineHours: days(1),
        next: 'college',
      },
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院审批', en: 'Approval by your college' },
        assignees: [deputySecretary],
        deadlineHours: days(1),
        next: 'international',
      },
      {
        type: 'approval',
        id: 'international',
        name: { zh: '国际交流处审核并出具证明', en: 'Letter issued by the International Office' },
        assignees: [reviewer('international')],
        deadlineHours: days(2),
        escalateTo: [headOf('international')],
        next: 'end',
      },
    ],
    onComplete: [{ kind: 'documentNumber', prefix: '明大国交证字', sequence: 'student-travel-letter', template: 'student-travel-letter' }],
  }),
}
