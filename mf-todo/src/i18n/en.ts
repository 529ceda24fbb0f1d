import type zhCN from './zh-CN.ts'

export default {
  todo: {
    title: 'To do',
    intro: 'Applications waiting for your review, the ones you handled, and those copied to you.',
    boxes: {
      todo: 'To do',
      done: 'Done',
      cc: 'Copied to me',
    },
    empty: {
      todo: 'Nothing to review',
      done: 'You have not handled any application yet',
      cc: 'Nothing was copied to you',
    },
    application: 'Application',
    step: 'Step',
    receivedAt: 'Received',
  },
} satisfies typeof zhCN
