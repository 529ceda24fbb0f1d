import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, staffApplicant, pledge, notice, daysOf } from '../forms/common.ts'
import { roleIn, reviewer, headOf, headOfUnit, days, fields, seeded } from '../processes/rules.ts'

// cadre-leave: its catalog entry and guide, its form and its process, in one place.
export const cadreLeave: ServiceDefinition = {
  code: 'cadre-leave',
  nameZh: '处级及以上干部外出请假报备',
  nameEn: 'Leave report for senior cadres travelling',
  summaryZh: '处级及以上干部离开学校所在城市外出（出差、因私外出、休假）前，向党委组织部报备行程。',
  summaryEn:
    'Division-level and senior cadres report any trip away from the city – business, private or holiday – to the Organisation Department before they leave.',
  keywordsZh: ['干部请假', '外出报备', '请假报备', '出差报备', '处级干部', '离校外出', '休假'],
  keywordsEn: ['cadre leave', 'travel report', 'absence report', 'business trip', 'out of office', 'holiday', 'leave'],
  categoryCode: 'personnel-admin',
  ownerDepartmentCode: 'organisation',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 2,
  // No noneInProgress: a cadre may report next week's trip while this week's is still open.
  eligibility: [{ type: 'kind', kinds: ['staff'] }, { type: 'cadre' }],
  guide: {
    zh: {
      conditions: [
        '本校处级及以上领导干部（含副处级）',
        '离开学校所在城市外出 1 天及以上，含公务出差、因私外出和休假',
        '单位主要负责人外出期间须指定主持工作的负责人',
        '须在出发前至少 1 个工作日报备；突发情况可在离开后 24 小时内补报',
      ],
      materials: [
        req('外出行程安排', '写明目的地、起止日期和事由'),
        req('工作交接安排', '写明外出期间主持工作的负责人'),
        opt('会议通知或出差审批单', '公务外出时提供'),
      ],
      steps: [
        step('所在单位主要负责人审核', '所在单位党政主要负责人'),
        step('党委组织部备案', '党委组织部干部科'),
        step('分管校领导审批（正处级干部外出超过3天）', '分管校领导'),
      ],
      fees: '无',
      ...at(desks.organisation, 'zh'),
      notes: ['出国（境）须另行办理因公或因私出国（境）手续，本报备不能替代。'],
    },
    en: {
      conditions: [
        'You are a division-level cadre or above (deputy division level included).',
        'You will be away from the city for a day or more – on business, privately or on holiday.',
        'If you head your unit, you have named who is in charge while you are away.',
        'Report at least one working day before you leave; in an emergency, within 24 hours of leaving.',
      ],
      materials: [
        req('Travel plan', 'Destination, dates and purpose'),
        req('Cover arrangements', 'Who is in charge while you are away'),
        opt('Meeting invitation or approved business-trip form', 'For business trips'),
      ],
      steps: [
        step('Review by the head of your unit', 'Head or party secretary of your unit'),
        step('Recorded by the Organisation Department', 'Cadre Section, Organisation Department'),
        step('Approval by the university leader in charge (heads of unit, trips over 3 days)', 'University leader in charge'),
      ],
      fees: 'None',
      ...at(desks.organisation, 'en'),
      notes: ['Travel abroad needs its own approval (official or private travel abroad); this report does not replace it.'],
    },
  },
  // Forms of the Organisation Department, the HR Office and the President's Office.

  /** 处级及以上干部外出请假报备. The process reads `days` and `headOfUnit` (a long absence of a unit's head goes to a university leader). */
  form: {
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
          {
            key: 'destination',
            type: 'text',
            label: t('目的地', 'Destination'),
            placeholder: t('省、市', 'Province and city'),
            span: 12,
            required: true,
            maxLength: 100,
          },
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
          notice(
            'leaderApproval',
            '单位主要负责人外出超过 3 天，组织部备案后还须分管校领导审批。',
            'A head of unit away for more than 3 days also needs the approval of the supervising university leader after the Organisation Department.',
            {
              tone: 'warning',
              visibleWhen: {
                all: [
                  { field: 'headOfUnit', op: 'eq', value: true },
                  { field: 'days', op: 'gt', value: 3 },
                ],
              },
            },
          ),
          notice(
            'abroadNote',
            '出国（境）须另行办理因公或因私出国（境）手续，本报备不能替代。',
            'Travel abroad needs its own official or private travel procedure; this report does not replace it.',
          ),
        ],
      },
      pledge(
        '本人承诺如实报备，外出期间保持通讯畅通，返回后及时销假',
        'I report truthfully, will stay reachable while away, and will report back on my return',
      ),
    ],
  },
  // Staff services owned by the Organisation Department, Human Resources and the President's Office.

  /**
   * 处级及以上干部外出请假报备: the head of the unit reviews, the Organisation Department records,
   * and a head of unit away for more than 3 days also needs the university leader in charge.
   */
  process: seeded('organisation', {
    service: 'cadre-leave',
    name: { zh: '处级及以上干部外出请假报备', en: 'Leave report for senior cadres travelling' },
    formFields: [fields.days, fields.headOfUnit],
    start: 'unit-head',
    steps: [
      {
        type: 'approval',
        id: 'unit-head',
        name: { zh: '所在单位主要负责人审核', en: 'Review by the head of your unit' },
        assignees: headOfUnit,
        deadlineHours: days(1),
        next: 'organisation',
      },
      {
        type: 'approval',
        id: 'organisation',
        name: { zh: '党委组织部备案', en: 'Recorded by the Organisation Department' },
        assignees: [reviewer('organisation')],
        deadlineHours: days(1),
        escalateTo: [headOf('organisation')],
        next: [
          {
            when: {
              all: [
                { field: 'headOfUnit', op: 'eq', value: true },
                { field: 'days', op: 'gt', value: 3 },
              ],
            },
            to: 'university-leader',
          },
          { to: 'end' },
        ],
      },
      {
        type: 'approval',
        id: 'university-leader',
        name: { zh: '分管校领导审批', en: 'Approval by the university leader in charge' },
        // The leader in charge of the unit where one is on record; else the President's Office,
        // which takes the report to the leader.
        assignees: [{ role: 'university-leader', scope: 'applicant.department' }, roleIn('president-office', 'president-office')],
        deadlineHours: days(1),
        next: 'end',
      },
    ],
  }),
}
