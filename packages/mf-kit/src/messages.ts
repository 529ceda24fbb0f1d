import type { Lang } from './lang.ts'

/** Words every micro-frontend needs, merged into each one's messages under `hall.`. */
export const kitMessages: Record<Lang, { hall: Record<string, string> }> = {
  'zh-CN': {
    hall: {
      loading: '正在加载…',
      retry: '重试',
      loadFailed: '加载失败',
      empty: '暂无内容',
      notFound: '页面不存在',
      backToCatalog: '返回服务目录',
      siteTitle: '网上办事大厅 · 明湖大学',
    },
  },
  en: {
    hall: {
      loading: 'Loading…',
      retry: 'Retry',
      loadFailed: 'Could not load',
      empty: 'Nothing here yet',
      notFound: 'Page not found',
      backToCatalog: 'Back to the catalog',
      siteTitle: 'Service Hall · Minghu University',
    },
  },
}
