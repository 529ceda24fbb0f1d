import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, WORD, file, staffApplicant, pledge, notice } from '../forms/common.ts'
import { roleIn, reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { contributorsTable, transferModes } from '../forms/research-finance.ts'

// tech-transfer-contract: its catalog entry and guide, its form and its process, in one place.
export const techTransferContract: ServiceDefinition = {
  code: 'tech-transfer-contract',
  nameZh: '科技成果转让转移合同签订申请',
  nameEn: 'Technology transfer: contract signing',
  summaryZh: '成果转化实施意向公示无异议后，申请以学校名义签订技术转让（许可）合同。',
  summaryEn: 'Once the intent has been published without objection, apply to sign the transfer or licence contract in the university’s name.',
  keywordsZh: ['技术合同', '转让合同', '许可合同', '合同签订', '合同盖章', '成果转化', '用印'],
  keywordsEn: ['transfer contract', 'licence agreement', 'contract signing', 'technology contract', 'seal', 'commercialisation', 'license'],
  categoryCode: 'research',
  ownerDepartmentCode: 'research',
  audience: ['staff'],
  mode: 'hybrid',
  timeLimitDays: 10,
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '已办理“科技成果转让转移实施意向申请”，公示期满无异议',
        '合同采用学校技术合同范本，或已经学校法律顾问审核',
        '合同金额和收益分配方案符合学校科技成果转化管理办法',
      ],
      materials: [req('合同文本', '可编辑的电子版'), req('收益分配方案', '全体完成人签字'), opt('公示无异议证明', '系统自动关联意向申请，一般无需上传')],
      steps: [
        step('科学技术研究院审核', '科学技术研究院知识产权与成果转化办公室'),
        step('法律顾问审核', '学校法律顾问室'),
        step('合同用印（线下）', '校长办公室'),
      ],
      fees: '无',
      ...at(desks.research, 'zh'),
      notes: ['纸质合同一式四份，审核通过后带到校长办公室用印。'],
    },
    en: {
      conditions: [
        'You have been through “Technology transfer: intent” and nobody objected during the public notice.',
        "The contract uses the university's template or has been reviewed by its legal adviser.",
        "The price and the sharing of income follow the university's technology transfer rules.",
      ],
      materials: [
        req('The contract', 'An editable electronic copy'),
        req('Income-sharing plan', 'Signed by all inventors'),
        opt('Proof that the notice drew no objection', 'Linked automatically to your intent application'),
      ],
      steps: [
        step('Review by the Research Institute', 'IP and Technology Transfer Office, Research Institute'),
        step('Review by the legal adviser', "University legal adviser's office"),
        step('Contract sealed (in person)', "President's Office"),
      ],
      fees: 'None',
      ...at(desks.research, 'en'),
      notes: ["Once approved, bring four paper copies to the President's Office to be sealed."],
    },
  },
  /** 科技成果转让转移合同签订申请. */
  form: {
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
          notice(
            'legalNote',
            '未采用学校范本的合同，请写明主要条款差异，法律顾问将重点审核。',
            'If you did not use the template, say how the main terms differ: the legal adviser reviews them closely.',
            {
              tone: 'warning',
              visibleWhen: { field: 'usesTemplate', op: 'eq', value: false },
            },
          ),
          {
            key: 'termDifferences',
            type: 'textarea',
            label: t('与范本的主要差异', 'Main differences from the template'),
            required: true,
            maxLength: 1000,
            visibleWhen: { field: 'usesTemplate', op: 'eq', value: false },
          },
          contributorsTable('distribution', ['收益分配方案', 'How the proceeds are shared']),
          {
            key: 'shareTotal',
            type: 'number',
            label: t('比例合计', 'Shares in total'),
            unit: t('%', '%'),
            span: 8,
            computed: { kind: 'sum', fields: ['distribution.share'] },
          },
        ],
      },
      {
        key: 'materials',
        title: t('材料', 'Materials'),
        fields: [
          file('contractText', t('合同文本（可编辑的电子版）', 'The contract (editable file)'), 'contract-draft', {
            required: true,
            accept: WORD,
            maxSizeMb: 20,
          }),
          file('distributionPlan', t('收益分配方案（全体完成人签字）', 'Sharing of proceeds, signed by everyone'), 'revenue-distribution', { required: true }),
          file('noticeResult', t('公示无异议证明', 'Proof the public notice passed'), 'public-notice-result', {
            help: t('系统自动关联意向申请，一般无需上传', 'Normally linked from your letter of intent; no need to upload'),
          }),
          notice(
            'copies',
            '纸质合同一式四份，审核通过后带到校长办公室用印。',
            "Bring four printed copies to the President's Office for the seal once approved.",
          ),
        ],
      },
      pledge(
        '本合同已经公示无异议，金额和收益分配符合学校科技成果转化管理办法',
        'The public notice passed without objection, and the price and sharing follow the university’s rules on technology transfer',
      ),
    ],
  },
  /**
   * 科技成果转让转移合同签订申请: the Research Institute, the university's legal adviser (where none
   * is on record, the President's Office, which keeps the legal office), then the contract is sealed.
   */
  process: seeded('research', {
    service: 'tech-transfer-contract',
    name: { zh: '科技成果转让转移合同签订申请', en: 'Technology transfer: contract signing' },
    formFields: [],
    start: 'research',
    steps: [
      {
        type: 'approval',
        id: 'research',
        name: { zh: '科学技术研究院审核', en: 'Review by the Research Institute' },
        assignees: [reviewer('research')],
        deadlineHours: days(3),
        escalateTo: [headOf('research')],
        next: 'legal',
      },
      {
        type: 'approval',
        id: 'legal',
        name: { zh: '法律顾问审核', en: 'Review by the legal adviser' },
        assignees: [roleIn('legal-adviser', 'president-office'), reviewer('president-office')],
        deadlineHours: days(4),
        next: 'seal',
      },
      {
        // Confirmed when the paper copies are sealed in person: it waits for the applicant.
        type: 'approval',
        id: 'seal',
        name: { zh: '合同用印（线下）', en: 'Contract sealed (in person)' },
        assignees: [reviewer('president-office')],
        next: 'end',
      },
    ],
  }),
}
