import type { ServiceDefinition } from '../types.ts'
import type { Field } from '@hall/forms/format'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, IMAGES, file, applicant, notice } from '../forms/common.ts'
import { days, seeded } from '../processes/rules.ts'
import { NC, centre } from '../processes/network-centre.ts'

// hall-qa: its catalog entry and guide, its form and its process, in one place.
export const hallQa: ServiceDefinition = {
  code: 'hall-qa',
  nameZh: '网上办事大厅在线答疑',
  nameEn: 'Online Q&A of the hall',
  summaryZh: '使用网上办事大厅遇到问题、发现数据有误或有意见建议时在线提问，由网络与信息中心或服务负责部门答复。',
  summaryEn: 'Ask a question, report wrong data or make a suggestion about the Service Hall; the Network Centre or the office that owns the service replies.',
  keywordsZh: ['答疑', '在线答疑', '问题反馈', '咨询', '意见建议', '办事大厅', '客服', '帮助', '数据错误'],
  keywordsEn: ['help', 'question', 'Q&A', 'feedback', 'support', 'suggestion', 'contact us', 'report a problem', 'wrong data'],
  categoryCode: 'hall-help',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff', 'undergraduate', 'graduate', 'international'],
  mode: 'online',
  timeLimitDays: 2,
  // No noneInProgress: anyone may ask several questions at once.
  eligibility: [{ type: 'kind', kinds: ['staff', 'undergraduate', 'graduate', 'international'] }],
  guide: {
    zh: {
      conditions: [
        '本校师生均可提问',
        '一次提一个问题，尽量写明服务名称、操作步骤，并附截图',
        '反映数据错误时请注明数据来源系统，答复人会转请数据归口部门在源头系统更正',
      ],
      materials: [req('问题描述'), opt('页面截图')],
      steps: [step('网络与信息中心受理', '网络与信息中心服务台'), step('转服务负责部门答复（业务问题）', '服务负责人')],
      fees: '无',
      ...at(desks.networkCentre, 'zh'),
      notes: ['紧急问题请拨打服务台电话。'],
    },
    en: {
      conditions: [
        'Anyone at the university may ask.',
        'One question at a time; name the service and what you did, and add a screenshot if you can.',
        'When data is wrong, say which source system it came from: we pass it on to the office that can correct it at the source.',
      ],
      materials: [req('Your question'), opt('Screenshot')],
      steps: [
        step('Received by the Network Centre', 'Service Desk, Network and Information Centre'),
        step("Answered by the service's owner (questions about a service)", 'Service owner'),
      ],
      fees: 'None',
      ...at(desks.networkCentre, 'en'),
      notes: ['For anything urgent, call the Service Desk.'],
    },
  },
  /** 网上办事大厅在线答疑. The process reads `topic` and `serviceDepartment` (a question about a service goes to its office). */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      {
        key: 'applicant',
        title: t('提问人', 'Who is asking'),
        fields: [applicant.name(), applicant.cardNumber(), { ...(applicant.phone() as Extract<Field, { type: 'text' }>), required: false }],
      },
      {
        key: 'question',
        title: t('问题', 'Question'),
        fields: [
          {
            key: 'topic',
            type: 'select',
            label: t('问题类型', 'About'),
            required: true,
            display: 'radio',
            options: options([
              ['hall', '办事大厅使用', 'Using the Service Hall'],
              ['service', '某项服务的业务问题', 'A service itself'],
            ]),
          },
          {
            key: 'serviceName',
            type: 'text',
            label: t('服务名称', 'Service'),
            span: 12,
            maxLength: 60,
            visibleWhen: { field: 'topic', op: 'eq', value: 'service' },
          },
          {
            key: 'serviceDepartment',
            type: 'department',
            label: t('服务所属部门', "The service's office"),
            kinds: ['office'],
            span: 12,
            required: true,
            visibleWhen: { field: 'topic', op: 'eq', value: 'service' },
          },
          { key: 'title', type: 'text', label: t('标题', 'Subject'), required: true, minLength: 4, maxLength: 60 },
          {
            key: 'question',
            type: 'textarea',
            label: t('问题描述', 'Your question'),
            help: t(
              '一次提一个问题，尽量写明服务名称和操作步骤；反映数据错误时请注明数据来源系统',
              'One question at a time, naming the service and what you did; for wrong data, name the source system',
            ),
            required: true,
            minLength: 10,
            maxLength: 2000,
            rows: 6,
          },
          file('screenshots', t('页面截图', 'Screenshots'), 'screenshot', { accept: IMAGES, maxFiles: 5, maxSizeMb: 5 }),
          notice('urgent', '紧急问题请拨打服务台电话 0571-88002001。', 'For anything urgent, phone the service desk on 0571-88002001.'),
        ],
      },
    ],
  },
  /**
   * 网上办事大厅在线答疑: the centre's service desk takes every question and answers what is about
   * the hall itself; a question about a service goes on to that service's owning office.
   */
  process: seeded(NC, {
    service: 'hall-qa',
    name: { zh: '网上办事大厅在线答疑', en: 'Service Hall online Q&A' },
    formFields: [
      { name: 'topic', type: 'string', label: { zh: '问题类型（hall 平台使用 / service 业务问题）', en: 'About (hall / service)' } },
      { name: 'serviceDepartment', type: 'department', label: { zh: '服务所属部门', en: "The service's owning office" } },
    ],
    start: 'desk',
    steps: [
      centre('desk', '网络与信息中心受理', 'Received by the Network Centre', 1, [
        { when: { field: 'topic', op: 'eq', value: 'service' }, to: 'service-owner' },
        { to: 'end' },
      ]),
      {
        type: 'approval',
        id: 'service-owner',
        name: { zh: '转服务负责部门答复（业务问题）', en: "Answered by the service's owner (questions about a service)" },
        assignees: [
          { role: 'service-owner', scope: { field: 'serviceDepartment' } },
          { role: 'reviewer', scope: { field: 'serviceDepartment' } },
        ],
        deadlineHours: days(1),
        next: 'end',
      },
    ],
  }),
}
