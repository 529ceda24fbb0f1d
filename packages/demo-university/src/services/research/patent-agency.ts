import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, PDF, WORD_OR_PDF, file, staffApplicant, pledge } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { myProjects, payingProject } from '../forms/research-finance.ts'
import { researchSecretary } from '../processes/research.ts'

// patent-agency: its catalog entry and guide, its form and its process, in one place.
export const patentAgency: ServiceDefinition = {
  code: 'patent-agency',
  nameZh: '专利代理委托书',
  nameEn: 'Patent agency authorisation',
  summaryZh: '发明人申请专利前，经科学技术研究院审核，以学校名义签署专利代理委托书，委托合作代理机构办理专利申请。',
  summaryEn:
    'Before a patent is filed, the Research Institute reviews the invention and signs, for the university, the authorisation that instructs one of its contracted patent agencies.',
  keywordsZh: ['专利', '专利申请', '代理委托', '委托书', '发明专利', '实用新型', '知识产权'],
  keywordsEn: ['patent', 'patent application', 'patent agent', 'power of attorney', 'invention', 'utility model', 'intellectual property', 'IP'],
  categoryCode: 'research',
  ownerDepartmentCode: 'research',
  audience: ['staff'],
  mode: 'online',
  timeLimitDays: 5,
  // No noneInProgress: an inventor often files several patents together.
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '第一发明人为本校在职教职工（学生为发明人的，由导师提出申请）',
        '属于职务发明，专利申请人为明湖大学',
        '选择学校遴选的合作专利代理机构',
        '代理费和官费从发明人负责的科研项目经费中列支',
      ],
      materials: [req('技术交底书', '按代理机构模板填写'), req('费用承担说明', '写明支付费用的科研项目编号'), opt('查新检索报告')],
      steps: [step('学院科研秘书审核', '学院科研秘书'), step('科学技术研究院审核并签署委托书', '科学技术研究院知识产权与成果转化办公室')],
      fees: '学校不收费；代理费和官费由科研项目经费支付',
      ...at(desks.research, 'zh'),
    },
    en: {
      conditions: [
        'The first inventor is a member of staff (a student inventor applies through the supervisor).',
        'It is a service invention: the university is the applicant.',
        'You use one of the patent agencies the university has contracted.',
        'Agency and official fees are paid from a research project you lead.',
      ],
      materials: [
        req('Invention disclosure', "On the agency's template"),
        req('Who pays', 'The code of the research project that pays the fees'),
        opt('Prior-art search report'),
      ],
      steps: [
        step("Review by your college's research secretary", 'College research secretary'),
        step('Review and signature by the Research Institute', 'IP and Technology Transfer Office, Research Institute'),
      ],
      fees: 'No university fee; agency and official fees are paid from research funds',
      ...at(desks.research, 'en'),
    },
  },
  /** 专利代理委托书. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      staffApplicant({ extra: [myProjects()] }),
      {
        key: 'invention',
        title: t('发明创造', 'The invention'),
        fields: [
          { key: 'inventionTitle', type: 'text', label: t('发明名称', 'Title of the invention'), required: true, maxLength: 100 },
          {
            key: 'patentType',
            type: 'select',
            label: t('专利类型', 'Kind of patent'),
            span: 12,
            required: true,
            options: options([
              ['invention', '发明专利', 'Invention patent'],
              ['utility', '实用新型', 'Utility model'],
              ['design', '外观设计', 'Design patent'],
            ]),
          },
          {
            key: 'agency',
            type: 'select',
            label: t('代理机构', 'Patent agency'),
            span: 12,
            required: true,
            display: 'dropdown',
            help: t('学校遴选的合作专利代理机构', 'Agencies the university has selected'),
            options: options([
              ['minghu-ip', '明湖知识产权代理事务所', 'Minghu IP Agency'],
              ['hubin-patent', '湖滨专利商标代理有限公司', 'Hubin Patent and Trademark Agency'],
              ['zhiyuan-ip', '致远知识产权代理有限公司', 'Zhiyuan IP Agency'],
            ]),
          },
          {
            key: 'inventors',
            type: 'table',
            label: t('发明人（按排序）', 'Inventors, in order'),
            help: t(
              '第一发明人须为本校在职教职工；学生为发明人的，由导师提出申请',
              'The first inventor is a member of staff; students’ inventions are filed by their supervisor',
            ),
            minRows: 1,
            maxRows: 20,
            addLabel: t('添加发明人', 'Add an inventor'),
            columns: [
              { key: 'inventorName', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 50, span: 8 },
              { key: 'inventorUnit', type: 'text', label: t('单位', 'Unit'), maxLength: 60, span: 10 },
              { key: 'isStudent', type: 'switch', label: t('学生', 'Student'), span: 6 },
            ],
          },
          payingProject(true),
          file('disclosure', t('技术交底书', 'Technical disclosure'), 'technical-disclosure', {
            required: true,
            accept: WORD_OR_PDF,
            maxSizeMb: 20,
            help: t('按代理机构模板填写', "Written on the agency's template"),
          }),
          file('noveltySearch', t('查新检索报告', 'Novelty search report'), 'novelty-search-report', { accept: PDF, maxSizeMb: 20 }),
        ],
      },
      pledge(
        '本发明为职务发明，专利申请人为明湖大学，代理费和官费从上述项目经费中列支',
        'This is a service invention, the applicant is Minghu University, and the fees are paid from the project above',
      ),
    ],
  },
  /** 专利代理委托书: the college's research secretary, then the Research Institute signs. */
  process: seeded('research', {
    service: 'patent-agency',
    name: { zh: '专利代理委托书', en: 'Patent agency authorisation' },
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
        name: { zh: '科学技术研究院审核并签署委托书', en: 'Review and signature by the Research Institute' },
        assignees: [reviewer('research')],
        deadlineHours: days(3),
        escalateTo: [headOf('research')],
        next: 'end',
      },
    ],
  }),
}
