import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, WORD_OR_PDF, file, staffApplicant, pledge, notice } from '../forms/common.ts'
import { reviewer, headOf, headOfUnit, days, seeded } from '../processes/rules.ts'

// intro-letter: its catalog entry and guide, its form and its process, in one place.
export const introLetter: ServiceDefinition = {
  code: 'intro-letter',
  nameZh: '开具介绍信申请',
  nameEn: 'Letter of introduction',
  summaryZh: '教职工因公务需以学校名义对外联系工作时，申请开具学校介绍信。',
  summaryEn: 'Staff who must contact another organisation on the university’s behalf ask for an official letter of introduction.',
  keywordsZh: ['介绍信', '公函', '学校介绍信', '开证明', '单位证明', '盖章', '用印'],
  keywordsEn: ['letter of introduction', 'introduction letter', 'official letter', 'university letter', 'stamp', 'seal', 'certificate'],
  categoryCode: 'personnel-admin',
  ownerDepartmentCode: 'president-office',
  audience: ['staff'],
  mode: 'hybrid',
  timeLimitDays: 2,
  // No noneInProgress: one person may need letters to several organisations at once.
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: ['本校在职教职工，因公务需要对外联系工作', '事由属于学校职责范围，个人事务不予开具', '所在单位负责人同意', '介绍信有效期一般不超过 30 天'],
      materials: [req('事由说明', '写明前往单位、联系人、事由和日期'), opt('相关公函或会议通知')],
      steps: [step('所在单位负责人审核', '所在单位负责人'), step('校长办公室审核并开具', '校长办公室机要室')],
      fees: '无',
      ...at(desks.presidentOffice, 'zh'),
      notes: ['可选择电子介绍信（加盖电子印章）或到校长办公室领取纸质介绍信。', '学生需要证明的，请使用“在读证明开具”或联系所在学院。'],
    },
    en: {
      conditions: [
        'You are a member of staff and need to contact another organisation on official business.',
        'The matter is university business; letters are not issued for private matters.',
        'The head of your unit agrees.',
        'A letter is normally valid for up to 30 days.',
      ],
      materials: [req('Purpose', 'The organisation, contact person, purpose and dates'), opt('Related official letter or meeting notice')],
      steps: [
        step('Review by the head of your unit', 'Head of your unit'),
        step("Letter issued by the President's Office", "Records and Seals, President's Office"),
      ],
      fees: 'None',
      ...at(desks.presidentOffice, 'en'),
      notes: [
        "Choose an electronic letter with the university's e-seal, or collect a paper letter at the President's Office.",
        'Students who need a letter should use “Certificate of enrolment” or ask their college.',
      ],
    },
  },
  /** 开具介绍信申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant(),
      {
        key: 'letter',
        title: t('介绍信内容', 'The letter'),
        fields: [
          { key: 'recipientOrg', type: 'text', label: t('前往单位', 'Organisation to visit'), span: 12, required: true, maxLength: 100 },
          { key: 'recipientContact', type: 'text', label: t('对方联系人', 'Contact there'), span: 12, maxLength: 50 },
          {
            key: 'visitors',
            type: 'table',
            label: t('被介绍人', 'People introduced'),
            help: t('含申请人本人', 'Include yourself if you go'),
            minRows: 1,
            maxRows: 20,
            addLabel: t('添加人员', 'Add a person'),
            columns: [
              { key: 'visitorName', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 50, span: 8 },
              { key: 'visitorPost', type: 'text', label: t('职务或职称', 'Post or title'), maxLength: 50, span: 16 },
            ],
          },
          { key: 'visitorCount', type: 'number', label: t('人数', 'People'), span: 6, computed: { kind: 'count', field: 'visitors' } },
          { key: 'purpose', type: 'textarea', label: t('事由', 'Purpose'), required: true, minLength: 5, maxLength: 300, rows: 3 },
          { key: 'visitDates', type: 'dateRange', label: t('前往日期', 'Dates of the visit'), span: 12, required: true, min: { today: 0 }, maxDays: 30 },
          {
            key: 'letterForm',
            type: 'select',
            label: t('介绍信形式', 'Form of the letter'),
            span: 12,
            required: true,
            options: options([
              ['electronic', '电子介绍信（加盖电子印章）', 'Electronic (with an electronic seal)'],
              ['paper', '纸质介绍信（到校长办公室领取）', "On paper (collect at the President's Office)"],
            ]),
          },
          file('officialLetter', t('相关公函或会议通知', 'Related official letter or meeting notice'), 'official-letter', {
            accept: [...WORD_OR_PDF, 'image/jpeg', 'image/png'],
            maxFiles: 3,
          }),
          notice(
            'studentsNote',
            '学生需要证明的，请使用“在读证明开具”或联系所在学院。',
            'Students who need a certificate use “Certificate of enrolment” or ask their college.',
          ),
        ],
      },
      pledge('本人承诺介绍信仅用于上述公务事由', 'The letter will be used only for the official purpose above'),
    ],
  },
  /** 开具介绍信申请: the head of the unit, then the President's Office issues a numbered letter. */
  process: seeded('president-office', {
    service: 'intro-letter',
    name: { zh: '开具介绍信申请', en: 'Letter of introduction' },
    formFields: [],
    start: 'unit-head',
    steps: [
      {
        type: 'approval',
        id: 'unit-head',
        name: { zh: '所在单位负责人审核', en: 'Review by the head of your unit' },
        assignees: headOfUnit,
        deadlineHours: days(1),
        next: 'president-office',
      },
      {
        type: 'approval',
        id: 'president-office',
        name: { zh: '校长办公室审核并开具', en: "Letter issued by the President's Office" },
        assignees: [reviewer('president-office')],
        deadlineHours: days(1),
        escalateTo: [headOf('president-office')],
        next: 'end',
      },
    ],
    onComplete: [{ kind: 'documentNumber', prefix: '明大介字', sequence: 'intro-letter', template: 'intro-letter' }],
  }),
}
