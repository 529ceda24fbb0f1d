// Its own file: the RE2 engine is module state, and these tests need it not loaded.
import { describe, expect, it } from 'vitest'
import { patternEngineLoaded } from './pattern.ts'
import { form, t } from './test-support.ts'
import { validateSubmission } from './validate.ts'

const def = form({ key: 'code', type: 'text', label: t('编号', 'Code'), pattern: { regex: '\\d{6}', message: t('6 位数字', 'Six digits') } })

describe('before the pattern engine is loaded', () => {
  it('the server’s validation (the default) refuses to guess: a value is never let through unchecked', () => {
    expect(patternEngineLoaded()).toBe(false)
    expect(() => validateSubmission(def, { code: 'abc' })).toThrow(/pattern engine is not loaded/)
  })

  it('the browser’s skips patterns, which the server checks again', () => {
    expect(validateSubmission(def, { code: 'abc' }, { patterns: 'whenLoaded' })).toEqual({ ok: true, values: { code: 'abc' } })
    // A form without a pattern needs no engine at all.
    expect(validateSubmission(form({ key: 'name', type: 'text', label: t('姓名', 'Name') }), { name: 'x' })).toEqual({ ok: true, values: { name: 'x' } })
  })
})
