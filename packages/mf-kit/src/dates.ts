import { useLang, type Lang } from './lang.ts'

// Every time the hall shows is Beijing time: deadlines, working hours and the offices' days are
// Beijing's, so a reviewer abroad or a laptop left on another zone must not see another clock than
// the office. When the device's clock differs from Beijing's, the zone is written beside the time,
// so nobody mistakes it for their local time. Intl does the calendar work (no date library).

/** The zone of every time the hall shows. */
export const HALL_TIME_ZONE = 'Asia/Shanghai'

/** Beijing's offset from UTC in minutes, as `Date.getTimezoneOffset` counts it (China keeps no summer time). */
const BEIJING_OFFSET = -480

const ZONE_LABEL: Record<Lang, string> = { 'zh-CN': '北京时间', en: 'Beijing time' }

type Input = string | number | Date | null | undefined

function toDate(value: Input): Date | null {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Whether the device shows another clock than Beijing's at that moment. Compared by offset, not
 * by name: a device on `Asia/Chongqing` or `Asia/Singapore` reads the same clock and needs no label.
 */
export function deviceDiffersFromBeijing(at: Date = new Date()): boolean {
  return at.getTimezoneOffset() !== BEIJING_OFFSET
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...options, timeZone: HALL_TIME_ZONE })
    formatters.set(key, f)
  }
  return f
}

const withZone = (text: string, at: Date, lang: Lang) => (deviceDiffersFromBeijing(at) ? `${text} ${ZONE_LABEL[lang]}` : text)

/** The Beijing calendar year of a moment. */
const beijingYear = (at: Date) => formatter('en', { year: 'numeric' }).format(at)

/** `2026年11月27日 10:32` / `27 Nov 2026, 10:32` (with the zone when the device differs); empty for no date. */
export function formatDateTime(value: Input, lang: Lang): string {
  const at = toDate(value)
  if (!at) return typeof value === 'string' ? value : ''
  return withZone(formatter(lang, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(at), at, lang)
}

/**
 * A compact date and time for lists and the bell: `11/27 10:32` / `27 Nov, 10:32`, with the year
 * only when it is not this (Beijing) year's.
 */
export function formatShortDateTime(value: Input, lang: Lang, now: Date = new Date()): string {
  const at = toDate(value)
  if (!at) return typeof value === 'string' ? value : ''
  const withYear = beijingYear(at) !== beijingYear(now)
  const text = formatter(lang, {
    ...(withYear ? { year: 'numeric' } : {}),
    month: lang === 'en' ? 'short' : '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at)
  return withZone(text, at, lang)
}

/** `2026年11月27日` / `27 Nov 2026`: the Beijing calendar day (a date has no clock, so no zone label). */
export function formatDate(value: Input, lang: Lang): string {
  const at = toDate(value)
  if (!at) return typeof value === 'string' ? value : ''
  return formatter(lang, { dateStyle: 'medium' }).format(at)
}

/** `10:32`: a time of today, e.g. when a draft was saved (with the zone when the device differs). */
export function formatClock(value: Input, lang: Lang): string {
  const at = toDate(value)
  if (!at) return ''
  return withZone(formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at), at, lang)
}

/** A month (`2026-10`, a Beijing month) in the page's language: `2026年10月` / `October 2026`. */
export function formatMonth(month: string, lang: Lang): string {
  const at = toDate(`${month}-15T00:00:00+08:00`)
  return at ? formatter(lang, { year: 'numeric', month: 'long' }).format(at) : month
}

/** The formatters above, following the page's language. */
export function useDates() {
  const { lang } = useLang()
  return {
    dateTime: (value: Input) => formatDateTime(value, lang.value),
    shortDateTime: (value: Input) => formatShortDateTime(value, lang.value),
    date: (value: Input) => formatDate(value, lang.value),
    clock: (value: Input) => formatClock(value, lang.value),
    month: (month: string) => formatMonth(month, lang.value),
  }
}
