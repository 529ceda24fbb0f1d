import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, staffApplicant, pledge } from '../forms/common.ts'
import { seeded } from '../processes/rules.ts'
import { NC, unitHead, centre } from '../processes/network-centre.ts'

// ip-address: its catalog entry and guide, its form and its process, in one place.
export const ipAddress: ServiceDefinition = {
  code: 'ip-address',
  nameZh: 'IP地址申请',
  nameEn: 'IP address',
  summaryZh: '为办公室、实验室的计算机或设备申请校园网固定 IP 地址。',
  summaryEn: 'Request a fixed campus-network IP address for a computer or device in an office or lab.',
  keywordsZh: ['IP地址', '固定IP', '静态IP', '上网', '网络接入', '有线网', '开通网络'],
  keywordsEn: ['IP address', 'static IP', 'fixed IP', 'network access', 'wired network', 'ethernet', 'connect a device'],
  categoryCode: 'network-it',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 3,
  // No noneInProgress: a lab may need addresses for new equipment while another request is open.
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '本校在职教职工，以所在单位名义申请',
        '设备位于学校办公、教学或科研场所',
        '设备已安装正版操作系统和防病毒软件，并及时更新补丁',
        '遵守校园网管理规定，不得私自转让、转接 IP 地址',
      ],
      materials: [req('设备信息', '设备类型、MAC 地址、房间号、信息点编号'), opt('单位负责人同意', '一次申请 5 个以上地址时提供')],
      steps: [step('单位网络管理员审核', '所在单位网络管理员'), step('网络与信息中心分配地址', '网络与信息中心网络运行部')],
      fees: '无',
      ...at(desks.networkCentre, 'zh'),
    },
    en: {
      conditions: [
        'You are a member of staff applying for your unit.',
        'The device is in a university office, classroom or lab.',
        'It runs a licensed operating system and antivirus software, and is kept up to date.',
        'You follow the campus network rules: an address may not be passed on or shared.',
      ],
      materials: [
        req('Device details', 'Type, MAC address, room and network socket number'),
        opt("Agreement of your unit's head", 'When asking for more than 5 addresses at once'),
      ],
      steps: [
        step("Review by your unit's network administrator", 'Network administrator of your unit'),
        step('Address assigned', 'Network Operations, Network and Information Centre'),
      ],
      fees: 'None',
      ...at(desks.networkCentre, 'en'),
    },
  },
  /** IP地址申请. */
  form: {
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
                pattern: {
                  regex: '^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$',
                  message: t('MAC 地址如 3C:52:82:1A:2B:3C', 'A MAC address looks like 3C:52:82:1A:2B:3C'),
                },
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
  },
  /** IP地址申请: the head of the applicant's unit, then the centre assigns the address. */
  process: seeded(NC, {
    service: 'ip-address',
    name: { zh: 'IP地址申请', en: 'IP address' },
    formFields: [],
    start: 'unit-head',
    steps: [unitHead('network-centre'), centre('network-centre', '网络与信息中心分配地址', 'Address assigned', 2, 'end')],
  }),
}
