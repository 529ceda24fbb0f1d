import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, PDF, file, staffApplicant, pledge } from '../forms/common.ts'
import { seeded } from '../processes/rules.ts'
import { HOST_LABEL, unitDepartment } from '../forms/network-centre.ts'
import { NC, unitHead, centre } from '../processes/network-centre.ts'

// subdomain-dns: its catalog entry and guide, its form and its process, in one place.
export const subdomainDns: ServiceDefinition = {
  code: 'subdomain-dns',
  nameZh: '二级域名解析申请',
  nameEn: 'Sub-domain DNS record',
  summaryZh: '为单位网站或业务系统申请 minghu.edu.cn 下的二级域名及解析记录。',
  summaryEn: 'Request a name under minghu.edu.cn, and its DNS record, for a unit website or system.',
  keywordsZh: ['域名', '二级域名', 'DNS', '域名解析', '网址', 'CNAME', '解析'],
  keywordsEn: ['domain', 'subdomain', 'DNS record', 'DNS', 'host name', 'CNAME', 'A record', 'web address'],
  categoryCode: 'network-it',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 3,
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '以本校二级单位名义申请，申请人为本单位教职工',
        '域名指向的服务器位于校内，或为学校批准使用的云服务',
        '域名使用单位或系统的英文或拼音缩写',
        '对应网站或系统须通过服务器安全检测',
      ],
      materials: [req('域名与解析记录', '域名、记录类型、目标地址'), opt('服务器安全检测报告', '新上线系统必须提供')],
      steps: [step('所在单位负责人审核', '所在单位负责人'), step('网络与信息中心配置解析', '网络与信息中心网络运行部')],
      fees: '无',
      ...at(desks.networkCentre, 'zh'),
    },
    en: {
      conditions: [
        'You apply for a college or office, and you work there.',
        'The name points to a server on campus or to a cloud service the university has approved.',
        'The name is an English or pinyin abbreviation of the unit or system.',
        'The website or system behind it has passed a server security scan.',
      ],
      materials: [req('Name and record', 'Host name, record type and target'), opt('Security scan report', 'Required for a new system')],
      steps: [step('Review by the head of your unit', 'Head of your unit'), step('Record configured', 'Network Operations, Network and Information Centre')],
      fees: 'None',
      ...at(desks.networkCentre, 'en'),
    },
  },
  /** 二级域名解析申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant(),
      {
        key: 'records',
        title: t('解析记录', 'DNS records'),
        fields: [
          unitDepartment(),
          {
            key: 'hosting',
            type: 'select',
            label: t('服务器位置', 'Where the server is'),
            span: 12,
            required: true,
            options: options([
              ['campus', '校内服务器', 'On campus'],
              ['cloud', '学校批准使用的云服务', 'An approved cloud service'],
            ]),
          },
          {
            key: 'records',
            type: 'table',
            label: t('解析记录', 'Records'),
            minRows: 1,
            maxRows: 10,
            addLabel: t('添加记录', 'Add a record'),
            columns: [
              {
                key: 'host',
                type: 'text',
                label: t('主机名（前缀）', 'Host (prefix)'),
                required: true,
                span: 8,
                pattern: { regex: HOST_LABEL, message: t('小写字母、数字和连字符', 'Lower-case letters, digits and dashes') },
              },
              {
                key: 'recordType',
                type: 'select',
                label: t('记录类型', 'Type'),
                required: true,
                span: 4,
                display: 'dropdown',
                options: options([
                  ['A', 'A', 'A'],
                  ['AAAA', 'AAAA', 'AAAA'],
                  ['CNAME', 'CNAME', 'CNAME'],
                ]),
              },
              { key: 'target', type: 'text', label: t('目标地址', 'Target'), required: true, maxLength: 253, span: 12 },
            ],
          },
          { key: 'purpose', type: 'textarea', label: t('用途', 'What for'), required: true, maxLength: 300, rows: 2 },
          { key: 'newSystem', type: 'switch', label: t('新上线系统', 'A new system') },
          file('securityReport', t('服务器安全检测报告', 'Server security scan report'), 'security-scan-report', {
            required: true,
            accept: PDF,
            visibleWhen: { field: 'newSystem', op: 'eq', value: true },
          }),
        ],
      },
      pledge('域名对应的网站或系统已通过（或将通过）服务器安全检测', 'The site or system behind the name has passed (or will pass) the security scan'),
    ],
  },
  /** 二级域名解析申请 */
  process: seeded(NC, {
    service: 'subdomain-dns',
    name: { zh: '二级域名解析申请', en: 'Subdomain DNS record' },
    formFields: [],
    start: 'unit-head',
    steps: [unitHead('network-centre'), centre('network-centre', '网络与信息中心配置解析', 'Record configured', 2, 'end')],
  }),
}
