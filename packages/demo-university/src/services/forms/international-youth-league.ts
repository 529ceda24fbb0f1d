import type { FormDefinition } from '@hall/forms/format'
import { applicant, daysOf, file, notice, options, pledge, studentApplicant, t } from './common.ts'

// Forms of the International Office (student travel documents) and the Youth League Committee
// (the student activity centre).

/** 在校生申请因私出国(境)证件. */
export const studentTravelDocuments: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    studentApplicant({ extra: [applicant.degree(), applicant.idNumber()] }),
    {
      key: 'trip',
      title: t('出行信息', 'The trip'),
      fields: [
        { key: 'destinations', type: 'text', label: t('前往国家或地区', 'Countries or regions'), span: 12, required: true, maxLength: 100 },
        {
          key: 'purpose',
          type: 'select',
          label: t('出行事由', 'Purpose'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['tourism', '旅游', 'Tourism'],
            ['family', '探亲访友', 'Visiting family or friends'],
            ['short-programme', '自费短期交流项目', 'Self-funded short programme'],
            ['conference', '参加会议或竞赛', 'Conference or competition'],
            ['other', '其他', 'Other'],
          ]),
        },
        { key: 'period', type: 'dateRange', label: t('出行时间', 'Dates'), span: 12, required: true, min: { today: 0 }, maxDays: 180 },
        daysOf('period', t('出行天数', 'Days')),
        { key: 'purposeDetail', type: 'textarea', label: t('出行计划', 'Travel plan'), help: t('写明国家或地区、起止日期和事由', 'Countries or regions, dates and purpose'), required: true, minLength: 10, maxLength: 800, rows: 4 },
        { key: 'duringTerm', type: 'switch', label: t('出行时间在学期中', 'The trip falls in term time') },
        {
          key: 'courseArrangement',
          type: 'textarea',
          label: t('课程和考试安排', 'Classes and exams you will miss'),
          required: true,
          maxLength: 500,
          visibleWhen: { field: 'duringTerm', op: 'eq', value: true },
        },
        file('itinerary', t('行程单', 'Itinerary'), 'travel-itinerary', { required: true }),
        file('invitation', t('邀请函或录取通知', 'Invitation or admission letter'), 'invitation-letter', {
          required: true,
          visibleWhen: { field: 'purpose', op: 'eq', value: 'short-programme' },
        }),
      ],
    },
    {
      key: 'consent',
      title: t('知情同意', 'Consent'),
      fields: [
        file('guardianConsent', t('监护人知情同意书', "Guardian's consent"), 'guardian-consent', {
          required: true,
          help: t('本科生必须提供，监护人签字后拍照或扫描上传', 'Required of undergraduates: signed by a guardian, photographed or scanned'),
          visibleWhen: { field: 'degree', op: 'eq', value: 'bachelor' },
        }),
        {
          key: 'supervisorAgrees',
          type: 'switch',
          label: t('导师已同意本次出行', 'My supervisor agrees to this trip'),
          required: true,
          visibleWhen: { field: 'degree', op: 'ne', value: 'bachelor' },
        },
        {
          key: 'certificateForm',
          type: 'select',
          label: t('证明形式', 'Form of the certificate'),
          required: true,
          options: options([
            ['electronic', '电子证明（直接下载）', 'Electronic (download)'],
            ['paper', '纸质原件（凭校园卡到国际交流处领取）', 'Paper original (collect at the International Office with your campus card)'],
          ]),
        },
        notice('programmesNote', '本服务不适用于国家公派、校际交换等项目；证明自开具之日起 30 天内有效。', 'Not for state-funded or exchange programmes; the certificate is valid for 30 days from issue.'),
      ],
    },
    pledge('本人承诺出行期间遵守当地法律和学校规定，按时返校', 'I will obey local laws and university rules while away and return on time'),
  ],
}

