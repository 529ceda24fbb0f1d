import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, staffApplicant, pledge } from '../forms/common.ts'
import { seeded } from '../processes/rules.ts'
import { HOST_LABEL, unitDepartment, systemAdmin } from '../forms/network-centre.ts'
import { NC, unitHead, centre } from '../processes/network-centre.ts'

// department-website: its catalog entry and guide, its form and its process, in one place.
export const departmentWebsite: ServiceDefinition = {
  code: 'department-website',
  nameZh: '二级网站办理申请',
  nameEn: 'Department website',
  summaryZh: '学院、部门申请新建或迁移二级网站，在学校站群平台上建站，通过安全检测后上线。',
  summaryEn: "Colleges and offices ask for a new or migrated website on the university's site platform; it goes live after a security check.",
  keywordsZh: ['二级网站', '网站建设', '站群', '网站上线', '部门网站', '学院网站', '建站', '网站迁移'],
  keywordsEn: ['department website', 'website', 'site platform', 'new website', 'college website', 'web hosting', 'go live', 'CMS'],
  categoryCode: 'network-it',
  ownerDepartmentCode: 'network-centre',
  audience: ['staff'],
  mode: 'hybrid',
  timeLimitDays: 10,
  // No noneInProgress: a unit may run several sites (a college site and a lab site).
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '以学院、部门等二级单位名义申请，申请人为本单位教职工',
        '指定网站管理员和信息审核人，落实“先审后发”',
        '单位负责人签署网站安全责任书',
        '原则上使用学校站群平台，特殊需求须说明理由',
      ],
      materials: [
        req('网站建设申请表', '网站名称、栏目规划、管理员'),
        req('网站安全责任书', '单位负责人签字并加盖单位公章，原件交网络与信息中心'),
        opt('页面设计稿'),
      ],
      steps: [
        step('所在单位负责人审核', '所在单位负责人'),
        step('网络与信息中心开通站点', '网络与信息中心应用服务部'),
        step('安全检测后上线', '网络与信息中心信息安全部'),
      ],
      fees: '无',
      ...at(desks.networkCentre, 'zh'),
    },
    en: {
      conditions: [
        'You apply for a college or office, and you work there.',
        'Your unit names a site administrator and a content reviewer: nothing is published unchecked.',
        'The head of your unit signs the website security responsibility letter.',
        "Sites use the university's site platform unless there is a good reason not to.",
      ],
      materials: [
        req('Website request form', 'Site name, sections and administrator'),
        req('Website security responsibility letter', 'Signed by the head of your unit and stamped; bring the original to the Network Centre'),
        opt('Page designs'),
      ],
      steps: [
        step('Review by the head of your unit', 'Head of your unit'),
        step('Site created', 'Application Services, Network and Information Centre'),
        step('Security check, then live', 'Information Security, Network and Information Centre'),
      ],
      fees: 'None',
      ...at(desks.networkCentre, 'en'),
    },
  },
  /** 二级网站办理申请. */
  form: {
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
            help: t(
              '单位负责人签字并加盖单位公章，原件交网络与信息中心',
              "Signed by your unit head with the unit's seal; hand the original to the Network Centre",
            ),
          }),
          file('design', t('页面设计稿', 'Page designs'), 'design-draft', { maxFiles: 5, maxSizeMb: 20 }),
        ],
      },
      pledge('本单位落实“先审后发”，对网站内容和安全负责', 'Our unit reviews every post before publishing and answers for the site’s content and security'),
    ],
  },
  /** 二级网站办理申请: the unit's head, the centre creates the site, a security check, then live. */
  process: seeded(NC, {
    service: 'department-website',
    name: { zh: '二级网站办理申请', en: 'Department website' },
    formFields: [],
    start: 'unit-head',
    steps: [
      unitHead('site', 2),
      centre('site', '网络与信息中心开通站点', 'Site created', 4, 'security-check'),
      centre('security-check', '安全检测后上线', 'Security check, then live', 4, 'end'),
    ],
  }),
}
