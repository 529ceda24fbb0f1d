import { describe, expect, it } from 'vitest'
import { daysBetween } from './dates.ts'
import type { FormValues } from './definition.ts'
import { computeValues, testCondition, visibleFields } from './evaluate.ts'
import { formDefinitions } from '@hall/demo-university/templates'
import { initialValues } from './initial.ts'
import { form, t } from './test-support.ts'

// The form the hall ships for 本科生请销假: tests exercise the format on a real form.
const undergradLeave = formDefinitions['undergrad-leave']!

describe('daysBetween', () => {
  // 2026-11-09 is a Monday; 2026-10-01..07 is the National Day holiday, worked back on Sat 10-10.
  const calendar = {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-10-10'],
  }
  it.each([
    { from: '2026-11-10', to: '2026-11-12', opts: {}, days: 3 },
    { from: '2026-11-10', to: '2026-11-10', opts: {}, days: 1 },
    { from: '2026-11-10', to: '2026-11-12', opts: { inclusive: false }, days: 2 },
    { from: '2026-02-27', to: '2026-03-02', opts: {}, days: 4, why: 'across the end of February' },
    { from: '2028-02-28', to: '2028-03-01', opts: {}, days: 3, why: 'leap year' },
    { from: '2026-11-13', to: '2026-11-16', opts: { workingDaysOnly: true }, days: 2, why: 'Friday to Monday' },
    { from: '2026-11-14', to: '2026-11-15', opts: { workingDaysOnly: true }, days: 0, why: 'a weekend' },
    { from: '2026-11-09', to: '2026-11-22', opts: { workingDaysOnly: true }, days: 10 },
    { from: '2026-09-28', to: '2026-10-11', opts: { workingDaysOnly: true, calendar }, days: 6, why: 'holidays out, worked Saturday in' },
    { from: '2026-11-12', to: '2026-11-10', opts: {}, days: undefined, why: 'backwards' },
    { from: '2026-11-10', to: '', opts: {}, days: undefined, why: 'incomplete' },
    { from: '2026-02-30', to: '2026-03-02', opts: {}, days: undefined, why: 'not a date' },
  ])('$from → $to $opts = $days', ({ from, to, opts, days }) => {
    expect(daysBetween(from, to, opts)).toBe(days)
  })
})

describe('testCondition', () => {
  const values: FormValues = { n: 5, s: 'sick', list: ['a', 'b'], d: '2026-11-10', blank: '  ', none: [] }
  const get = (ref: string) => values[ref]
  it.each([
    [{ field: 'n', op: 'gt', value: 3 }, true],
    [{ field: 'n', op: 'gte', value: 5 }, true],
    [{ field: 'n', op: 'lt', value: 5 }, false],
    [{ field: 'n', op: 'lte', value: 5 }, true],
    [{ field: 'n', op: 'eq', value: '5' }, true],
    [{ field: 's', op: 'ne', value: 'sick' }, false],
    [{ field: 's', op: 'in', value: ['sick', 'personal'] }, true],
    [{ field: 's', op: 'notIn', value: ['sick'] }, false],
    [{ field: 'list', op: 'eq', value: 'b' }, true],
    [{ field: 'list', op: 'in', value: ['c', 'a'] }, true],
    [{ field: 'list', op: 'notIn', value: ['c'] }, true],
    [{ field: 'd', op: 'lt', value: '2026-12-01' }, true],
    [{ field: 'blank', op: 'empty' }, true],
    [{ field: 'none', op: 'empty' }, true],
    [{ field: 'missing', op: 'notEmpty' }, false],
    [{ field: 'missing', op: 'gt', value: 1 }, false],
    [
      {
        all: [
          { field: 'n', op: 'gt', value: 3 },
          { field: 's', op: 'eq', value: 'sick' },
        ],
      },
      true,
    ],
    [
      {
        any: [
          { field: 'n', op: 'gt', value: 9 },
          { field: 's', op: 'eq', value: 'x' },
        ],
      },
      false,
    ],
    [{ not: { field: 'n', op: 'gt', value: 9 } }, true],
  ] as const)('%j → %s', (cond, expected) => {
    expect(testCondition(cond as never, get)).toBe(expected)
  })
})

describe('visibleFields', () => {
  const base = { leaveType: 'personal', period: { start: '2026-11-10', end: '2026-11-11' }, leavesCampus: false }
  it('shows the longer-leave section only past 3 days, and the proof only for sick leave', () => {
    const short = visibleFields(undergradLeave, base)
    expect(short).not.toContain('parentPhone')
    expect(short).not.toContain('sickProof')
    expect(short).not.toContain('destination')
    const long = visibleFields(undergradLeave, { ...base, leaveType: 'sick', leavesCampus: true, period: { start: '2026-11-10', end: '2026-11-13' } })
    expect(long).toEqual(expect.arrayContaining(['longLeaveNotice', 'parentPhone', 'missedClasses', 'sickProof', 'destination']))
  })
})

describe('computeValues', () => {
  it('fills computed fields and keeps what the user typed in hidden ones', () => {
    const out = computeValues(undergradLeave, { leaveType: 'personal', sickProof: [{ id: 'x' }], period: { start: '2026-11-13', end: '2026-11-16' }, days: 99 })
    expect(out).toMatchObject({ days: 4, schoolDays: 2, sickProof: [{ id: 'x' }] })
  })

  it('removes a computed value whose inputs are gone', () => {
    expect(computeValues(undergradLeave, { period: { start: '2026-11-13', end: '' }, days: 4 })).not.toHaveProperty('days')
  })

  it('sums a table column in yuan without float noise, counts rows, joins text, and computes per row', () => {
    const def = form(
      {
        key: 'items',
        type: 'table',
        label: t('明细', 'Items'),
        columns: [
          { key: 'price', type: 'money', label: t('单价', 'Price') },
          { key: 'fee', type: 'money', label: t('手续费', 'Fee') },
          { key: 'subtotal', type: 'money', label: t('小计', 'Subtotal'), computed: { kind: 'sum', fields: ['price', 'fee'] } },
        ],
      },
      { key: 'total', type: 'money', label: t('合计', 'Total'), computed: { kind: 'sum', fields: ['items.subtotal'] } },
      { key: 'rows', type: 'number', label: t('行数', 'Rows'), computed: { kind: 'count', field: 'items' } },
      { key: 'building', type: 'text', label: t('楼', 'Building') },
      { key: 'room', type: 'text', label: t('房间', 'Room') },
      {
        key: 'address',
        type: 'text',
        label: t('地址', 'Address'),
        computed: { kind: 'concat', parts: [{ field: 'building' }, { text: '栋' }, { field: 'room' }] },
      },
    )
    const out = computeValues(def, { items: [{ price: 0.1, fee: 0.2 }, { price: 10 }], building: '东 3', room: '201' })
    expect(out).toMatchObject({ items: [{ subtotal: 0.3 }, { subtotal: 10 }], total: 10.3, rows: 2, address: '东 3栋201' })
    expect(computeValues(def, { items: [] })).toMatchObject({ total: 0, rows: 0 })
  })
})

describe('initialValues', () => {
  it('starts from the pre-filled values, switches off and empty lists', () => {
    const v = initialValues(undergradLeave, { name: '林晓', dormitory: '东区 3-201' })
    expect(v).toMatchObject({ name: '林晓', dormitory: '东区 3-201', leavesCampus: false, pledge: false, sickProof: [], missedClasses: [] })
  })
})
