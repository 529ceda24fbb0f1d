export default {
  feedback: {
    title: '反馈',
    intro: '评价办结的申请，或向服务部门提问。',
    tabs: {
      ratings: '我的评价',
      questions: '在线答疑',
    },
    ratingsEmpty: '申请办结后，您可以在这里评价服务和办理过程',
    questionsEmpty: '您还没有提过问题',
    question: '问题',
    status: '状态',
    askedAt: '提问时间',
    statuses: {
      open: '待回复',
      answered: '已回复',
      closed: '已关闭',
    },
  },
}
