import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, applicant, studentApplicant, pledge, notice, daysOf } from '../forms/common.ts'
import { deputySecretary, reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { adviser } from '../processes/housing.ts'

// off-campus-living: its catalog entry and guide, its form and its process, in one place.
export const offCampusLiving: ServiceDefinition = {
  code: 'off-campus-living',
  nameZh: '外出住宿申请',
  nameEn: 'Living off campus',
  summaryZh: '住校学生因特殊原因申请在校外住宿。',
  summaryEn: 'Students with a room on campus ask to live off campus for a special reason.',
  keywordsZh: ['外宿', '校外住宿', '走读', '租房', '外出住宿', '不住校', '退宿'],
  keywordsEn: ['off campus', 'living off campus', 'renting', 'move out', 'commute', 'private accommodation', 'day student'],
  categoryCode: 'life-housing',
  ownerDepartmentCode: 'housing',
  audience: ['undergraduate', 'graduate'],
  mode: 'hybrid',
  timeLimitDays: 7,
  eligibility: [
    { type: 'kind', kinds: ['undergraduate', 'graduate'] },
    { type: 'studentStatus', status: 'enrolled' },
    { type: 'hasDormitory' },
    { type: 'noneInProgress' },
  ],
  guide: {
    zh: {
      conditions: [
        '本校在读学生，已分配学校宿舍',
        '有正当理由，如身体原因需家人陪护、已婚、实习或科研需要等',
        '本科生须取得家长书面同意',
        '签署校外住宿安全承诺书',
      ],
      materials: [req('校外住宿理由'), req('租房合同或住址证明'), req('校外住宿安全承诺书', '下载模板，签字后上传'), opt('家长同意书', '本科生必须提供')],
      steps: [
        step('辅导员审核（研究生为导师审核）', '辅导员 / 导师'),
        step('学院副书记审批', '学院党委副书记'),
        step('后勤公寓管理中心备案并办理退宿（线下交还钥匙）', '后勤公寓管理中心'),
      ],
      fees: '无；已缴住宿费按实际入住时间结算',
      ...at(desks.housing, 'zh'),
    },
    en: {
      conditions: [
        'You are a student in school with a room on campus.',
        'You have a good reason, such as health care by your family, marriage, an internship or research work.',
        'Undergraduates need written consent from a parent.',
        'You sign the off-campus safety commitment.',
      ],
      materials: [
        req('Reason for living off campus'),
        req('Tenancy agreement or proof of address'),
        req('Off-campus safety commitment', 'Download the template, sign it and upload it'),
        opt("Parent's consent", 'Required for undergraduates'),
      ],
      steps: [
        step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
        step('Approval by the college', 'College deputy party secretary'),
        step('Recorded by Student Housing; check out and return your keys in person', 'Student Housing Centre'),
      ],
      fees: 'None; accommodation fees already paid are settled by the time you actually lived on campus',
      ...at(desks.housing, 'en'),
    },
  },
  /** 外出住宿申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      studentApplicant({ dormitory: true, extra: [applicant.degree()] }),
      {
        key: 'stay',
        title: t('校外住宿', 'Living off campus'),
        fields: [
          {
            key: 'reasonType',
            type: 'select',
            label: t('理由类型', 'Kind of reason'),
            required: true,
            display: 'dropdown',
            options: options([
              ['family-care', '身体原因需家人陪护', 'Health: family care needed'],
              ['married', '已婚', 'Married'],
              ['internship', '校外实习', 'Internship'],
              ['research', '科研需要', 'Research'],
              ['other', '其他', 'Other'],
            ]),
          },
          { key: 'reason', type: 'textarea', label: t('校外住宿理由', 'Reason'), required: true, minLength: 10, maxLength: 500, rows: 3 },
          { key: 'address', type: 'text', label: t('校外住址', 'Address off campus'), required: true, maxLength: 120 },
          { key: 'period', type: 'dateRange', label: t('校外住宿时间', 'Dates'), span: 12, required: true, min: { today: 0 }, maxDays: 366 },
          daysOf('period', t('天数', 'Days')),
          { key: 'emergencyContact', type: 'text', label: t('紧急联系人', 'Emergency contact'), span: 12, required: true, maxLength: 30 },
          { key: 'emergencyPhone', type: 'text', label: t('紧急联系人电话', 'Emergency contact phone'), span: 12, required: true, format: 'phone' },
        ],
      },
      {
        key: 'materials',
        title: t('材料', 'Materials'),
        fields: [
          file('tenancy', t('租房合同或住址证明', 'Tenancy agreement or proof of address'), 'tenancy-contract', { required: true, maxFiles: 3 }),
          file('safetyPledge', t('校外住宿安全承诺书', 'Off-campus safety pledge'), 'off-campus-safety-pledge', {
            required: true,
            help: t('下载模板，签字后拍照或扫描上传', 'Download the template, sign it, then photograph or scan it'),
          }),
          file('parentConsent', t('家长同意书', "Parents' consent"), 'parent-consent', {
            required: true,
            help: t('本科生必须提供', 'Required of undergraduates'),
            visibleWhen: { field: 'degree', op: 'eq', value: 'bachelor' },
          }),
          notice('checkout', '备案后请到后勤公寓管理中心办理退宿，交还钥匙。', 'Once filed, check out at the Student Housing Centre and hand in your keys.'),
        ],
      },
      pledge(
        '本人承诺校外住宿期间注意人身和财产安全，遵守法律和学校规定',
        'While living off campus I will look after my safety and property and obey the law and university rules',
      ),
    ],
  },
  /** 外出住宿申请 */
  process: seeded('housing', {
    service: 'off-campus-living',
    name: { zh: '外出住宿申请', en: 'Living off campus' },
    formFields: [],
    start: 'adviser',
    steps: [
      adviser(2),
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院副书记审批', en: 'Approval by the college' },
        assignees: [deputySecretary],
        deadlineHours: days(2),
        next: 'housing',
      },
      {
        type: 'approval',
        id: 'housing',
        name: { zh: '后勤公寓管理中心备案并办理退宿（线下交还钥匙）', en: 'Recorded by Student Housing; check out and return your keys in person' },
        assignees: [reviewer('housing')],
        deadlineHours: days(3),
        escalateTo: [headOf('housing')],
        next: 'end',
      },
    ],
  }),
}
