// The widgets' few words. A widget speaks its own `lang` attribute, else the nearest one around
// it (usually <html lang>): English for any `en…`, Simplified Chinese otherwise.

export type Lang = 'zh-CN' | 'en'

const texts = {
  'zh-CN': {
    servicesOf: '{department} · 网上办事',
    none: '暂无可在线办理的服务',
    loading: '正在加载…',
    failed: '暂时无法加载，请直接访问',
    hall: '网上办事大厅',
    online: '全程网办',
    hybrid: '线上线下均可',
    days: '{n} 个工作日内办结',
    start: '去办理',
    todo: '待办',
    todoLabel: '待办 {n} 项',
    login: '登录查看待办',
    missing: '请设置 {attribute} 属性',
    all: '全部服务',
  },
  en: {
    servicesOf: '{department} · Online services',
    none: 'No services online yet',
    loading: 'Loading…',
    failed: 'Could not load; please visit the',
    hall: 'Service Hall',
    online: 'Fully online',
    hybrid: 'Online or in person',
    days: 'Done within {n} working days',
    start: 'Start',
    todo: 'To do',
    todoLabel: '{n} to do',
    login: 'Log in to see your to-dos',
    missing: 'Set the {attribute} attribute',
    all: 'All services',
  },
} satisfies Record<Lang, Record<string, string>>

export type Texts = (typeof texts)['zh-CN']

/** The language of an element: its own or the nearest `lang` around it. */
export function langOf(el: Element): Lang {
  const tag = (el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || '').toLowerCase()
  return tag.startsWith('en') ? 'en' : 'zh-CN'
}

export const textsFor = (lang: Lang): Texts => texts[lang]

/** Fills `{name}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))
