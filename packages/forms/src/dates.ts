// Date-only arithmetic on `YYYY-MM-DD` strings. Forms never carry a time zone, so counting days
// in UTC is exact; a dozen lines here keep the shared validation free of a date library (the
// server and every micro-frontend would otherwise each load one just for this).
import { isValidIsoDate } from './definition.ts'

const DAY_MS = 86_400_000

/**
 * The days that break the weekend rule: public holidays that fall on weekdays, and the weekend
 * days that are worked instead (调休). The API supplies the university's calendar.
 */
export interface WorkCalendar {
  /** Weekdays that are not worked (`2026-10-01`). */
  holidays?: readonly string[]
  /** Saturdays or Sundays that are worked (`2026-10-10`). */
  workdays?: readonly string[]
}

export function toEpochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days)
}

/**
 * Days from `from` to `to`, both counted when `inclusive` (the default). Undefined when either is
 * not a date or the range runs backwards, so a computed value is simply absent until it is valid.
 */
export function daysBetween(
  from: unknown,
  to: unknown,
  opts: { inclusive?: boolean; workingDaysOnly?: boolean; calendar?: WorkCalendar } = {},
): number | undefined {
  if (!isValidIsoDate(from) || !isValidIsoDate(to)) return undefined
  const start = toEpochDay(from)
  const end = toEpochDay(to)
  if (end < start) return undefined
  const inclusive = opts.inclusive ?? true
  const last = inclusive ? end : end - 1
  if (!opts.workingDaysOnly) return last - start + 1
  const holidays = new Set(opts.calendar?.holidays ?? [])
  const workdays = new Set(opts.calendar?.workdays ?? [])
  let count = 0
  for (let day = start; day <= last; day++) {
    const iso = fromEpochDay(day)
    // 1970-01-01 was a Thursday: day 0 → 4 (Sunday = 0).
    const weekday = (((day + 4) % 7) + 7) % 7
    const weekend = weekday === 0 || weekday === 6
    if (workdays.has(iso) || (!weekend && !holidays.has(iso))) count++
  }
  return count
}

/** Today's date where the university is (Asia/Shanghai by default), not where the server runs. */
export function todayIn(now: Date, timeZone = 'Asia/Shanghai'): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
