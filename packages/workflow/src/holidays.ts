import type { WorkingCalendar } from './calendar.ts'

// The official public holidays of mainland China and the weekend days worked in exchange (调休),
// as data for the working-hours calendar. The State Council publishes each year's schedule in
// November of the year before (国务院办公厅关于 20XX 年部分节假日安排的通知); a new year is one
// more entry here, and a university adds its own closures (or a schedule published after this
// release) through the API's HALL_CALENDAR_FILE (see the README's configuration).

export interface HolidayYear {
  year: number
  /** `official`: as published by the State Council; `estimate`: not published yet, our best guess. */
  source: 'official' | 'estimate'
  /** Where the schedule comes from. */
  reference: string
  /** Every day off of each holiday, including those that fall on a weekend, by holiday. */
  holidays: Record<string, readonly string[]>
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[]
}

/** Consecutive Beijing dates from `first` to `last`, inclusive. */
function days(first: string, last: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

export const CHINA_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2026,
    source: 'official',
    reference: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: {
      元旦: days('2026-01-01', '2026-01-03'),
      春节: days('2026-02-15', '2026-02-23'),
      清明节: days('2026-04-04', '2026-04-06'),
      劳动节: days('2026-05-01', '2026-05-05'),
      端午节: days('2026-06-19', '2026-06-21'),
      中秋节: days('2026-09-25', '2026-09-27'),
      国庆节: days('2026-10-01', '2026-10-07'),
    },
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    // Not published when this was written: the statutory days (春节 from New Year's Eve, 劳动节
    // 2 days, the others 1 day) on the 2027 lunar dates, bridged the way recent schedules do.
    // Replace with the State Council's notice when it appears, or override by configuration.
    year: 2027,
    source: 'estimate',
    reference: 'estimate from the statutory holidays and the 2027 lunar calendar; not the official schedule',
    holidays: {
      元旦: days('2027-01-01', '2027-01-03'),
      春节: days('2027-02-05', '2027-02-13'),
      清明节: days('2027-04-03', '2027-04-05'),
      劳动节: days('2027-05-01', '2027-05-05'),
      端午节: days('2027-06-09', '2027-06-09'),
      中秋节: days('2027-09-15', '2027-09-15'),
      国庆节: days('2027-10-01', '2027-10-07'),
    },
    workdays: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
  },
]

/** The calendar of mainland China's public holidays and make-up working days, every year known. */
export const chinaCalendar: Required<WorkingCalendar> = {
  holidays: CHINA_HOLIDAYS.flatMap((y) => Object.values(y.holidays).flat()),
  workdays: CHINA_HOLIDAYS.flatMap((y) => [...y.workdays]),
}

/**
 * A calendar with a university's own additions: extra closed days (a founding day, a closure),
 * extra working days, and days that are working days after all (`notHolidays`, to correct an
 * estimate). A date listed both as a holiday and as a working day is a working day.
 */
export function extendCalendar(
  base: WorkingCalendar,
  extra: { holidays?: readonly string[]; workdays?: readonly string[]; notHolidays?: readonly string[] },
): Required<WorkingCalendar> {
  const dropped = new Set(extra.notHolidays ?? [])
  return {
    holidays: [...new Set([...(base.holidays ?? []), ...(extra.holidays ?? [])])].filter((d) => !dropped.has(d)),
    workdays: [...new Set([...(base.workdays ?? []), ...(extra.workdays ?? [])])],
  }
}