/** 大学生活动中心使用申请. The process reads `adviser` (the club adviser who reviews first). */
export const activityCentreBooking: FormDefinition = {
  formatVersion: 1,
  labelPosition: 'top',
  sections: [
    studentApplicant(),
    {
      key: 'organisation',
      title: t('申请组织', 'Organisation'),
      fields: [
        { key: 'organisation', type: 'text', label: t('学生组织或社团名称', 'Student organisation or club'), span: 12, required: true, maxLength: 60 },
        { key: 'adviser', type: 'person', label: t('指导老师', 'Club adviser'), kinds: ['staff'], span: 12, required: true, help: t('指导老师将在线确认', 'Your adviser confirms online') },
      ],
    },
    {
      key: 'event',
      title: t('活动信息', 'The event'),
      fields: [
        { key: 'eventName', type: 'text', label: t('活动名称', 'Event'), span: 12, required: true, maxLength: 60 },
        {
          key: 'eventType',
          type: 'select',
          label: t('活动类型', 'Kind of event'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['lecture', '讲座', 'Lecture'],
            ['performance', '文艺演出', 'Performance'],
            ['competition', '比赛', 'Competition'],
            ['meeting', '会议', 'Meeting'],
            ['exhibition', '展览', 'Exhibition'],
            ['other', '其他', 'Other'],
          ]),
        },
        {
          key: 'venue',
          type: 'select',
          label: t('场地', 'Room'),
          span: 12,
          required: true,
          display: 'dropdown',
          options: options([
            ['hall', '多功能厅（400 座）', 'Multi-purpose hall (400 seats)'],
            ['theatre', '小剧场（180 座）', 'Small theatre (180 seats)'],
            ['meeting-201', '201 会议室（40 座）', 'Meeting room 201 (40 seats)'],
            ['meeting-202', '202 会议室（40 座）', 'Meeting room 202 (40 seats)'],
            ['rehearsal', '排练室', 'Rehearsal room'],
          ]),
        },
        { key: 'eventDate', type: 'date', label: t('活动日期', 'Date'), span: 12, required: true, min: { today: 3 }, help: t('至少提前 3 个工作日申请', 'Apply at least 3 working days ahead') },
        { key: 'startTime', type: 'time', label: t('开始时间', 'Starts'), span: 6, required: true, min: '08:00', max: '21:30' },
        { key: 'endTime', type: 'time', label: t('结束时间', 'Ends'), span: 6, required: true, min: '08:30', max: '22:00' },
        { key: 'attendees', type: 'number', label: t('预计人数', 'Expected attendance'), span: 12, required: true, integer: true, min: 1, max: 800, unit: t('人', 'people') },
        {
          key: 'equipment',
          type: 'multiSelect',
          label: t('所需设备', 'Equipment needed'),
          display: 'checkbox',
          options: options([
            ['sound', '音响', 'Sound system'],
            ['projector', '投影', 'Projector'],
            ['microphones', '无线话筒', 'Wireless microphones'],
            ['lighting', '舞台灯光', 'Stage lighting'],
            ['tables', '桌椅布置', 'Tables and chairs'],
          ]),
        },
        { key: 'content', type: 'textarea', label: t('活动内容简介', 'What happens'), required: true, minLength: 20, maxLength: 1000, rows: 4 },
        file('plan', t('活动策划书', 'Event plan'), 'event-plan', { required: true, accept: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] }),
        notice('bigEvent', '100 人以上的活动须提前 7 个工作日申请，并附安全预案。', 'Events of more than 100 people must be booked 7 working days ahead, with a safety plan.', {
          tone: 'warning',
          visibleWhen: { field: 'attendees', op: 'gt', value: 100 },
        }),
        file('safetyPlan', t('安全预案', 'Safety plan'), 'safety-plan', {
          required: true,
          visibleWhen: { field: 'attendees', op: 'gt', value: 100 },
        }),
      ],
    },
    pledge('本人承诺活动内容健康，遵守场地管理规定，活动结束后恢复场地', 'The event is wholesome, we follow the rules of the centre, and we leave the room as we found it'),
  ],
}

export const internationalYouthLeagueForms = { 'student-travel-documents': studentTravelDocuments, 'activity-centre-booking': activityCentreBooking }
