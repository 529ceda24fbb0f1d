export default {
  catalog: {
    title: '服务目录',
    intro: '选择一项服务，在线办理。',
    total: '共 {n} 项服务',
    searchLabel: '搜索服务',
    searchPlaceholder: '输入服务名称、拼音或关键词',
    search: '搜索',
    resultsFor: '“{q}”的搜索结果',
    clearSearch: '清除搜索',
    categories: '服务分类',
    allCategories: '全部',
    empty: '没有找到相关服务',
    start: '开始办理',
    department: '办理部门',
    mode: {
      online: '线上办理',
      hybrid: '线上线下并行',
    },
    pagination: '分页',
  },
}
