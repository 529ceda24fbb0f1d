import type zhCN from './zh-CN.ts'

export default {
  header: {
    university: 'Minghu University',
    hall: 'Service Hall',
    skip: 'Skip to main content',
    nav: {
      label: 'Main',
      catalog: 'Catalog',
      my: 'My applications',
      todo: 'To do',
      feedback: 'Feedback',
    },
    todoCount: '{n} to do',
    search: {
      label: 'Search services',
      placeholder: 'Search services, e.g. “dorm”',
      submit: 'Search',
    },
    bell: {
      label: 'Notifications',
      unread: 'Notifications, {n} unread',
      none: 'No unread notifications',
      some: 'You have {n} unread notification | You have {n} unread notifications',
      markAll: 'Mark all read',
      markRead: 'Mark read',
      unreadMark: 'Unread',
      settings: 'Notification settings',
      empty: 'No notifications yet',
      more: 'Older notifications',
      failed: 'Could not load notifications; please try again later',
    },
    settings: {
      title: 'Notification settings',
      intro:
        'Choose how each kind of message reaches you. Messages in the hall (the bell) always stay on; e-mails and app pushes are written in the language you last switched the hall to.',
      kind: 'Kind of message',
      inApp: 'In the hall',
      email: 'E-mail',
      push: 'App push',
      noEmail: 'This university has not set up e-mail yet.',
      noPush: 'This university has not connected the campus app yet.',
      failed: 'Could not save the settings; please try again later',
      audience: {
        applicant: 'My applications',
        reviewer: 'My tasks',
        everyone: 'Other',
      },
    },
    user: {
      menu: '{name}: user menu',
      cardNumber: 'Campus card number',
      kind: 'Kind',
      department: 'Department',
      notificationSettings: 'Notification settings',
      logout: 'Log out',
    },
    kinds: {
      staff: 'Staff',
      undergraduate: 'Undergraduate',
      graduate: 'Graduate',
      international: 'International student',
      unknown: 'Not registered',
    },
    lang: {
      switchPrefix: 'Switch to Chinese ',
      other: '中文',
    },
    menu: {
      open: 'Open the menu',
      title: 'Menu',
    },
    unknownToDataPlatform: 'The data platform has no record of you yet: you can browse the services but not apply. If in doubt, ask your department.',
  },
} satisfies typeof zhCN
