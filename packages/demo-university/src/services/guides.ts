import type { GuideText, ServiceSeed } from './types.ts'

// The first batch of services: the 28 the notice names (names verbatim) plus 2 that a real
// first batch would have had ("30 processes, including …"). Guides are written for the applicant
// in each language, not translated word by word. Contacts, rooms and fees are fictional.

// ------------------------------------------------------------------------------------------
// Where each owning office receives applicants. A guide spreads `at(desk, lang)` so that a
// moved office or a new phone number is changed in one place.

interface Desk {
  phone: string
  email: string
  zh: { location: string; hours: string }
  en: { location: string; hours: string }
}

const weekdayZh = '工作日 8:30–11:30，14:00–17:00'
const weekdayEn = 'Weekdays 8:30–11:30 and 14:00–17:00'

const desks = {
  organisation: {
    phone: '0571-88001102',
    email: 'zzb@minghu.edu.cn',
    zh: { location: '行政楼3楼312室（干部科）', hours: weekdayZh },
    en: { location: 'Room 312, Administration Building (Cadre Section)', hours: weekdayEn },
  },
  presidentOffice: {
    phone: '0571-88001002',
    email: 'xb@minghu.edu.cn',
    zh: { location: '行政楼2楼201室（机要室）', hours: weekdayZh },
    en: { location: 'Room 201, Administration Building (Records and Seals)', hours: weekdayEn },
  },
  international: {
    phone: '0571-88001302',
    email: 'gjc@minghu.edu.cn',
    zh: { location: '国际交流中心105室', hours: '周一至周四 8:30–11:30，14:00–17:00' },
    en: { location: 'Room 105, International Exchange Centre', hours: 'Monday to Thursday, 8:30–11:30 and 14:00–17:00' },
  },
  hr: {
    phone: '0571-88001202',
    email: 'rsc@minghu.edu.cn',
    zh: { location: '行政楼4楼408室', hours: weekdayZh },
    en: { location: 'Room 408, Administration Building', hours: weekdayEn },
  },
  youthLeague: {
    phone: '0571-88001402',
    email: 'tw@minghu.edu.cn',
    zh: { location: '大学生活动中心1楼团委办公室', hours: '工作日 8:30–11:30，14:00–17:30' },
    en: { location: 'Youth League Office, ground floor, Student Activity Centre', hours: 'Weekdays 8:30–11:30 and 14:00–17:30' },
  },
  studentAffairs: {
    phone: '0571-88001502',
    email: 'xgc@minghu.edu.cn',
    zh: { location: '综合楼1楼学生事务服务中心3号窗口', hours: '工作日 8:00–11:30，13:30–17:00' },
    en: { location: 'Window 3, Student Services Centre, ground floor, Comprehensive Building', hours: 'Weekdays 8:00–11:30 and 13:30–17:00' },
  },
  research: {
    phone: '0571-88001602',
    email: 'kjy@minghu.edu.cn',
    zh: { location: '科研楼6楼603室（知识产权与成果转化办公室）', hours: weekdayZh },
    en: { location: 'Room 603, Research Building (IP and Technology Transfer)', hours: weekdayEn },
  },
  finance: {
    phone: '0571-88001702',
    email: 'cwc@minghu.edu.cn',
    zh: { location: '行政楼1楼财务服务大厅', hours: '周一、三、五 8:30–11:30，14:00–16:30' },
    en: { location: 'Finance Service Hall, ground floor, Administration Building', hours: 'Monday, Wednesday and Friday, 8:30–11:30 and 14:00–16:30' },
  },
  housing: {
    phone: '0571-88001802',
    email: 'gyzx@minghu.edu.cn',
    zh: { location: '明湖苑服务中心（3号楼与5号楼之间）', hours: '每天 8:00–12:00，13:30–20:00' },
    en: { location: 'Minghu Residences Service Centre (between Buildings 3 and 5)', hours: 'Daily, 8:00–12:00 and 13:30–20:00' },
  },
  academicAffairs: {
    phone: '0571-88001902',
    email: 'jwc@minghu.edu.cn',
    zh: { location: '教学楼A座102室', hours: weekdayZh },
    en: { location: 'Room 102, Teaching Building A', hours: weekdayEn },
  },
  networkCentre: {
    phone: '0571-88002000',
    email: 'nic@minghu.edu.cn',
    zh: { location: '信息楼1楼服务台', hours: '工作日 8:00–17:30' },
    en: { location: 'Service Desk, ground floor, Information Building', hours: 'Weekdays 8:00–17:30' },
  },
  graduateSchool: {
    phone: '0571-88002102',
    email: 'yjsy@minghu.edu.cn',
    zh: { location: '研究生院楼203室', hours: weekdayZh },
    en: { location: 'Room 203, Graduate School Building', hours: weekdayEn },
  },
} satisfies Record<string, Desk>

function at(desk: Desk, lang: 'zh' | 'en'): Pick<GuideText, 'contact' | 'location' | 'hours'> {
  return { contact: { phone: desk.phone, email: desk.email }, ...desk[lang] }
}

const req = (name: string, note?: string) => (note === undefined ? { name, required: true } : { name, required: true, note })
const opt = (name: string, note?: string) => (note === undefined ? { name, required: false } : { name, required: false, note })
const step = (name: string, handler: string) => ({ name, handler })

// ------------------------------------------------------------------------------------------

