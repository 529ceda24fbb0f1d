// Words of the console's parked-deliveries area (/catalog/admin/deliveries).
export default {
  intro: '多次重试仍未送达的邮件和推送会在这里搁置。排除原因（邮箱地址、推送网关）后可以重新发送。',
  status: '投递状态',
  statuses: { parked: '已搁置', pending: '待发送', sent: '已发送' },
  empty: { parked: '没有搁置的投递', pending: '没有待发送的投递', sent: '还没有已发送的投递' },
  message: '消息',
  channel: '渠道',
  channels: { email: '邮件', push: '推送' },
  recipient: '接收人',
  attempts: '次数',
  lastError: '最后一次错误',
  createdAt: '产生时间',
  actions: '操作',
  retry: '重新发送',
  retryOne: '重新发送投递 {id}',
  queued: '投递 {id} 已重新排队发送',
  more: '加载更多',
}
