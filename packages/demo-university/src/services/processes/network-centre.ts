import type { ApprovalStep, Next, ProcessDefinition } from '@hall/workflow'
import { days, headOf, headOfUnit, reviewer, seeded } from './rules.ts'

// Services owned by the Network and Information Centre. Its reviewers share the centre's work:
// any one of them takes a task (the default `sign: 'any'`).

const NC = 'network-centre'

const unitHead = (next: Next, deadline = 1): ApprovalStep => ({
  type: 'approval',
  id: 'unit-head',
  name: { zh: '所在单位负责人审核', en: 'Review by the head of your unit' },
  assignees: headOfUnit,
  deadlineHours: days(deadline),
  next,
})

const centre = (id: string, zh: string, en: string, deadline: number, next: Next): ApprovalStep => ({
  type: 'approval',
  id,
  name: { zh, en },
  assignees: [reviewer(NC)],
  deadlineHours: days(deadline),
  escalateTo: [headOf(NC)],
  next,
})

/** IP地址申请: the head of the applicant's unit, then the centre assigns the address. */
export const ipAddress: ProcessDefinition = seeded(NC, {
  service: 'ip-address',
  name: { zh: 'IP地址申请', en: 'IP address' },
  formFields: [],
  start: 'unit-head',
  steps: [unitHead('network-centre'), centre('network-centre', '网络与信息中心分配地址', 'Address assigned', 2, 'end')],
})

/** 电子邮件办理申请: a unit's shared mailbox needs its head first; a personal one goes straight to the desk. */
export const emailAccount: ProcessDefinition = seeded(NC, {
  service: 'email-account',
  name: { zh: '电子邮件办理申请', en: 'E-mail account' },
  formFields: [
    { name: 'accountType', type: 'string', label: { zh: '邮箱类型（personal 个人 / shared 单位公共）', en: 'Mailbox type (personal / shared)' } },
  ],
  start: [{ when: { field: 'accountType', op: 'eq', value: 'shared' }, to: 'unit-head' }, { to: 'network-centre' }],
  steps: [
    {
      ...unitHead('network-centre'),
      name: { zh: '所在单位负责人审核（仅单位公共邮箱）', en: "Review by your unit's head (shared mailboxes only)" },
    },
    centre('network-centre', '网络与信息中心开通或办理', 'Account opened or changed', 1, 'end'),
  ],
})

/** 二级网站办理申请: the unit's head, the centre creates the site, a security check, then live. */
export const departmentWebsite: ProcessDefinition = seeded(NC, {
  service: 'department-website',
  name: { zh: '二级网站办理申请', en: 'Department website' },
  formFields: [],
  start: 'unit-head',
  steps: [
    unitHead('site', 2),
    centre('site', '网络与信息中心开通站点', 'Site created', 4, 'security-check'),
    centre('security-check', '安全检测后上线', 'Security check, then live', 4, 'end'),
  ],
})

/** 二级域名解析申请 */
export const subdomainDns: ProcessDefinition = seeded(NC, {
  service: 'subdomain-dns',
  name: { zh: '二级域名解析申请', en: 'Subdomain DNS record' },
  formFields: [],
  start: 'unit-head',
  steps: [unitHead('network-centre'), centre('network-centre', '网络与信息中心配置解析', 'Record configured', 2, 'end')],
})

/**
 * 服务器安全检测申请: the centre schedules the scan and issues the report. When it finds serious
 * flaws, the reviewer returns the application with the report; the applicant fixes them and
 * resubmits, and the rescan starts at the step that returned it (整改后复测).
 */
export const serverSecurityScan: ProcessDefinition = seeded(NC, {
  service: 'server-security-scan',
  name: { zh: '服务器安全检测申请', en: 'Server security scan' },
  formFields: [],
  start: 'schedule',
  steps: [
    centre('schedule', '网络与信息中心安排检测', 'Scan scheduled', 2, 'report'),
    centre('report', '出具检测报告', 'Report issued', 3, 'end'),
  ],
  resubmit: 'returningStep',
})

/**
 * 虚拟服务器申请: the unit's head; more than the usual 8 cores, 16 GB of memory or 500 GB of
 * storage also needs the centre's head; then resources, and a security check before users get in.
 */
export const virtualServer: ProcessDefinition = seeded(NC, {
  service: 'virtual-server',
  name: { zh: '虚拟服务器申请', en: 'Virtual server' },
  formFields: [
    { name: 'cpuCores', type: 'number', label: { zh: 'CPU核数', en: 'CPU cores' } },
    { name: 'memoryGb', type: 'number', label: { zh: '内存（GB）', en: 'Memory (GB)' } },
    { name: 'storageGb', type: 'number', label: { zh: '存储（GB）', en: 'Storage (GB)' } },
  ],
  start: 'unit-head',
  steps: [
    unitHead([
      {
        when: {
          any: [
            { field: 'cpuCores', op: 'gt', value: 8 },
            { field: 'memoryGb', op: 'gt', value: 16 },
            { field: 'storageGb', op: 'gt', value: 500 },
          ],
        },
        to: 'centre-head',
      },
      { to: 'allocate' },
    ]),
    {
      type: 'approval',
      id: 'centre-head',
      name: { zh: '网络与信息中心负责人审批（超出常规配置）', en: "Approval by the centre's head (above the usual size)" },
      assignees: [headOf(NC)],
      deadlineHours: days(1),
      next: 'allocate',
    },
    centre('allocate', '网络与信息中心分配资源', 'Resources allocated', 2, 'security-check'),
    centre('security-check', '安全检测后开放访问', 'Security check, then opened to users', 2, 'end'),
  ],
})

/**
 * 网上办事大厅在线答疑: the centre's service desk takes every question and answers what is about
 * the hall itself; a question about a service goes on to that service's owning office.
 */
export const hallQa: ProcessDefinition = seeded(NC, {
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
})
