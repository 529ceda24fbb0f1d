// Working hours (工作时间) for deadlines. The university's offices work Monday to Friday,
// 08:30–12:00 and 14:00–17:30 Beijing time: 7 working hours a day. Deadlines count only those
// hours, so a task received on Friday at 17:00 with 2 working hours is due on Monday at 10:00.
//
// Beijing time is UTC+8 all year (China has no daylight saving time), so a fixed offset is exact
// and no time-zone database (or date library) is needed. Public holidays and the weekend days
// that are worked in exchange (调休) change every year: the API injects them as a calendar.

/** Public holidays and make-up working days, as Beijing dates (`YYYY-MM-DD`). */
export interface WorkingCalendar {
  /** Weekdays the offices are closed (e.g. 2026-10-01). */
  holidays?: readonly string[]
  /** Weekend days the offices work (调休, e.g. 2026-10-10). */
  workdays?: readonly string[]
}

const HOUR = 3_600_000
const MINUTE = 60_000
const DAY = 24 * HOUR
const BEIJING_OFFSET = 8 * HOUR

/** The working periods of a working day, in milliseconds after local midnight. */
export const WORKING_PERIODS: ReadonlyArray<{ start: number; end: number }> = [
  { start: 8 * HOUR + 30 * MINUTE, end: 12 * HOUR },
  { start: 14 * HOUR, end: 17 * HOUR + 30 * MINUTE },
]

/** 7: what "one working day" means when a guide's time limit is turned into hours. */
export const WORKING_HOURS_PER_DAY = WORKING_PERIODS.reduce((sum, p) => sum + (p.end - p.start), 0) / HOUR

// Ten years of days: a calendar that closes every day would otherwise loop for ever.
const MAX_DAYS = 3660

/** The Beijing date of a local day number (days since 1970-01-01 in Beijing). */
function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10)
}

function isWorkingDayNumber(day: number, calendar: WorkingCalendar): boolean {
  const date = dateOf(day)
  if (calendar.workdays?.includes(date)) return true
  if (calendar.holidays?.includes(date)) return false
  const weekday = new Date(day * DAY).getUTCDay()
  return weekday >= 1 && weekday <= 5
}

/** Whether the Beijing date of `at` is a working day. */
export function isWorkingDay(at: Date, calendar: WorkingCalendar = {}): boolean {
  return isWorkingDayNumber(Math.floor((at.getTime() + BEIJING_OFFSET) / DAY), calendar)
}

/**
 * The moment `hours` working hours after `start`. Time outside working periods does not count:
 * a start in the evening counts from 08:30 of the next working day. A deadline that falls at the
 * end of a period stays there (12:00, not 14:00).
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar = {}): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`)
  let remaining = Math.round(hours * HOUR)
  let t = start.getTime() + BEIJING_OFFSET
  const firstDay = Math.floor(t / DAY)
  for (let day = firstDay; day < firstDay + MAX_DAYS; day++) {
    if (!isWorkingDayNumber(day, calendar)) continue
    for (const period of WORKING_PERIODS) {
      const periodStart = day * DAY + period.start
      const periodEnd = day * DAY + period.end
      if (t >= periodEnd) continue
      if (t < periodStart) t = periodStart
      if (remaining <= periodEnd - t) return new Date(t + remaining - BEIJING_OFFSET)
      remaining -= periodEnd - t
      t = periodEnd
    }
  }
  throw new RangeError('the calendar has no working time in the next ten years')
}

/** Working hours between two moments (0 when `to` is not after `from`). */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkingCalendar = {}): number {
  const a = from.getTime() + BEIJING_OFFSET
  const b = to.getTime() + BEIJING_OFFSET
  if (b <= a) return 0
  let total = 0
  for (let day = Math.floor(a / DAY); day <= Math.floor(b / DAY); day++) {
    if (!isWorkingDayNumber(day, calendar)) continue
    for (const period of WORKING_PERIODS) {
      const start = Math.max(a, day * DAY + period.start)
      const end = Math.min(b, day * DAY + period.end)
      if (end > start) total += end - start
    }
  }
  return total / HOUR
}

/**
 * Whether a task is past its deadline. A task whose clock is paused (waiting for the applicant's
 * answer) or that is closed is never overdue.
 */
export function isOverdue(task: { status: string; dueAt: string | null }, now: Date): boolean {
  if (task.dueAt === null || (task.status !== 'open' && task.status !== 'waiting')) return false
  return now.getTime() > Date.parse(task.dueAt)
}
