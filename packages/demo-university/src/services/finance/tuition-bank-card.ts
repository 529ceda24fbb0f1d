import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, step } from '../guide-kit.ts'
import { t, options, IMAGES, PDF_OR_IMAGES, file, studentApplicant, pledge, notice } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'

// tuition-bank-card: its catalog entry and guide, its form and its process, in one place.
export const tuitionBankCard: ServiceDefinition = {
  code: 'tuition-bank-card',
  nameZh: '学费住宿费缴纳银行卡变更登记',
  nameEn: 'Change of bank card for tuition',
  summaryZh: '学生变更用于代扣学费、住宿费的银行卡。',
  summaryEn: 'Students change the bank card from which tuition and accommodation fees are collected.',
  keywordsZh: ['银行卡', '学费', '住宿费', '代扣', '换卡', '缴费卡', '银行卡变更', '扣款'],
  keywordsEn: ['bank card', 'tuition', 'fees', 'direct debit', 'change card', 'payment card', 'accommodation fee', 'bank account'],
  categoryCode: 'finance',
  ownerDepartmentCode: 'finance',
  audience: ['undergraduate', 'graduate', 'international'],
  mode: 'online',
  timeLimitDays: 5,
  eligibility: [
    { type: 'kind', kinds: ['undergraduate', 'graduate', 'international'] },
    { type: 'studentStatus', status: 'enrolled' },
    { type: 'noneInProgress' },
  ],
  guide: {
    zh: {
      conditions: ['本校在读学生（含留学生）', '新卡须为学生本人名下的借记卡', '每学期缴费期（9 月、2 月）开始前 15 天内暂停变更'],
      materials: [req('新银行卡正面照片'), req('身份证或护照照片', '用于核对户名')],
      steps: [step('财务处审核', '财务处收费科'), step('银行代扣签约确认', '财务处收费科、合作银行')],
      fees: '无',
      ...at(desks.finance, 'zh'),
      notes: ['变更完成前的扣款仍从原银行卡扣除。'],
    },
    en: {
      conditions: [
        'You are a student in school (international students included).',
        'The new card is a debit card in your own name.',
        'Changes are paused for the 15 days before each payment period (September and February).',
      ],
      materials: [req('Photo of the front of the new card'), req('Photo of your ID card or passport', 'To check the account name')],
      steps: [
        step('Review by the Finance Office', 'Fees Section, Finance Office'),
        step('Direct debit set up with the bank', 'Fees Section and the partner bank'),
      ],
      fees: 'None',
      ...at(desks.finance, 'en'),
      notes: ['Until the change is complete, fees are still collected from your old card.'],
    },
  },
  /** 学费住宿费缴纳银行卡变更登记. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      studentApplicant(),
      {
        key: 'card',
        title: t('银行卡', 'Bank card'),
        fields: [
          {
            key: 'currentCard',
            type: 'text',
            label: t('当前扣款银行卡', 'Card charged now'),
            span: 12,
            prefill: { path: 'student.bankCardMasked', readOnlyWhenPrefilled: true },
          },
          {
            key: 'changeReason',
            type: 'select',
            label: t('变更原因', 'Why'),
            span: 12,
            required: true,
            display: 'dropdown',
            options: options([
              ['lost', '原卡遗失', 'Old card lost'],
              ['closed', '原卡已注销', 'Old card closed'],
              ['preference', '使用其他银行卡', 'I prefer another card'],
              ['other', '其他', 'Other'],
            ]),
          },
          {
            key: 'newBank',
            type: 'select',
            label: t('新卡开户银行', 'Bank of the new card'),
            span: 12,
            required: true,
            display: 'dropdown',
            options: options([
              ['icbc', '中国工商银行', 'Industrial and Commercial Bank of China'],
              ['abc', '中国农业银行', 'Agricultural Bank of China'],
              ['boc', '中国银行', 'Bank of China'],
              ['ccb', '中国建设银行', 'China Construction Bank'],
              ['bocom', '交通银行', 'Bank of Communications'],
              ['hzbank', '杭州银行', 'Bank of Hangzhou'],
            ]),
          },
          {
            key: 'newCardNumber',
            type: 'text',
            label: t('新卡卡号', 'New card number'),
            span: 12,
            required: true,
            pattern: { regex: '^\\d{16,19}$', message: t('卡号为 16–19 位数字', 'A card number has 16–19 digits') },
          },
          {
            key: 'accountName',
            type: 'text',
            label: t('户名', 'Account holder'),
            help: t('须为学生本人', 'Must be you'),
            span: 12,
            required: true,
            prefill: { path: 'name', readOnlyWhenPrefilled: true },
          },
          { key: 'branch', type: 'text', label: t('开户网点', 'Branch'), span: 12, maxLength: 60 },
          file('cardPhoto', t('新银行卡正面照片', 'Photo of the front of the new card'), 'bank-card-photo', { required: true, accept: IMAGES, maxSizeMb: 5 }),
          file('idDocument', t('身份证或护照照片', 'Photo of your ID card or passport'), 'id-document', {
            required: true,
            accept: PDF_OR_IMAGES,
            maxSizeMb: 5,
            help: t('用于核对户名', 'To check the account holder'),
          }),
          notice(
            'pending',
            '变更完成前的扣款仍从原银行卡扣除；每学期缴费期（9 月、2 月）开始前 15 天内暂停变更。',
            'Until the change is done, charges still go to the old card; changes pause 15 days before each fee period (September, February).',
          ),
        ],
      },
      pledge('新卡为本人名下的借记卡', 'The new card is a debit card in my own name'),
    ],
  },
  /** 学费住宿费缴纳银行卡变更登记: the Fees Section reviews, then the bank confirms the direct debit. */
  process: seeded('finance', {
    service: 'tuition-bank-card',
    name: { zh: '学费住宿费缴纳银行卡变更登记', en: 'Bank card for tuition and accommodation fees' },
    formFields: [],
    start: 'finance',
    steps: [
      {
        type: 'approval',
        id: 'finance',
        name: { zh: '财务处审核', en: 'Review by the Finance Office' },
        assignees: [reviewer('finance')],
        deadlineHours: days(2),
        escalateTo: [headOf('finance')],
        next: 'bank',
      },
      {
        type: 'approval',
        id: 'bank',
        name: { zh: '银行代扣签约确认', en: 'Direct debit set up with the bank' },
        assignees: [reviewer('finance')],
        deadlineHours: days(3),
        next: 'end',
      },
    ],
  }),
}
