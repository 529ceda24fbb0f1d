import { describe, expect, test } from 'vitest'
import { evaluateCondition } from './condition.ts'
import type { Condition } from './definition.ts'
import { graduate, undergraduate } from './test-support.ts'

// Conditions route real applications: a wrong comparison sends a week's leave past the college.

const form = { days: 5, daysText: '8', type: 'sick', shared: true, empty: '', none: null, start: '2026-11-09' }

describe('evaluateCondition', () => {
  test.each<{ why: string; condition: Condition; expected: boolean }>([
    { why: 'gt on a number', condition: { field: 'days', op: 'gt', value: 3 }, expected: true },
    { why: 'gt is strict', condition: { field: 'days', op: 'gt', value: 5 }, expected: false },
    { why: 'gte includes the bound', condition: { field: 'days', op: 'gte', value: 5 }, expected: true },
    {
      why: 'lt / lte',
      condition: {
        all: [
          { field: 'days', op: 'lt', value: 6 },
          { field: 'days', op: 'lte', value: 5 },
        ],
      },
      expected: true,
    },
    // why: forms sometimes send numbers as strings; "8" days is still more than 7
    { why: 'a numeric string compares as a number', condition: { field: 'daysText', op: 'gt', value: 7 }, expected: true },
    { why: 'eq across number and numeric string', condition: { field: 'daysText', op: 'eq', value: 8 }, expected: true },
    // why: ISO dates compare correctly as strings
    { why: 'dates compare as strings', condition: { field: 'start', op: 'gte', value: '2026-11-01' }, expected: true },
    { why: 'eq on a string', condition: { field: 'type', op: 'eq', value: 'sick' }, expected: true },
    { why: 'ne', condition: { field: 'type', op: 'ne', value: 'personal' }, expected: true },
    { why: 'in', condition: { field: 'type', op: 'in', value: ['sick', 'personal'] }, expected: true },
    { why: 'notIn', condition: { field: 'type', op: 'notIn', value: ['personal'] }, expected: true },
    { why: 'eq on a boolean', condition: { field: 'shared', op: 'eq', value: true }, expected: true },
    // why: a missing field must not satisfy "greater than": no routing on absent data
    { why: 'missing field is not gt', condition: { field: 'missing', op: 'gt', value: 0 }, expected: false },
    { why: 'missing field is not lt either', condition: { field: 'missing', op: 'lt', value: 100 }, expected: false },
    { why: 'missing field is ne', condition: { field: 'missing', op: 'ne', value: 'x' }, expected: true },
    { why: 'missing field is not in', condition: { field: 'missing', op: 'in', value: [null] }, expected: false },
    { why: 'exists', condition: { field: 'days', op: 'exists' }, expected: true },
    {
      why: "'' and null do not exist",
      condition: {
        any: [
          { field: 'empty', op: 'exists' },
          { field: 'none', op: 'exists' },
        ],
      },
      expected: false,
    },
    { why: 'notExists', condition: { field: 'missing', op: 'notExists' }, expected: true },
    { why: 'a string does not compare with a number', condition: { field: 'type', op: 'gt', value: 3 }, expected: false },
    { why: 'applicant kind', condition: { applicant: 'kind', op: 'eq', value: 'undergraduate' }, expected: true },
    { why: 'applicant fact absent', condition: { applicant: 'supervisor', op: 'exists' }, expected: false },
    {
      why: 'all',
      condition: {
        all: [
          { field: 'days', op: 'gt', value: 3 },
          { field: 'type', op: 'eq', value: 'personal' },
        ],
      },
      expected: false,
    },
    {
      why: 'any',
      condition: {
        any: [
          { field: 'days', op: 'gt', value: 30 },
          { field: 'type', op: 'eq', value: 'sick' },
        ],
      },
      expected: true,
    },
    { why: 'not', condition: { not: { field: 'days', op: 'gt', value: 3 } }, expected: false },
    { why: 'an empty all is true, an empty any false', condition: { all: [{ all: [] }, { not: { any: [] } }] }, expected: true },
  ])('$why', ({ condition, expected }) => {
    expect(evaluateCondition(condition, { form, applicant: undergraduate })).toBe(expected)
  })

  test('reads the applicant, not the form, for applicant conditions', () => {
    // why: a form field named like an applicant fact must not be able to change who reviews
    const condition: Condition = { applicant: 'kind', op: 'eq', value: 'graduate' }
    expect(evaluateCondition(condition, { form: { kind: 'graduate' }, applicant: undergraduate })).toBe(false)
    expect(evaluateCondition(condition, { form: {}, applicant: graduate })).toBe(true)
  })
})
