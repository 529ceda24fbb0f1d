import type { Lang } from '@hall/mf-kit'

// Durations and lists of names for people, in the page's language.

// Dates and times are mf-kit's (Beijing time everywhere, the zone shown when the device differs),
// under the names this app's templates use.
export { formatClock as clock, formatDate as date, formatDateTime as dateTime } from '@hall/mf-kit'
// A length of time (`3 小时`, `2 天 5 小时`) is mf-kit's too: the application timeline says it as well.
export { durationText as duration } from '@hall/mf-kit'

/** A list of names: `杜红梅、王磊` / `Du Hongmei, Wang Lei`. */
export function names(list: readonly string[], lang: Lang): string {
  return list.join(lang === 'en' ? ', ' : '、')
}
