import { describe, expect, test } from 'vitest'
import { addWorkingHours, isOverdue, isWorkingDay, WORKING_HOURS_PER_DAY, workingHoursBetween, type WorkingCalendar } from './calendar.ts'
import { beijing } from './test-support.ts'

// Deadlines are what applicants and offices argue about: these pin down exactly when a task
// falls due, in Beijing time, around lunch, evenings, weekends and holidays.

// National Day 2026 (Thursday 1 – Wednesday 7 October) with Saturday 10 October worked in exchange.
const nationalDay: WorkingCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
}

describe('addWorkingHours', () => {
  test.each([
    // why: the plain case, inside the morning period
    { why: 'within a morning', start: '2026-11-02 09:00', hours: 2, due: '2026-11-02 11:00' },
    // why: the lunch break (12:00–14:00) does not count
    { why: 'across lunch', start: '2026-11-02 11:00', hours: 2, due: '2026-11-02 15:00' },
    // why: a deadline that lands on the end of a period stays there rather than jumping to 14:00
    { why: 'ends at noon', start: '2026-11-02 08:30', hours: 3.5, due: '2026-11-02 12:00' },
    // why: one working day is 7 hours, so "1 day" from 09:00 is 09:00 the next day
    { why: 'one working day', start: '2026-11-02 09:00', hours: WORKING_HOURS_PER_DAY, due: '2026-11-03 09:00' },
    // why: the evening does not count: the clock starts at 08:30 next morning
    { why: 'submitted in the evening', start: '2026-11-02 20:00', hours: 1, due: '2026-11-03 09:30' },
    // why: before opening, the clock starts at 08:30
    { why: 'submitted before opening', start: '2026-11-02 07:00', hours: 1, due: '2026-11-02 09:30' },
    // why: weekends are excluded: Friday 17:00 + 2h is Monday 10:00
    { why: 'across a weekend', start: '2026-11-06 17:00', hours: 2, due: '2026-11-09 10:00' },
    // why: something submitted on Saturday starts counting on Monday morning
    { why: 'submitted on a Saturday', start: '2026-11-07 10:00', hours: 7, due: '2026-11-09 17:30' },
    // why: a task given at lunch starts at 14:00
    { why: 'submitted at lunch', start: '2026-11-02 12:30', hours: 1, due: '2026-11-02 15:00' },
    // why: longer limits span several weeks correctly (10 working days = two weeks)
    { why: 'ten working days', start: '2026-11-02 09:00', hours: 70, due: '2026-11-16 09:00' },
  ])('$why', ({ start, hours, due }) => {
    expect(addWorkingHours(beijing(start), hours)).toEqual(beijing(due))
  })

  test.each([
    // why: holidays are skipped: from Wednesday 30 September, one day lands on Thursday 8 October
    { why: 'over National Day', start: '2026-09-30 09:00', hours: 7, due: '2026-10-08 09:00' },
    // why: a make-up Saturday (调休) is a working day
    { why: 'a make-up Saturday counts', start: '2026-10-09 17:00', hours: 1, due: '2026-10-10 09:00' },
  ])('with a calendar: $why', ({ start, hours, due }) => {
    expect(addWorkingHours(beijing(start), hours, nationalDay)).toEqual(beijing(due))
  })

  test('refuses negative hours and a calendar with no working time', () => {
    // why: a bad definition or calendar must fail loudly, not loop or return nonsense
    expect(() => addWorkingHours(beijing('2026-11-02 09:00'), -1)).toThrow(RangeError)
    const closed: WorkingCalendar = { holidays: [] }
    const allDays: string[] = []
    for (let d = new Date('2026-11-02T00:00:00Z'); allDays.length < 3700; d = new Date(d.getTime() + 86_400_000)) allDays.push(d.toISOString().slice(0, 10))
    closed.holidays = allDays
    expect(() => addWorkingHours(beijing('2026-11-02 09:00'), 1, closed)).toThrow(RangeError)
  })
})

describe('workingHoursBetween', () => {
  test.each([
    // why: it is the inverse of addWorkingHours, used to pause a deadline while the applicant answers
    { from: '2026-11-02 09:00', to: '2026-11-02 15:00', hours: 4 },
    { from: '2026-11-06 17:00', to: '2026-11-09 10:00', hours: 2 },
    { from: '2026-11-02 18:00', to: '2026-11-03 08:00', hours: 0 },
    { from: '2026-11-03 10:00', to: '2026-11-02 10:00', hours: 0 },
  ])('$from → $to is $hours h', ({ from, to, hours }) => {
    expect(workingHoursBetween(beijing(from), beijing(to))).toBe(hours)
  })
})

describe('isWorkingDay and isOverdue', () => {
  test('weekdays, weekends, holidays and make-up days', () => {
    // why: the date is the Beijing date, not the UTC one (Monday 07:00 Beijing is Sunday in UTC)
    expect(isWorkingDay(beijing('2026-11-02 07:00'))).toBe(true)
    expect(isWorkingDay(beijing('2026-11-07 10:00'))).toBe(false)
    expect(isWorkingDay(beijing('2026-10-01 10:00'), nationalDay)).toBe(false)
    expect(isWorkingDay(beijing('2026-10-10 10:00'), nationalDay)).toBe(true)
  })

  test.each([
    { status: 'open', dueAt: '2026-11-02T02:00:00.000Z', overdue: true },
    { status: 'waiting', dueAt: '2026-11-02T02:00:00.000Z', overdue: true },
    // why: a task waiting for the applicant's answer has its clock stopped
    { status: 'asked', dueAt: '2026-11-02T02:00:00.000Z', overdue: false },
    { status: 'closed', dueAt: '2026-11-02T02:00:00.000Z', overdue: false },
    { status: 'open', dueAt: '2026-11-02T04:00:00.000Z', overdue: false },
    { status: 'open', dueAt: null, overdue: false },
  ])('$status due $dueAt at 11:00 → $overdue', ({ status, dueAt, overdue }) => {
    expect(isOverdue({ status, dueAt }, beijing('2026-11-02 11:00'))).toBe(overdue)
  })
})
