import { readFileSync } from 'node:fs'
import { chinaCalendar, extendCalendar, type WorkingCalendar } from '@hall/workflow'
import { z } from 'zod'
import type { Env } from '../env.ts'

// The working calendar every deadline is counted in: mainland China's public holidays and make-up
// working days (the data is in @hall/workflow), plus the university's own days from
// HALL_CALENDAR_FILE, e.g.
//   { "holidays": ["2026-11-02"], "workdays": [], "notHolidays": [] }
// (`notHolidays` corrects an estimated holiday that turned out to be a working day).

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
const fileSchema = z.strictObject({
  holidays: z.array(date).default([]),
  workdays: z.array(date).default([]),
  notHolidays: z.array(date).default([]),
})

const cache = new Map<string, WorkingCalendar>()

/** The calendar for this configuration, read once per file; throws with a message on a bad file. */
export function workingCalendar(env: Pick<Env, 'calendarFile'>): WorkingCalendar {
  const file = env.calendarFile
  if (!file) return chinaCalendar
  const known = cache.get(file)
  if (known) return known
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`HALL_CALENDAR_FILE: cannot read ${file} as JSON (${(e as Error).message})`)
  }
  const parsed = fileSchema.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`HALL_CALENDAR_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  const calendar = extendCalendar(chinaCalendar, parsed.data)
  cache.set(file, calendar)
  return calendar
}
