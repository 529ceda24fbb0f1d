import { describe, expect, test } from 'vitest'
import { addWorkingHours, isWorkingDay, workingHoursBetween } from './calendar.ts'
import { CHINA_HOLIDAYS, chinaCalendar, extendCalendar } from './holidays.ts'
import { beijing, threeStepFlow } from './test-support.ts'

// The holiday data itself: a wrong date here moves every deadline around a holiday, so the
// official 2026 schedule is pinned day by day where it matters, and the engine is driven with it.

describe('the calendar of mainland China', () => {
  test('2026 is the State Council’s official schedule; 2027 is marked as an estimate', () => {
    // why: a reader (and an administrator) must know which year still needs the official notice
    expect(CHINA_HOLIDAYS.map((y) => [y.year, y.source])).toEqual([
      [2026, 'official'],
      [2027, 'estimate'],
    ])
  })

  test.each([
    // why: National Day is Thursday 1 – Wednesday 7 October 2026, the weekdays included
    { date: '2026-10-05 10:00', working: false },
    { date: '2026-10-08 10:00', working: true },
    // why: Saturday 10 October and Sunday 20 September are worked in exchange (调休)
    { date: '2026-10-10 10:00', working: true },
    { date: '2026-09-20 10:00', working: true },
    // why: the Spring Festival runs from Sunday 15 to Monday 23 February; Saturday 14 and 28 are worked
    { date: '2026-02-23 10:00', working: false },
    { date: '2026-02-14 10:00', working: true },
    { date: '2026-02-28 10:00', working: true },
    // why: New Year's Day on Thursday 1 January, Sunday 4 January worked
    { date: '2026-01-02 10:00', working: false },
    { date: '2026-01-04 10:00', working: true },
    // why: Labour Day 1–5 May, Saturday 9 May worked; Dragon Boat Friday 19 June; Mid-Autumn Friday 25 September
    { date: '2026-05-04 10:00', working: false },
    { date: '2026-05-09 10:00', working: true },
    { date: '2026-06-19 10:00', working: false },
    { date: '2026-09-25 10:00', working: false },
    // why: an ordinary Saturday is still off
    { date: '2026-10-17 10:00', working: false },
  ])('$date is a working day: $working', ({ date, working }) => {
    expect(isWorkingDay(beijing(date), chinaCalendar)).toBe(working)
  })

  test('every make-up working day is a weekend day, and no date is both a holiday and a working day', () => {
    // why: a typo in the data (a weekday as 调休, a day in both lists) would silently shift deadlines
    const workdays = new Set(chinaCalendar.workdays)
    for (const d of chinaCalendar.workdays) expect([0, 6], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay())
    for (const d of chinaCalendar.holidays) expect(workdays.has(d), d).toBe(false)
  })
})

describe('deadlines with the holiday calendar', () => {
  test('a task received the afternoon before National Day falls due after the week off', () => {
    // why: Wednesday 30 September 16:00 + 7 working hours: 1.5 h that day, nothing from 1 to 7 October, 5.5 h on Thursday 8th
    expect(addWorkingHours(beijing('2026-09-30 16:00'), 7, chinaCalendar)).toEqual(beijing('2026-10-08 16:00'))
    expect(workingHoursBetween(beijing('2026-09-30 16:00'), beijing('2026-10-08 16:00'), chinaCalendar)).toBe(7)
  })

  test('the make-up Saturday after National Day counts as a working day', () => {
    // why: Friday 9 October 17:00 + 7 h ends on Saturday 10 October (调休), not on Monday 12th
    expect(addWorkingHours(beijing('2026-10-09 17:00'), 7, chinaCalendar)).toEqual(beijing('2026-10-10 17:00'))
  })

  test('the engine gives a task submitted before National Day its deadline after the holiday', () => {
    // why: the engine takes the calendar from its context; the seeded flow's first step has 7 working hours
    const flow = threeStepFlow({ now: beijing('2026-09-30 16:00'), calendar: chinaCalendar }).submit()
    expect(flow.taskOf('ann').dueAt).toBe(beijing('2026-10-08 16:00').toISOString())
  })
})

describe('extendCalendar (a university’s own days)', () => {
  test('adds a closure, a working day, and corrects an estimated holiday', () => {
    // why: universities close on their founding day and must be able to fix the 2027 estimate before the notice
    const cal = extendCalendar(chinaCalendar, { holidays: ['2026-11-02'], workdays: ['2026-11-07'], notHolidays: ['2027-06-09'] })
    expect(isWorkingDay(beijing('2026-11-02 10:00'), cal)).toBe(false)
    expect(isWorkingDay(beijing('2026-11-07 10:00'), cal)).toBe(true)
    expect(isWorkingDay(beijing('2027-06-09 10:00'), cal)).toBe(true)
    expect(isWorkingDay(beijing('2027-06-09 10:00'), chinaCalendar)).toBe(false)
  })
})
