import type { Field, FormDefinition } from '@hall/forms/format'
import { file, IMAGES, notice, options, PDF, PDF_OR_IMAGES, pledge, staffApplicant, studentApplicant, t, WORD, WORD_OR_PDF } from './common.ts'

// Forms of the Research Institute (patents, software copyright, technology transfer) and of the
// Finance Office (project statements, the tuition bank card).

/** The person's research projects, from the research management system, for reference. */
const myProjects = (): Field => ({
  key: 'myProjects',
  type: 'textarea',
  label: t('本人负责的科研项目', 'Your research projects'),
  rows: 3,
  maxLength: 2000,
  prefill: { path: 'staff.researchProjects.summaryZh', readOnlyWhenPrefilled: true },
})

/** The project that pays: pre-filled with the person's first project, editable (they may choose another). */
const payingProject = (required: boolean): Field => ({
  key: 'payingProject',
  type: 'text',
  label: t('支付费用的科研项目编号', 'Project paying the fees'),
  span: 12,
  required,
  maxLength: 40,
  help: t('默认为您的第一个项目，可改为其他项目编号', 'Your first project by default; give another project’s code if another pays'),
  prefill: { path: 'staff.researchProjects.first.code' },
})

const contributorsTable = (key: string, label: [string, string]): Field => ({
  key,
  type: 'table',
  label: t(...label),
  minRows: 1,
  maxRows: 30,
  addLabel: t('添加一人', 'Add a person'),
  columns: [
    { key: 'personName', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 50, span: 8 },
    { key: 'personUnit', type: 'text', label: t('单位', 'Unit'), maxLength: 60, span: 10 },
    { key: 'share', type: 'number', label: t('分配比例', 'Share'), required: true, min: 0, max: 100, precision: 2, unit: t('%', '%'), span: 6 },
  ],
})

/** 专利代理委托书. */
export const patentAgency: FormDefinition = {
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
          help: t('第一发明人须为本校在职教职工；学生为发明人的，由导师提出申请', 'The first inventor is a member of staff; students’ inventions are filed by their supervisor'),
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
    pledge('本发明为职务发明，专利申请人为明湖大学，代理费和官费从上述项目经费中列支', 'This is a service invention, the applicant is Minghu University, and the fees are paid from the project above'),
  ],
}

/** 计算机软件著作权登记申请. */
export const softwareCopyright: FormDefinition = {
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
        { key: 'codeLines', type: 'number', label: t('源程序量', 'Lines of source code'), span: 12, required: true, integer: true, min: 1, max: 100_000_000, unit: t('行', 'lines') },
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
    pledge('本软件为职务作品，著作权人为明湖大学，同一软件同一版本未曾登记', 'This is a work for hire, the copyright holder is Minghu University, and this version was never registered'),
  ],
}

const transferModes = options([
  ['assignment', '转让', 'Assignment'],
  ['licence', '许可', 'Licence'],
  ['equity', '作价投资', 'Contribution as equity'],
])

