import type { ServiceDefinition } from '../types.ts'
import { desks, at, opt, step } from '../guide-kit.ts'
import { t, options, applicant, pledge, notice } from '../forms/common.ts'
import { seeded } from '../processes/rules.ts'
import { systemAdmin } from '../forms/network-centre.ts'
import { NC, unitHead, centre } from '../processes/network-centre.ts'

// email-account: its catalog entry and guide, its form and its process, in one place.
export const emailAccount: ServiceDefinition = {
  code: 'email-account',
  nameZh: '电子邮件办理申请',
  nameEn: 'E-mail account',
  summaryZh: '开通学校电子邮箱（个人邮箱或单位公共邮箱），或办理邮箱密码重置、扩容和注销。',
  summaryEn: "Open a university e-mail account – personal, or a unit's shared mailbox – or have one reset, enlarged or closed.",
  keywordsZh: ['邮箱', '电子邮件', '学校邮箱', '邮箱开通', '公共邮箱', '邮箱密码', '邮箱扩容', '注销邮箱'],
  keywordsEn: ['email', 'e-mail account', 'mailbox', 'university email', 'shared mailbox', 'email password', 'quota', 'close email'],
  categoryCode: 'network-it',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff', 'undergraduate', 'graduate', 'international'],
  mode: 'online',
  timeLimitDays: 2,
  eligibility: [{ type: 'kind', kinds: ['staff', 'undergraduate', 'graduate', 'international'] }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校在职教职工、在读学生（含留学生）',
        '每人限开通一个个人邮箱；单位公共邮箱由单位负责人申请并指定管理员',
        '邮箱用户名一般为姓名拼音，重名时自动加数字',
        '离职或毕业后，邮箱保留 6 个月',
      ],
      materials: [opt('邮箱用途', '申请单位公共邮箱时必填'), opt('期望的用户名')],
      steps: [step('所在单位负责人审核（仅单位公共邮箱）', '所在单位负责人'), step('网络与信息中心开通或办理', '网络与信息中心服务台')],
      fees: '无',
      ...at(desks.networkCentre, 'zh'),
      notes: ['开通后的初始密码通过短信发送到统一身份认证绑定的手机号。'],
    },
    en: {
      conditions: [
        'You are a member of staff or a student in school (international students included).',
        "One personal mailbox per person; a unit's shared mailbox is requested by the head of the unit, who names its administrator.",
        'The user name is normally your name in pinyin, with a number added if it is taken.',
        'Mailboxes are kept for 6 months after you leave or graduate.',
      ],
      materials: [opt('Purpose', "Required for a unit's shared mailbox"), opt('Preferred user name')],
      steps: [
        step("Review by your unit's head (shared mailboxes only)", 'Head of your unit'),
        step('Account opened or changed', 'Service Desk, Network and Information Centre'),
      ],
      fees: 'None',
      ...at(desks.networkCentre, 'en'),
      notes: ['The first password is sent by text message to the mobile number of your unified login account.'],
    },
  },
  /** 电子邮件办理申请. The process reads `accountType` (a shared mailbox goes to the unit's head first). */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      {
        key: 'applicant',
        title: t('申请人信息', 'Applicant'),
        fields: [
          applicant.name(),
          applicant.cardNumber(),
          {
            key: 'unit',
            type: 'text',
            label: t('所在单位或学院', 'Unit or college'),
            span: 8,
            prefill: { path: 'departmentNameZh', readOnlyWhenPrefilled: true },
          },
          applicant.phone(),
          {
            key: 'currentEmail',
            type: 'text',
            label: t('现有邮箱', 'Current mailbox'),
            span: 16,
            format: 'email',
            prefill: { path: 'email', readOnlyWhenPrefilled: true },
          },
        ],
      },
      {
        key: 'mailbox',
        title: t('邮箱', 'Mailbox'),
        fields: [
          {
            key: 'accountType',
            type: 'select',
            label: t('邮箱类型', 'Kind of mailbox'),
            required: true,
            display: 'radio',
            options: options([
              ['personal', '个人邮箱', 'Personal'],
              ['shared', '单位公共邮箱', 'Shared mailbox of a unit'],
            ]),
          },
          {
            key: 'request',
            type: 'select',
            label: t('办理事项', 'What you need'),
            required: true,
            options: options([
              ['open', '开通', 'Open'],
              ['reset', '重置密码', 'Reset the password'],
              ['quota', '扩容', 'More space'],
              ['close', '注销', 'Close'],
            ]),
          },
          {
            key: 'username',
            type: 'text',
            label: t('期望的用户名', 'Preferred user name'),
            help: t('一般为姓名拼音，重名时自动加数字', 'Usually your name in pinyin; a number is added if it is taken'),
            span: 12,
            pattern: {
              regex: '^[a-z][a-z0-9._-]{2,29}$',
              message: t(
                '3–30 位小写字母、数字、点、下划线或连字符，以字母开头',
                '3–30 lower-case letters, digits, dots, underscores or dashes, starting with a letter',
              ),
            },
            visibleWhen: {
              all: [
                { field: 'accountType', op: 'eq', value: 'personal' },
                { field: 'request', op: 'eq', value: 'open' },
              ],
            },
          },
          {
            key: 'sharedName',
            type: 'text',
            label: t('公共邮箱名称', 'Name of the shared mailbox'),
            span: 12,
            required: true,
            maxLength: 60,
            visibleWhen: { field: 'accountType', op: 'eq', value: 'shared' },
          },
          {
            key: 'sharedAddress',
            type: 'text',
            label: t('期望的邮箱地址', 'Preferred address'),
            span: 12,
            pattern: { regex: '^[a-z][a-z0-9._-]{1,29}@minghu\\.edu\\.cn$', message: t('如 office@minghu.edu.cn', 'Like office@minghu.edu.cn') },
            visibleWhen: { field: 'accountType', op: 'eq', value: 'shared' },
          },
          systemAdmin('mailboxAdmin', ['邮箱管理员', 'Mailbox administrator'], { field: 'accountType', op: 'eq', value: 'shared' }),
          {
            key: 'purpose',
            type: 'textarea',
            label: t('邮箱用途', 'What it is for'),
            required: true,
            maxLength: 300,
            rows: 2,
            visibleWhen: { field: 'accountType', op: 'eq', value: 'shared' },
          },
          notice(
            'password',
            '开通后的初始密码通过短信发送到统一身份认证绑定的手机号；离职或毕业后邮箱保留 6 个月。',
            'The first password is sent by text to the phone on your unified login; mailboxes stay for 6 months after you leave.',
          ),
        ],
      },
      pledge('本人遵守学校电子邮件系统使用规定，不发送垃圾邮件', 'I follow the rules of the university mail system and send no spam'),
    ],
  },
  /** 电子邮件办理申请: a unit's shared mailbox needs its head first; a personal one goes straight to the desk. */
  process: seeded(NC, {
    service: 'email-account',
    name: { zh: '电子邮件办理申请', en: 'E-mail account' },
    formFields: [{ name: 'accountType', type: 'string', label: { zh: '邮箱类型（personal 个人 / shared 单位公共）', en: 'Mailbox type (personal / shared)' } }],
    start: [{ when: { field: 'accountType', op: 'eq', value: 'shared' }, to: 'unit-head' }, { to: 'network-centre' }],
    steps: [
      {
        ...unitHead('network-centre'),
        name: { zh: '所在单位负责人审核（仅单位公共邮箱）', en: "Review by your unit's head (shared mailboxes only)" },
      },
      centre('network-centre', '网络与信息中心开通或办理', 'Account opened or changed', 1, 'end'),
    ],
  }),
}
