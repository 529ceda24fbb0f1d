import type { Field, FormDefinition } from '@hall/forms/format'
import { applicant, file, IMAGES, notice, options, PDF, pledge, staffApplicant, t } from './common.ts'

// Forms of the Network and Information Centre, and the hall's own online Q&A.

const IPV4 = '^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$'
const ipv4Message = t('IPv4 地址如 10.12.3.45', 'An IPv4 address looks like 10.12.3.45')
const HOST_LABEL = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'

const unitDepartment = (): Field => ({
  key: 'applyingUnit',
  type: 'department',
  label: t('申请单位', 'Applying unit'),
  span: 12,
  required: true,
  prefill: { path: 'departmentCode' },
})

const systemAdmin = (key: string, label: [string, string], visibleWhen?: Extract<Field, { type: 'person' }>['visibleWhen']): Field => ({
  key,
  type: 'person',
  label: t(...label),
  kinds: ['staff'],
  span: 12,
  required: true,
  ...(visibleWhen ? { visibleWhen } : {}),
})

/** IP地址申请. */
export const ipAddress: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant(),
    {
      key: 'devices',
      title: t('设备信息', 'Devices'),
      fields: [
        {
          key: 'devices',
          type: 'table',
          label: t('需要分配地址的设备', 'Devices that need an address'),
          minRows: 1,
          maxRows: 20,
          addLabel: t('添加设备', 'Add a device'),
          columns: [
            {
              key: 'deviceType',
              type: 'select',
              label: t('设备类型', 'Device'),
              required: true,
              display: 'dropdown',
              span: 6,
              options: options([
                ['pc', '办公电脑', 'Office computer'],
                ['server', '服务器', 'Server'],
                ['printer', '打印机', 'Printer'],
                ['instrument', '实验仪器', 'Laboratory instrument'],
                ['other', '其他', 'Other'],
              ]),
            },
            {
              key: 'mac',
              type: 'text',
              label: t('MAC 地址', 'MAC address'),
              required: true,
              span: 6,
              pattern: { regex: '^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$', message: t('MAC 地址如 3C:52:82:1A:2B:3C', 'A MAC address looks like 3C:52:82:1A:2B:3C') },
            },
            { key: 'room', type: 'text', label: t('房间号', 'Room'), required: true, maxLength: 30, span: 6 },
            { key: 'outlet', type: 'text', label: t('信息点编号', 'Network outlet'), maxLength: 20, span: 6 },
          ],
        },
        { key: 'addressCount', type: 'number', label: t('申请地址数', 'Addresses'), span: 6, computed: { kind: 'count', field: 'devices' } },
        { key: 'usage', type: 'textarea', label: t('用途', 'What for'), required: true, maxLength: 300, rows: 2 },
        file('unitApproval', t('单位负责人同意', "Your unit head's consent"), 'unit-approval', {
          required: true,
          help: t('一次申请 5 个以上地址时提供', 'Needed for 5 or more addresses'),
          visibleWhen: { field: 'addressCount', op: 'gte', value: 5 },
        }),
      ],
    },
    pledge(
      '设备已安装正版操作系统和防病毒软件并及时更新补丁；遵守校园网管理规定，不私自转让、转接 IP 地址',
      'The devices run licensed systems with up-to-date antivirus and patches; I follow the campus network rules and will not pass addresses on',
    ),
  ],
}

/** 电子邮件办理申请. The process reads `accountType` (a shared mailbox goes to the unit's head first). */
export const emailAccount: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    {
      key: 'applicant',
      title: t('申请人信息', 'Applicant'),
      fields: [
        applicant.name(),
        applicant.cardNumber(),
        { key: 'unit', type: 'text', label: t('所在单位或学院', 'Unit or college'), span: 8, prefill: { path: 'departmentNameZh', readOnlyWhenPrefilled: true } },
        applicant.phone(),
        { key: 'currentEmail', type: 'text', label: t('现有邮箱', 'Current mailbox'), span: 16, format: 'email', prefill: { path: 'email', readOnlyWhenPrefilled: true } },
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
          pattern: { regex: '^[a-z][a-z0-9._-]{2,29}$', message: t('3–30 位小写字母、数字、点、下划线或连字符，以字母开头', '3–30 lower-case letters, digits, dots, underscores or dashes, starting with a letter') },
          visibleWhen: { all: [{ field: 'accountType', op: 'eq', value: 'personal' }, { field: 'request', op: 'eq', value: 'open' }] },
        },
        { key: 'sharedName', type: 'text', label: t('公共邮箱名称', 'Name of the shared mailbox'), span: 12, required: true, maxLength: 60, visibleWhen: { field: 'accountType', op: 'eq', value: 'shared' } },
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
        notice('password', '开通后的初始密码通过短信发送到统一身份认证绑定的手机号；离职或毕业后邮箱保留 6 个月。', 'The first password is sent by text to the phone on your unified login; mailboxes stay for 6 months after you leave.'),
      ],
    },
    pledge('本人遵守学校电子邮件系统使用规定，不发送垃圾邮件', 'I follow the rules of the university mail system and send no spam'),
  ],
}

