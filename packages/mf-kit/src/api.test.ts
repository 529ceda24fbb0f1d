import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'

// ApiError is how every micro-frontend learns what the API refused; a form needs each wrong input
// at its field, not only the summary.

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('ApiError.from', () => {
  it('keeps the fields of a 422 (and a 400), each in both languages', async () => {
    const err = await ApiError.from(
      answer(422, {
        error: {
          code: 'invalid_form',
          message: 'The form has 2 errors',
          messageZh: '表单有误',
          fields: [
            { path: 'period.end', message: 'The end is before the start', messageZh: '结束日期早于开始日期' },
            { path: 'reason', message: 'Required' },
          ],
        },
      }),
    )
    expect(err).toMatchObject({ status: 422, code: 'invalid_form' })
    expect(err.fields).toHaveLength(2)
    expect(err.fieldText('period.end', 'zh-CN')).toBe('结束日期早于开始日期')
    expect(err.fieldText('period.end', 'en')).toBe('The end is before the start')
    // why: a schema check has only English; Chinese users still see something rather than nothing
    expect(err.fieldText('reason', 'zh-CN')).toBe('Required')
    expect(err.fieldText('phone', 'zh-CN')).toBeUndefined()
  })

  it('has no fields when the answer has none, or they are not the API’s shape', async () => {
    expect((await ApiError.from(answer(409, { error: { code: 'stale_version', message: 'm', messageZh: 'z' } }))).fields).toEqual([])
    expect((await ApiError.from(answer(400, { error: { code: 'x', message: 'm', messageZh: 'z', fields: [{ nope: 1 }, 'a'] } }))).fields).toEqual([])
    expect((await ApiError.from(new Response('not json', { status: 502, statusText: 'Bad Gateway' }))).fields).toEqual([])
  })
})