/** 科技成果转让转移实施意向申请. */
export const techTransferIntent: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant({ extra: [myProjects()] }),
    {
      key: 'achievement',
      title: t('科技成果', 'The result'),
      fields: [
        { key: 'achievementName', type: 'text', label: t('成果名称', 'Name of the result'), required: true, maxLength: 100 },
        {
          key: 'achievementType',
          type: 'select',
          label: t('成果类型', 'Kind'),
          span: 12,
          required: true,
          options: options([
            ['patent', '专利', 'Patent'],
            ['software', '软件著作权', 'Software copyright'],
            ['know-how', '技术秘密', 'Know-how'],
            ['other', '其他', 'Other'],
          ]),
        },
        { key: 'rightNumbers', type: 'text', label: t('专利号或登记号', 'Patent or registration numbers'), span: 12, maxLength: 200 },
        contributorsTable('contributors', ['全体完成人及分配比例', 'Everyone who made it, and their shares']),
        { key: 'shareTotal', type: 'number', label: t('比例合计', 'Shares in total'), unit: t('%', '%'), span: 8, computed: { kind: 'sum', fields: ['contributors.share'] } },
        notice('shareNote', '全体完成人分配比例合计应为 100%。', "Everyone's shares should add up to 100%."),
      ],
    },
    {
      key: 'transfer',
      title: t('转化意向', 'The transfer'),
      fields: [
        { key: 'transferMode', type: 'select', label: t('转化方式', 'How'), required: true, options: transferModes },
        { key: 'transferee', type: 'text', label: t('受让方或合作企业', 'Transferee or partner company'), span: 12, required: true, maxLength: 100 },
        {
          key: 'transfereeCreditCode',
          type: 'text',
          label: t('统一社会信用代码', 'Unified social credit code'),
          span: 12,
          required: true,
          pattern: { regex: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', message: t('统一社会信用代码为 18 位', 'The code has 18 characters') },
        },
        { key: 'expectedPrice', type: 'money', label: t('拟转化金额', 'Expected price'), span: 12, required: true, max: 1_000_000_000 },
        { key: 'involvesStateAssets', type: 'switch', label: t('涉及国有资产评估', 'State assets need valuation'), span: 12 },
        { key: 'plan', type: 'textarea', label: t('实施方案简述', 'Outline of the plan'), required: true, minLength: 20, maxLength: 1500, rows: 5 },
      ],
    },
    {
      key: 'materials',
      title: t('材料', 'Materials'),
      fields: [
        file('intentLetter', t('成果转化实施意向书', 'Letter of intent'), 'transfer-intent', { required: true, accept: WORD_OR_PDF }),
        file('ownershipProof', t('成果权属证明', 'Proof of ownership'), 'ownership-certificate', {
          required: true,
          maxFiles: 5,
          help: t('专利证书、软件著作权登记证书等', 'Patent certificates, software registration certificates…'),
        }),
        file('transfereeLicence', t('受让方营业执照', "Transferee's business licence"), 'business-licence', { required: true }),
        file('contributorsConsent', t('全体完成人同意书', 'Consent of everyone who made it'), 'contributors-consent', { required: true }),
        notice('nextStep', '公示 15 天无异议后，请办理“科技成果转让转移合同签订申请”。', 'After 15 days of public notice without objection, apply for “Technology transfer: contract signing”.'),
      ],
    },
    pledge('本成果权属清晰，全体完成人意见一致', 'The ownership of this result is clear, and everyone who made it agrees'),
  ],
}

/** 科技成果转让转移合同签订申请. */
export const techTransferContract: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant(),
    {
      key: 'contract',
      title: t('合同信息', 'The contract'),
      fields: [
        { key: 'contractName', type: 'text', label: t('合同名称', 'Contract'), required: true, maxLength: 100 },
        { key: 'achievementName', type: 'text', label: t('成果名称', 'Name of the result'), span: 12, required: true, maxLength: 100 },
        { key: 'transferMode', type: 'select', label: t('转化方式', 'How'), span: 12, required: true, options: transferModes },
        { key: 'counterparty', type: 'text', label: t('合同相对方', 'Other party'), span: 12, required: true, maxLength: 100 },
        { key: 'amount', type: 'money', label: t('合同金额', 'Contract value'), span: 12, required: true, max: 1_000_000_000 },
        { key: 'paymentTerms', type: 'textarea', label: t('付款方式', 'Payment terms'), required: true, maxLength: 500, rows: 3 },
        { key: 'usesTemplate', type: 'switch', label: t('采用学校技术合同范本', "Uses the university's contract template") },
        notice('legalNote', '未采用学校范本的合同，请写明主要条款差异，法律顾问将重点审核。', 'If you did not use the template, say how the main terms differ: the legal adviser reviews them closely.', {
          tone: 'warning',
          visibleWhen: { field: 'usesTemplate', op: 'eq', value: false },
        }),
        {
          key: 'termDifferences',
          type: 'textarea',
          label: t('与范本的主要差异', 'Main differences from the template'),
          required: true,
          maxLength: 1000,
          visibleWhen: { field: 'usesTemplate', op: 'eq', value: false },
        },
        contributorsTable('distribution', ['收益分配方案', 'How the proceeds are shared']),
        { key: 'shareTotal', type: 'number', label: t('比例合计', 'Shares in total'), unit: t('%', '%'), span: 8, computed: { kind: 'sum', fields: ['distribution.share'] } },
      ],
    },
    {
      key: 'materials',
      title: t('材料', 'Materials'),
      fields: [
        file('contractText', t('合同文本（可编辑的电子版）', 'The contract (editable file)'), 'contract-draft', { required: true, accept: WORD, maxSizeMb: 20 }),
        file('distributionPlan', t('收益分配方案（全体完成人签字）', 'Sharing of proceeds, signed by everyone'), 'revenue-distribution', { required: true }),
        file('noticeResult', t('公示无异议证明', 'Proof the public notice passed'), 'public-notice-result', {
          help: t('系统自动关联意向申请，一般无需上传', 'Normally linked from your letter of intent; no need to upload'),
        }),
        notice('copies', '纸质合同一式四份，审核通过后带到校长办公室用印。', "Bring four printed copies to the President's Office for the seal once approved."),
      ],
    },
    pledge('本合同已经公示无异议，金额和收益分配符合学校科技成果转化管理办法', 'The public notice passed without objection, and the price and sharing follow the university’s rules on technology transfer'),
  ],
}

