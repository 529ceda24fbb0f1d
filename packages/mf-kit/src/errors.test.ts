import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'
import { toApiError } from './errors.ts'

describe('toApiError', () => {
  it('keeps an ApiError as it is', () => {
    const e = new ApiError(409, 'stale', 'Changed meanwhile', '已被他人修改')
    expect(toApiError(e)).toBe(e)
  })

  it("wraps an Error with its message (not 'Error: ...') in both languages", () => {
    const e = toApiError(new TypeError('Failed to fetch'))
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(0)
    expect(e.text('en')).toBe('Failed to fetch')
    expect(e.text('zh-CN')).toBe('Failed to fetch')
  })

  it('wraps anything else as text', () => {
    expect(toApiError('boom').text('en')).toBe('boom')
  })
})
