import { getLang, type Lang } from '@hall/mf-kit'

// The root config's few words (loading, errors, the 404 page). It is framework-free, so these are
// plain strings chosen by the page's language, not vue-i18n messages.
const texts = {
  'zh-CN': {
    title: '网上办事大厅 · 明湖大学',
    loading: '正在加载…',
    loadFailedTitle: '这部分页面暂时无法加载',
    loadFailedText: '页面的其他部分仍可正常使用。请重试；如果问题持续，请稍后再来或联系网络信息中心。',
    headerFailed: '页头暂时无法加载',
    retry: '重试',
    reload: '刷新页面',
    details: '技术信息',
    notFoundTitle: '页面不存在',
    notFoundText: '没有找到地址 {path} 对应的页面。',
    backToCatalog: '返回服务目录',
  },
  en: {
    title: 'Service Hall · Minghu University',
    loading: 'Loading…',
    loadFailedTitle: 'This part of the page could not be loaded',
    loadFailedText: 'The rest of the page still works. Please retry; if it keeps failing, come back later or contact the IT centre.',
    headerFailed: 'The header could not be loaded',
    retry: 'Retry',
    reload: 'Reload the page',
    details: 'Technical details',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no page at {path}.',
    backToCatalog: 'Back to the catalog',
  },
} satisfies Record<Lang, Record<string, string>>

export type TextKey = keyof (typeof texts)['zh-CN']

/** A word of the shell in the page's current language, with `{name}` placeholders filled. */
export function text(key: TextKey, values: Record<string, string> = {}): string {
  return texts[getLang()][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}

/** The hall's own title in every language: what the page is called before a page names itself. */
export const hallTitles = (): string[] => Object.values(texts).map((t) => t.title)
