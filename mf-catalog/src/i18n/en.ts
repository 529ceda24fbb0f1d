import type zhCN from './zh-CN.ts'

export default {
  catalog: {
    title: 'Service catalog',
    intro: 'Choose a service and apply online.',
    total: '{n} services',
    searchLabel: 'Search services',
    searchPlaceholder: 'Name, pinyin or keyword',
    search: 'Search',
    resultsFor: 'Results for “{q}”',
    clearSearch: 'Clear search',
    categories: 'Categories',
    allCategories: 'All',
    empty: 'No service found',
    start: 'Start',
    department: 'Department',
    mode: {
      online: 'Online only',
      hybrid: 'Online and offline',
    },
    pagination: 'Pages',
  },
} satisfies typeof zhCN
