// The demo's life before today: what people wrote when they rated finished applications, and the
// questions they asked in the online Q&A. api/src/demo writes them into a fresh demo hall (the
// ratings' scores and the past applications themselves are drawn there, deterministically).

/** Rating comments, by how the process went (an empty string: no comment). */
export const ratingComments = {
  good: ['全程网上办理，很方便，不用跑腿。', '审批很快，第二天就办好了。', '指南写得清楚，一次就通过了。', '老师回复及时，点赞！', ''],
  mixed: ['整体还行，就是等待时间有点长。', '材料要求可以再精简一些。', '希望审核进度能更及时地提醒。', ''],
  bad: ['审批拖了很久，催办也没有回应。', '要交的材料太多，有些信息系统里明明已经有了。', '被退回两次，原因说得不清楚。'],
} as const

export interface DemoQuestion {
  asker: string
  serviceCode: string | null
  department: string
  title: string
  body: string
  daysAgo: number
  thread: Array<{ by: string; side: 'asker' | 'staff'; body: string; hoursLater: number }>
  status: 'open' | 'answered' | 'closed'
  /** Published as a FAQ: by whom, with its own question, and in English too (`questionEn`, `answerEn`). */
  faq?: { by: string; question?: string; questionEn?: string; answerEn?: string }
}

// Askers are demo students and staff; answers come from the service owners of the department
// (冯建国 housing, 吴俊 student affairs, 韩志刚 network centre).
export const demoQuestions: readonly DemoQuestion[] = [
  {
    asker: '2023010102',
    serviceCode: 'dorm-change',
    department: 'housing',
    title: '调换宿舍需要室友同意吗？',
    body: '我想和隔壁宿舍的同学互换床位，申请时需要双方室友都签字同意吗？',
    daysAgo: 40,
    thread: [{ by: '0010254', side: 'staff', body: '需要。互换床位须双方同意，申请表中填写对方学号后，系统会请对方在线确认，无需纸质签字。', hoursLater: 5 }],
    status: 'answered',
    faq: {
      by: '0010254',
      question: '互换床位需要对方同意吗？',
      questionEn: 'Does the other student have to agree to swap beds?',
      answerEn:
        'Yes. A bed swap needs both students to agree: give the other student’s number in the form and the hall asks them to confirm online; no paper signature is needed.',
    },
  },
  {
    asker: '2023020103',
    serviceCode: 'email-account',
    department: 'network-centre',
    title: '学生邮箱开通后多久可以使用？',
    body: '提交了邮箱开通申请，审批通过后马上能登录吗？用户名是什么？',
    daysAgo: 30,
    thread: [{ by: '0017518', side: 'staff', body: '审批通过后约10分钟内开通，用户名为“学号@minghu.edu.cn”，初始密码与统一身份认证密码相同。', hoursLater: 3 }],
    status: 'answered',
    faq: {
      by: '0017518',
      questionEn: 'How soon can I use my student e-mail after it is opened?',
      answerEn: 'About 10 minutes after approval. The user name is “student number@minghu.edu.cn”; the first password is your unified login password.',
    },
  },
  {
    asker: '2023010101',
    serviceCode: 'undergrad-leave',
    department: 'student-affairs',
    title: '请假超过三天需要谁审批？',
    body: '请假4天，除了辅导员还需要哪位老师审批？大概需要多久？',
    daysAgo: 21,
    thread: [
      { by: '0015603', side: 'staff', body: '超过3天的请假在辅导员审批后，还需学院分管学生工作的副书记审批，一般1个工作日内完成。', hoursLater: 2 },
      { by: '2023010101', side: 'asker', body: '明白了，谢谢老师！', hoursLater: 4 },
      { by: '0015603', side: 'staff', body: '不客气，祝顺利。', hoursLater: 6 },
    ],
    status: 'closed',
    faq: {
      by: '0015603',
      question: '请假超过三天由谁审批？',
      questionEn: 'Who approves a leave of more than three days?',
      answerEn: 'After the counsellor, the college’s deputy party secretary for student affairs approves it, usually within one working day.',
    },
  },
  {
    asker: '2025010105',
    serviceCode: 'undergrad-leave',
    department: 'student-affairs',
    title: '请假期间可以离开本市吗？',
    body: '如果请假回家需要离开本市，表单里“离校”要怎么填？需要家长确认吗？',
    daysAgo: 2,
    thread: [],
    status: 'open',
  },
  {
    asker: '0013018',
    serviceCode: null,
    department: 'network-centre',
    title: '办事大厅能否增加手机端提醒？',
    body: '审批消息目前只在网页上看到，能不能推送到企业微信或短信？',
    daysAgo: 6,
    thread: [
      { by: '0017518', side: 'staff', body: '感谢建议。消息提醒已支持电子邮件，企业微信推送正在对接，预计下月上线。', hoursLater: 20 },
      { by: '0013018', side: 'asker', body: '好的。上线后是否需要单独开通？', hoursLater: 30 },
    ],
    status: 'open',
  },
  {
    asker: '2023010101',
    serviceCode: 'dorm-change',
    department: 'housing',
    title: '调换宿舍后水电费怎么结算？',
    body: '月中调换宿舍，原宿舍的水电费是按天分摊吗？',
    daysAgo: 9,
    thread: [{ by: '0010254', side: 'staff', body: '按调换日期分摊，系统自动从校园卡余额中结算，无需另外办理。', hoursLater: 26 }],
    status: 'answered',
  },
]
