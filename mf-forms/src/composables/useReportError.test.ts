import { describe, expect, it } from 'vitest'
import { reportedValue } from './useReportError.ts'

describe('reportedValue', () => {
  it('quotes a plain value as its text, and nothing for an empty one', () => {
    expect(reportedValue('张三')).toBe('张三')
    expect(reportedValue(3)).toBe('3')
    expect(reportedValue(undefined)).toBe('')
    expect(reportedValue(null)).toBe('')
  })

  it('quotes a date range or a person as JSON, never as [object Object]', () => {
    expect(reportedValue({ start: '2026-11-10', end: '2026-11-12' })).toBe('{"start":"2026-11-10","end":"2026-11-12"}')
    expect(reportedValue(['a', 'b'])).toBe('["a","b"]')
  })
})
