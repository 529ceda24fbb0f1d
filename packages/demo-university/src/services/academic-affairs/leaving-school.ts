import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, applicant, undergraduateApplicant, pledge, notice } from '../forms/common.ts'
import { counsellor, deputySecretary, reviewer, headOf, days, seeded } from '../processes/rules.ts'

// leaving-school: its catalog entry and guide, its form and its process, in one place.
export const leavingSchool: ServiceDefinition = {
  code: 'leaving-school',
  nameZh: '本科生离校申请',
  nameEn: 'Undergraduate leaving procedure',
  summaryZh: '本科毕业生在线办理离校手续：图书馆、财务处、公寓管理中心和学院同时审核，全部通过后领取毕业证书和学位证书。',
  summaryEn:
    'Graduating undergraduates complete the leaving procedure online: the library, the Finance Office, Student Housing and your college clear you in parallel, then you collect your diploma and degree certificate.',
  keywordsZh: ['离校', '离校手续', '毕业离校', '离校单', '毕业证', '学位证', '退宿', '毕业'],
  keywordsEn: ['leaving procedure', 'graduation clearance', 'leaving school', 'clearance form', 'collect diploma', 'check out', 'graduation'],
  categoryCode: 'study',
  ownerDepartmentCode: 'academic-affairs',
  audience: ['undergraduate'],
  mode: 'online',
  timeLimitDays: 10,
  // 6 months: the clearance opens in the graduating spring term, not a whole year ahead.
  eligibility: [
    { type: 'kind', kinds: ['undergraduate'] },
    { type: 'studentStatus', status: 'enrolled' },
    { type: 'graduatingWithin', months: 6 },
    { type: 'noneInProgress' },
  ],
  guide: {
    zh: {
      conditions: ['本校应届本科毕业生，已取得毕业资格', '图书馆无未还图书、无欠费', '已结清学费、住宿费等各项费用', '已退宿，宿舍钥匙和公物已交还'],
      materials: [req('毕业生离校信息确认', '系统从教务系统带出，核对后确认'), opt('档案、户口迁移地址', '需要迁移时填写')],
      steps: [
        step('图书馆、财务处、后勤公寓管理中心会签', '图书馆 / 财务处 / 后勤公寓管理中心'),
        step('学院审核', '辅导员、学院党委副书记'),
        step('教务处确认并发放证书', '教务处学籍科'),
      ],
      fees: '无',
      ...at(desks.academicAffairs, 'zh'),
      notes: ['每年 5 月起开放办理；任一部门不通过的，会在申请中写明原因和办理地点。'],
    },
    en: {
      conditions: [
        'You are an undergraduate graduating this year and have met the graduation requirements.',
        'You have no library books out and no library fines.',
        'Your tuition, accommodation and other fees are paid.',
        'You have moved out and returned your keys and any university property.',
      ],
      materials: [
        req('Leaving details', 'Filled in from the academic records system; check and confirm'),
        opt('Forwarding address for your personal file and household registration', 'Only if they move'),
      ],
      steps: [
        step('Cleared in parallel by the library, the Finance Office and Student Housing', 'Library / Finance Office / Student Housing Centre'),
        step('Review by your college', 'Counsellor and college deputy party secretary'),
        step('Certificates issued by Academic Affairs', 'Student Records, Academic Affairs'),
      ],
      fees: 'None',
      ...at(desks.academicAffairs, 'en'),
      notes: ['Opens each May. If an office does not clear you, the application says why and where to go.'],
    },
  },
  /** 本科生离校申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant({ dormitory: true, extra: [applicant.graduationYear(), applicant.idNumber()] }),
      {
        key: 'confirm',
        title: t('离校信息', 'Leaving'),
        fields: [
          {
            key: 'recordsChecked',
            type: 'switch',
            label: t('已核对以上学籍信息无误', 'I have checked my record above'),
            help: t('有误的请点击该项的“报错”，由教务处在教务系统中更正', 'If anything is wrong, use “Report an error” on it and Academic Affairs corrects it'),
            required: true,
          },
          { key: 'leaveDate', type: 'date', label: t('预计离校日期', 'Expected leaving date'), span: 12, required: true, min: { today: 0 } },
          {
            key: 'destination',
            type: 'select',
            label: t('毕业去向', 'After graduation'),
            span: 12,
            required: true,
            display: 'dropdown',
            options: options([
              ['employment', '就业', 'Employment'],
              ['further-study', '国内升学', 'Further study in China'],
              ['abroad', '出国（境）', 'Abroad'],
              ['undecided', '暂未落实', 'Not decided yet'],
            ]),
          },
          {
            key: 'employer',
            type: 'text',
            label: t('就业单位', 'Employer'),
            maxLength: 100,
            required: true,
            visibleWhen: { field: 'destination', op: 'eq', value: 'employment' },
          },
        ],
      },
      {
        key: 'transfer',
        title: t('档案与户口', 'Records and household registration'),
        fields: [
          { key: 'archiveTransfer', type: 'switch', label: t('需要转递档案', 'My file must be sent on') },
          {
            key: 'archiveAddress',
            type: 'textarea',
            label: t('档案接收单位及地址', 'Receiving organisation and address'),
            required: true,
            maxLength: 200,
            rows: 2,
            visibleWhen: { field: 'archiveTransfer', op: 'eq', value: true },
          },
          {
            key: 'archivePostcode',
            type: 'text',
            label: t('邮政编码', 'Postcode'),
            span: 8,
            required: true,
            pattern: { regex: '^\\d{6}$', message: t('邮政编码为 6 位数字', 'A postcode has 6 digits') },
            visibleWhen: { field: 'archiveTransfer', op: 'eq', value: true },
          },
          { key: 'hukouTransfer', type: 'switch', label: t('需要迁出户口', 'My household registration moves out') },
          {
            key: 'hukouAddress',
            type: 'text',
            label: t('户口迁往地址', 'Registration moves to'),
            required: true,
            maxLength: 150,
            visibleWhen: { field: 'hukouTransfer', op: 'eq', value: true },
          },
          {
            key: 'certificateCollection',
            type: 'select',
            label: t('证书领取方式', 'How you get your certificates'),
            required: true,
            options: options([
              ['in-person', '本人领取', 'In person'],
              ['proxy', '委托他人领取', 'Someone collects for me'],
              ['post', '邮寄（到付）', 'By post (paid on delivery)'],
            ]),
          },
          {
            key: 'proxyName',
            type: 'text',
            label: t('受托人姓名', 'Who collects'),
            span: 12,
            required: true,
            maxLength: 30,
            visibleWhen: { field: 'certificateCollection', op: 'eq', value: 'proxy' },
          },
          {
            key: 'postAddress',
            type: 'textarea',
            label: t('邮寄地址', 'Postal address'),
            required: true,
            maxLength: 200,
            rows: 2,
            visibleWhen: { field: 'certificateCollection', op: 'eq', value: 'post' },
          },
          notice(
            'clearance',
            '图书馆、财务处、后勤公寓管理中心和学院将同时核对；任一部门不通过的，会写明原因和办理地点。',
            'The library, the Finance Office, the Student Housing Centre and your college check at the same time; any that refuses says why and where to go.',
          ),
        ],
      },
      pledge(
        '本人已归还图书、结清各项费用、交还宿舍钥匙和公物',
        'I have returned library books, paid all fees, and handed back my keys and university property',
      ),
    ],
  },
  /**
   * 本科生离校申请: the library, the Finance Office, Student Housing and the college (counsellor, then
   * deputy secretary) clear the student in parallel, and every one must; then Academic Affairs
   * confirms and issues the certificates.
   */
  process: seeded('academic-affairs', {
    service: 'leaving-school',
    name: { zh: '本科生离校申请', en: 'Leaving school' },
    formFields: [],
    start: 'clearance',
    steps: [
      {
        type: 'parallel',
        id: 'clearance',
        name: { zh: '图书馆、财务处、后勤公寓管理中心、学院会签', en: 'Cleared by the library, the Finance Office, Student Housing and your college' },
        mode: 'all',
        branches: [
          {
            id: 'library',
            steps: [
              {
                id: 'library',
                name: { zh: '图书馆确认无欠书欠款', en: 'Library: no books out, no fines' },
                assignees: [reviewer('library')],
                deadlineHours: days(3),
              },
            ],
          },
          {
            id: 'finance',
            steps: [
              {
                id: 'finance',
                name: { zh: '财务处确认已缴清费用', en: 'Finance Office: all fees paid' },
                assignees: [reviewer('finance')],
                deadlineHours: days(3),
              },
            ],
          },
          {
            id: 'housing',
            steps: [
              {
                id: 'housing',
                name: { zh: '后勤公寓管理中心确认已退宿', en: 'Student Housing: moved out, keys returned' },
                assignees: [reviewer('housing')],
                deadlineHours: days(3),
              },
            ],
          },
          {
            id: 'college',
            name: { zh: '学院审核', en: 'Review by your college' },
            steps: [
              {
                id: 'college-counsellor',
                name: { zh: '辅导员审核', en: 'Review by your counsellor' },
                assignees: [counsellor],
                deadlineHours: days(2),
              },
              {
                id: 'college-secretary',
                name: { zh: '学院党委副书记审核', en: 'Review by the college deputy party secretary' },
                assignees: [deputySecretary],
                deadlineHours: days(1),
              },
            ],
          },
        ],
        next: 'academic-affairs',
      },
      {
        type: 'approval',
        id: 'academic-affairs',
        name: { zh: '教务处确认并发放证书', en: 'Certificates issued by Academic Affairs' },
        assignees: [reviewer('academic-affairs')],
        deadlineHours: days(3),
        escalateTo: [headOf('academic-affairs')],
        next: 'end',
      },
    ],
    onComplete: [{ kind: 'copyTo', to: [counsellor] }],
  }),
}
