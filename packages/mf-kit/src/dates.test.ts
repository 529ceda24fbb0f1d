import { afterEach, describe, expect, it } from 'vitest'
import { deviceDiffersFromBeijing, formatClock, formatDate, formatDateTime, formatMonth, formatShortDateTime } from './dates.ts'

// The device's zone is the process's: Node applies a new `process.env.TZ` at once, so each case
// sets the zone of the device it stands for. 01:30 UTC on 28 Nov is 09:30 on 28 Nov in Beijing and
// 20:30 on 27 Nov in New York: a formatter that used the device's zone would show another day.
const AT = '2026-11-28T01:30:00.000Z'
const original = process.env.TZ
afterEach(() => {
  process.env.TZ = original
})
const onDevice = (zone: string) => {
  process.env.TZ = zone
}

describe('on a device in New York', () => {
  it('shows Beijing time, with the zone, in both languages', () => {
    onDevice('America/New_York')
    expect(deviceDiffersFromBeijing(new Date(AT))).toBe(true)
    const zh = formatDateTime(AT, 'zh-CN')
    expect(zh).toContain('2026年11月28日')
    expect(zh).toContain('09:30')
    expect(zh).toMatch(/北京时间$/)
    const en = formatDateTime(AT, 'en')
    expect(en).toContain('28')
    expect(en).toContain('09:30')
    expect(en).toMatch(/Beijing time$/)
  })

  it('gives the Beijing day for a date and the Beijing clock for a time', () => {
    onDevice('America/New_York')
    expect(formatDate(AT, 'zh-CN')).toBe('2026年11月28日')
    expect(formatClock(AT, 'zh-CN')).toBe('09:30 北京时间')
    expect(formatClock(AT, 'en')).toBe('09:30 Beijing time')
  })

  it('keeps the year off this Beijing year in the compact form, and on in another', () => {
    onDevice('America/New_York')
    expect(formatShortDateTime(AT, 'zh-CN', new Date('2026-12-01T00:00:00Z'))).toBe('11/28 09:30 北京时间')
    // New Year's Eve in New York is already 2027 in Beijing: the year is Beijing's.
    const newYear = '2026-12-31T17:00:00Z'
    expect(formatShortDateTime(newYear, 'zh-CN', new Date('2027-01-02T00:00:00Z'))).toBe('01/01 01:00 北京时间')
    expect(formatShortDateTime(AT, 'en', new Date('2027-03-01T00:00:00Z'))).toContain('2026')
  })
})

describe('on a device in London (summer and winter time)', () => {
  it('labels the zone in both seasons', () => {
    onDevice('Europe/London')
    expect(formatDateTime('2026-07-01T02:00:00Z', 'zh-CN')).toMatch(/10:00 北京时间$/)
    expect(formatDateTime('2026-01-01T02:00:00Z', 'en')).toMatch(/10:00 Beijing time$/)
  })
})

describe('on a device in Beijing', () => {
  it('shows the time without a label', () => {
    onDevice('Asia/Shanghai')
    expect(deviceDiffersFromBeijing(new Date(AT))).toBe(false)
    expect(formatDateTime(AT, 'zh-CN')).toBe('2026年11月28日 09:30')
    expect(formatClock(AT, 'en')).toBe('09:30')
  })

  it('treats another zone on the same clock as Beijing (no label needed)', () => {
    onDevice('Asia/Chongqing')
    expect(formatDateTime(AT, 'en')).not.toContain('Beijing')
  })
})

describe('what is not a time', () => {
  it('is empty for nothing and passes an unreadable text through', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('')
    expect(formatDateTime(undefined, 'en')).toBe('')
    expect(formatDate('', 'en')).toBe('')
    expect(formatDateTime('soon', 'en')).toBe('soon')
  })

  it('names a Beijing month', () => {
    onDevice('America/Los_Angeles')
    expect(formatMonth('2026-10', 'zh-CN')).toBe('2026年10月')
    expect(formatMonth('2026-10', 'en')).toBe('October 2026')
  })
})
