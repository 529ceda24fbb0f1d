import type zhCN from './deliveries.zh-CN.ts'

export default {
  intro: 'E-mails and pushes that failed every attempt are parked here. Fix the cause (an address, the push gateway), then send them again.',
  status: 'Delivery status',
  statuses: { parked: 'Parked', pending: 'Pending', sent: 'Sent' },
  empty: { parked: 'No parked deliveries', pending: 'Nothing waiting to be sent', sent: 'Nothing sent yet' },
  message: 'Message',
  channel: 'Channel',
  channels: { email: 'E-mail', push: 'Push' },
  recipient: 'To',
  attempts: 'Attempts',
  lastError: 'Last error',
  createdAt: 'Created',
  actions: 'Actions',
  retry: 'Send again',
  retryOne: 'Send delivery {id} again',
  queued: 'Delivery {id} is queued again',
  more: 'Load more',
} satisfies typeof zhCN
