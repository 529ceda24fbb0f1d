import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, applicant, studentApplicant, pledge, notice } from '../forms/common.ts'
import { deputySecretary, reviewer, headOf, studentAdviser, days, seeded } from '../processes/rules.ts'
import { adviser } from '../processes/housing.ts'

// dorm-change: its catalog entry and guide, its form and its process, in one place.
export const dormChange: ServiceDefinition = {
  code: 'dorm-change',
  nameZh: '宿舍调整申请',
  nameEn: 'Dormitory change',
  summaryZh: '住校学生因学习、生活等原因申请调整宿舍或床位。',
  summaryEn: 'Students living on campus ask to move to another room or bed.',
  keywordsZh: ['宿舍调整', '换宿舍', '调宿', '寝室', '换寝室', '调换床位', '住宿', '宿舍'],
  keywordsEn: ['dorm change', 'room change', 'housing', 'dormitory', 'move room', 'swap bed', 'accommodation', 'roommate'],
  categoryCode: 'life-housing',
  ownerDepartmentCode: 'housing',
  audience: ['undergraduate', 'graduate', 'international'],
  mode: 'online',
  timeLimitDays: 7,
  eligibility: [
    { type: 'kind', kinds: ['undergraduate', 'graduate', 'international'] },
    { type: 'studentStatus', status: 'enrolled' },
    { type: 'hasDormitory' },
    { type: 'noneInProgress' },
  ],
  guide: {
    zh: {
      conditions: [
        '本校在读学生，已分配学校宿舍',
        '有合理理由，如身体原因、作息差异较大、专业调整等',
        '目标宿舍有空床位，或已与对方同学协商一致互换',
        '每学年调整一般不超过 1 次',
      ],
      materials: [req('调整理由'), opt('互换同学的确认', '互换床位时由对方同学在线确认'), opt('医院证明', '因健康原因申请时提供')],
      steps: [
        step('对方同学确认（互换床位时）', '互换的同学'),
        step('辅导员审核（研究生为导师审核）', '辅导员 / 导师'),
        step('学院审批', '学院党委副书记'),
        step('后勤公寓管理中心调配', '后勤公寓管理中心住宿调配科'),
      ],
      fees: '无；新旧宿舍收费标准不同的，按新标准多退少补',
      ...at(desks.housing, 'zh'),
      notes: ['审批通过后 3 天内到明湖苑服务中心办理钥匙交接和入住登记。'],
    },
    en: {
      conditions: [
        'You are a student in school with a room on campus.',
        'You have a good reason, such as health, very different daily schedules or a change of major.',
        'There is a free bed in the room you want, or you have agreed a swap with another student.',
        'Normally one change per school year.',
      ],
      materials: [
        req('Reason for the change'),
        opt("The other student's agreement", 'For a swap, they confirm online'),
        opt('Medical certificate', 'If you apply for health reasons'),
      ],
      steps: [
        step('For a swap: the other student confirms', 'The student you swap with'),
        step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
        step('Approval by your college', 'College deputy party secretary'),
        step('New room allocated', 'Room Allocation, Student Housing Centre'),
      ],
      fees: 'None; if the new room costs more or less, the difference is charged or refunded',
      ...at(desks.housing, 'en'),
      notes: ['Within 3 days of approval, hand over your keys and check in at the Minghu Residences Service Centre.'],
    },
  },
  // Forms of the Student Housing Centre. The current dormitory comes from the housing system
  // (公寓管理系统), which is the authority on it: it is read-only, and a wrong one is reported there.

  /** 宿舍调整申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      studentApplicant({ dormitory: true, extra: [applicant.gender()] }),
      {
        key: 'change',
        title: t('调整意向', 'The change'),
        fields: [
          {
            key: 'changeType',
            type: 'select',
            label: t('调整方式', 'How'),
            required: true,
            display: 'radio',
            options: options([
              ['vacant', '调至空床位', 'Move to a free bed'],
              ['swap', '与同学互换床位', 'Swap beds with another student'],
            ]),
          },
          {
            key: 'preferredBuilding',
            type: 'text',
            label: t('意向楼栋', 'Preferred building'),
            placeholder: t('如 明湖苑5号楼', 'e.g. 明湖苑5号楼'),
            span: 12,
            maxLength: 40,
            visibleWhen: { field: 'changeType', op: 'eq', value: 'vacant' },
          },
          {
            key: 'preferredRoom',
            type: 'text',
            label: t('意向房间', 'Preferred room'),
            span: 12,
            maxLength: 20,
            visibleWhen: { field: 'changeType', op: 'eq', value: 'vacant' },
          },
          {
            key: 'swapWith',
            type: 'person',
            label: t('互换同学', 'Student to swap with'),
            kinds: ['undergraduate', 'graduate', 'international'],
            span: 12,
            required: true,
            help: t('对方同学将在线确认', 'They confirm online'),
            visibleWhen: { field: 'changeType', op: 'eq', value: 'swap' },
          },
          {
            key: 'swapAgreed',
            type: 'switch',
            label: t('已与对方同学协商一致', 'We have agreed on the swap'),
            required: true,
            visibleWhen: { field: 'changeType', op: 'eq', value: 'swap' },
          },
          { key: 'moveFrom', type: 'date', label: t('希望调整日期', 'Preferred moving date'), span: 12, min: { today: 1 } },
        ],
      },
      {
        key: 'reason',
        title: t('调整理由', 'Why'),
        fields: [
          {
            key: 'reasonType',
            type: 'select',
            label: t('理由类型', 'Kind of reason'),
            required: true,
            // Five short choices, all in sight: one click instead of opening a list (issue 14.3).
            display: 'radio',
            options: options([
              ['health', '身体原因', 'Health'],
              ['schedule', '作息差异较大', 'Very different daily routines'],
              ['major', '专业调整', 'Change of major'],
              ['relationship', '宿舍关系', 'Relations in the room'],
              ['other', '其他', 'Other'],
            ]),
          },
          { key: 'reason', type: 'textarea', label: t('调整理由', 'Reason'), required: true, minLength: 10, maxLength: 500, rows: 4 },
          file('medicalCertificate', t('医院证明', 'Medical certificate'), 'medical-certificate', {
            required: true,
            maxFiles: 3,
            visibleWhen: { field: 'reasonType', op: 'eq', value: 'health' },
          }),
          notice(
            'keys',
            '审批通过后 3 天内到明湖苑服务中心办理钥匙交接和入住登记。',
            'Within 3 days of approval, hand over your keys and register at the Minghu Residences Service Centre.',
          ),
        ],
      },
      pledge('本人承诺所填理由真实，本学年未调整过宿舍', 'My reasons are true, and I have not changed rooms this academic year'),
    ],
  },
  /** 宿舍调整申请 */
  process: seeded('housing', {
    service: 'dorm-change',
    name: { zh: '宿舍调整申请', en: 'Change of room' },
    formFields: [
      { name: 'changeType', type: 'string', label: { zh: '调整方式', en: 'How' } },
      { name: 'swapWith', type: 'cardNumber', label: { zh: '互换同学', en: 'Student to swap with' } },
    ],
    // A swap gives away the other student's bed: they confirm it themself, before anyone reviews.
    // Declining sends the application back, to pick a free bed or someone else.
    start: [{ when: { field: 'changeType', op: 'eq', value: 'swap' }, to: 'swap-confirm' }, { to: 'adviser' }],
    steps: [
      {
        type: 'approval',
        id: 'swap-confirm',
        name: { zh: '对方同学确认', en: 'The other student confirms' },
        assignees: [{ namedIn: 'swapWith' }],
        deadlineHours: days(2),
        next: 'adviser',
      },
      adviser(2),
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院审批', en: 'Approval by your college' },
        assignees: [deputySecretary],
        deadlineHours: days(2),
        next: 'housing',
      },
      {
        type: 'approval',
        id: 'housing',
        name: { zh: '后勤公寓管理中心调配', en: 'New room allocated' },
        assignees: [reviewer('housing')],
        deadlineHours: days(3),
        escalateTo: [headOf('housing')],
        // Whoever looks after the student learns where they now live.
        copyTo: studentAdviser,
        next: 'end',
      },
    ],
  }),
}
