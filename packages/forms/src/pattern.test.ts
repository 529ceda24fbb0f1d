import { beforeAll, describe, expect, it } from 'vitest'
import { validateDefinition, type TextField } from './definition.ts'
import { loadPatternEngine, matchesPattern, patternProblem } from './pattern.ts'
import { form, t } from './test-support.ts'
import { validateSubmission } from './validate.ts'

beforeAll(() => loadPatternEngine())

const field = (regex: string, extra: Partial<TextField> = {}): TextField => ({
  key: 'code',
  type: 'text',
  label: t('编号', 'Code'),
  pattern: { regex, message: t('格式不对', 'Wrong format') },
  ...extra,
})

describe('a hostile pattern cannot stall the hall', () => {
  // With RegExp, `(a+)+b` against 31 a's took seconds and 40 would take about an hour, every
  // time an applicant submitted. RE2 answers at once; the short timeout is what fails without it.
  it.each([
    { name: 'nested quantifiers', regex: '(a+)+b', input: `${'a'.repeat(40)}!` },
    { name: 'nested quantifiers, long input', regex: '(a+)+b', input: 'a'.repeat(5000) },
    { name: 'overlapping alternation', regex: '(a|aa)+c', input: 'a'.repeat(60) },
    { name: 'nested star on a class', regex: '([a-z]*)*\\d', input: 'x'.repeat(60) },
  ])(
    '$name: no match, answered at once',
    ({ regex, input }) => {
      expect(patternProblem(regex)).toBeUndefined()
      expect(matchesPattern(regex, input)).toBe(false)
      const result = validateSubmission(form(field(regex, { maxLength: 10_000 })), { code: input })
      expect(result.ok).toBe(false)
    },
    2_000,
  )

  it('still finds the match when there is one', () => {
    expect(matchesPattern('(a+)+b', `${'a'.repeat(40)}b`)).toBe(true)
    expect(validateSubmission(form(field('(a+)+b')), { code: `${'a'.repeat(40)}b` })).toEqual({ ok: true, values: { code: `${'a'.repeat(40)}b` } })
  }, 2_000)
})

describe('a pattern means what it meant with RegExp', () => {
  // The format has always said "a JavaScript regular expression, matched against the whole text".
  it.each([
    { regex: '\\d{6}', yes: '310012', no: '3100120' },
    { regex: '^\\d{6}$', yes: '310012', no: '31001' },
    { regex: 'a|ab', yes: 'ab', no: 'abc' }, // the whole text, across alternatives
    { regex: '[\\u4e00-\\u9fa5]{2,4}', yes: '张明', no: '张' }, // JavaScript's \u escapes
    { regex: '\\u{1F600}', yes: '😀', no: ':)' },
    { regex: '(?<year>\\d{4})-\\d{2}', yes: '2026-11', no: '26-11' }, // a named group
    { regex: '[^/]+/\\d', yes: 'ab/1', no: 'a/b/1' }, // slashes need no escaping
    { regex: '.{3}', yes: '𠀀ab', no: '𠀀a' }, // a character outside the BMP is one
  ])('$regex', ({ regex, yes, no }) => {
    expect(patternProblem(regex)).toBeUndefined()
    expect([matchesPattern(regex, yes), matchesPattern(regex, no)]).toEqual([true, false])
    expect([new RegExp(`^(?:${regex})$`, 'u').test(yes), new RegExp(`^(?:${regex})$`, 'u').test(no)]).toEqual([true, false])
  })
})

describe('publishing refuses what RE2 cannot run, naming the field in both languages', () => {
  it.each([
    { name: 'a numbered backreference', regex: '(a)\\1', kind: 'backreference', en: /refers back to a group/, zh: /反向引用/ },
    {
      name: 'a named backreference (re2js would read \\k as a letter)',
      regex: '(?<x>a)\\k<x>',
      kind: 'backreference',
      en: /refers back to a group/,
      zh: /反向引用/,
    },
    { name: 'a lookahead', regex: '(?=.*\\d)[a-z\\d]{8,}', kind: 'lookaround', en: /looks ahead or behind/, zh: /断言/ },
    { name: 'a negative lookahead', regex: '(?!admin)[a-z]+', kind: 'lookaround', en: /looks ahead or behind/, zh: /断言/ },
    { name: 'a lookbehind', regex: '(?<=\\$)\\d+', kind: 'lookaround', en: /looks ahead or behind/, zh: /断言/ },
    { name: 'a negative lookbehind', regex: '(?<!-)\\d+', kind: 'lookaround', en: /looks ahead or behind/, zh: /断言/ },
    { name: 'a backspace class', regex: '[\\b]', kind: 'unsupported', en: /syntax RE2 does not have/, zh: /不支持的写法/ },
    { name: 'not a regular expression', regex: '(', kind: 'syntax', en: /not a valid regular expression/, zh: /不是有效的正则表达式/ },
    { name: 'an escape JavaScript refuses with u', regex: '\\e', kind: 'syntax', en: /not a valid regular expression/, zh: /不是有效的正则表达式/ },
  ])('$name', ({ regex, kind, en, zh }) => {
    expect(patternProblem(regex)?.kind).toBe(kind)
    const result = validateDefinition(form({ key: 'other', type: 'text', label: t('其他', 'Other') }, field(regex)))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(1)
    const [e] = result.errors
    expect(e!.path).toBe('sections.0.fields.1.pattern.regex')
    expect(e!.message).toMatch(en)
    expect(e!.message).toContain('"Code"')
    expect(e!.messageZh).toMatch(zh)
    expect(e!.messageZh).toContain('“编号”')
  })

  it('a table column is checked too', () => {
    const result = validateDefinition(form({ key: 'rows', type: 'table', label: t('明细', 'Rows'), columns: [field('(x)\\1')] }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['sections.0.fields.0.columns.0.pattern.regex'])
  })

  it('a pattern stored before this check is not applied rather than turning every applicant away', () => {
    expect(matchesPattern('(a)\\1', 'anything')).toBe(true)
    expect(validateSubmission(form(field('(?=x)x')), { code: 'whatever' })).toEqual({ ok: true, values: { code: 'whatever' } })
  })

  it('an escaped backslash before k is a backslash and a k, not a backreference', () => {
    expect(patternProblem('a\\\\k')).toBeUndefined()
    expect(matchesPattern('a\\\\k', 'a\\k')).toBe(true)
  })
})
