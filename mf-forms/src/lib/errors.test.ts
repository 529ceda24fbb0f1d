import { describe, expect, it } from 'vitest'
import { readFailure } from './errors.ts'

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('readFailure', () => {
  it('reads field errors in both languages, as POST /api/applications sends them', async () => {
    const { error, fields } = await readFailure(
      answer(400, {
        error: {
          code: 'invalid_values',
          message: 'Some values are wrong',
          messageZh: '部分内容有误',
          fields: [{ path: 'reason', message: 'Reason is required', messageZh: '请填写调整理由' }],
        },
      }),
    )
    expect(error.status).toBe(400)
    expect(error.text('zh-CN')).toBe('部分内容有误')
    expect(fields).toEqual([{ path: 'reason', message: { zh: '请填写调整理由', en: 'Reason is required' } }])
  })

  it('takes a zod message (one string) for both languages', async () => {
    const { fields } = await readFailure(
      answer(400, { error: { code: 'bad_request', message: 'x', messageZh: 'x', fields: [{ path: 'stateVersion', message: 'Required' }] } }),
    )
    expect(fields).toEqual([{ path: 'stateVersion', message: { zh: 'Required', en: 'Required' } }])
  })

  it('survives a body that is not the hall error shape', async () => {
    const { error, fields } = await readFailure(new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(error.code).toBe('http_502')
    expect(fields).toEqual([])
  })
})
