import type { FormDefinition } from '@hall/forms/format'
import { applicant, daysOf, file, notice, options, pledge, studentApplicant, t } from './common.ts'

// Forms of the Student Housing Centre. The current dormitory comes from the housing system
// (公寓管理系统), which is the authority on it: it is read-only, and a wrong one is reported there.

/** 宿舍调整申请. */
export const dormChange: FormDefinition = {
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
          display: 'dropdown',
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
        notice('keys', '审批通过后 3 天内到明湖苑服务中心办理钥匙交接和入住登记。', 'Within 3 days of approval, hand over your keys and register at the Minghu Residences Service Centre.'),
      ],
    },
    pledge('本人承诺所填理由真实，本学年未调整过宿舍', 'My reasons are true, and I have not changed rooms this academic year'),
  ],
}

/** 外出住宿申请. */
export const offCampusLiving: FormDefinition = {
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
    pledge('本人承诺校外住宿期间注意人身和财产安全，遵守法律和学校规定', 'While living off campus I will look after my safety and property and obey the law and university rules'),
  ],
}

/** 毕业生延期住宿申请. */
export const graduateExtendedStay: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    studentApplicant({ dormitory: true, extra: [applicant.graduationYear()] }),
    {
      key: 'stay',
      title: t('延期住宿', 'Extended stay'),
      fields: [
        {
          key: 'reasonType',
          type: 'select',
          label: t('延住原因', 'Why'),
          required: true,
          display: 'dropdown',
          options: options([
            ['employment', '办理就业手续', 'Employment formalities'],
            ['further-study', '办理升学手续', 'Further study formalities'],
            ['defence', '论文答辩延期', 'Thesis defence postponed'],
            ['other', '其他', 'Other'],
          ]),
        },
        { key: 'reason', type: 'textarea', label: t('延住理由', 'Reason'), required: true, minLength: 10, maxLength: 500, rows: 3 },
        {
          key: 'period',
          type: 'dateRange',
          label: t('延住期间', 'Extended stay'),
          help: t('延住一般不超过 30 天，最晚至 2027 年 8 月 31 日', 'At most 30 days, and no later than 31 August 2027'),
          span: 12,
          required: true,
          min: { today: 0 },
          max: '2027-08-31',
          maxDays: 30,
        },
        daysOf('period', t('延住天数', 'Days')),
        notice('fee', '延住期间按天缴纳住宿费（每天 30 元），暑期可能统一调整到集中住宿楼。', 'The stay is charged by the day (CNY 30 a day); in summer you may be moved to a shared building.'),
        file('evidence', t('就业协议、录取通知或答辩安排', 'Employment agreement, admission letter or defence schedule'), 'employment-agreement', { maxFiles: 3 }),
      ],
    },
    pledge('本人承诺按期退宿并结清住宿费', 'I will check out on time and pay the fees'),
  ],
}

export const housingForms = { 'dorm-change': dormChange, 'off-campus-living': offCampusLiving, 'graduate-extended-stay': graduateExtendedStay }
