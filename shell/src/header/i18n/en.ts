import type zhCN from './zh-CN.ts'

export default {
  header: {
    university: 'Minghu University',
    hall: 'Service Hall',
    home: 'Service Hall home',
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
      some: 'You have {n} unread notifications',
    },
    user: {
      menu: 'User menu: {name}',
      cardNumber: 'Campus card number',
      kind: 'Kind',
      department: 'Department',
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
      switchTo: 'Switch to Chinese',
      other: '中文',
    },
    menu: {
      open: 'Open the menu',
      title: 'Menu',
    },
    unknownToDataPlatform:
      'The data platform has no record of you yet: you can browse the services but not apply. If in doubt, ask your department.',
  },
} satisfies typeof zhCN
