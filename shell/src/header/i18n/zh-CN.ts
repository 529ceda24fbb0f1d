export default {
  header: {
    university: '明湖大学',
    hall: '网上办事大厅',
    home: '网上办事大厅首页',
    skip: '跳到主要内容',
    nav: {
      label: '主导航',
      catalog: '服务目录',
      my: '我的申请',
      todo: '待办',
      feedback: '反馈',
    },
    todoCount: '{n} 项待办',
    search: {
      label: '搜索服务',
      placeholder: '搜索服务，如“宿舍”',
      submit: '搜索',
    },
    bell: {
      label: '消息提醒',
      unread: '消息提醒，{n} 条未读',
      none: '暂无未读消息',
      some: '您有 {n} 条未读消息',
    },
    user: {
      menu: '用户菜单：{name}',
      cardNumber: '校园卡号',
      kind: '身份',
      department: '部门',
      logout: '退出登录',
    },
    kinds: {
      staff: '教职工',
      undergraduate: '本科生',
      graduate: '研究生',
      international: '留学生',
      unknown: '未登记',
    },
    lang: {
      switchTo: '切换到英文',
      other: 'English',
    },
    menu: {
      open: '打开菜单',
      title: '菜单',
    },
    unknownToDataPlatform: '数据中心暂无您的信息，您可以浏览服务，但暂时无法申请。如有疑问，请联系所在单位。',
  },
}
