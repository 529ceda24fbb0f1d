import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, staffApplicant, pledge, notice } from '../forms/common.ts'
import { seeded } from '../processes/rules.ts'
import { IPV4, ipv4Message } from '../forms/network-centre.ts'
import { NC, centre } from '../processes/network-centre.ts'

// server-security-scan: its catalog entry and guide, its form and its process, in one place.
export const serverSecurityScan: ServiceDefinition = {
  code: 'server-security-scan',
  nameZh: '服务器安全检测申请',
  nameEn: 'Server security scan',
  summaryZh: '服务器或业务系统上线前、重大改版后，申请网络与信息中心进行漏洞扫描和安全检测。',
  summaryEn: 'Before a server or system goes live, or after a major change, ask the Network Centre to scan it for vulnerabilities.',
  keywordsZh: ['安全检测', '漏洞扫描', '网络安全', '渗透测试', '安全评估', '等级保护', '等保'],
  keywordsEn: ['security scan', 'vulnerability scan', 'penetration test', 'security check', 'cybersecurity', 'security assessment'],
  categoryCode: 'network-it',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 5,
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '申请人为本校在职教职工，是该服务器或系统的管理员',
        '服务器位于校园网内，或可从校内访问',
        '提供准确的 IP 地址、端口和测试账号',
        '检测期间服务可能短时受影响，须提前告知用户',
      ],
      materials: [req('服务器信息', 'IP 地址、端口、操作系统、运行的服务'), opt('系统测试账号', '需要检测登录后功能时提供')],
      steps: [
        step('网络与信息中心安排检测', '网络与信息中心信息安全部'),
        step('出具检测报告', '网络与信息中心信息安全部'),
        step('整改后复测（发现高危漏洞时）', '申请人 / 信息安全部'),
      ],
      fees: '无',
      ...at(desks.networkCentre, 'zh'),
    },
    en: {
      conditions: [
        'You are a member of staff and administer the server or system.',
        'The server is on the campus network or reachable from it.',
        'You give the exact IP addresses, ports and a test account.',
        'The scan may briefly affect the service: warn its users beforehand.',
      ],
      materials: [
        req('Server details', 'IP addresses, ports, operating system and services'),
        opt('Test account', 'If pages behind the login should be scanned'),
      ],
      steps: [
        step('Scan scheduled', 'Information Security, Network and Information Centre'),
        step('Report issued', 'Information Security, Network and Information Centre'),
        step('Fix and rescan (if serious flaws are found)', 'You and Information Security'),
      ],
      fees: 'None',
      ...at(desks.networkCentre, 'en'),
    },
  },
  /** 服务器安全检测申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant(),
      {
        key: 'target',
        title: t('检测对象', 'What to scan'),
        fields: [
          { key: 'systemName', type: 'text', label: t('系统名称', 'System'), span: 12, required: true, maxLength: 60 },
          {
            key: 'servers',
            type: 'table',
            label: t('服务器', 'Servers'),
            minRows: 1,
            maxRows: 20,
            addLabel: t('添加服务器', 'Add a server'),
            columns: [
              { key: 'ip', type: 'text', label: t('IP 地址', 'IP address'), required: true, span: 6, pattern: { regex: IPV4, message: ipv4Message } },
              {
                key: 'ports',
                type: 'text',
                label: t('端口', 'Ports'),
                required: true,
                span: 6,
                pattern: { regex: '^\\d{1,5}(-\\d{1,5})?(,\\s*\\d{1,5}(-\\d{1,5})?)*$', message: t('如 80,443 或 8000-8080', 'Like 80,443 or 8000-8080') },
              },
              { key: 'os', type: 'text', label: t('操作系统', 'Operating system'), required: true, maxLength: 40, span: 6 },
              { key: 'services', type: 'text', label: t('运行的服务', 'Services'), maxLength: 100, span: 6 },
            ],
          },
          {
            key: 'scanWindow',
            type: 'dateRange',
            label: t('可安排检测的日期', 'Dates the scan may run'),
            span: 12,
            required: true,
            min: { today: 1 },
            maxDays: 14,
          },
          {
            key: 'preferredTime',
            type: 'select',
            label: t('检测时段', 'Time of day'),
            span: 12,
            required: true,
            options: options([
              ['working-hours', '工作时间', 'Working hours'],
              ['night', '夜间（22:00 以后）', 'At night (after 22:00)'],
              ['weekend', '周末', 'At the weekend'],
            ]),
          },
          { key: 'needsLogin', type: 'switch', label: t('需要检测登录后功能', 'Scan pages behind a login') },
          {
            key: 'testAccount',
            type: 'text',
            label: t('测试账号（用户名）', 'Test account (user name)'),
            help: t('密码请勿填写在此处，检测人员会电话联系您获取', 'Do not write the password here: the tester will phone you for it'),
            span: 12,
            required: true,
            maxLength: 60,
            visibleWhen: { field: 'needsLogin', op: 'eq', value: true },
          },
          {
            key: 'usersNotified',
            type: 'switch',
            label: t('已提前告知用户检测期间服务可能短时受影响', 'Users know the service may be briefly affected'),
            required: true,
          },
          notice(
            'rescan',
            '发现高危漏洞的，整改后须申请复测，通过后方可继续对外服务。',
            'If a high-risk flaw is found, fix it and ask for a rescan before serving again.',
          ),
        ],
      },
      pledge('本人为该服务器或系统的管理员，所填信息准确', 'I administer this server or system, and the details are accurate'),
    ],
  },
  /**
   * 服务器安全检测申请: the centre schedules the scan and issues the report. When it finds serious
   * flaws, the reviewer returns the application with the report; the applicant fixes them and
   * resubmits, and the rescan starts at the step that returned it (整改后复测).
   */
  process: seeded(NC, {
    service: 'server-security-scan',
    name: { zh: '服务器安全检测申请', en: 'Server security scan' },
    formFields: [],
    start: 'schedule',
    steps: [centre('schedule', '网络与信息中心安排检测', 'Scan scheduled', 2, 'report'), centre('report', '出具检测报告', 'Report issued', 3, 'end')],
    resubmit: 'returningStep',
  }),
}
