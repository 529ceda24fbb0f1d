import { beforeAll, describe, expect, it } from 'vitest'
import { validateDefinition, type NumberField, type TextField } from './definition.ts'
import { formDefinitions } from '@hall/demo-university/templates'
import { form, t } from './test-support.ts'
import { loadPatternEngine } from './pattern.ts'

// The server registers the RE2 engine up front (@hall/forms/format); these tests import the parts.
beforeAll(() => loadPatternEngine())

// The form the hall ships for 本科生请销假: tests exercise the format on a real form.
const undergradLeave = formDefinitions['undergrad-leave']!

const text = (key: string, extra: Record<string, unknown> = {}): TextField => ({ key, type: 'text', label: t(key, key), ...extra })
const num = (key: string, extra: Record<string, unknown> = {}): NumberField => ({ key, type: 'number', label: t(key, key), ...extra })

describe('validateDefinition', () => {
  it('accepts the example, and survives a JSON round trip (the API stores definitions as JSON)', () => {
    expect(validateDefinition(undergradLeave).ok).toBe(true)
    expect(validateDefinition(JSON.parse(JSON.stringify(undergradLeave)))).toEqual({ ok: true, definition: undergradLeave })
  })

  // One row per mistake a service owner can make: the definition, and a phrase of the error.
  it.each([
    { name: 'not a definition', def: { sections: [] }, error: /formatVersion|expected/i },
    { name: 'a typo in a property', def: form({ key: 'a', type: 'text', label: t('a', 'a'), requried: true } as never), error: /requried/ },
    { name: 'a label in one language only', def: form({ key: 'a', type: 'text', label: { zh: '甲' } } as never), error: /en/ },
    { name: 'a span outside the grid', def: form(text('a', { span: 25 })), error: /span|24/ },
    { name: 'a key with a dot', def: form(text('a.b')), error: /key/ },
    {
      name: 'duplicate field keys across sections',
      def: {
        formatVersion: 1,
        sections: [
          { title: t('一', 'One'), fields: [text('a')] },
          { title: t('二', 'Two'), fields: [text('a')] },
        ],
      },
      error: /duplicate field key "a"/,
    },
    {
      name: 'duplicate option values',
      def: form({
        key: 's',
        type: 'select',
        label: t('s', 's'),
        options: [
          { value: 'x', label: t('x', 'x') },
          { value: 'x', label: t('y', 'y') },
        ],
      }),
      error: /duplicate option value "x"/,
    },
    {
      name: 'duplicate columns',
      def: form({ key: 'tb', type: 'table', label: t('t', 't'), columns: [text('c'), text('c')] }),
      error: /duplicate column key "c"/,
    },
    { name: 'a condition on a missing field', def: form(text('a', { visibleWhen: { field: 'nope', op: 'notEmpty' } })), error: /"nope" refers to no field/ },
    {
      name: 'a condition on a missing option',
      def: form(
        { key: 's', type: 'select', label: t('s', 's'), options: [{ value: 'x', label: t('x', 'x') }] },
        text('a', { visibleWhen: { field: 's', op: 'eq', value: 'y' } }),
      ),
      error: /no option "y"/,
    },
    {
      name: 'gt on a choice',
      def: form({ key: 's', type: 'switch', label: t('s', 's') }, text('a', { visibleWhen: { field: 's', op: 'gt', value: 1 } })),
      error: /needs a number, money, date or time/,
    },
    {
      name: 'a wrong date-range part',
      def: form({ key: 'p', type: 'dateRange', label: t('p', 'p') }, num('d', { computed: { kind: 'daysBetween', from: 'p.begin', to: 'p.end' } })),
      error: /only \.start and \.end/,
    },
    { name: 'daysBetween on text', def: form(text('a'), num('d', { computed: { kind: 'daysBetween', from: 'a', to: 'a' } })), error: /needs dates/ },
    { name: 'sum of text', def: form(text('a'), num('d', { computed: { kind: 'sum', fields: ['a'] } })), error: /sum needs numbers/ },
    {
      name: 'a missing table column',
      def: form({ key: 'tb', type: 'table', label: t('t', 't'), columns: [num('c')] }, num('d', { computed: { kind: 'sum', fields: ['tb.x'] } })),
      error: /no column "x"/,
    },
    {
      name: 'concat into a number',
      def: form(text('a'), num('d', { computed: { kind: 'concat', parts: [{ field: 'a' }] } })),
      error: /cannot hold a "concat"/,
    },
    {
      name: 'a computed field that is also pre-filled',
      def: form(text('a'), text('b', { computed: { kind: 'concat', parts: [{ field: 'a' }] }, prefill: { path: 'name' } })),
      error: /cannot also be pre-filled/,
    },
    { name: 'a bad regular expression', def: form(text('a', { pattern: { regex: '(', message: t('x', 'x') } })), error: /not a valid regular expression/ },
    { name: 'min above max', def: form(num('a', { min: 5, max: 1 })), error: /min is greater than max/ },
    { name: 'a date limit on a text', def: form(text('a'), { key: 'd', type: 'date', label: t('d', 'd'), min: { field: 'a' } }), error: /"a" is not a date/ },
    { name: 'a date that does not exist', def: form({ key: 'd', type: 'date', label: t('d', 'd'), max: '2026-02-30' }), error: /not a calendar date/ },
    {
      name: 'computed values in a cycle',
      def: form(num('a', { computed: { kind: 'sum', fields: ['b'] } }), num('b', { computed: { kind: 'sum', fields: ['a'] } })),
      error: /circular dependency: a → b → a/,
    },
    { name: 'a field hidden by itself', def: form(text('a', { visibleWhen: { field: 'a', op: 'notEmpty' } })), error: /circular dependency: a → a/ },
    {
      name: 'visibility and value in a loop',
      def: form(num('n'), num('a', { visibleWhen: { field: 'b', op: 'gt', value: 1 } }), num('b', { computed: { kind: 'sum', fields: ['a', 'n'] } })),
      error: /circular dependency/,
    },
    {
      name: 'columns in a cycle',
      def: form({
        key: 'tb',
        type: 'table',
        label: t('t', 't'),
        columns: [num('x', { computed: { kind: 'sum', fields: ['y'] } }), num('y', { computed: { kind: 'sum', fields: ['x'] } })],
      }),
      error: /circular dependency: x → y → x/,
    },
    {
      name: 'a pre-filled column',
      def: form({ key: 'tb', type: 'table', label: t('t', 't'), columns: [text('x', { prefill: { path: 'name' } })] }),
      error: /column cannot be pre-filled/,
    },
  ])('$name', ({ def, error }) => {
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(error)
  })

  it('lets a column condition refer to its own row', () => {
    const def = form({
      key: 'tb',
      type: 'table',
      label: t('t', 't'),
      columns: [{ key: 'exam', type: 'switch', label: t('考试', 'Exam') }, text('makeUp', { visibleWhen: { field: 'exam', op: 'eq', value: true } })],
    })
    expect(validateDefinition(def).ok).toBe(true)
  })

  it('points at where the problem is', () => {
    const result = validateDefinition(
      form(
        text('a'),
        text('b', {
          visibleWhen: {
            all: [
              { field: 'a', op: 'notEmpty' },
              { field: 'z', op: 'empty' },
            ],
          },
        }),
      ),
    )
    expect(result).toEqual({ ok: false, errors: [{ path: 'sections.0.fields.1.visibleWhen.all.1', message: 'condition: "z" refers to no field' }] })
  })
})
