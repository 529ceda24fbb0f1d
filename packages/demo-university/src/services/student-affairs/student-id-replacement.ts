import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, applicant, undergraduateApplicant, pledge, notice } from '../forms/common.ts'
import { counsellor, reviewer, headOf, days, seeded } from '../processes/rules.ts'

// student-id-replacement: its catalog entry and guide, its form and its process, in one place.
export const studentIdReplacement: ServiceDefinition = {
  code: 'student-id-replacement',
  nameZh: '本科生学生证补办',
  nameEn: 'Student ID card replacement',
  summaryZh: '本科生学生证遗失、损坏或信息有误时申请补办，新证到学生事务服务中心领取。',
  summaryEn: 'Undergraduates replace a lost, damaged or wrong student ID card and collect the new one at the Student Services Centre.',
  keywordsZh: ['学生证', '补办学生证', '学生证丢失', '学生证损坏', '火车票优惠', '乘车区间', '证件补办'],
  keywordsEn: ['student ID', 'student card', 'lost ID', 'replacement card', 'railway discount', 'student identity card', 'damaged card'],
  categoryCode: 'study',
  ownerDepartmentCode: 'student-affairs',
  audience: ['undergraduate'],
  mode: 'hybrid',
  timeLimitDays: 5,
  eligibility: [{ type: 'kind', kinds: ['undergraduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: ['本校在读本科生，学生证遗失、损坏或信息有误', '本学期已报到注册', '同一学年补办一般不超过 1 次'],
      materials: [req('近期一寸免冠证件照', '白底，JPG 格式，不超过 200KB'), opt('原学生证', '损坏换证的，领取新证时交回')],
      steps: [step('辅导员审核', '辅导员'), step('学生工作处制证', '学生工作处学生事务管理科'), step('本人领取（线下）', '学生事务服务中心')],
      fees: '20元（领证时缴纳，可用校园卡或扫码支付）',
      ...at(desks.studentAffairs, 'zh'),
      notes: ['火车票优惠乘车区间按家庭住址填写；需要变更的，请在申请中说明。'],
    },
    en: {
      conditions: [
        'You are an undergraduate in school and your student ID card is lost, damaged or wrong.',
        'You have registered for this term.',
        'A card is normally replaced no more than once a school year.',
      ],
      materials: [
        req('Recent passport-size photo', 'White background, JPG, up to 200 KB'),
        opt('Your old card', 'If it is damaged, hand it in when you collect the new one'),
      ],
      steps: [
        step('Review by your counsellor', 'Counsellor'),
        step('Card made by Student Affairs', 'Student Services, Student Affairs'),
        step('Collect the card in person', 'Student Services Centre'),
      ],
      fees: 'CNY 20, paid when you collect the card (campus card or QR code)',
      ...at(desks.studentAffairs, 'en'),
      notes: ['The rail discount route on the card follows your home address; say so in the application if it should change.'],
    },
  },
  /** 本科生学生证补办. */
  form: {
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
  },
  /** 本科生学生证补办: counsellor, Student Affairs makes the card, the student collects it. */
  process: seeded('student-affairs', {
    service: 'student-id-replacement',
    name: { zh: '本科生学生证补办', en: 'Undergraduate student ID replacement' },
    formFields: [],
    start: 'counsellor',
    steps: [
      {
        type: 'approval',
        id: 'counsellor',
        name: { zh: '辅导员审核', en: 'Review by your counsellor' },
        assignees: [counsellor],
        deadlineHours: days(1),
        next: 'make-card',
      },
      {
        type: 'approval',
        id: 'make-card',
        name: { zh: '学生工作处制证', en: 'Card made by Student Affairs' },
        assignees: [reviewer('student-affairs')],
        deadlineHours: days(3),
        escalateTo: [headOf('student-affairs')],
        next: 'collect',
      },
      {
        // Confirmed at the desk when the card is handed over; it waits for the student, so no deadline.
        type: 'approval',
        id: 'collect',
        name: { zh: '本人领取（线下）', en: 'Collect the card in person' },
        assignees: [reviewer('student-affairs')],
        next: 'end',
      },
    ],
  }),
}
