import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, step } from '../guide-kit.ts'
import { t, options, WORD_OR_PDF, file, staffApplicant, pledge, notice } from '../forms/common.ts'
import { reviewer, headOf, headOfUnit, days, seeded } from '../processes/rules.ts'
import { myProjects, contributorsTable, transferModes } from '../forms/research-finance.ts'

// tech-transfer-intent: its catalog entry and guide, its form and its process, in one place.
export const techTransferIntent: ServiceDefinition = {
  code: 'tech-transfer-intent',
  nameZh: '科技成果转让转移实施意向申请',
  nameEn: 'Technology transfer: intent',
  summaryZh: '科技成果拟转让、许可或作价投资时，成果完成人提交实施意向，审核通过后在校内公示。',
  summaryEn:
    'Inventors who plan to sell, license or invest a research result submit their intent; once reviewed it is published on campus before negotiations go ahead.',
  keywordsZh: ['成果转化', '技术转让', '专利转让', '专利许可', '作价入股', '科技成果', '转化意向'],
  keywordsEn: ['technology transfer', 'licensing', 'patent sale', 'commercialisation', 'spin-off', 'research results', 'intent'],
  categoryCode: 'research',
  ownerDepartmentCode: 'research',
  audience: ['staff'],
  mode: 'online',
  // Includes the 15-day public notice on campus.
  timeLimitDays: 20,
  eligibility: [{ type: 'kind', kinds: ['staff'] }],
  guide: {
    zh: {
      conditions: [
        '成果为本校职务科技成果，权属清晰',
        '成果完成人为本校在职教职工，全体完成人意见一致',
        '已有明确的受让方或合作企业',
        '涉及国有资产的，按学校国有资产管理规定办理',
      ],
      materials: [
        req('成果转化实施意向书'),
        req('成果权属证明', '专利证书、软件著作权登记证书等'),
        req('受让方资质材料', '营业执照等'),
        req('全体完成人同意书'),
      ],
      steps: [step('学院审核', '学院负责人'), step('科学技术研究院审核', '科学技术研究院知识产权与成果转化办公室'), step('校内公示（15天）', '科学技术研究院')],
      fees: '无',
      ...at(desks.research, 'zh'),
      notes: ['公示无异议后，请办理“科技成果转让转移合同签订申请”。'],
    },
    en: {
      conditions: [
        'The result belongs to the university as a service invention and its ownership is clear.',
        'The inventors are members of staff and all of them agree.',
        'You have a named buyer, licensee or partner company.',
        "Where state-owned assets are involved, the university's asset rules apply.",
      ],
      materials: [
        req('Statement of intent'),
        req('Proof of ownership', 'Patent certificate, software copyright certificate or similar'),
        req("Buyer's credentials", 'Business licence and similar'),
        req('Consent of all inventors'),
      ],
      steps: [
        step('Review by your college', 'Head of your college'),
        step('Review by the Research Institute', 'IP and Technology Transfer Office, Research Institute'),
        step('Public notice on campus (15 days)', 'Research Institute'),
      ],
      fees: 'None',
      ...at(desks.research, 'en'),
      notes: ['If nobody objects during the notice, apply for “Technology transfer: contract signing”.'],
    },
  },
  /** 科技成果转让转移实施意向申请. */
  form: {
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
          {
            key: 'shareTotal',
            type: 'number',
            label: t('比例合计', 'Shares in total'),
            unit: t('%', '%'),
            span: 8,
            computed: { kind: 'sum', fields: ['contributors.share'] },
          },
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
          notice(
            'nextStep',
            '公示 15 天无异议后，请办理“科技成果转让转移合同签订申请”。',
            'After 15 days of public notice without objection, apply for “Technology transfer: contract signing”.',
          ),
        ],
      },
      pledge('本成果权属清晰，全体完成人意见一致', 'The ownership of this result is clear, and everyone who made it agrees'),
    ],
  },
  /**
   * 科技成果转让转移实施意向申请: the college, the Research Institute, then a 15-day public notice on
   * campus (about 11 working days), which the Institute closes when nobody objected.
   */
  process: seeded('research', {
    service: 'tech-transfer-intent',
    name: { zh: '科技成果转让转移实施意向申请', en: 'Technology transfer: intent' },
    formFields: [],
    start: 'college',
    steps: [
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院审核', en: 'Review by your college' },
        assignees: headOfUnit,
        deadlineHours: days(3),
        next: 'research',
      },
      {
        type: 'approval',
        id: 'research',
        name: { zh: '科学技术研究院审核', en: 'Review by the Research Institute' },
        assignees: [reviewer('research')],
        deadlineHours: days(4),
        escalateTo: [headOf('research')],
        next: 'public-notice',
      },
      {
        type: 'approval',
        id: 'public-notice',
        name: { zh: '校内公示（15天）', en: 'Public notice on campus (15 days)' },
        assignees: [reviewer('research')],
        deadlineHours: days(13),
        next: 'end',
      },
    ],
  }),
}
