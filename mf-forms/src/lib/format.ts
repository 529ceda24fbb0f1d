import type { Lang } from '@hall/mf-kit'

// Durations and lists of names for people, in the page's language.

/** vue-i18n's `t`: the third argument picks the plural form (`{n} day | {n} days`). */
type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

// Dates and times are mf-kit's (Beijing time everywhere, the zone shown when the device differs),
// under the names this app's templates use.
export { formatClock as clock, formatDate as date, formatDateTime as dateTime } from '@hall/mf-kit'

/** A length of time as a person says it: `3 小时`, `2 天 5 小时`, `12 分钟`. */
export function duration(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000)
  if (minutes < 1) return t('duration.lessThanMinute')
  if (minutes < 60) return t('duration.minutes', { n: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('duration.hours', { n: hours })
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest && days < 7 ? t('duration.daysHours', { d: days, h: rest }) : t('duration.days', { n: days }, days)
}

/** A list of names: `杜红梅、王磊` / `Du Hongmei, Wang Lei`. */
export function names(list: readonly string[], lang: Lang): string {
  return list.join(lang === 'en' ? ', ' : '、')
}
