import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, step } from '../guide-kit.ts'
import { t, options, file, staffApplicant, pledge } from '../forms/common.ts'
import { headOf, days, seeded } from '../processes/rules.ts'
import { unitDepartment, systemAdmin } from '../forms/network-centre.ts'
import { NC, unitHead, centre } from '../processes/network-centre.ts'

// virtual-server: its catalog entry and guide, its form and its process, in one place.
export const virtualServer: ServiceDefinition = {
  code: 'virtual-server',
  nameZh: '虚拟服务器申请',
  nameEn: 'Virtual server',
  summaryZh: '为教学、科研或管理系统申请学校数据中心的虚拟服务器。',
  summaryEn: 'Request a virtual server in the university data centre for a teaching, research or administrative system.',
  keywordsZh: ['虚拟机', '虚拟服务器', '云主机', '服务器申请', '服务器', '计算资源', '云服务器'],
  keywordsEn: ['virtual server', 'virtual machine', 'VM', 'VPS', 'cloud server', 'hosting', 'server', 'computing resources'],
  categoryCode: 'network-it',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 5,
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '以本校二级单位或科研团队名义申请，申请人为在职教职工',
        '配置一般不超过 8 核 CPU、16GB 内存、500GB 存储，超出须说明理由',
        '上线前须通过服务器安全检测，并指定系统管理员',
        '使用期限一般为 1 年，到期可续期',
      ],
      materials: [req('虚拟服务器申请表', '配置、用途、使用期限、管理员'), req('信息系统安全责任书', '单位负责人签字')],
      steps: [
        step('所在单位负责人审核', '所在单位负责人'),
        step('网络与信息中心分配资源', '网络与信息中心数据中心'),
        step('安全检测后开放访问', '网络与信息中心信息安全部'),
      ],
      fees: '标准配置免费；超出部分按学校数据中心收费标准从单位或科研经费中支付',
      ...at(desks.networkCentre, 'zh'),
    },
    en: {
      conditions: [
        'You are a member of staff applying for a unit or a research team.',
        'Normally up to 8 CPU cores, 16 GB of memory and 500 GB of storage; say why if you need more.',
        'The server must pass a security scan before it goes live, and have a named administrator.',
        'Servers are lent for a year at a time and can be renewed.',
      ],
      materials: [
        req('Virtual server request', 'Size, purpose, period and administrator'),
        req('System security responsibility letter', 'Signed by the head of your unit'),
      ],
      steps: [
        step('Review by the head of your unit', 'Head of your unit'),
        step('Resources allocated', 'Data Centre, Network and Information Centre'),
        step('Security check, then opened to users', 'Information Security, Network and Information Centre'),
      ],
      fees: "Free for the standard size; more is charged at the data centre's rates to unit or research funds",
      ...at(desks.networkCentre, 'en'),
    },
  },
  /** 虚拟服务器申请. The process reads `cpuCores`, `memoryGb` and `storageGb` (more than 8 cores, 16 GB or 500 GB goes to the centre's head). */
  form: {
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
      pledge(
        '上线前通过服务器安全检测，并由指定的系统管理员负责日常安全',
        'It will pass the security scan before going live, and the administrator named keeps it secure',
      ),
    ],
  },
  /**
   * 虚拟服务器申请: the unit's head; more than the usual 8 cores, 16 GB of memory or 500 GB of
   * storage also needs the centre's head; then resources, and a security check before users get in.
   */
  process: seeded(NC, {
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
  }),
}
