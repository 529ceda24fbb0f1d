import type zhCN from './zh-CN.ts'

export default {
  my: {
    title: 'My applications',
    intro: 'What you applied for, and how far each has got.',
    empty: 'You have not applied for anything yet',
    browse: 'Browse the catalog',
    service: 'Service',
    status: 'Status',
    createdAt: 'Created',
    submittedAt: 'Submitted',
    notSubmitted: 'Not submitted',
    statuses: {
      draft: 'Draft',
      submitted: 'Submitted',
      'in-review': 'In review',
      returned: 'Returned',
      withdrawn: 'Withdrawn',
      rejected: 'Rejected',
      completed: 'Completed',
    },
  },
  apply: {
    titleFallback: 'Apply',
    comingTitle: 'The online form is coming',
    coming: 'The form of “{name}” comes in the next release. Meanwhile you can look at other services in the catalog.',
    notFound: 'There is no such service in the catalog',
    back: 'Back to the catalog',
    myApplications: 'My applications',
  },
} satisfies typeof zhCN
