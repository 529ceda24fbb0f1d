import { describe, expect, it } from 'vitest'
import type { ValueField } from '../definition.ts'
import { formatValue } from './format.ts'

const period: ValueField = { key: 'period', type: 'dateRange', label: { zh: '期间', en: 'Period' } }

describe('formatValue', () => {
  it('shows a date range as its two dates', () => {
    expect(formatValue(period, { start: '2026-11-10', end: '2026-11-12' }, 'en')).toBe('2026-11-10 to 2026-11-12')
    expect(formatValue(period, { start: '2026-11-10', end: '2026-11-12' }, 'zh-CN')).toBe('2026-11-10 至 2026-11-12')
  })

  it('shows a part of a date range that is not a date as nothing, never as [object Object]', () => {
    // A stored value is JSON from the database: a malformed one must not print JavaScript's object text.
    expect(formatValue(period, { start: { y: 2026 }, end: '2026-11-12' }, 'en')).toBe(' to 2026-11-12')
  })
})
