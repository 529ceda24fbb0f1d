import { onScopeDispose, readonly, ref, type Ref } from 'vue'
import { bus } from './bus.ts'

/** The hall's languages: Chinese by default, English as the alternative. */
export type Lang = 'zh-CN' | 'en'

export const LANGS: readonly Lang[] = ['zh-CN', 'en']
export const DEFAULT_LANG: Lang = 'zh-CN'
/** Where the choice is kept, so it survives reloads and is shared by every app of the origin. */
export const LANG_STORAGE_KEY = 'hall.lang'

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

/**
 * The current language. Read from storage each time rather than kept in this module: the shell and
 * micro-frontends may run separate copies of mf-kit, and storage is what they share.
 */
export function getLang(): Lang {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY)
    if (isLang(stored)) return stored
  } catch {
    // Storage can be unavailable (privacy modes, sandboxed webviews): fall back to the default.
  }
  return DEFAULT_LANG
}

/** The language this browser was switched to, or null on a first visit (nothing stored yet). */
export function storedLang(): Lang | null {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY)
    return isLang(stored) ? stored : null
  } catch {
    return null
  }
}

/**
 * The hall's language for a browser's preferred languages (`navigator.languages`, most preferred
 * first): the first that is Chinese (any `zh-*`) or English decides; a browser that prefers
 * neither gets English, which more of the university's international members read than Chinese.
 */
export function browserLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
    if (primary === 'zh') return 'zh-CN'
    if (primary === 'en') return 'en'
  }
  return 'en'
}

/** Marks the document with the language, for screen readers, fonts and `:lang()` styles. */
export function applyLangToDocument(lang: Lang = getLang()): void {
  document.documentElement.lang = lang
}

/** Switches the whole page: stores the choice, updates `<html lang>` and tells every app. */
export function setLang(lang: Lang): void {
  if (!isLang(lang)) throw new TypeError(`Unknown language "${String(lang)}"; expected one of ${LANGS.join(', ')}`)
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang)
  } catch {
    // Not persisted, but the page still switches.
  }
  applyLangToDocument(lang)
  bus.emit('hall:lang', { lang })
}

/** The other language, for a switch that offers one button. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh-CN' : 'en'
}

/** Calls `handler` with each new language until the returned function is called. */
export function onLangChange(handler: (lang: Lang) => void): () => void {
  return bus.on('hall:lang', ({ lang }) => handler(lang))
}

/** The current language as a ref that follows `hall:lang`, for a component's setup. */
export function useLang(): { lang: Readonly<Ref<Lang>>; setLang: (lang: Lang) => void } {
  const lang = ref<Lang>(getLang())
  onScopeDispose(onLangChange((next) => (lang.value = next)))
  return { lang: readonly(lang), setLang }
}
