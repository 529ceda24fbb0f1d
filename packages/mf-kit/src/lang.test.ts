import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { bus } from './bus.ts'
import { browserLang, DEFAULT_LANG, getLang, storedLang, isLang, LANG_STORAGE_KEY, onLangChange, otherLang, setLang, useLang } from './lang.ts'

beforeEach(() => {
  window.localStorage.clear()
  document.documentElement.lang = ''
})
afterEach(() => vi.restoreAllMocks())

describe('getLang', () => {
  it('is Chinese when nothing was chosen', () => {
    expect(getLang()).toBe('zh-CN')
    expect(DEFAULT_LANG).toBe('zh-CN')
  })

  it('reads the stored choice', () => {
    window.localStorage.setItem(LANG_STORAGE_KEY, 'en')
    expect(getLang()).toBe('en')
  })

  it('ignores a stored value that is not a language of the hall', () => {
    window.localStorage.setItem(LANG_STORAGE_KEY, 'fr')
    expect(getLang()).toBe('zh-CN')
  })

  // Some webviews throw on any localStorage access; the page must still render.
  it('falls back to the default when storage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('denied')
    })
    expect(getLang()).toBe('zh-CN')
  })
})

describe('setLang', () => {
  it('stores the choice, marks <html lang> and tells every app', () => {
    const heard = vi.fn()
    const off = bus.on('hall:lang', heard)
    setLang('en')
    off()
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(heard).toHaveBeenCalledWith({ lang: 'en' })
    expect(getLang()).toBe('en')
  })

  it('still switches the page when storage refuses to write', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('quota')
    })
    const heard = vi.fn()
    const off = onLangChange(heard)
    setLang('en')
    off()
    expect(document.documentElement.lang).toBe('en')
    expect(heard).toHaveBeenCalledWith('en')
  })

  it('refuses a language the hall does not have', () => {
    expect(() => setLang('fr' as never)).toThrow(/Unknown language/)
  })
})

describe('helpers', () => {
  it('isLang accepts only the two languages', () => {
    expect(isLang('zh-CN')).toBe(true)
    expect(isLang('en')).toBe(true)
    expect(isLang('zh')).toBe(false)
    expect(isLang(undefined)).toBe(false)
  })

  it('otherLang gives the language a one-button switch offers', () => {
    expect(otherLang('zh-CN')).toBe('en')
    expect(otherLang('en')).toBe('zh-CN')
  })
})

describe('useLang', () => {
  it('follows hall:lang until its scope is disposed', () => {
    const scope = effectScope()
    const { lang } = scope.run(() => useLang())!
    expect(lang.value).toBe('zh-CN')
    setLang('en')
    expect(lang.value).toBe('en')
    scope.stop()
    setLang('zh-CN')
    expect(lang.value).toBe('en')
  })
})

describe('browserLang', () => {
  it.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['ZH-hk'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    // The first language the hall has decides, not the first in the list.
    [['ja-JP', 'zh-CN', 'en'], 'zh-CN'],
    [['fr-FR', 'en-GB'], 'en'],
    // Neither Chinese nor English: English.
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    // A tag that only starts with the letters is not Chinese.
    [['zha'], 'en'],
  ])('%j gives %s', (languages, expected) => {
    expect(browserLang(languages)).toBe(expected)
  })
})

describe('storedLang', () => {
  it('is null on a first visit and the switched language after', () => {
    expect(storedLang()).toBeNull()
    setLang('en')
    expect(storedLang()).toBe('en')
  })
})