/** 二级网站办理申请. */
export const departmentWebsite: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant(),
    {
      key: 'site',
      title: t('网站', 'The site'),
      fields: [
        unitDepartment(),
        { key: 'siteName', type: 'text', label: t('网站名称', 'Name of the site'), span: 12, required: true, maxLength: 60 },
        {
          key: 'subdomain',
          type: 'text',
          label: t('期望的域名前缀', 'Preferred sub-domain'),
          help: t('网址为 前缀.minghu.edu.cn，使用单位英文或拼音缩写', 'The address is prefix.minghu.edu.cn; use the unit’s English or pinyin abbreviation'),
          span: 12,
          required: true,
          pattern: { regex: HOST_LABEL, message: t('小写字母、数字和连字符', 'Lower-case letters, digits and dashes') },
        },
        {
          key: 'platform',
          type: 'select',
          label: t('建设方式', 'Built on'),
          span: 12,
          required: true,
          options: options([
            ['site-group', '学校站群平台', "The university's site platform"],
            ['self-hosted', '自建', 'Our own server'],
          ]),
        },
        {
          key: 'selfHostedReason',
          type: 'textarea',
          label: t('自建理由', 'Why your own server'),
          required: true,
          maxLength: 500,
          visibleWhen: { field: 'platform', op: 'eq', value: 'self-hosted' },
        },
        {
          key: 'sections',
          type: 'table',
          label: t('栏目规划', 'Sections of the site'),
          minRows: 1,
          maxRows: 30,
          addLabel: t('添加栏目', 'Add a section'),
          columns: [
            { key: 'sectionName', type: 'text', label: t('栏目名称', 'Section'), required: true, maxLength: 30, span: 8 },
            { key: 'sectionContent', type: 'text', label: t('内容', 'Content'), maxLength: 100, span: 16 },
          ],
        },
        systemAdmin('siteAdmin', ['网站管理员', 'Site administrator']),
        systemAdmin('contentReviewer', ['信息审核人', 'Content reviewer']),
      ],
    },
    {
      key: 'materials',
      title: t('材料', 'Materials'),
      fields: [
        file('responsibilityLetter', t('网站安全责任书', 'Website security responsibility letter'), 'website-responsibility-letter', {
          required: true,
          help: t('单位负责人签字并加盖单位公章，原件交网络与信息中心', "Signed by your unit head with the unit's seal; hand the original to the Network Centre"),
        }),
        file('design', t('页面设计稿', 'Page designs'), 'design-draft', { maxFiles: 5, maxSizeMb: 20 }),
      ],
    },
    pledge('本单位落实“先审后发”，对网站内容和安全负责', 'Our unit reviews every post before publishing and answers for the site’s content and security'),
  ],
}

/** 二级域名解析申请. */
export const subdomainDns: FormDefinition = {
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
            { key: 'host', type: 'text', label: t('主机名（前缀）', 'Host (prefix)'), required: true, span: 8, pattern: { regex: HOST_LABEL, message: t('小写字母、数字和连字符', 'Lower-case letters, digits and dashes') } },
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
}

/** 服务器安全检测申请. */
export const serverSecurityScan: FormDefinition = {
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
        { key: 'scanWindow', type: 'dateRange', label: t('可安排检测的日期', 'Dates the scan may run'), span: 12, required: true, min: { today: 1 }, maxDays: 14 },
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
        { key: 'usersNotified', type: 'switch', label: t('已提前告知用户检测期间服务可能短时受影响', 'Users know the service may be briefly affected'), required: true },
        notice('rescan', '发现高危漏洞的，整改后须申请复测，通过后方可继续对外服务。', 'If a high-risk flaw is found, fix it and ask for a rescan before serving again.'),
      ],
    },
    pledge('本人为该服务器或系统的管理员，所填信息准确', 'I administer this server or system, and the details are accurate'),
  ],
}

