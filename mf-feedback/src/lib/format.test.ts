import { afterEach, describe, expect, it } from 'vitest'
import { dateOnly, dateTime, monthOnly, percent, score } from './format.ts'

const original = process.env.TZ
afterEach(() => {
  process.env.TZ = original
})

describe('the feedback pages’ formats', () => {
  it('show a dash where there is no date, score or share', () => {
    expect(dateTime(null, 'zh-CN')).toBe('—')
    expect(dateOnly(null, 'en')).toBe('—')
    expect(score(null)).toBe('—')
    expect(percent(undefined)).toBe('—')
  })

  it('give scores to one decimal and shares as percentages', () => {
    expect(score(4)).toBe('4.0')
    expect(percent(0.8761)).toBe('87.6%')
  })

  it('show a rating’s time in Beijing time, saying so on a device elsewhere', () => {
    // Before this, the device's zone: 23:30 UTC was "Nov 27" in New York, "11月28日 07:30" in Beijing.
    process.env.TZ = 'America/New_York'
    expect(dateTime('2026-11-27T23:30:00Z', 'zh-CN')).toBe('2026年11月28日 07:30 北京时间')
    expect(dateOnly('2026-11-27T23:30:00Z', 'en')).toContain('28')
  })

  it('names the month of an anonymous rating, whatever the page’s locale string', () => {
    expect(monthOnly('2026-10', 'zh-CN')).toBe('2026年10月')
    expect(monthOnly('2026-10', 'en')).toBe('October 2026')
  })
})
