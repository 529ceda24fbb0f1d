import type { FormDefinition } from '@hall/forms/format'
import { daysOf, file, notice, options, pledge, staffApplicant, t, WORD_OR_PDF } from './common.ts'

// Forms of the Organisation Department, the HR Office and the President's Office.

/** 处级及以上干部外出请假报备. The process reads `days` and `headOfUnit` (a long absence of a unit's head goes to a university leader). */
export const cadreLeave: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant({
      extra: [
        {
          key: 'cadreLevel',
          type: 'select',
          label: t('干部级别', 'Cadre level'),
          span: 8,
          required: true,
          options: options([
            ['division', '处级（含副处级）', 'Division level (incl. deputy)'],
            ['bureau', '局级', 'Bureau level'],
          ]),
          prefill: { path: 'staff.cadreLevel', readOnlyWhenPrefilled: true },
        },
      ],
    }),
    {
      key: 'trip',
      title: t('外出信息', 'The trip'),
      fields: [
        {
          key: 'tripType',
          type: 'select',
          label: t('外出类型', 'Kind of trip'),
          required: true,
          display: 'radio',
          options: options([
            ['official', '公务出差', 'Official business'],
            ['personal', '因私外出', 'Private travel'],
            ['vacation', '休假', 'Holiday'],
          ]),
        },
        { key: 'destination', type: 'text', label: t('目的地', 'Destination'), placeholder: t('省、市', 'Province and city'), span: 12, required: true, maxLength: 100 },
        {
          key: 'period',
          type: 'dateRange',
          label: t('外出时间', 'Dates away'),
          help: t('须在出发前报备；突发情况可在离开后 24 小时内补报', 'Report before you leave; in an emergency, within 24 hours of leaving'),
          span: 12,
          required: true,
          min: { today: -1 },
          maxDays: 90,
        },
        daysOf('period', t('外出天数', 'Days away')),
        { key: 'reason', type: 'textarea', label: t('外出事由', 'Purpose of the trip'), required: true, minLength: 5, maxLength: 500, rows: 3 },
        file('officialNotice', t('会议通知或出差审批单', 'Meeting notice or travel approval'), 'official-notice', {
          maxFiles: 3,
          visibleWhen: { field: 'tripType', op: 'eq', value: 'official' },
        }),
      ],
    },
    {
      key: 'handover',
      title: t('工作交接', 'Handover'),
      fields: [
        { key: 'headOfUnit', type: 'switch', label: t('本人为单位主要负责人', 'I head my unit') },
        {
          key: 'deputy',
          type: 'person',
          label: t('外出期间主持工作的负责人', 'Who runs the unit while I am away'),
          kinds: ['staff'],
          span: 12,
          required: true,
          visibleWhen: { field: 'headOfUnit', op: 'eq', value: true },
        },
        { key: 'handoverPlan', type: 'textarea', label: t('工作交接安排', 'Handover arrangements'), required: true, maxLength: 500, rows: 3 },
        notice('leaderApproval', '单位主要负责人外出超过 3 天，组织部备案后还须分管校领导审批。', 'A head of unit away for more than 3 days also needs the approval of the supervising university leader after the Organisation Department.', {
          tone: 'warning',
          visibleWhen: { all: [{ field: 'headOfUnit', op: 'eq', value: true }, { field: 'days', op: 'gt', value: 3 }] },
        }),
        notice('abroadNote', '出国（境）须另行办理因公或因私出国（境）手续，本报备不能替代。', 'Travel abroad needs its own official or private travel procedure; this report does not replace it.'),
      ],
    },
    pledge('本人承诺如实报备，外出期间保持通讯畅通，返回后及时销假', 'I report truthfully, will stay reachable while away, and will report back on my return'),
  ],
}

/** 在职教职工因私出国(境)申请及办理. */
export const staffTravelAbroad: FormDefinition = {
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
        notice('longTrip', '单次因私出国（境）一般不超过 30 天，超过的请在说明中写明理由。', 'A private trip abroad is normally at most 30 days; give your reason below if it is longer.', {
          tone: 'warning',
          visibleWhen: { field: 'days', op: 'gt', value: 30 },
        }),
        { key: 'purposeDetail', type: 'textarea', label: t('事由说明', 'Details'), required: true, maxLength: 500, rows: 3 },
        file('itinerary', t('行程单', 'Itinerary'), 'travel-itinerary', { required: true, help: t('写明国家或地区、起止日期和事由', 'Countries or regions, dates and purpose') }),
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
        notice('returnDocument', '回国（境）后 10 个工作日内须将证件交回人事处。', 'Hand the document back to the HR Office within 10 working days of your return.'),
      ],
    },
    pledge('本人承诺遵守因私出国（境）管理规定，按时返回并交回证件', 'I will follow the rules for private travel abroad, return on time and hand back the document'),
  ],
}

/** 开具介绍信申请. */
export const introLetter: FormDefinition = {
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
        file('officialLetter', t('相关公函或会议通知', 'Related official letter or meeting notice'), 'official-letter', { accept: [...WORD_OR_PDF, 'image/jpeg', 'image/png'], maxFiles: 3 }),
        notice('studentsNote', '学生需要证明的，请使用“在读证明开具”或联系所在学院。', 'Students who need a certificate use “Certificate of enrolment” or ask their college.'),
      ],
    },
    pledge('本人承诺介绍信仅用于上述公务事由', 'The letter will be used only for the official purpose above'),
  ],
}

export const personnelForms = { 'cadre-leave': cadreLeave, 'staff-travel-abroad': staffTravelAbroad, 'intro-letter': introLetter }