export const services: readonly ServiceSeed[] = [
  // ================================================================ organisation
  {
    code: 'cadre-leave',
    nameZh: '处级及以上干部外出请假报备',
    nameEn: 'Leave report for senior cadres travelling',
    summaryZh: '处级及以上干部离开学校所在城市外出（出差、因私外出、休假）前，向党委组织部报备行程。',
    summaryEn: 'Division-level and senior cadres report any trip away from the city – business, private or holiday – to the Organisation Department before they leave.',
    keywordsZh: ['干部请假', '外出报备', '请假报备', '出差报备', '处级干部', '离校外出', '休假'],
    keywordsEn: ['cadre leave', 'travel report', 'absence report', 'business trip', 'out of office', 'holiday', 'leave'],
    categoryCode: 'personnel-admin',
    ownerDepartmentCode: 'organisation',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 2,
    // No noneInProgress: a cadre may report next week's trip while this week's is still open.
    eligibility: [{ type: 'kind', kinds: ['staff'] }, { type: 'cadre' }],
    guide: {
      zh: {
        conditions: [
          '本校处级及以上领导干部（含副处级）',
          '离开学校所在城市外出 1 天及以上，含公务出差、因私外出和休假',
          '单位主要负责人外出期间须指定主持工作的负责人',
          '须在出发前至少 1 个工作日报备；突发情况可在离开后 24 小时内补报',
        ],
        materials: [
          req('外出行程安排', '写明目的地、起止日期和事由'),
          req('工作交接安排', '写明外出期间主持工作的负责人'),
          opt('会议通知或出差审批单', '公务外出时提供'),
        ],
        steps: [
          step('所在单位主要负责人审核', '所在单位党政主要负责人'),
          step('党委组织部备案', '党委组织部干部科'),
          step('分管校领导审批（正处级干部外出超过3天）', '分管校领导'),
        ],
        fees: '无',
        ...at(desks.organisation, 'zh'),
        notes: ['出国（境）须另行办理因公或因私出国（境）手续，本报备不能替代。'],
      },
      en: {
        conditions: [
          'You are a division-level cadre or above (deputy division level included).',
          'You will be away from the city for a day or more – on business, privately or on holiday.',
          'If you head your unit, you have named who is in charge while you are away.',
          'Report at least one working day before you leave; in an emergency, within 24 hours of leaving.',
        ],
        materials: [
          req('Travel plan', 'Destination, dates and purpose'),
          req('Cover arrangements', 'Who is in charge while you are away'),
          opt('Meeting invitation or approved business-trip form', 'For business trips'),
        ],
        steps: [
          step('Review by the head of your unit', 'Head or party secretary of your unit'),
          step('Recorded by the Organisation Department', 'Cadre Section, Organisation Department'),
          step('Approval by the university leader in charge (heads of unit, trips over 3 days)', 'University leader in charge'),
        ],
        fees: 'None',
        ...at(desks.organisation, 'en'),
        notes: ['Travel abroad needs its own approval (official or private travel abroad); this report does not replace it.'],
      },
    },
  },

  // ================================================================ hr
  {
    code: 'staff-travel-abroad',
    nameZh: '在职教职工因私出国(境)申请及办理',
    nameEn: 'Staff private travel abroad',
    summaryZh: '在职教职工因私出国（境）（旅游、探亲、访友等）的审批，以及由学校保管的护照、通行证的领取与交回。',
    summaryEn: 'Approval for staff travelling abroad – including Hong Kong, Macao and Taiwan – for private reasons, and checking out and returning the passport the university keeps for you.',
    keywordsZh: ['因私出国', '因私出境', '出国旅游', '探亲', '护照', '港澳通行证', '台湾通行证', '证件领取'],
    keywordsEn: ['private travel', 'travel abroad', 'holiday abroad', 'visiting family', 'passport', 'Hong Kong', 'Macao', 'exit permit'],
    categoryCode: 'travel-abroad',
    ownerDepartmentCode: 'hr',
    audience: ['staff'],
    mode: 'hybrid',
    timeLimitDays: 7,
    eligibility: [{ type: 'kind', kinds: ['staff'] }, { type: 'noneInProgress' }],
    guide: {
      zh: {
        conditions: [
          '本校在职教职工（含合同制人员）',
          '出行时间不与教学、考试等工作冲突，已安排好工作交接',
          '处级及以上干部须同时经党委组织部审批',
          '单次因私出国（境）一般不超过 30 天',
        ],
        materials: [
          req('行程单', '写明国家或地区、起止日期和事由'),
          opt('护照或港澳台通行证首页复印件', '首次申领证件的可不提供'),
          opt('调课证明', '学期中出行且承担教学任务的，由学院教学办出具'),
        ],
        steps: [
          step('所在单位审核', '所在单位负责人'),
          step('人事处审批', '人事处'),
          step('党委组织部审批（处级及以上干部）', '党委组织部'),
          step('领取证件（线下）', '人事处证件管理岗'),
        ],
        fees: '无',
        ...at(desks.hr, 'zh'),
        notes: ['回国（境）后 10 个工作日内须将证件交回人事处。'],
      },
      en: {
        conditions: [
          'You are a member of staff in post (contract staff included).',
          'The trip does not clash with your teaching or exams, and your work is covered while you are away.',
          'Division-level cadres and above also need the approval of the Organisation Department.',
          'A private trip abroad normally lasts no more than 30 days.',
        ],
        materials: [
          req('Itinerary', 'Countries or regions, dates and purpose'),
          opt('Copy of the photo page of your passport or travel permit', 'Not needed if you are applying for your first one'),
          opt('Class rescheduling confirmation', 'If you teach and travel during term; issued by your college'),
        ],
        steps: [
          step('Review by your unit', 'Head of your unit'),
          step('Approval by Human Resources', 'Human Resources Office'),
          step('Approval by the Organisation Department (cadres only)', 'Organisation Department'),
          step('Collect your passport (in person)', 'Travel documents desk, Human Resources'),
        ],
        fees: 'None',
        ...at(desks.hr, 'en'),
        notes: ['Return your passport or permit to Human Resources within 10 working days of coming back.'],
      },
    },
  },

  // ================================================================ international
  {
    code: 'student-travel-documents',
    nameZh: '在校生申请因私出国(境)证件',
    nameEn: 'Student private travel documents',
    summaryZh: '在校学生因私出国（境）（旅游、探亲、短期交流等），申请学校出具同意证明，用于办理护照、通行证或签证。',
    summaryEn: 'Students travelling abroad privately – a holiday, a family visit, a short programme – get the university letter they need for a passport, a travel permit or a visa.',
    keywordsZh: ['出国证明', '护照办理', '签证', '港澳通行证', '出境', '学生出国', '寒暑假出国', '同意函'],
    keywordsEn: ['passport', 'visa letter', 'student travel', 'travel permit', 'travel abroad', 'holiday abroad', 'consent letter', 'no objection letter'],
    categoryCode: 'travel-abroad',
    ownerDepartmentCode: 'international',
    audience: ['undergraduate', 'graduate'],
    mode: 'hybrid',
    timeLimitDays: 5,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate', 'graduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读本科生、研究生',
          '原则上在寒暑假出行，学期中出行不得影响课程和考试',
          '本科生须取得监护人知情同意，研究生须经导师同意',
          '本服务不适用于国家公派、校际交换等项目',
        ],
        materials: [
          req('出行计划', '写明国家或地区、起止日期和事由'),
          opt('监护人知情同意书', '本科生必须提供'),
          opt('邀请函或录取通知', '参加短期交流项目时提供'),
        ],
        steps: [
          step('辅导员审核（研究生为导师审核）', '辅导员 / 导师'),
          step('学院审批', '学院党委副书记'),
          step('国际交流处审核并出具证明', '国际交流处出入境管理科'),
        ],
        fees: '无',
        ...at(desks.international, 'zh'),
        notes: ['电子证明可直接下载；如需纸质原件，审批通过后凭校园卡到国际交流处领取。', '证明自开具之日起 30 天内有效。'],
      },
      en: {
        conditions: [
          'You are an enrolled undergraduate or graduate student.',
          'You travel during the winter or summer break; a trip in term time must not make you miss classes or exams.',
          "Undergraduates need a parent's or guardian's consent; graduate students need their supervisor's.",
          'Government-sponsored and exchange programmes are handled separately, not here.',
        ],
        materials: [
          req('Travel plan', 'Countries or regions, dates and purpose'),
          opt("Parent's or guardian's consent", 'Required for undergraduates'),
          opt('Invitation or admission letter', 'If you are joining a short programme'),
        ],
        steps: [
          step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
          step('Approval by your college', 'College deputy party secretary'),
          step('Letter issued by the International Office', 'Travel Documents, International Office'),
        ],
        fees: 'None',
        ...at(desks.international, 'en'),
        notes: [
          'Download the electronic letter, or collect a stamped paper copy at the International Office with your campus card.',
          'The letter is valid for 30 days from the date of issue.',
        ],
      },
    },
  },

  // ================================================================ president-office
  {
    code: 'intro-letter',
    nameZh: '开具介绍信申请',
    nameEn: 'Letter of introduction',
    summaryZh: '教职工因公务需以学校名义对外联系工作时，申请开具学校介绍信。',
    summaryEn: 'Staff who must contact another organisation on the university’s behalf ask for an official letter of introduction.',
    keywordsZh: ['介绍信', '公函', '学校介绍信', '开证明', '单位证明', '盖章', '用印'],
    keywordsEn: ['letter of introduction', 'introduction letter', 'official letter', 'university letter', 'stamp', 'seal', 'certificate'],
    categoryCode: 'personnel-admin',
    ownerDepartmentCode: 'president-office',
    audience: ['staff'],
    mode: 'hybrid',
    timeLimitDays: 2,
    // No noneInProgress: one person may need letters to several organisations at once.
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '本校在职教职工，因公务需要对外联系工作',
          '事由属于学校职责范围，个人事务不予开具',
          '所在单位负责人同意',
          '介绍信有效期一般不超过 30 天',
        ],
        materials: [req('事由说明', '写明前往单位、联系人、事由和日期'), opt('相关公函或会议通知')],
        steps: [step('所在单位负责人审核', '所在单位负责人'), step('校长办公室审核并开具', '校长办公室机要室')],
        fees: '无',
        ...at(desks.presidentOffice, 'zh'),
        notes: ['可选择电子介绍信（加盖电子印章）或到校长办公室领取纸质介绍信。', '学生需要证明的，请使用“在读证明开具”或联系所在学院。'],
      },
      en: {
        conditions: [
          'You are a member of staff and need to contact another organisation on official business.',
          'The matter is university business; letters are not issued for private matters.',
          'The head of your unit agrees.',
          'A letter is normally valid for up to 30 days.',
        ],
        materials: [req('Purpose', 'The organisation, contact person, purpose and dates'), opt('Related official letter or meeting notice')],
        steps: [step('Review by the head of your unit', 'Head of your unit'), step("Letter issued by the President's Office", "Records and Seals, President's Office")],
        fees: 'None',
        ...at(desks.presidentOffice, 'en'),
        notes: [
          "Choose an electronic letter with the university's e-seal, or collect a paper letter at the President's Office.",
          'Students who need a letter should use “Certificate of enrolment” or ask their college.',
        ],
      },
    },
  },

  // ================================================================ youth-league
  {
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
        steps: [
          step('指导老师审核', '社团指导老师'),
          step('校团委审批', '校团委社团部'),
          step('活动中心安排场地', '大学生活动中心管理办公室'),
        ],
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
  },

  // ================================================================ student-affairs
  {
    code: 'work-study',
    nameZh: '本科生勤工助学申请',
    nameEn: 'Undergraduate work-study',
    summaryZh: '本科生申请校内勤工助学岗位，学院推荐后由学生工作处统一安排上岗。',
    summaryEn: 'Undergraduates apply for a paid part-time job on campus; the college recommends you and Student Affairs assigns the post.',
    keywordsZh: ['勤工助学', '勤工俭学', '校内兼职', '助管', '助学岗位', '兼职', '打工', '资助'],
    keywordsEn: ['work-study', 'part-time job', 'campus job', 'student assistant', 'financial aid', 'earn money', 'student job'],
    categoryCode: 'awards-aid',
    ownerDepartmentCode: 'student-affairs',
    audience: ['undergraduate'],
    mode: 'online',
    timeLimitDays: 10,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校全日制在读本科生',
          '经认定的家庭经济困难学生优先安排',
          '上学期无不及格课程，未受纪律处分',
          '每周勤工助学时间不超过 8 小时，不影响正常学习',
        ],
        materials: [
          req('勤工助学申请表', '系统根据学工系统数据自动生成，核对后提交'),
          opt('个人特长说明', '如计算机、外语、文字写作等'),
          opt('家庭经济困难认定结果', '已认定的由学工系统自动带出，无需上传'),
        ],
        steps: [
          step('辅导员审核', '辅导员'),
          step('学院推荐', '学院党委副书记'),
          step('学生工作处审核并安排岗位', '学生工作处学生资助管理中心'),
        ],
        fees: '无',
        ...at(desks.studentAffairs, 'zh'),
        notes: ['报酬按实际工时计算，每月发放至本人银行卡。'],
      },
      en: {
        conditions: [
          'You are a full-time undergraduate in school.',
          'Students assessed as in financial need are placed first.',
          'You failed no course last term and have no disciplinary record.',
          'You work no more than 8 hours a week, so that your studies come first.',
        ],
        materials: [
          req('Work-study application form', 'Filled in from the student affairs system; check it and submit'),
          opt('Your skills', 'For example IT, languages or writing'),
          opt('Financial need assessment', 'Added automatically if you have one'),
        ],
        steps: [
          step('Review by your counsellor', 'Counsellor'),
          step('Recommendation by your college', 'College deputy party secretary'),
          step('Post assigned by Student Affairs', 'Student Financial Aid Centre, Student Affairs'),
        ],
        fees: 'None',
        ...at(desks.studentAffairs, 'en'),
        notes: ['You are paid by the hour, monthly, into your own bank card.'],
      },
    },
  },
  {
    code: 'student-id-replacement',
    nameZh: '本科生学生证补办',
    nameEn: 'Student ID card replacement',
    summaryZh: '本科生学生证遗失、损坏或信息有误时申请补办，新证到学生事务服务中心领取。',
    summaryEn: 'Undergraduates replace a lost, damaged or wrong student ID card and collect the new one at the Student Services Centre.',
    keywordsZh: ['学生证', '补办学生证', '学生证丢失', '学生证损坏', '火车票优惠', '乘车区间', '证件补办'],
    keywordsEn: ['student ID', 'student card', 'lost ID', 'replacement card', 'railway discount', 'student identity card', 'damaged card'],
    categoryCode: 'study',
    ownerDepartmentCode: 'student-affairs',
    audience: ['undergraduate'],
    mode: 'hybrid',
    timeLimitDays: 5,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读本科生，学生证遗失、损坏或信息有误',
          '本学期已报到注册',
          '同一学年补办一般不超过 1 次',
        ],
        materials: [
          req('近期一寸免冠证件照', '白底，JPG 格式，不超过 200KB'),
          opt('原学生证', '损坏换证的，领取新证时交回'),
        ],
        steps: [
          step('辅导员审核', '辅导员'),
          step('学生工作处制证', '学生工作处学生事务管理科'),
          step('本人领取（线下）', '学生事务服务中心'),
        ],
        fees: '20元（领证时缴纳，可用校园卡或扫码支付）',
        ...at(desks.studentAffairs, 'zh'),
        notes: ['火车票优惠乘车区间按家庭住址填写；需要变更的，请在申请中说明。'],
      },
      en: {
        conditions: [
          'You are an undergraduate in school and your student ID card is lost, damaged or wrong.',
          'You have registered for this term.',
          'A card is normally replaced no more than once a school year.',
        ],
        materials: [
          req('Recent passport-size photo', 'White background, JPG, up to 200 KB'),
          opt('Your old card', 'If it is damaged, hand it in when you collect the new one'),
        ],
        steps: [
          step('Review by your counsellor', 'Counsellor'),
          step('Card made by Student Affairs', 'Student Services, Student Affairs'),
          step('Collect the card in person', 'Student Services Centre'),
        ],
        fees: 'CNY 20, paid when you collect the card (campus card or QR code)',
        ...at(desks.studentAffairs, 'en'),
        notes: ['The rail discount route on the card follows your home address; say so in the application if it should change.'],
      },
    },
  },
  {
    code: 'undergrad-leave',
    nameZh: '本科生请销假',
    nameEn: 'Undergraduate leave request and return',
    summaryZh: '本科生因病、因事离校请假，返校后在线销假。',
    summaryEn: 'Undergraduates ask for leave from classes and campus – for illness or personal matters – and report back online when they return.',
    keywordsZh: ['请假', '销假', '请销假', '病假', '事假', '离校请假', '假条', '返校'],
    keywordsEn: ['leave', 'leave of absence', 'sick leave', 'personal leave', 'absence', 'return from leave', 'excused absence', 'time off'],
    categoryCode: 'study',
    ownerDepartmentCode: 'student-affairs',
    audience: ['undergraduate'],
    mode: 'online',
    timeLimitDays: 2,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读本科生',
          '请假 3 天以内由辅导员审批；超过 3 天须学院副书记审批；超过 7 天报学生工作处备案',
          '病假须提供医院证明，事假须写明事由',
          '返校后 1 个工作日内在线销假',
        ],
        materials: [
          req('请假事由', '写明起止时间、去向和联系方式'),
          opt('医院诊断证明', '病假必须提供'),
          opt('家长知情确认', '请假超过 3 天时提供'),
        ],
        steps: [
          step('辅导员审核', '辅导员'),
          step('学院副书记审批（超过3天）', '学院党委副书记'),
          step('学生工作处备案（超过7天）', '学生工作处'),
          step('返校销假', '辅导员'),
        ],
        fees: '无',
        ...at(desks.studentAffairs, 'zh'),
        notes: ['请假期间的课程请另行告知任课教师；请假不等于缓考，缓考请使用“缓考申请”。'],
      },
      en: {
        conditions: [
          'You are an undergraduate in school.',
          'Your counsellor approves up to 3 days; longer leave also needs the college deputy party secretary, and over 7 days Student Affairs is informed.',
          'Sick leave needs a medical certificate; personal leave needs a reason.',
          'Report back online within one working day of returning.',
        ],
        materials: [
          req('Reason for leave', 'Dates, where you will be and how to reach you'),
          opt('Medical certificate', 'Required for sick leave'),
          opt("Parent's acknowledgement", 'For leave of more than 3 days'),
        ],
        steps: [
          step('Review by your counsellor', 'Counsellor'),
          step('Approval by the college (over 3 days)', 'College deputy party secretary'),
          step('Recorded by Student Affairs (over 7 days)', 'Student Affairs Office'),
          step('Report back on return', 'Counsellor'),
        ],
        fees: 'None',
        ...at(desks.studentAffairs, 'en'),
        notes: ['Tell your teachers about the classes you miss. Leave does not defer an exam: use “Exam deferral” for that.'],
      },
    },
  },
  {
    code: 'badge-replacement',
    nameZh: '本科生补办校徽申请',
    nameEn: 'School badge replacement',
    summaryZh: '本科生校徽遗失或损坏后申请补办。',
    summaryEn: 'Undergraduates replace a lost or damaged university badge.',
    keywordsZh: ['校徽', '补办校徽', '校徽丢失', '学生校徽', '徽章'],
    keywordsEn: ['badge', 'school badge', 'university badge', 'lost badge', 'pin'],
    categoryCode: 'study',
    ownerDepartmentCode: 'student-affairs',
    audience: ['undergraduate'],
    mode: 'hybrid',
    timeLimitDays: 3,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: ['本校在读本科生', '校徽遗失或损坏', '每学年限补办 1 枚'],
        materials: [req('补办说明', '简要说明遗失或损坏情况')],
        steps: [step('学生工作处审核', '学生工作处学生事务管理科'), step('本人领取（线下）', '学生事务服务中心')],
        fees: '10元/枚（领取时缴纳）',
        ...at(desks.studentAffairs, 'zh'),
      },
      en: {
        conditions: ['You are an undergraduate in school.', 'Your badge is lost or damaged.', 'One replacement per school year.'],
        materials: [req('What happened', 'A line on how the badge was lost or damaged')],
        steps: [step('Review by Student Affairs', 'Student Services, Student Affairs'), step('Collect the badge in person', 'Student Services Centre')],
        fees: 'CNY 10 per badge, paid on collection',
        ...at(desks.studentAffairs, 'en'),
      },
    },
  },
  {
    code: 'undergrad-scholarship',
    nameZh: '本科生奖学金申请',
    nameEn: 'Undergraduate scholarship',
    summaryZh: '本科生申请学校奖学金（学业优秀、专项、社会捐赠等），学院评审公示后由学生工作处审定。',
    summaryEn: 'Undergraduates apply for university scholarships – for academic merit, special achievements or from donors; the college assesses and publishes the results, and Student Affairs confirms them.',
    keywordsZh: ['奖学金', '评奖评优', '学业奖学金', '国家奖学金', '励志奖学金', '评优', '奖励'],
    keywordsEn: ['scholarship', 'award', 'merit scholarship', 'prize', 'national scholarship', 'grant', 'bursary'],
    categoryCode: 'awards-aid',
    ownerDepartmentCode: 'student-affairs',
    audience: ['undergraduate'],
    mode: 'online',
    timeLimitDays: 15,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读本科生（一年级新生自第二学期起可申请）',
          '上一学年学业成绩和综合测评排名达到所申请奖项的要求',
          '无不及格课程，未受任何纪律处分',
          '同一学年内同一级别的奖学金不可兼得',
        ],
        materials: [
          req('奖学金申请表', '成绩和综合测评由教务系统、学工系统自动带出'),
          req('个人陈述', '不超过 800 字'),
          opt('获奖证书、科研成果等证明材料'),
        ],
        steps: [
          step('辅导员初审', '辅导员'),
          step('学院评审并公示', '学院奖助学金评审小组'),
          step('学生工作处审定', '学生工作处学生资助管理中心'),
        ],
        fees: '无',
        ...at(desks.studentAffairs, 'zh'),
        notes: ['每年 9 月至 10 月集中受理，其余时间只受理专项奖学金。'],
      },
      en: {
        conditions: [
          'You are an undergraduate in school (first-year students from their second term).',
          "Last year's grades and overall assessment ranking meet the requirements of the award.",
          'You failed no course and have no disciplinary record.',
          'You cannot hold two scholarships of the same level in one school year.',
        ],
        materials: [
          req('Scholarship application form', 'Grades and rankings are filled in from the academic and student affairs systems'),
          req('Personal statement', 'Up to 800 Chinese characters or 500 words'),
          opt('Certificates of prizes, publications or other achievements'),
        ],
        steps: [
          step('First review by your counsellor', 'Counsellor'),
          step('Assessment and public notice by your college', 'College scholarship committee'),
          step('Confirmed by Student Affairs', 'Student Financial Aid Centre, Student Affairs'),
        ],
        fees: 'None',
        ...at(desks.studentAffairs, 'en'),
        notes: ['The main round runs in September and October; at other times only special scholarships are open.'],
      },
    },
  },

  // ================================================================ research
  {
    code: 'patent-agency',
    nameZh: '专利代理委托书',
    nameEn: 'Patent agency authorisation',
    summaryZh: '发明人申请专利前，经科学技术研究院审核，以学校名义签署专利代理委托书，委托合作代理机构办理专利申请。',
    summaryEn: 'Before a patent is filed, the Research Institute reviews the invention and signs, for the university, the authorisation that instructs one of its contracted patent agencies.',
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
        materials: [
          req('技术交底书', '按代理机构模板填写'),
          req('费用承担说明', '写明支付费用的科研项目编号'),
          opt('查新检索报告'),
        ],
        steps: [
          step('学院科研秘书审核', '学院科研秘书'),
          step('科学技术研究院审核并签署委托书', '科学技术研究院知识产权与成果转化办公室'),
        ],
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
  },
  {
    code: 'software-copyright',
    nameZh: '计算机软件著作权登记申请',
    nameEn: 'Software copyright registration',
    summaryZh: '以明湖大学为著作权人，申请计算机软件著作权登记。',
    summaryEn: 'Register the copyright of a computer program with the university as the copyright holder.',
    keywordsZh: ['软著', '软件著作权', '著作权登记', '版权', '计算机软件', '软件登记'],
    keywordsEn: ['software copyright', 'copyright registration', 'program copyright', 'software registration', 'IP', 'intellectual property'],
    categoryCode: 'research',
    ownerDepartmentCode: 'research',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 10,
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '申请人为本校在职教职工，软件为职务作品（学生参与开发的由指导教师申请）',
          '著作权人为明湖大学',
          '软件已开发完成并可正常运行',
          '同一软件同一版本未曾登记',
        ],
        materials: [
          req('软件说明书或用户手册', '前后各 30 页'),
          req('源程序', '前后各 30 页，每页不少于 50 行'),
          req('开发完成情况说明', '写明开发完成日期和首次发表日期'),
        ],
        steps: [
          step('学院科研秘书审核', '学院科研秘书'),
          step('科学技术研究院审核并盖章', '科学技术研究院知识产权与成果转化办公室'),
          step('提交登记机构', '科学技术研究院知识产权与成果转化办公室'),
        ],
        fees: '学校不收费；登记费用由科研项目经费支付',
        ...at(desks.research, 'zh'),
      },
      en: {
        conditions: [
          'You are a member of staff and the program was written as part of your work (student work is registered by the supervisor).',
          'The university is the copyright holder.',
          'The program is finished and runs.',
          'This version of the program has not been registered before.',
        ],
        materials: [
          req('Manual or user guide', 'First and last 30 pages'),
          req('Source code', 'First and last 30 pages, at least 50 lines a page'),
          req('Completion statement', 'Date of completion and of first publication'),
        ],
        steps: [
          step("Review by your college's research secretary", 'College research secretary'),
          step('Review and seal by the Research Institute', 'IP and Technology Transfer Office, Research Institute'),
          step('Filed with the registration authority', 'IP and Technology Transfer Office, Research Institute'),
        ],
        fees: 'No university fee; registration costs are paid from research funds',
        ...at(desks.research, 'en'),
      },
    },
  },
  {
    code: 'tech-transfer-intent',
    nameZh: '科技成果转让转移实施意向申请',
    nameEn: 'Technology transfer: intent',
    summaryZh: '科技成果拟转让、许可或作价投资时，成果完成人提交实施意向，审核通过后在校内公示。',
    summaryEn: 'Inventors who plan to sell, license or invest a research result submit their intent; once reviewed it is published on campus before negotiations go ahead.',
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
        steps: [
          step('学院审核', '学院负责人'),
          step('科学技术研究院审核', '科学技术研究院知识产权与成果转化办公室'),
          step('校内公示（15天）', '科学技术研究院'),
        ],
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
  },
  {
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
        materials: [
          req('合同文本', '可编辑的电子版'),
          req('收益分配方案', '全体完成人签字'),
          opt('公示无异议证明', '系统自动关联意向申请，一般无需上传'),
        ],
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
  },

  // ================================================================ finance
  {
    code: 'vertical-project-finance',
    nameZh: '纵向项目财务明细查询申请',
    nameEn: 'Government-funded project finance detail',
    summaryZh: '纵向科研项目负责人申请查询项目经费收支明细，用于预算调整、中期检查或结题审计。',
    summaryEn: 'Principal investigators of government-funded projects ask for a detailed statement of income and spending – for a budget change, a mid-term review or the final audit.',
    keywordsZh: ['纵向项目', '经费查询', '财务明细', '科研经费', '项目经费', '结题审计', '国家基金', '经费明细'],
    keywordsEn: ['project finance', 'research funds', 'grant statement', 'expenditure detail', 'government-funded project', 'audit', 'budget', 'NSFC'],
    categoryCode: 'finance',
    ownerDepartmentCode: 'finance',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 3,
    // No noneInProgress: a PI with several projects asks for each separately.
    eligibility: [
      { type: 'kind', kinds: ['staff'] },
      { type: 'hasResearchProject', kind: 'vertical' },
    ],
    guide: {
      zh: {
        conditions: [
          '申请人为本校在研纵向科研项目的负责人，或其书面授权的项目组成员',
          '只能查询本人负责的项目',
          '项目已在科研管理系统登记，经费已到账',
        ],
        materials: [req('查询用途', '如预算调整、中期检查、结题审计'), opt('授权书', '项目组成员代为查询时提供')],
        steps: [
          step('科学技术研究院核对项目信息', '科学技术研究院'),
          step('财务处出具明细', '财务处科研经费科'),
        ],
        fees: '无',
        ...at(desks.finance, 'zh'),
        notes: ['项目信息来自科研管理系统，如有错误请先联系科学技术研究院更正。'],
      },
      en: {
        conditions: [
          "You lead a current government-funded research project, or a member of its team with the leader's written authorisation.",
          'You can see only the projects you lead.',
          'The project is registered in the research management system and its funds have arrived.',
        ],
        materials: [req('Purpose', 'For example a budget change, a mid-term review or the final audit'), opt('Authorisation', "If you ask on the leader's behalf")],
        steps: [
          step('Project checked by the Research Institute', 'Research Institute'),
          step('Statement issued by the Finance Office', 'Research Funds Section, Finance Office'),
        ],
        fees: 'None',
        ...at(desks.finance, 'en'),
        notes: ['Project details come from the research management system: ask the Research Institute to correct them there.'],
      },
    },
  },
  {
    code: 'tuition-bank-card',
    nameZh: '学费住宿费缴纳银行卡变更登记',
    nameEn: 'Change of bank card for tuition',
    summaryZh: '学生变更用于代扣学费、住宿费的银行卡。',
    summaryEn: 'Students change the bank card from which tuition and accommodation fees are collected.',
    keywordsZh: ['银行卡', '学费', '住宿费', '代扣', '换卡', '缴费卡', '银行卡变更', '扣款'],
    keywordsEn: ['bank card', 'tuition', 'fees', 'direct debit', 'change card', 'payment card', 'accommodation fee', 'bank account'],
    categoryCode: 'finance',
    ownerDepartmentCode: 'finance',
    audience: ['undergraduate', 'graduate', 'international'],
    mode: 'online',
    timeLimitDays: 5,
    eligibility: [
      { type: 'kind', kinds: ['undergraduate', 'graduate', 'international'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读学生（含留学生）',
          '新卡须为学生本人名下的借记卡',
          '每学期缴费期（9 月、2 月）开始前 15 天内暂停变更',
        ],
        materials: [req('新银行卡正面照片'), req('身份证或护照照片', '用于核对户名')],
        steps: [step('财务处审核', '财务处收费科'), step('银行代扣签约确认', '财务处收费科、合作银行')],
        fees: '无',
        ...at(desks.finance, 'zh'),
        notes: ['变更完成前的扣款仍从原银行卡扣除。'],
      },
      en: {
        conditions: [
          'You are a student in school (international students included).',
          'The new card is a debit card in your own name.',
          'Changes are paused for the 15 days before each payment period (September and February).',
        ],
        materials: [req('Photo of the front of the new card'), req('Photo of your ID card or passport', 'To check the account name')],
        steps: [step('Review by the Finance Office', 'Fees Section, Finance Office'), step('Direct debit set up with the bank', 'Fees Section and the partner bank')],
        fees: 'None',
        ...at(desks.finance, 'en'),
        notes: ['Until the change is complete, fees are still collected from your old card.'],
      },
    },
  },

  // ================================================================ housing
  {
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
        materials: [
          req('调整理由'),
          opt('互换同学的确认', '互换床位时由对方同学在线确认'),
          opt('医院证明', '因健康原因申请时提供'),
        ],
        steps: [
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
          step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
          step('Approval by your college', 'College deputy party secretary'),
          step('New room allocated', 'Room Allocation, Student Housing Centre'),
        ],
        fees: 'None; if the new room costs more or less, the difference is charged or refunded',
        ...at(desks.housing, 'en'),
        notes: ['Within 3 days of approval, hand over your keys and check in at the Minghu Residences Service Centre.'],
      },
    },
  },
  {
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
        materials: [
          req('校外住宿理由'),
          req('租房合同或住址证明'),
          req('校外住宿安全承诺书', '下载模板，签字后上传'),
          opt('家长同意书', '本科生必须提供'),
        ],
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
  },
  {
    code: 'graduate-extended-stay',
    nameZh: '毕业生延期住宿申请',
    nameEn: 'Graduate extended stay',
    summaryZh: '应届毕业生因就业、升学、答辩等原因，申请在规定离校日期后延期住宿。',
    summaryEn: 'Graduating students who must stay on after the leaving date – to start a job, for further study, or for a late thesis defence – ask to keep their room for a while.',
    keywordsZh: ['延期住宿', '毕业延住', '延住', '毕业生住宿', '暑期住宿', '留宿', '延期离校'],
    keywordsEn: ['extended stay', 'stay after graduation', 'graduate housing', 'summer stay', 'keep my room', 'extension', 'late check-out'],
    categoryCode: 'life-housing',
    ownerDepartmentCode: 'housing',
    audience: ['undergraduate', 'graduate', 'international'],
    mode: 'online',
    timeLimitDays: 5,
    // 12 months rather than 6: housing plans the summer's rooms in the spring, so graduates apply early.
    eligibility: [
      { type: 'kind', kinds: ['undergraduate', 'graduate', 'international'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'graduatingWithin', months: 12 },
      { type: 'hasDormitory' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校应届毕业生（本科生、研究生、留学生），已分配学校宿舍',
          '因办理就业、升学手续或论文答辩延期等确有需要',
          '延住一般不超过 30 天，最晚至当年 8 月 31 日',
          '按天缴纳延住期间的住宿费',
        ],
        materials: [req('延住理由', '写明预计退宿日期'), opt('就业协议、录取通知或答辩安排')],
        steps: [
          step('辅导员审核（研究生为导师审核）', '辅导员 / 导师'),
          step('学院审批', '学院党委副书记'),
          step('后勤公寓管理中心安排', '后勤公寓管理中心住宿调配科'),
        ],
        fees: '15元/人/天，退宿时结清',
        ...at(desks.housing, 'zh'),
        notes: ['暑期可能统一调整到集中住宿楼，届时另行通知。'],
      },
      en: {
        conditions: [
          'You graduate this year (undergraduate, graduate or international student) and have a room on campus.',
          'You really need to stay – for job or admission paperwork, or a postponed thesis defence.',
          'An extended stay is normally up to 30 days, and ends on 31 August at the latest.',
          'You pay for the extra nights.',
        ],
        materials: [req('Reason', 'And the date you expect to move out'), opt('Job contract, admission letter or defence schedule')],
        steps: [
          step('Review by your counsellor (graduate students: your supervisor)', 'Counsellor / supervisor'),
          step('Approval by your college', 'College deputy party secretary'),
          step('Room arranged by Student Housing', 'Room Allocation, Student Housing Centre'),
        ],
        fees: 'CNY 15 a night, settled when you move out',
        ...at(desks.housing, 'en'),
        notes: ['Over the summer you may be moved to a shared building; you will be told in advance.'],
      },
    },
  },

  // ================================================================ academic-affairs
  {
    code: 'exam-deferral',
    nameZh: '缓考申请',
    nameEn: 'Exam deferral',
    summaryZh: '本科生因病或其他特殊原因不能参加期末考试，申请缓考。',
    summaryEn: 'Undergraduates who cannot sit an end-of-term exam because of illness or another serious reason ask to take it later.',
    keywordsZh: ['缓考', '推迟考试', '考试延期', '补考', '生病考试', '缺考', '期末考试'],
    keywordsEn: ['exam deferral', 'defer exam', 'postpone exam', 'missed exam', 'sick on exam day', 'resit', 'final exam'],
    categoryCode: 'study',
    ownerDepartmentCode: 'academic-affairs',
    audience: ['undergraduate'],
    mode: 'online',
    timeLimitDays: 3,
    // No noneInProgress: one application per course, and a student may defer several.
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读本科生，已正常选修该课程',
          '因病、直系亲属重大变故或承担学校指派任务等原因不能参加考试',
          '原则上在考试开始前申请；突发情况须在考试后 3 个工作日内补办',
          '一门课程提交一份申请',
        ],
        materials: [req('缓考原因'), req('证明材料', '如医院诊断证明、学校任务通知')],
        steps: [
          step('任课教师确认', '课程任课教师'),
          step('学院审批', '学院教学副院长'),
          step('教务处备案', '教务处考试中心'),
        ],
        fees: '无',
        ...at(desks.academicAffairs, 'zh'),
        notes: ['缓考在下学期开学初的补考时段进行，成绩按正常考试记载。'],
      },
      en: {
        conditions: [
          'You are an undergraduate in school and are registered for the course.',
          'Illness, a serious family emergency or a university assignment keeps you from the exam.',
          'Apply before the exam; in an emergency, within 3 working days after it.',
          'One application per course.',
        ],
        materials: [req('Reason'), req('Evidence', 'Such as a medical certificate or the notice of your university assignment')],
        steps: [
          step("Confirmation by the course's teacher", 'Course teacher'),
          step('Approval by your college', 'Associate dean for teaching'),
          step('Recorded by Academic Affairs', 'Examinations Centre, Academic Affairs'),
        ],
        fees: 'None',
        ...at(desks.academicAffairs, 'en'),
        notes: ['Deferred exams are held with the resits at the start of next term, and graded as a normal exam.'],
      },
    },
  },
  {
    code: 'leaving-school',
    nameZh: '本科生离校申请',
    nameEn: 'Undergraduate leaving procedure',
    summaryZh: '本科毕业生在线办理离校手续：图书馆、财务处、公寓管理中心和学院同时审核，全部通过后领取毕业证书和学位证书。',
    summaryEn: 'Graduating undergraduates complete the leaving procedure online: the library, the Finance Office, Student Housing and your college clear you in parallel, then you collect your diploma and degree certificate.',
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
        conditions: [
          '本校应届本科毕业生，已取得毕业资格',
          '图书馆无未还图书、无欠费',
          '已结清学费、住宿费等各项费用',
          '已退宿，宿舍钥匙和公物已交还',
        ],
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
  },
  {
    code: 'enrolment-certificate',
    nameZh: '在读证明开具',
    nameEn: 'Certificate of enrolment',
    summaryZh: '本科生在线申请中文或英文在读证明，电子证明加盖教务处电子印章，可在线验证真伪。',
    summaryEn: "Undergraduates get a certificate of enrolment in Chinese or English, issued electronically with the Academic Affairs Office's e-seal and verifiable online.",
    keywordsZh: ['在读证明', '在校证明', '学籍证明', '证明开具', '英文在读证明', '签证证明', '开证明'],
    keywordsEn: ['certificate of enrolment', 'enrollment certificate', 'proof of enrolment', 'student status letter', 'visa letter', 'study certificate'],
    categoryCode: 'study',
    ownerDepartmentCode: 'academic-affairs',
    audience: ['undergraduate'],
    mode: 'online',
    timeLimitDays: 2,
    // No noneInProgress: a student may need certificates for several purposes at once.
    eligibility: [
      { type: 'kind', kinds: ['undergraduate'] },
      { type: 'studentStatus', status: 'enrolled' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读本科生（休学、保留学籍期间不予开具）',
          '证明内容以教务系统学籍信息为准',
          '每份证明写明用途，每学期一般不超过 5 份',
        ],
        materials: [req('用途', '如签证、实习、银行开户'), opt('对方指定格式', '有特定格式要求时上传')],
        steps: [step('教务处学籍科审核', '教务处学籍科'), step('生成电子证明', '系统自动')],
        fees: '无',
        ...at(desks.academicAffairs, 'zh'),
        notes: ['学籍信息有误的，请先联系教务处学籍科在教务系统中更正。'],
      },
      en: {
        conditions: [
          'You are an undergraduate in school (not while suspended or on a break from study).',
          'The certificate shows your status as the academic records system holds it.',
          'Give the purpose of each certificate; normally up to 5 a term.',
        ],
        materials: [req('Purpose', 'For example a visa, an internship or a bank account'), opt('Required format', 'If the other party wants a particular form')],
        steps: [step('Review by Student Records', 'Student Records, Academic Affairs'), step('Electronic certificate issued', 'Automatic')],
        fees: 'None',
        ...at(desks.academicAffairs, 'en'),
        notes: ['If your record is wrong, ask Student Records to correct it in the academic records system first.'],
      },
    },
  },

  // ================================================================ graduate-school
  {
    code: 'graduate-leave',
    nameZh: '研究生请销假',
    nameEn: 'Graduate leave request',
    summaryZh: '研究生因病、因事离校请假，返校后在线销假；导师、学院、研究生院按请假天数分级审批。',
    summaryEn: 'Graduate students ask for leave and report back online when they return; the supervisor, the college and the Graduate School approve according to its length.',
    keywordsZh: ['研究生请假', '请假', '销假', '请销假', '病假', '事假', '离校请假'],
    keywordsEn: ['graduate leave', 'leave request', 'sick leave', 'personal leave', 'absence', 'return from leave', 'time off'],
    categoryCode: 'study',
    ownerDepartmentCode: 'graduate-school',
    audience: ['graduate'],
    mode: 'online',
    timeLimitDays: 2,
    eligibility: [
      { type: 'kind', kinds: ['graduate'] },
      { type: 'studentStatus', status: 'enrolled' },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在读研究生',
          '请假 3 天以内由导师审批；超过 3 天须学院副书记审批；超过 7 天报研究生院备案',
          '已与导师商定请假期间的科研、助教等工作安排',
          '返校后 1 个工作日内在线销假',
        ],
        materials: [req('请假事由', '写明起止时间、去向和联系方式'), opt('医院诊断证明', '病假必须提供')],
        steps: [
          step('导师审核', '导师'),
          step('学院副书记审批（超过3天）', '学院党委副书记'),
          step('研究生院备案（超过7天）', '研究生院培养办公室'),
          step('返校销假', '导师'),
        ],
        fees: '无',
        ...at(desks.graduateSchool, 'zh'),
      },
      en: {
        conditions: [
          'You are a graduate student in school.',
          'Your supervisor approves up to 3 days; longer leave also needs the college deputy party secretary, and over 7 days the Graduate School is informed.',
          'You have agreed with your supervisor how your research and teaching-assistant work is covered.',
          'Report back online within one working day of returning.',
        ],
        materials: [req('Reason for leave', 'Dates, where you will be and how to reach you'), opt('Medical certificate', 'Required for sick leave')],
        steps: [
          step('Review by your supervisor', 'Supervisor'),
          step('Approval by the college (over 3 days)', 'College deputy party secretary'),
          step('Recorded by the Graduate School (over 7 days)', 'Graduate Education Office, Graduate School'),
          step('Report back on return', 'Supervisor'),
        ],
        fees: 'None',
        ...at(desks.graduateSchool, 'en'),
      },
    },
  },

  // ================================================================ network-centre
  {
    code: 'ip-address',
    nameZh: 'IP地址申请',
    nameEn: 'IP address',
    summaryZh: '为办公室、实验室的计算机或设备申请校园网固定 IP 地址。',
    summaryEn: 'Request a fixed campus-network IP address for a computer or device in an office or lab.',
    keywordsZh: ['IP地址', '固定IP', '静态IP', '上网', '网络接入', '有线网', '开通网络'],
    keywordsEn: ['IP address', 'static IP', 'fixed IP', 'network access', 'wired network', 'ethernet', 'connect a device'],
    categoryCode: 'network-it',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 3,
    // No noneInProgress: a lab may need addresses for new equipment while another request is open.
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '本校在职教职工，以所在单位名义申请',
          '设备位于学校办公、教学或科研场所',
          '设备已安装正版操作系统和防病毒软件，并及时更新补丁',
          '遵守校园网管理规定，不得私自转让、转接 IP 地址',
        ],
        materials: [req('设备信息', '设备类型、MAC 地址、房间号、信息点编号'), opt('单位负责人同意', '一次申请 5 个以上地址时提供')],
        steps: [
          step('单位网络管理员审核', '所在单位网络管理员'),
          step('网络与信息中心分配地址', '网络与信息中心网络运行部'),
        ],
        fees: '无',
        ...at(desks.networkCentre, 'zh'),
      },
      en: {
        conditions: [
          'You are a member of staff applying for your unit.',
          'The device is in a university office, classroom or lab.',
          'It runs a licensed operating system and antivirus software, and is kept up to date.',
          "You follow the campus network rules: an address may not be passed on or shared.",
        ],
        materials: [
          req('Device details', 'Type, MAC address, room and network socket number'),
          opt("Agreement of your unit's head", 'When asking for more than 5 addresses at once'),
        ],
        steps: [
          step("Review by your unit's network administrator", 'Network administrator of your unit'),
          step('Address assigned', 'Network Operations, Network and Information Centre'),
        ],
        fees: 'None',
        ...at(desks.networkCentre, 'en'),
      },
    },
  },
  {
    code: 'email-account',
    nameZh: '电子邮件办理申请',
    nameEn: 'E-mail account',
    summaryZh: '开通学校电子邮箱（个人邮箱或单位公共邮箱），或办理邮箱密码重置、扩容和注销。',
    summaryEn: "Open a university e-mail account – personal, or a unit's shared mailbox – or have one reset, enlarged or closed.",
    keywordsZh: ['邮箱', '电子邮件', '学校邮箱', '邮箱开通', '公共邮箱', '邮箱密码', '邮箱扩容', '注销邮箱'],
    keywordsEn: ['email', 'e-mail account', 'mailbox', 'university email', 'shared mailbox', 'email password', 'quota', 'close email'],
    categoryCode: 'network-it',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff', 'undergraduate', 'graduate', 'international'],
    mode: 'online',
    timeLimitDays: 2,
    eligibility: [
      { type: 'kind', kinds: ['staff', 'undergraduate', 'graduate', 'international'] },
      { type: 'noneInProgress' },
    ],
    guide: {
      zh: {
        conditions: [
          '本校在职教职工、在读学生（含留学生）',
          '每人限开通一个个人邮箱；单位公共邮箱由单位负责人申请并指定管理员',
          '邮箱用户名一般为姓名拼音，重名时自动加数字',
          '离职或毕业后，邮箱保留 6 个月',
        ],
        materials: [opt('邮箱用途', '申请单位公共邮箱时必填'), opt('期望的用户名')],
        steps: [
          step('所在单位负责人审核（仅单位公共邮箱）', '所在单位负责人'),
          step('网络与信息中心开通或办理', '网络与信息中心服务台'),
        ],
        fees: '无',
        ...at(desks.networkCentre, 'zh'),
        notes: ['开通后的初始密码通过短信发送到统一身份认证绑定的手机号。'],
      },
      en: {
        conditions: [
          'You are a member of staff or a student in school (international students included).',
          "One personal mailbox per person; a unit's shared mailbox is requested by the head of the unit, who names its administrator.",
          'The user name is normally your name in pinyin, with a number added if it is taken.',
          'Mailboxes are kept for 6 months after you leave or graduate.',
        ],
        materials: [opt('Purpose', "Required for a unit's shared mailbox"), opt('Preferred user name')],
        steps: [
          step("Review by your unit's head (shared mailboxes only)", 'Head of your unit'),
          step('Account opened or changed', 'Service Desk, Network and Information Centre'),
        ],
        fees: 'None',
        ...at(desks.networkCentre, 'en'),
        notes: ['The first password is sent by text message to the mobile number of your unified login account.'],
      },
    },
  },
  {
    code: 'department-website',
    nameZh: '二级网站办理申请',
    nameEn: 'Department website',
    summaryZh: '学院、部门申请新建或迁移二级网站，在学校站群平台上建站，通过安全检测后上线。',
    summaryEn: "Colleges and offices ask for a new or migrated website on the university's site platform; it goes live after a security check.",
    keywordsZh: ['二级网站', '网站建设', '站群', '网站上线', '部门网站', '学院网站', '建站', '网站迁移'],
    keywordsEn: ['department website', 'website', 'site platform', 'new website', 'college website', 'web hosting', 'go live', 'CMS'],
    categoryCode: 'network-it',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff'],
    mode: 'hybrid',
    timeLimitDays: 10,
    // No noneInProgress: a unit may run several sites (a college site and a lab site).
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '以学院、部门等二级单位名义申请，申请人为本单位教职工',
          '指定网站管理员和信息审核人，落实“先审后发”',
          '单位负责人签署网站安全责任书',
          '原则上使用学校站群平台，特殊需求须说明理由',
        ],
        materials: [
          req('网站建设申请表', '网站名称、栏目规划、管理员'),
          req('网站安全责任书', '单位负责人签字并加盖单位公章，原件交网络与信息中心'),
          opt('页面设计稿'),
        ],
        steps: [
          step('所在单位负责人审核', '所在单位负责人'),
          step('网络与信息中心开通站点', '网络与信息中心应用服务部'),
          step('安全检测后上线', '网络与信息中心信息安全部'),
        ],
        fees: '无',
        ...at(desks.networkCentre, 'zh'),
      },
      en: {
        conditions: [
          'You apply for a college or office, and you work there.',
          'Your unit names a site administrator and a content reviewer: nothing is published unchecked.',
          'The head of your unit signs the website security responsibility letter.',
          "Sites use the university's site platform unless there is a good reason not to.",
        ],
        materials: [
          req('Website request form', 'Site name, sections and administrator'),
          req('Website security responsibility letter', 'Signed by the head of your unit and stamped; bring the original to the Network Centre'),
          opt('Page designs'),
        ],
        steps: [
          step('Review by the head of your unit', 'Head of your unit'),
          step('Site created', 'Application Services, Network and Information Centre'),
          step('Security check, then live', 'Information Security, Network and Information Centre'),
        ],
        fees: 'None',
        ...at(desks.networkCentre, 'en'),
      },
    },
  },
  {
    code: 'subdomain-dns',
    nameZh: '二级域名解析申请',
    nameEn: 'Sub-domain DNS record',
    summaryZh: '为单位网站或业务系统申请 minghu.edu.cn 下的二级域名及解析记录。',
    summaryEn: 'Request a name under minghu.edu.cn, and its DNS record, for a unit website or system.',
    keywordsZh: ['域名', '二级域名', 'DNS', '域名解析', '网址', 'CNAME', '解析'],
    keywordsEn: ['domain', 'subdomain', 'DNS record', 'DNS', 'host name', 'CNAME', 'A record', 'web address'],
    categoryCode: 'network-it',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 3,
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '以本校二级单位名义申请，申请人为本单位教职工',
          '域名指向的服务器位于校内，或为学校批准使用的云服务',
          '域名使用单位或系统的英文或拼音缩写',
          '对应网站或系统须通过服务器安全检测',
        ],
        materials: [req('域名与解析记录', '域名、记录类型、目标地址'), opt('服务器安全检测报告', '新上线系统必须提供')],
        steps: [
          step('所在单位负责人审核', '所在单位负责人'),
          step('网络与信息中心配置解析', '网络与信息中心网络运行部'),
        ],
        fees: '无',
        ...at(desks.networkCentre, 'zh'),
      },
      en: {
        conditions: [
          'You apply for a college or office, and you work there.',
          'The name points to a server on campus or to a cloud service the university has approved.',
          "The name is an English or pinyin abbreviation of the unit or system.",
          'The website or system behind it has passed a server security scan.',
        ],
        materials: [req('Name and record', 'Host name, record type and target'), opt('Security scan report', 'Required for a new system')],
        steps: [
          step('Review by the head of your unit', 'Head of your unit'),
          step('Record configured', 'Network Operations, Network and Information Centre'),
        ],
        fees: 'None',
        ...at(desks.networkCentre, 'en'),
      },
    },
  },
  {
    code: 'server-security-scan',
    nameZh: '服务器安全检测申请',
    nameEn: 'Server security scan',
    summaryZh: '服务器或业务系统上线前、重大改版后，申请网络与信息中心进行漏洞扫描和安全检测。',
    summaryEn: 'Before a server or system goes live, or after a major change, ask the Network Centre to scan it for vulnerabilities.',
    keywordsZh: ['安全检测', '漏洞扫描', '网络安全', '渗透测试', '安全评估', '等级保护', '等保'],
    keywordsEn: ['security scan', 'vulnerability scan', 'penetration test', 'security check', 'cybersecurity', 'security assessment'],
    categoryCode: 'network-it',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 5,
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '申请人为本校在职教职工，是该服务器或系统的管理员',
          '服务器位于校园网内，或可从校内访问',
          '提供准确的 IP 地址、端口和测试账号',
          '检测期间服务可能短时受影响，须提前告知用户',
        ],
        materials: [req('服务器信息', 'IP 地址、端口、操作系统、运行的服务'), opt('系统测试账号', '需要检测登录后功能时提供')],
        steps: [
          step('网络与信息中心安排检测', '网络与信息中心信息安全部'),
          step('出具检测报告', '网络与信息中心信息安全部'),
          step('整改后复测（发现高危漏洞时）', '申请人 / 信息安全部'),
        ],
        fees: '无',
        ...at(desks.networkCentre, 'zh'),
      },
      en: {
        conditions: [
          'You are a member of staff and administer the server or system.',
          'The server is on the campus network or reachable from it.',
          'You give the exact IP addresses, ports and a test account.',
          'The scan may briefly affect the service: warn its users beforehand.',
        ],
        materials: [req('Server details', 'IP addresses, ports, operating system and services'), opt('Test account', 'If pages behind the login should be scanned')],
        steps: [
          step('Scan scheduled', 'Information Security, Network and Information Centre'),
          step('Report issued', 'Information Security, Network and Information Centre'),
          step('Fix and rescan (if serious flaws are found)', 'You and Information Security'),
        ],
        fees: 'None',
        ...at(desks.networkCentre, 'en'),
      },
    },
  },
  {
    code: 'virtual-server',
    nameZh: '虚拟服务器申请',
    nameEn: 'Virtual server',
    summaryZh: '为教学、科研或管理系统申请学校数据中心的虚拟服务器。',
    summaryEn: 'Request a virtual server in the university data centre for a teaching, research or administrative system.',
    keywordsZh: ['虚拟机', '虚拟服务器', '云主机', '服务器申请', '服务器', '计算资源', '云服务器'],
    keywordsEn: ['virtual server', 'virtual machine', 'VM', 'VPS', 'cloud server', 'hosting', 'server', 'computing resources'],
    categoryCode: 'network-it',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff'],
    mode: 'online',
    timeLimitDays: 5,
    eligibility: [{ type: 'kind', kinds: ['staff'] }],
    guide: {
      zh: {
        conditions: [
          '以本校二级单位或科研团队名义申请，申请人为在职教职工',
          '配置一般不超过 8 核 CPU、16GB 内存、500GB 存储，超出须说明理由',
          '上线前须通过服务器安全检测，并指定系统管理员',
          '使用期限一般为 1 年，到期可续期',
        ],
        materials: [req('虚拟服务器申请表', '配置、用途、使用期限、管理员'), req('信息系统安全责任书', '单位负责人签字')],
        steps: [
          step('所在单位负责人审核', '所在单位负责人'),
          step('网络与信息中心分配资源', '网络与信息中心数据中心'),
          step('安全检测后开放访问', '网络与信息中心信息安全部'),
        ],
        fees: '标准配置免费；超出部分按学校数据中心收费标准从单位或科研经费中支付',
        ...at(desks.networkCentre, 'zh'),
      },
      en: {
        conditions: [
          'You are a member of staff applying for a unit or a research team.',
          'Normally up to 8 CPU cores, 16 GB of memory and 500 GB of storage; say why if you need more.',
          'The server must pass a security scan before it goes live, and have a named administrator.',
          'Servers are lent for a year at a time and can be renewed.',
        ],
        materials: [req('Virtual server request', 'Size, purpose, period and administrator'), req('System security responsibility letter', 'Signed by the head of your unit')],
        steps: [
          step('Review by the head of your unit', 'Head of your unit'),
          step('Resources allocated', 'Data Centre, Network and Information Centre'),
          step('Security check, then opened to users', 'Information Security, Network and Information Centre'),
        ],
        fees: "Free for the standard size; more is charged at the data centre's rates to unit or research funds",
        ...at(desks.networkCentre, 'en'),
      },
    },
  },
  {
    code: 'hall-qa',
    nameZh: '网上办事大厅在线答疑',
    nameEn: 'Online Q&A of the hall',
    summaryZh: '使用网上办事大厅遇到问题、发现数据有误或有意见建议时在线提问，由网络与信息中心或服务负责部门答复。',
    summaryEn: 'Ask a question, report wrong data or make a suggestion about the Service Hall; the Network Centre or the office that owns the service replies.',
    keywordsZh: ['答疑', '在线答疑', '问题反馈', '咨询', '意见建议', '办事大厅', '客服', '帮助', '数据错误'],
    keywordsEn: ['help', 'question', 'Q&A', 'feedback', 'support', 'suggestion', 'contact us', 'report a problem', 'wrong data'],
    categoryCode: 'hall-help',
    ownerDepartmentCode: 'network-centre',
    audience: ['staff', 'undergraduate', 'graduate', 'international'],
    mode: 'online',
    timeLimitDays: 2,
    // No noneInProgress: anyone may ask several questions at once.
    eligibility: [{ type: 'kind', kinds: ['staff', 'undergraduate', 'graduate', 'international'] }],
    guide: {
      zh: {
        conditions: [
          '本校师生均可提问',
          '一次提一个问题，尽量写明服务名称、操作步骤，并附截图',
          '反映数据错误时请注明数据来源系统，答复人会转请数据归口部门在源头系统更正',
        ],
        materials: [req('问题描述'), opt('页面截图')],
        steps: [
          step('网络与信息中心受理', '网络与信息中心服务台'),
          step('转服务负责部门答复（业务问题）', '服务负责人'),
        ],
        fees: '无',
        ...at(desks.networkCentre, 'zh'),
        notes: ['紧急问题请拨打服务台电话。'],
      },
      en: {
        conditions: [
          'Anyone at the university may ask.',
          'One question at a time; name the service and what you did, and add a screenshot if you can.',
          'When data is wrong, say which source system it came from: we pass it on to the office that can correct it at the source.',
        ],
        materials: [req('Your question'), opt('Screenshot')],
        steps: [
          step('Received by the Network Centre', 'Service Desk, Network and Information Centre'),
          step("Answered by the service's owner (questions about a service)", 'Service owner'),
        ],
        fees: 'None',
        ...at(desks.networkCentre, 'en'),
        notes: ['For anything urgent, call the Service Desk.'],
      },
    },
  },
]
