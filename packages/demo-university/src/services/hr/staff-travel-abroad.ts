import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, staffApplicant, pledge, notice, daysOf } from '../forms/common.ts'
import { reviewer, headOf, headOfUnit, days, seeded } from '../processes/rules.ts'

// staff-travel-abroad: its catalog entry and guide, its form and its process, in one place.
export const staffTravelAbroad: ServiceDefinition = {
  code: 'staff-travel-abroad',
  nameZh: '在职教职工因私出国(境)申请及办理',
  nameEn: 'Staff private travel abroad',
  summaryZh: '在职教职工因私出国（境）（旅游、探亲、访友等）的审批，以及由学校保管的护照、通行证的领取与交回。',
  summaryEn:
    'Approval for staff travelling abroad – including Hong Kong, Macao and Taiwan – for private reasons, and checking out and returning the passport the university keeps for you.',
  keywordsZh: ['因私出国', '因私出境', '出国旅游', '探亲', '护照', '港澳通行证', '台湾通行证', '证件领取'],
  keywordsEn: ['private travel', 'travel abroad', 'holiday abroad', 'visiting family', 'passport', 'Hong Kong', 'Macao', 'exit permit'],
  categoryCode: 'travel-abroad',
  ownerDepartmentCode: 'hr',
  audience: ['staff'],
  mode: 'hybrid',
  timeLimitDays: 7,
  eligibility: [{ type: 'kind', kinds: ['staff'] }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校在职教职工（含合同制人员）',
        '出行时间不与教学、考试等工作冲突，已安排好工作交接',
        '处级及以上干部须同时经党委组织部审批',
        '单次因私出国（境）一般不超过 30 天',
      ],
      materials: [
        req('行程单', '写明国家或地区、起止日期和事由'),
        opt('护照或港澳台通行证首页复印件', '首次申领证件的可不提供'),
        opt('调课证明', '学期中出行且承担教学任务的，由学院教学办出具'),
      ],
      steps: [
        step('所在单位审核', '所在单位负责人'),
        step('人事处审批', '人事处'),
        step('党委组织部审批（处级及以上干部）', '党委组织部'),
        step('领取证件（线下）', '人事处证件管理岗'),
      ],
      fees: '无',
      ...at(desks.hr, 'zh'),
      notes: ['回国（境）后 10 个工作日内须将证件交回人事处。'],
    },
    en: {
      conditions: [
        'You are a member of staff in post (contract staff included).',
        'The trip does not clash with your teaching or exams, and your work is covered while you are away.',
        'Division-level cadres and above also need the approval of the Organisation Department.',
        'A private trip abroad normally lasts no more than 30 days.',
      ],
      materials: [
        req('Itinerary', 'Countries or regions, dates and purpose'),
        opt('Copy of the photo page of your passport or travel permit', 'Not needed if you are applying for your first one'),
        opt('Class rescheduling confirmation', 'If you teach and travel during term; issued by your college'),
      ],
      steps: [
        step('Review by your unit', 'Head of your unit'),
        step('Approval by Human Resources', 'Human Resources Office'),
        step('Approval by the Organisation Department (cadres only)', 'Organisation Department'),
        step('Collect your passport (in person)', 'Travel documents desk, Human Resources'),
      ],
      fees: 'None',
      ...at(desks.hr, 'en'),
      notes: ['Return your passport or permit to Human Resources within 10 working days of coming back.'],
    },
  },
  /** 在职教职工因私出国(境)申请及办理. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant(),
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
              ['family', '探亲', 'Visiting family'],
              ['friends', '访友', 'Visiting friends'],
              ['private-study', '自费学习或交流', 'Self-funded study or exchange'],
              ['other', '其他', 'Other'],
            ]),
          },
          {
            key: 'period',
            type: 'dateRange',
            label: t('出行时间', 'Dates'),
            span: 12,
            required: true,
            min: { today: 1 },
            maxDays: 90,
          },
          daysOf('period', t('出行天数', 'Days')),
          notice(
            'longTrip',
            '单次因私出国（境）一般不超过 30 天，超过的请在说明中写明理由。',
            'A private trip abroad is normally at most 30 days; give your reason below if it is longer.',
            {
              tone: 'warning',
              visibleWhen: { field: 'days', op: 'gt', value: 30 },
            },
          ),
          { key: 'purposeDetail', type: 'textarea', label: t('事由说明', 'Details'), required: true, maxLength: 500, rows: 3 },
          file('itinerary', t('行程单', 'Itinerary'), 'travel-itinerary', {
            required: true,
            help: t('写明国家或地区、起止日期和事由', 'Countries or regions, dates and purpose'),
          }),
        ],
      },
      {
        key: 'document',
        title: t('出入境证件', 'Travel document'),
        fields: [
          {
            key: 'documentType',
            type: 'select',
            label: t('证件类型', 'Document'),
            required: true,
            options: options([
              ['passport', '普通护照', 'Passport'],
              ['hk-macao', '往来港澳通行证', 'Permit for Hong Kong and Macao'],
              ['taiwan', '往来台湾通行证', 'Permit for Taiwan'],
            ]),
          },
          { key: 'firstDocument', type: 'switch', label: t('首次申领证件', 'First application for this document') },
          {
            key: 'documentNumber',
            type: 'text',
            label: t('证件号码', 'Document number'),
            span: 12,
            required: true,
            pattern: { regex: '^[A-Za-z0-9]{5,20}$', message: t('证件号码为 5–20 位字母或数字', 'A document number is 5–20 letters or digits') },
            visibleWhen: { field: 'firstDocument', op: 'eq', value: false },
          },
          file('documentCopy', t('证件首页复印件', 'Copy of the document’s data page'), 'passport-copy', {
            visibleWhen: { field: 'firstDocument', op: 'eq', value: false },
          }),
        ],
      },
      {
        key: 'work',
        title: t('工作安排', 'Work while away'),
        fields: [
          { key: 'duringTerm', type: 'switch', label: t('学期中出行且承担教学任务', 'Travelling in term time with teaching duties') },
          file('classArrangement', t('调课证明', 'Class rescheduling confirmation'), 'class-arrangement', {
            required: true,
            help: t('由学院教学办出具', "Issued by your college's teaching office"),
            visibleWhen: { field: 'duringTerm', op: 'eq', value: true },
          }),
          { key: 'handoverPlan', type: 'textarea', label: t('工作交接安排', 'Handover arrangements'), required: true, maxLength: 500, rows: 3 },
          notice(
            'returnDocument',
            '回国（境）后 10 个工作日内须将证件交回人事处。',
            'Hand the document back to the HR Office within 10 working days of your return.',
          ),
        ],
      },
      pledge(
        '本人承诺遵守因私出国（境）管理规定，按时返回并交回证件',
        'I will follow the rules for private travel abroad, return on time and hand back the document',
      ),
    ],
  },
  /**
   * 在职教职工因私出国(境): the unit, then Human Resources; cadres also need the Organisation
   * Department; the passport is then collected from Human Resources in person.
   */
  process: seeded('hr', {
    service: 'staff-travel-abroad',
    name: { zh: '在职教职工因私出国(境)申请及办理', en: 'Staff private travel abroad' },
    formFields: [],
    start: 'unit-head',
    steps: [
      {
        type: 'approval',
        id: 'unit-head',
        name: { zh: '所在单位审核', en: 'Review by your unit' },
        assignees: headOfUnit,
        deadlineHours: days(2),
        next: 'hr',
      },
      {
        type: 'approval',
        id: 'hr',
        name: { zh: '人事处审批', en: 'Approval by Human Resources' },
        assignees: [reviewer('hr')],
        deadlineHours: days(2),
        escalateTo: [headOf('hr')],
        next: [{ when: { applicant: 'cadreLevel', op: 'exists' }, to: 'organisation' }, { to: 'collect' }],
      },
      {
        type: 'approval',
        id: 'organisation',
        name: { zh: '党委组织部审批（处级及以上干部）', en: 'Approval by the Organisation Department (cadres only)' },
        assignees: [reviewer('organisation')],
        deadlineHours: days(2),
        escalateTo: [headOf('organisation')],
        next: 'collect',
      },
      {
        // Confirmed by the desk when the passport is handed over; no deadline: it waits for the applicant.
        type: 'approval',
        id: 'collect',
        name: { zh: '领取证件（线下）', en: 'Collect your passport (in person)' },
        assignees: [reviewer('hr')],
        next: 'end',
      },
    ],
  }),
}
