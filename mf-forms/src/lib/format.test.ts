import { describe, expect, it } from 'vitest'
import { duration, names } from './format.ts'

// The words are the keys with their arguments, so the test reads what was chosen.
const t = (key: string, named?: Record<string, unknown>) => `${key}${named ? JSON.stringify(named) : ''}`

describe('duration', () => {
  it.each([
    [0, 'duration.lessThanMinute'],
    [-5_000, 'duration.lessThanMinute'],
    [59_000, 'duration.lessThanMinute'],
    [12 * 60_000, 'duration.minutes{"n":12}'],
    [3 * 3_600_000 + 59 * 60_000, 'duration.hours{"n":3}'],
    [(2 * 24 + 5) * 3_600_000, 'duration.daysHours{"d":2,"h":5}'],
    [2 * 24 * 3_600_000, 'duration.days{"n":2}'],
    // A week or more: hours no longer matter.
    [(9 * 24 + 5) * 3_600_000, 'duration.days{"n":9}'],
  ])('%d ms → %s', (ms, expected) => {
    expect(duration(ms, t)).toBe(expected)
  })
})

describe('names', () => {
  it('joins with the list separator of the language', () => {
    expect(names(['杜红梅', '王磊'], 'zh-CN')).toBe('杜红梅、王磊')
    expect(names(['Du Hongmei', 'Wang Lei'], 'en')).toBe('Du Hongmei, Wang Lei')
  })
})
