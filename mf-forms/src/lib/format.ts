import type { Lang } from '@hall/mf-kit'

// Dates and durations for people, in the page's language. Intl does the calendar work, so no date
// library is bundled for what the browser already knows.

type Translate = (key: string, named?: Record<string, unknown>) => string

const ZONE = 'Asia/Shanghai'

/** `2026年11月27日 10:32` / `Nov 27, 2026, 10:32`; empty for no date. */
export function dateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short', hour12: false, timeZone: ZONE })
}

/** `2026年11月27日` / `Nov 27, 2026`. */
export function date(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  return new Date(iso).toLocaleDateString(lang, { dateStyle: 'medium', timeZone: ZONE })
}

/** `10:32`: when a draft was saved today. */
export function clock(at: Date | string, lang: Lang): string {
  return new Date(at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE })
}

/** A length of time as a person says it: `3 小时`, `2 天 5 小时`, `12 分钟`. */
export function duration(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000)
  if (minutes < 1) return t('duration.lessThanMinute')
  if (minutes < 60) return t('duration.minutes', { n: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('duration.hours', { n: hours })
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest && days < 7 ? t('duration.daysHours', { d: days, h: rest }) : t('duration.days', { n: days })
}

/** A list of names: `杜红梅、王磊` / `Du Hongmei, Wang Lei`. */
export function names(list: readonly string[], lang: Lang): string {
  return list.join(lang === 'en' ? ', ' : '、')
}
