import { formatDate, formatDateTime, formatMonth, type Lang } from '@hall/mf-kit'

// Dates come from mf-kit (Beijing time for everyone); these only put a dash where there is none,
// as the feedback pages' tables want, and take vue-i18n's locale as it is.
const asLang = (locale: string): Lang => (locale === 'en' ? 'en' : 'zh-CN')

/** A date and time in the page's language, Beijing time, or a dash. */
export const dateTime = (iso: string | null, locale: string) => (iso ? formatDateTime(iso, asLang(locale)) : '—')
export const dateOnly = (iso: string | null, locale: string) => (iso ? formatDate(iso, asLang(locale)) : '—')
/** A month (`2026-10`, Beijing) in the page's language: all the time an anonymous rating shows. */
export const monthOnly = (month: string, locale: string) => formatMonth(month, asLang(locale))
/** A score to one decimal, or a dash when there is none. */
export const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1))
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`)
