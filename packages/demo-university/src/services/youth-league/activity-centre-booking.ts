import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, file, studentApplicant, pledge, notice } from '../forms/common.ts'
import { reviewer, headOf, days, seeded } from '../processes/rules.ts'

// activity-centre-booking: its catalog entry and guide, its form and its process, in one place.
export const activityCentreBooking: ServiceDefinition = {
  code: 'activity-centre-booking',
  nameZh: '大学生活动中心使用申请',
  nameEn: 'Student activity centre booking',
  summaryZh: '学生组织和学生社团申请使用大学生活动中心的多功能厅、排练室、会议室等场地。',
  summaryEn: 'Student organisations and clubs book the hall, rehearsal rooms and meeting rooms of the Student Activity Centre.',
  keywordsZh: ['场地预约', '活动中心', '借场地', '借教室', '社团活动', '排练室', '多功能厅', '会议室'],
  keywordsEn: ['room booking', 'venue', 'student activity centre', 'club event', 'rehearsal room', 'hall booking', 'book a room', 'meeting room'],
  categoryCode: 'campus-activities',
  ownerDepartmentCode: 'youth-league',
  audience: ['undergraduate', 'graduate', 'international'],
  mode: 'online',
  timeLimitDays: 3,
  // No noneInProgress: a club books several rooms and dates at a time.
  eligibility: [
    { type: 'kind', kinds: ['undergraduate', 'graduate', 'international'] },
    { type: 'studentStatus', status: 'enrolled' },
  ],
  guide: {
    zh: {
      conditions: [
        '本校在读学生，代表经校团委或学院登记的学生组织、社团申请',
        '活动内容健康，符合学校有关管理规定',
        '至少提前 3 个工作日申请；100 人以上的活动提前 7 个工作日并附安全预案',
        '同一社团每周预约不超过 3 次',
      ],
      materials: [
        req('活动策划书', '写明活动名称、时间、人数和所需设备'),
        req('指导老师意见', '指导老师在线确认即可'),
        opt('安全预案', '100 人以上的活动必须提供'),
      ],
      steps: [step('指导老师审核', '社团指导老师'), step('校团委审批', '校团委社团部'), step('活动中心安排场地', '大学生活动中心管理办公室')],
      fees: '无（损坏设施设备须照价赔偿）',
      ...at(desks.youthLeague, 'zh'),
    },
    en: {
      conditions: [
        'You are an enrolled student applying for a student organisation or club registered with the Youth League or a college.',
        "The event complies with the university's rules.",
        'Apply at least 3 working days ahead; for events of more than 100 people, 7 working days ahead with a safety plan.',
        'A club may book up to 3 times a week.',
      ],
      materials: [
        req('Event plan', 'Name, time, number of people and equipment needed'),
        req("Club adviser's agreement", 'Your adviser confirms online'),
        opt('Safety plan', 'Required for events of more than 100 people'),
      ],
      steps: [
        step("Review by the club's adviser", 'Club adviser'),
        step('Approval by the Youth League', 'Student Clubs, Youth League Committee'),
        step('Room allocated', 'Student Activity Centre management office'),
      ],
      fees: 'None (damage to rooms or equipment is charged at cost)',
      ...at(desks.youthLeague, 'en'),
    },
  },
  /** 大学生活动中心使用申请. The process reads `adviser` (the club adviser who reviews first). */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      studentApplicant(),
      {
        key: 'organisation',
        title: t('申请组织', 'Organisation'),
        fields: [
          { key: 'organisation', type: 'text', label: t('学生组织或社团名称', 'Student organisation or club'), span: 12, required: true, maxLength: 60 },
          {
            key: 'adviser',
            type: 'person',
            label: t('指导老师', 'Club adviser'),
            kinds: ['staff'],
            span: 12,
            required: true,
            help: t('指导老师将在线确认', 'Your adviser confirms online'),
          },
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
          {
            key: 'eventDate',
            type: 'date',
            label: t('活动日期', 'Date'),
            span: 12,
            required: true,
            min: { today: 3 },
            help: t('至少提前 3 个工作日申请', 'Apply at least 3 working days ahead'),
          },
          { key: 'startTime', type: 'time', label: t('开始时间', 'Starts'), span: 6, required: true, min: '08:00', max: '21:30' },
          { key: 'endTime', type: 'time', label: t('结束时间', 'Ends'), span: 6, required: true, min: '08:30', max: '22:00' },
          {
            key: 'attendees',
            type: 'number',
            label: t('预计人数', 'Expected attendance'),
            span: 12,
            required: true,
            integer: true,
            min: 1,
            max: 800,
            unit: t('人', 'people'),
          },
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
          file('plan', t('活动策划书', 'Event plan'), 'event-plan', {
            required: true,
            accept: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
          }),
          notice(
            'bigEvent',
            '100 人以上的活动须提前 7 个工作日申请，并附安全预案。',
            'Events of more than 100 people must be booked 7 working days ahead, with a safety plan.',
            {
              tone: 'warning',
              visibleWhen: { field: 'attendees', op: 'gt', value: 100 },
            },
          ),
          file('safetyPlan', t('安全预案', 'Safety plan'), 'safety-plan', {
            required: true,
            visibleWhen: { field: 'attendees', op: 'gt', value: 100 },
          }),
        ],
      },
      pledge(
        '本人承诺活动内容健康，遵守场地管理规定，活动结束后恢复场地',
        'The event is wholesome, we follow the rules of the centre, and we leave the room as we found it',
      ),
    ],
  },
  /**
   * 大学生活动中心使用申请: the club's adviser (named in the form), the Youth League's clubs section,
   * then the centre allocates the room.
   */
  process: seeded('youth-league', {
    service: 'activity-centre-booking',
    name: { zh: '大学生活动中心使用申请', en: 'Student activity centre booking' },
    formFields: [{ name: 'adviser', type: 'cardNumber', label: { zh: '指导老师', en: 'Club adviser' } }],
    start: 'adviser',
    steps: [
      {
        type: 'approval',
        id: 'adviser',
        name: { zh: '指导老师审核', en: "Review by the club's adviser" },
        assignees: [{ field: 'adviser' }],
        deadlineHours: days(1),
        next: 'youth-league',
      },
      {
        type: 'approval',
        id: 'youth-league',
        name: { zh: '校团委审批', en: 'Approval by the Youth League' },
        assignees: [reviewer('youth-league')],
        deadlineHours: days(1),
        escalateTo: [headOf('youth-league')],
        next: 'room',
      },
      {
        type: 'approval',
        id: 'room',
        name: { zh: '活动中心安排场地', en: 'Room allocated' },
        assignees: [reviewer('youth-league')],
        deadlineHours: days(1),
        next: 'end',
      },
    ],
  }),
}