/** 纵向项目财务明细查询申请. The process reads `teamMember` and `projectLeader` (a team member needs the leader's authorisation first). */
export const verticalProjectFinance: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    staffApplicant(),
    {
      key: 'project',
      title: t('项目信息', 'The project'),
      description: t('项目信息来自科研管理系统，如有错误请先联系科学技术研究院更正。', 'Project details come from the research management system; ask the Research Institute to correct any error.'),
      fields: [
        { key: 'teamMember', type: 'switch', label: t('本人为项目组成员（非负责人）', "I am a team member, not the project's leader") },
        {
          key: 'projectLeader',
          type: 'person',
          label: t('项目负责人', 'Project leader'),
          kinds: ['staff'],
          span: 12,
          required: true,
          help: t('项目负责人将在线确认授权', 'The leader authorises your query online'),
          visibleWhen: { field: 'teamMember', op: 'eq', value: true },
        },
        {
          key: 'projectCode',
          type: 'text',
          label: t('项目编号', 'Project code'),
          span: 12,
          required: true,
          maxLength: 40,
          prefill: { path: 'staff.researchProjects.vertical.code' },
        },
        { key: 'projectTitle', type: 'text', label: t('项目名称', 'Project'), span: 24, required: true, maxLength: 150, prefill: { path: 'staff.researchProjects.vertical.titleZh' } },
        { key: 'funder', type: 'text', label: t('项目来源', 'Funder'), span: 12, maxLength: 100, prefill: { path: 'staff.researchProjects.vertical.funderZh' } },
        { key: 'budget', type: 'money', label: t('批准经费', 'Approved budget'), span: 12, prefill: { path: 'staff.researchProjects.vertical.budgetYuan' } },
        file('authorisation', t('项目负责人授权书', "Leader's authorisation"), 'authorisation-letter', {
          required: true,
          visibleWhen: { field: 'teamMember', op: 'eq', value: true },
        }),
      ],
    },
    {
      key: 'query',
      title: t('查询内容', 'What you need'),
      fields: [
        { key: 'queryPeriod', type: 'dateRange', label: t('查询期间', 'Period'), span: 12, required: true, max: { today: 0 } },
        {
          key: 'purpose',
          type: 'select',
          label: t('查询用途', 'What it is for'),
          span: 12,
          required: true,
          options: options([
            ['budget-adjustment', '预算调整', 'Budget adjustment'],
            ['mid-term', '中期检查', 'Mid-term review'],
            ['final-audit', '结题审计', 'Final audit'],
            ['other', '其他', 'Other'],
          ]),
        },
        {
          key: 'purposeDetail',
          type: 'text',
          label: t('用途说明', 'Details'),
          required: true,
          maxLength: 200,
          visibleWhen: { field: 'purpose', op: 'eq', value: 'other' },
        },
        {
          key: 'statementFormat',
          type: 'select',
          label: t('明细格式', 'Format'),
          required: true,
          options: options([
            ['pdf', '盖章 PDF', 'Sealed PDF'],
            ['excel', 'Excel 明细表', 'Excel sheet'],
            ['both', '两者都要', 'Both'],
          ]),
        },
      ],
    },
    pledge('本人只查询本人负责或经授权的项目，明细仅用于上述用途', 'I query only projects I lead or am authorised for, and use the statement only as stated'),
  ],
}