/** 虚拟服务器申请. The process reads `cpuCores`, `memoryGb` and `storageGb` (more than 8 cores, 16 GB or 500 GB goes to the centre's head). */
export const virtualServer: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant(),
    {
      key: 'server',
      title: t('虚拟服务器', 'Virtual server'),
      fields: [
        unitDepartment(),
        { key: 'systemName', type: 'text', label: t('承载的系统', 'System it runs'), span: 12, required: true, maxLength: 60 },
        { key: 'purpose', type: 'textarea', label: t('用途', 'What for'), required: true, minLength: 10, maxLength: 500, rows: 3 },
        { key: 'cpuCores', type: 'number', label: t('CPU', 'CPU'), span: 8, required: true, integer: true, min: 1, max: 64, unit: t('核', 'cores') },
        { key: 'memoryGb', type: 'number', label: t('内存', 'Memory'), span: 8, required: true, integer: true, min: 1, max: 256, unit: t('GB', 'GB') },
        { key: 'storageGb', type: 'number', label: t('存储', 'Storage'), span: 8, required: true, integer: true, min: 20, max: 4096, unit: t('GB', 'GB') },
        {
          key: 'overReason',
          type: 'textarea',
          label: t('超出常规配置的理由', 'Why more than the usual size'),
          help: t('常规配置不超过 8 核 CPU、16GB 内存、500GB 存储', 'The usual limit is 8 cores, 16 GB of memory and 500 GB of storage'),
          required: true,
          maxLength: 500,
          visibleWhen: {
            any: [
              { field: 'cpuCores', op: 'gt', value: 8 },
              { field: 'memoryGb', op: 'gt', value: 16 },
              { field: 'storageGb', op: 'gt', value: 500 },
            ],
          },
        },
        {
          key: 'os',
          type: 'select',
          label: t('操作系统', 'Operating system'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['ubuntu-2404', 'Ubuntu 24.04 LTS', 'Ubuntu 24.04 LTS'],
            ['debian-12', 'Debian 12', 'Debian 12'],
            ['rocky-9', 'Rocky Linux 9', 'Rocky Linux 9'],
            ['windows-2022', 'Windows Server 2022', 'Windows Server 2022'],
          ]),
        },
        {
          key: 'term',
          type: 'select',
          label: t('使用期限', 'For how long'),
          span: 12,
          required: true,
          options: options([
            ['6', '6 个月', '6 months'],
            ['12', '1 年', '1 year'],
          ]),
          help: t('到期可续期', 'Renewable'),
        },
        { key: 'publicAccess', type: 'switch', label: t('需要校外访问', 'Reachable from outside the campus') },
        {
          key: 'publicPorts',
          type: 'text',
          label: t('对外开放端口', 'Ports to open'),
          span: 12,
          required: true,
          pattern: { regex: '^\\d{1,5}(,\\s*\\d{1,5})*$', message: t('如 80,443', 'Like 80,443') },
          visibleWhen: { field: 'publicAccess', op: 'eq', value: true },
        },
        systemAdmin('sysAdmin', ['系统管理员', 'System administrator']),
        file('responsibilityLetter', t('信息系统安全责任书', 'Information system security responsibility letter'), 'system-responsibility-letter', {
          required: true,
          help: t('单位负责人签字', 'Signed by your unit head'),
        }),
      ],
    },
    pledge('上线前通过服务器安全检测，并由指定的系统管理员负责日常安全', 'It will pass the security scan before going live, and the administrator named keeps it secure'),
  ],
}

/** 网上办事大厅在线答疑. The process reads `topic` and `serviceDepartment` (a question about a service goes to its office). */
export const hallQa: FormDefinition = {
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
        { key: 'serviceName', type: 'text', label: t('服务名称', 'Service'), span: 12, maxLength: 60, visibleWhen: { field: 'topic', op: 'eq', value: 'service' } },
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
          help: t('一次提一个问题，尽量写明服务名称和操作步骤；反映数据错误时请注明数据来源系统', 'One question at a time, naming the service and what you did; for wrong data, name the source system'),
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
}

export const networkCentreForms = {
  'ip-address': ipAddress,
  'email-account': emailAccount,
  'department-website': departmentWebsite,
  'subdomain-dns': subdomainDns,
  'server-security-scan': serverSecurityScan,
  'virtual-server': virtualServer,
  'hall-qa': hallQa,
}
