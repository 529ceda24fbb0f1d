import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, step } from '../guide-kit.ts'
import { t, PDF, file, staffApplicant, pledge } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { payingProject, contributorsTable } from '../forms/research-finance.ts'
import { researchSecretary } from '../processes/research.ts'

// software-copyright: its catalog entry and guide, its form and its process, in one place.
export const softwareCopyright: ServiceDefinition = {
  code: 'software-copyright',
  nameZh: '计算机软件著作权登记申请',
  nameEn: 'Software copyright registration',
  summaryZh: '以明湖大学为著作权人，申请计算机软件著作权登记。',
  summaryEn: 'Register the copyright of a computer program with the university as the copyright holder.',
  keywordsZh: ['软著', '软件著作权', '著作权登记', '版权', '计算机软件', '软件登记'],
  keywordsEn: ['software copyright', 'copyright registration', 'program copyright', 'software registration', 'IP', 'intellectual property'],
  categoryCode: 'research',
  ownerDepartmentCode: 'research',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 10,
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '申请人为本校在职教职工，软件为职务作品（学生参与开发的由指导教师申请）',
        '著作权人为明湖大学',
        '软件已开发完成并可正常运行',
        '同一软件同一版本未曾登记',
      ],
      materials: [
        req('软件说明书或用户手册', '前后各 30 页'),
        req('源程序', '前后各 30 页，每页不少于 50 行'),
        req('开发完成情况说明', '写明开发完成日期和首次发表日期'),
      ],
      steps: [
        step('学院科研秘书审核', '学院科研秘书'),
        step('科学技术研究院审核并盖章', '科学技术研究院知识产权与成果转化办公室'),
        step('提交登记机构', '科学技术研究院知识产权与成果转化办公室'),
      ],
      fees: '学校不收费；登记费用由科研项目经费支付',
      ...at(desks.research, 'zh'),
    },
    en: {
      conditions: [
        'You are a member of staff and the program was written as part of your work (student work is registered by the supervisor).',
        'The university is the copyright holder.',
        'The program is finished and runs.',
        'This version of the program has not been registered before.',
      ],
      materials: [
        req('Manual or user guide', 'First and last 30 pages'),
        req('Source code', 'First and last 30 pages, at least 50 lines a page'),
        req('Completion statement', 'Date of completion and of first publication'),
      ],
      steps: [
        step("Review by your college's research secretary", 'College research secretary'),
        step('Review and seal by the Research Institute', 'IP and Technology Transfer Office, Research Institute'),
        step('Filed with the registration authority', 'IP and Technology Transfer Office, Research Institute'),
      ],
      fees: 'No university fee; registration costs are paid from research funds',
      ...at(desks.research, 'en'),
    },
  },
  /** 计算机软件著作权登记申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant(),
      {
        key: 'software',
        title: t('软件信息', 'The software'),
        fields: [
          { key: 'softwareName', type: 'text', label: t('软件全称', 'Full name of the software'), span: 16, required: true, maxLength: 100 },
          {
            key: 'softwareVersion',
            type: 'text',
            label: t('版本号', 'Version'),
            span: 8,
            required: true,
            pattern: { regex: '^V\\d+(\\.\\d+){0,3}$', message: t('版本号写作 V1.0 这样的形式', 'Write the version like V1.0') },
          },
          { key: 'shortName', type: 'text', label: t('软件简称', 'Short name'), span: 12, maxLength: 30 },
          { key: 'language', type: 'text', label: t('编程语言', 'Programming languages'), span: 12, required: true, maxLength: 60 },
          {
            key: 'codeLines',
            type: 'number',
            label: t('源程序量', 'Lines of source code'),
            span: 12,
            required: true,
            integer: true,
            min: 1,
            max: 100_000_000,
            unit: t('行', 'lines'),
          },
          { key: 'completedOn', type: 'date', label: t('开发完成日期', 'Completed on'), span: 12, required: true, max: { today: 0 } },
          { key: 'published', type: 'switch', label: t('已发表', 'Already published') },
          {
            key: 'firstPublishedOn',
            type: 'date',
            label: t('首次发表日期', 'First published on'),
            span: 12,
            required: true,
            min: { field: 'completedOn' },
            max: { today: 0 },
            visibleWhen: { field: 'published', op: 'eq', value: true },
          },
          { key: 'features', type: 'textarea', label: t('主要功能', 'What it does'), required: true, minLength: 20, maxLength: 1000, rows: 4 },
          contributorsTable('developers', ['开发人员', 'Developers']),
          payingProject(false),
        ],
      },
      {
        key: 'materials',
        title: t('登记材料', 'Registration materials'),
        fields: [
          file('manual', t('软件说明书或用户手册', 'Software description or user manual'), 'software-manual', {
            required: true,
            accept: PDF,
            maxSizeMb: 20,
            help: t('前后各 30 页', 'The first and last 30 pages'),
          }),
          file('sourceCode', t('源程序', 'Source code'), 'source-code', {
            required: true,
            accept: PDF,
            maxSizeMb: 20,
            help: t('前后各 30 页，每页不少于 50 行', 'The first and last 30 pages, at least 50 lines a page'),
          }),
        ],
      },
      pledge(
        '本软件为职务作品，著作权人为明湖大学，同一软件同一版本未曾登记',
        'This is a work for hire, the copyright holder is Minghu University, and this version was never registered',
      ),
    ],
  },
  /** 计算机软件著作权登记申请: research secretary, the Institute reviews and seals, then files it. */
  process: seeded('research', {
    service: 'software-copyright',
    name: { zh: '计算机软件著作权登记申请', en: 'Software copyright registration' },
    formFields: [],
    start: 'research-secretary',
    steps: [
      {
        type: 'approval',
        id: 'research-secretary',
        name: { zh: '学院科研秘书审核', en: "Review by your college's research secretary" },
        assignees: researchSecretary,
        deadlineHours: days(2),
        next: 'research',
      },
      {
        type: 'approval',
        id: 'research',
        name: { zh: '科学技术研究院审核并盖章', en: 'Review and seal by the Research Institute' },
        assignees: [reviewer('research')],
        deadlineHours: days(3),
        escalateTo: [headOf('research')],
        next: 'filing',
      },
      {
        type: 'approval',
        id: 'filing',
        name: { zh: '提交登记机构', en: 'Filed with the registration authority' },
        assignees: [reviewer('research')],
        deadlineHours: days(5),
        next: 'end',
      },
    ],
  }),
}