/** 学费住宿费缴纳银行卡变更登记. */
export const tuitionBankCard: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    studentApplicant(),
    {
      key: 'card',
      title: t('银行卡', 'Bank card'),
      fields: [
        {
          key: 'currentCard',
          type: 'text',
          label: t('当前扣款银行卡', 'Card charged now'),
          span: 12,
          prefill: { path: 'student.bankCardMasked', readOnlyWhenPrefilled: true },
        },
        {
          key: 'changeReason',
          type: 'select',
          label: t('变更原因', 'Why'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['lost', '原卡遗失', 'Old card lost'],
            ['closed', '原卡已注销', 'Old card closed'],
            ['preference', '使用其他银行卡', 'I prefer another card'],
            ['other', '其他', 'Other'],
          ]),
        },
        {
          key: 'newBank',
          type: 'select',
          label: t('新卡开户银行', 'Bank of the new card'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['icbc', '中国工商银行', 'Industrial and Commercial Bank of China'],
            ['abc', '中国农业银行', 'Agricultural Bank of China'],
            ['boc', '中国银行', 'Bank of China'],
            ['ccb', '中国建设银行', 'China Construction Bank'],
            ['bocom', '交通银行', 'Bank of Communications'],
            ['hzbank', '杭州银行', 'Bank of Hangzhou'],
          ]),
        },
        {
          key: 'newCardNumber',
          type: 'text',
          label: t('新卡卡号', 'New card number'),
          span: 12,
          required: true,
          pattern: { regex: '^\\d{16,19}$', message: t('卡号为 16–19 位数字', 'A card number has 16–19 digits') },
        },
        {
          key: 'accountName',
          type: 'text',
          label: t('户名', 'Account holder'),
          help: t('须为学生本人', 'Must be you'),
          span: 12,
          required: true,
          prefill: { path: 'name', readOnlyWhenPrefilled: true },
        },
        { key: 'branch', type: 'text', label: t('开户网点', 'Branch'), span: 12, maxLength: 60 },
        file('cardPhoto', t('新银行卡正面照片', 'Photo of the front of the new card'), 'bank-card-photo', { required: true, accept: IMAGES, maxSizeMb: 5 }),
        file('idDocument', t('身份证或护照照片', 'Photo of your ID card or passport'), 'id-document', {
          required: true,
          accept: PDF_OR_IMAGES,
          maxSizeMb: 5,
          help: t('用于核对户名', 'To check the account holder'),
        }),
        notice('pending', '变更完成前的扣款仍从原银行卡扣除；每学期缴费期（9 月、2 月）开始前 15 天内暂停变更。', 'Until the change is done, charges still go to the old card; changes pause 15 days before each fee period (September, February).'),
      ],
    },
    pledge('新卡为本人名下的借记卡', 'The new card is a debit card in my own name'),
  ],
}

export const researchFinanceForms = {
  'patent-agency': patentAgency,
  'software-copyright': softwareCopyright,
  'tech-transfer-intent': techTransferIntent,
  'tech-transfer-contract': techTransferContract,
  'vertical-project-finance': verticalProjectFinance,
  'tuition-bank-card': tuitionBankCard,
}
