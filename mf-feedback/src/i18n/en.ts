import type zhCN from './zh-CN.ts'

export default {
  feedback: {
    title: 'Feedback',
    intro: 'Rate your completed applications, or ask the departments a question.',
    tabs: {
      ratings: 'My ratings',
      questions: 'Online Q&A',
    },
    ratingsEmpty: 'Once an application is completed, you can rate the service and the process here',
    questionsEmpty: 'You have not asked any question yet',
    question: 'Question',
    status: 'Status',
    askedAt: 'Asked',
    statuses: {
      open: 'Waiting for an answer',
      answered: 'Answered',
      closed: 'Closed',
    },
  },
} satisfies typeof zhCN
