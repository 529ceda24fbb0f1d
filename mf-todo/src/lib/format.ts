import type { Lang } from '@hall/mf-kit'
import { useI18n } from 'vue-i18n'

// Dates as reviewers read them: the date and the minute, in the page's language and the browser's
// time zone (the university's, for nearly every reviewer).

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(lang: Lang, withYear: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withYear}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      ...(withYear ? { year: 'numeric' } : {}),
      month: lang === 'en' ? 'short' : '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(key, f)
  }
  return f
}

/** `2025-03-04 09:30` style, without the year when it is this year's. */
export function formatDateTime(iso: string | null | undefined, lang: Lang, now = new Date()): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return formatter(lang, date.getFullYear() !== now.getFullYear()).format(date)
}

/** `2025-03-04` for a date-only value. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString(lang, { year: 'numeric', month: lang === 'en' ? 'short' : '2-digit', day: '2-digit' })
}

/** Date formatters that follow the app's language (its vue-i18n locale, which follows `hall:lang`). */
export function useDates() {
  const { locale } = useI18n()
  const lang = () => (locale.value === 'en' ? 'en' : 'zh-CN') as Lang
  return {
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, lang()),
    date: (iso: string | null | undefined) => formatDate(iso, lang()),
  }
}
