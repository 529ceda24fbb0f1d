export default {
  todo: {
    title: '待办',
    intro: '需要您审核的申请，以及您办过和抄送给您的。',
    boxes: {
      todo: '待办',
      done: '已办',
      cc: '抄送我的',
    },
    empty: {
      todo: '暂无待办事项',
      done: '您还没有办理过申请',
      cc: '暂无抄送给您的申请',
    },
    application: '申请编号',
    step: '环节',
    receivedAt: '收到时间',
  },
}
