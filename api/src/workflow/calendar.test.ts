import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { addWorkingHours, chinaCalendar, isWorkingDay } from '@hall/workflow'
import { describe, expect, it } from 'vitest'
import { loadEnv } from '../env.ts'
import { workingCalendar } from './calendar.ts'

// HALL_CALENDAR_FILE: a university's own closed and working days on top of China's holidays.

const fileWith = (content: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-calendar-')), 'calendar.json')
  writeFileSync(file, content)
  return file
}
const envWith = (file?: string) => loadEnv({ NODE_ENV: 'test', HALL_LOG_LEVEL: 'silent', ...(file ? { HALL_CALENDAR_FILE: file } : {}) })

describe('workingCalendar', () => {
  it('is China’s public holidays by default', () => {
    expect(workingCalendar(envWith())).toBe(chinaCalendar)
  })

  it('adds the university’s days from the file', () => {
    // why: Monday 2 November 2026 closed (a founding anniversary), Saturday 7 November worked instead
    const cal = workingCalendar(envWith(fileWith(JSON.stringify({ holidays: ['2026-11-02'], workdays: ['2026-11-07'] }))))
    expect(isWorkingDay(new Date('2026-11-02T02:00:00Z'), cal)).toBe(false)
    expect(isWorkingDay(new Date('2026-11-07T02:00:00Z'), cal)).toBe(true)
    expect(isWorkingDay(new Date('2026-10-05T02:00:00Z'), cal)).toBe(false) // still National Day
    // Friday 30 October 17:00 + 1 working hour: half an hour that day, half an hour on Tuesday 3 November (09:00)
    expect(addWorkingHours(new Date('2026-10-30T09:00:00Z'), 1, cal)).toEqual(new Date('2026-11-03T01:00:00Z'))
  })

  it('refuses a file it cannot read, or one with a wrong date, naming the problem', () => {
    expect(() => workingCalendar(envWith(fileWith('{ not json')))).toThrow(/HALL_CALENDAR_FILE.*JSON/)
    expect(() => workingCalendar(envWith(fileWith(JSON.stringify({ holidays: ['2 Nov'] }))))).toThrow(/holidays\.0: a date is written YYYY-MM-DD/)
    expect(() => workingCalendar(envWith(fileWith(JSON.stringify({ closed: [] }))))).toThrow(/HALL_CALENDAR_FILE/)
  })
})
