import { beforeAll, describe, expect, it } from 'vitest'
import type { Field, FormValues } from './definition.ts'
import { formDefinitions } from '@hall/demo-university/templates'
import { form, t } from './test-support.ts'
import { validateSubmission, type FieldError } from './validate.ts'
import { loadPatternEngine } from './pattern.ts'

// The server registers the RE2 engine up front (@hall/forms/format); these tests import the parts.
beforeAll(() => loadPatternEngine())

// The form the hall ships for 本科生请销假: tests exercise the format on a real form.
const undergradLeave = formDefinitions['undergrad-leave']!

const NOW = '2026-11-09' // a Monday

function run(field: Field, value: unknown, others: FormValues = {}) {
  return validateSubmission(form(field), value === undefined ? others : { ...others, [field.key]: value }, { now: NOW })
}

function errorsOf(result: ReturnType<typeof validateSubmission>): FieldError[] {
  return result.ok ? [] : result.errors
}

const file = (over: Partial<{ id: string; name: string; size: number; mime: string }> = {}) => ({
  id: 'f1',
  name: 'proof.pdf',
  size: 1000,
  mime: 'application/pdf',
  ...over,
})

/**
 * One row per rule: the field, the value sent, and either the cleaned value expected or the
 * Chinese message expected (the English one is checked to exist and to differ).
 */
const cases: Array<{ name: string; field: Field; value: unknown; clean?: unknown; error?: string; en?: string }> = [
  // text
  { name: 'text: trimmed', field: { key: 'a', type: 'text', label: t('姓名', 'Name') }, value: '  张三 ', clean: '张三' },
  {
    name: 'text: required',
    field: { key: 'a', type: 'text', label: t('姓名', 'Name'), required: true },
    value: '   ',
    error: '请填写姓名',
    en: 'Name is required',
  },
  { name: 'text: wrong type', field: { key: 'a', type: 'text', label: t('姓名', 'Name') }, value: 42, error: '姓名应为文字' },
  { name: 'text: minLength', field: { key: 'a', type: 'text', label: t('事由', 'Reason'), minLength: 5 }, value: '太短', error: '事由至少需要 5 个字' },
  {
    name: 'text: maxLength',
    field: { key: 'a', type: 'text', label: t('事由', 'Reason'), maxLength: 3 },
    value: '四个字的',
    error: '事由不能超过 3 个字',
    en: 'Reason must be at most 3 characters',
  },
  { name: 'text: default max 200', field: { key: 'a', type: 'text', label: t('事由', 'Reason') }, value: 'x'.repeat(201), error: '事由不能超过 200 个字' },
  { name: 'text: characters, not UTF-16 units', field: { key: 'a', type: 'text', label: t('姓名', 'Name'), maxLength: 2 }, value: '𠀀𠀁', clean: '𠀀𠀁' },
  { name: 'text: control characters', field: { key: 'a', type: 'text', label: t('姓名', 'Name') }, value: 'a\u0000b', error: '姓名含有不允许的字符' },
  {
    name: 'text: script is just text',
    field: { key: 'a', type: 'text', label: t('姓名', 'Name') },
    value: '<script>alert(1)</script>',
    clean: '<script>alert(1)</script>',
  },
  {
    name: 'text: pattern with its own message',
    field: {
      key: 'a',
      type: 'text',
      label: t('学号', 'Student number'),
      pattern: { regex: '\\d{10}', message: t('学号应为 10 位数字', 'A student number has 10 digits') },
    },
    value: '12345',
    error: '学号应为 10 位数字',
    en: 'A student number has 10 digits',
  },
  {
    name: 'text: pattern matches the whole text',
    field: { key: 'a', type: 'text', label: t('学号', 'No.'), pattern: { regex: '\\d{3}', message: t('三位数字', 'Three digits') } },
    value: '1234',
    error: '三位数字',
  },
  {
    name: 'text: email',
    field: { key: 'a', type: 'text', label: t('邮箱', 'E-mail'), format: 'email' },
    value: 'not-an-email',
    error: '邮箱不是有效的电子邮箱地址',
  },
  {
    name: 'text: mobile with separators',
    field: { key: 'a', type: 'text', label: t('手机', 'Mobile'), format: 'mobile' },
    value: '138-0000-0001',
    clean: '138-0000-0001',
  },
  {
    name: 'text: bad mobile',
    field: { key: 'a', type: 'text', label: t('手机', 'Mobile'), format: 'mobile' },
    value: '12345',
    error: '手机不是有效的手机号码',
    en: 'Mobile is not a valid mobile number',
  },
  { name: 'text: phone', field: { key: 'a', type: 'text', label: t('电话', 'Phone'), format: 'phone' }, value: '0571-88001234', clean: '0571-88001234' },
  // textarea
  { name: 'textarea: keeps lines, normalises CRLF', field: { key: 'a', type: 'textarea', label: t('说明', 'Notes') }, value: 'a\r\nb\n', clean: 'a\nb' },
  {
    name: 'textarea: default max 2000',
    field: { key: 'a', type: 'textarea', label: t('说明', 'Notes') },
    value: 'x'.repeat(2001),
    error: '说明不能超过 2000 个字',
  },
  // number
  { name: 'number: ok', field: { key: 'a', type: 'number', label: t('人数', 'People'), min: 1, max: 10, integer: true }, value: 3, clean: 3 },
  {
    name: 'number: a string is not a number',
    field: { key: 'a', type: 'number', label: t('人数', 'People') },
    value: '3',
    error: '人数应为数字',
    en: 'People must be a number',
  },
  { name: 'number: NaN-like', field: { key: 'a', type: 'number', label: t('人数', 'People') }, value: null, clean: undefined },
  { name: 'number: integer', field: { key: 'a', type: 'number', label: t('人数', 'People'), integer: true }, value: 2.5, error: '人数必须是整数' },
  {
    name: 'number: min',
    field: { key: 'a', type: 'number', label: t('人数', 'People'), min: 1 },
    value: 0,
    error: '人数不能小于 1',
    en: 'People must be at least 1',
  },
  { name: 'number: max', field: { key: 'a', type: 'number', label: t('人数', 'People'), max: 10 }, value: 11, error: '人数不能大于 10' },
  { name: 'number: precision', field: { key: 'a', type: 'number', label: t('绩点', 'GPA'), precision: 2 }, value: 3.456, error: '绩点最多保留 2 位小数' },
  { name: 'number: huge', field: { key: 'a', type: 'number', label: t('人数', 'People') }, value: 1e300, error: `人数不能大于 ${Number.MAX_SAFE_INTEGER}` },
  // money
  { name: 'money: two decimals', field: { key: 'a', type: 'money', label: t('金额', 'Amount') }, value: 12.5, clean: 12.5 },
  {
    name: 'money: three decimals',
    field: { key: 'a', type: 'money', label: t('金额', 'Amount') },
    value: 12.345,
    error: '金额最多保留 2 位小数',
    en: 'Amount can have at most 2 decimal places',
  },
  { name: 'money: negative by default', field: { key: 'a', type: 'money', label: t('金额', 'Amount') }, value: -1, error: '金额不能小于 0' },
  { name: 'money: max', field: { key: 'a', type: 'money', label: t('金额', 'Amount'), max: 5000 }, value: 5000.01, error: '金额不能大于 5000' },
  // date
  { name: 'date: ok', field: { key: 'a', type: 'date', label: t('日期', 'Date') }, value: '2026-11-20', clean: '2026-11-20' },
  { name: 'date: not a calendar date', field: { key: 'a', type: 'date', label: t('日期', 'Date') }, value: '2026-02-30', error: '日期不是有效的日期' },
  {
    name: 'date: not today or later',
    field: { key: 'a', type: 'date', label: t('返校日期', 'Return date'), min: { today: 0 } },
    value: '2026-11-08',
    error: '返校日期不能早于今天',
    en: 'Return date cannot be before today',
  },
  {
    name: 'date: fixed max',
    field: { key: 'a', type: 'date', label: t('日期', 'Date'), max: '2026-12-31' },
    value: '2027-01-01',
    error: '日期不能晚于 2026-12-31',
  },
  {
    name: 'date: today plus days',
    field: { key: 'a', type: 'date', label: t('日期', 'Date'), max: { today: 30 } },
    value: '2026-12-10',
    error: '日期不能晚于 2026-12-09',
  },
  // dateRange
  {
    name: 'dateRange: ok',
    field: { key: 'a', type: 'dateRange', label: t('请假时间', 'Leave period') },
    value: { start: '2026-11-10', end: '2026-11-12' },
    clean: { start: '2026-11-10', end: '2026-11-12' },
  },
  {
    name: 'dateRange: end before start',
    field: {
      key: 'a',
      type: 'dateRange',
      label: t('请假时间', 'Leave period'),
      startLabel: t('请假开始日期', 'Start date'),
      endLabel: t('请假结束日期', 'End date'),
    },
    value: { start: '2026-11-12', end: '2026-11-10' },
    error: '请假结束日期不能早于请假开始日期',
    en: 'Leave period: the end date cannot be before the start date',
  },
  {
    name: 'dateRange: half filled',
    field: { key: 'a', type: 'dateRange', label: t('请假时间', 'Leave period'), required: true },
    value: { start: '2026-11-12' },
    error: '请填写请假时间的开始和结束日期',
  },
  {
    name: 'dateRange: required',
    field: { key: 'a', type: 'dateRange', label: t('请假时间', 'Leave period'), required: true },
    value: { start: '', end: '' },
    error: '请选择请假时间',
  },
  {
    name: 'dateRange: maxDays',
    field: { key: 'a', type: 'dateRange', label: t('请假时间', 'Leave period'), maxDays: 3 },
    value: { start: '2026-11-10', end: '2026-11-13' },
    error: '请假时间不能超过 3 天',
    en: 'Leave period cannot be longer than 3 days',
  },
  {
    name: 'dateRange: min applies to the start',
    field: { key: 'a', type: 'dateRange', label: t('请假时间', 'Leave period'), min: { today: 0 } },
    value: { start: '2026-11-01', end: '2026-11-12' },
    error: '请假时间不能早于今天',
  },
  {
    name: 'dateRange: extra keys dropped',
    field: { key: 'a', type: 'dateRange', label: t('请假时间', 'Leave period') },
    value: { start: '2026-11-10', end: '2026-11-10', x: 1 },
    clean: { start: '2026-11-10', end: '2026-11-10' },
  },
  // time
  { name: 'time: ok', field: { key: 'a', type: 'time', label: t('时间', 'Time') }, value: '08:30', clean: '08:30' },
  { name: 'time: bad', field: { key: 'a', type: 'time', label: t('时间', 'Time') }, value: '25:00', error: '时间不是有效的时间' },
  { name: 'time: before min', field: { key: 'a', type: 'time', label: t('时间', 'Time'), min: '08:00' }, value: '07:59', error: '时间不能早于 08:00' },
  // select
  { name: 'select: ok', field: { key: 'a', type: 'select', label: t('类型', 'Type'), options: [{ value: 'x', label: t('甲', 'X') }] }, value: 'x', clean: 'x' },
  {
    name: 'select: not an option',
    field: { key: 'a', type: 'select', label: t('类型', 'Type'), options: [{ value: 'x', label: t('甲', 'X') }] },
    value: 'y',
    error: '类型的选项无效，请从列表中选择',
  },
  {
    name: 'select: required',
    field: { key: 'a', type: 'select', label: t('类型', 'Type'), required: true, options: [{ value: 'x', label: t('甲', 'X') }] },
    value: '',
    error: '请选择类型',
    en: 'Type is required',
  },
  // multiSelect
  {
    name: 'multiSelect: ordered and unique',
    field: {
      key: 'a',
      type: 'multiSelect',
      label: t('用途', 'Uses'),
      options: [
        { value: 'x', label: t('甲', 'X') },
        { value: 'y', label: t('乙', 'Y') },
      ],
    },
    value: ['y', 'x', 'y'],
    clean: ['x', 'y'],
  },
  {
    name: 'multiSelect: not a list',
    field: { key: 'a', type: 'multiSelect', label: t('用途', 'Uses'), options: [{ value: 'x', label: t('甲', 'X') }] },
    value: 'x',
    error: '用途应为选项列表',
  },
  {
    name: 'multiSelect: maxItems',
    field: {
      key: 'a',
      type: 'multiSelect',
      label: t('用途', 'Uses'),
      maxItems: 1,
      options: [
        { value: 'x', label: t('甲', 'X') },
        { value: 'y', label: t('乙', 'Y') },
      ],
    },
    value: ['x', 'y'],
    error: '用途最多选择 1 项',
  },
  {
    name: 'multiSelect: required',
    field: { key: 'a', type: 'multiSelect', label: t('用途', 'Uses'), required: true, options: [{ value: 'x', label: t('甲', 'X') }] },
    value: [],
    error: '请选择用途',
  },
  // switch
  { name: 'switch: absent is off', field: { key: 'a', type: 'switch', label: t('离校', 'Leaving') }, value: undefined, clean: false },
  {
    name: 'switch: required means on',
    field: { key: 'a', type: 'switch', label: t('本人承诺', 'I confirm'), required: true },
    value: false,
    error: '请确认“本人承诺”',
    en: 'Please confirm "I confirm"',
  },
  { name: 'switch: not a boolean', field: { key: 'a', type: 'switch', label: t('离校', 'Leaving') }, value: 'yes', error: '离校应为“是”或“否”' },
  // person, department
  { name: 'person: card number', field: { key: 'a', type: 'person', label: t('导师', 'Supervisor') }, value: '0012345', clean: '0012345' },
  { name: 'person: not a card number', field: { key: 'a', type: 'person', label: t('导师', 'Supervisor') }, value: '../etc', error: '导师应为校园卡号' },
  { name: 'department: code', field: { key: 'a', type: 'department', label: t('部门', 'Department') }, value: 'student-affairs', clean: 'student-affairs' },
  {
    name: 'department: not a code',
    field: { key: 'a', type: 'department', label: t('部门', 'Department') },
    value: 'Student Affairs',
    error: '部门应为部门代码',
  },
  // attachment
  {
    name: 'attachment: ok',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: [file()],
    clean: [file()],
  },
  {
    name: 'attachment: image family',
    field: { key: 'a', type: 'attachment', label: t('照片', 'Photo'), accept: ['image/*'], maxSizeMb: 1 },
    value: [file({ mime: 'image/png', name: 'a.png' })],
    clean: [file({ mime: 'image/png', name: 'a.png' })],
  },
  {
    name: 'attachment: required',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), required: true, accept: ['application/pdf'], maxSizeMb: 1 },
    value: [],
    error: '请上传证明',
  },
  {
    name: 'attachment: too large',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: [file({ size: 2 * 1024 * 1024 })],
    error: '文件“proof.pdf”超过 1 MB',
    en: '"proof.pdf" is larger than 1 MB',
  },
  {
    name: 'attachment: type',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: [file({ mime: 'application/x-msdownload', name: 'a.exe' })],
    error: '文件“a.exe”的类型不符合要求（仅支持 application/pdf）',
  },
  {
    name: 'attachment: too many',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: [file(), file({ id: 'f2' })],
    error: '证明最多上传 1 个文件',
  },
  {
    name: 'attachment: path in name',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: [file({ name: '../../etc/passwd' })],
    error: '文件名“../../etc/passwd”无效',
  },
  {
    name: 'attachment: not a reference',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: [{ id: 'f1' }],
    error: '证明的第 1 个文件信息无效',
  },
  {
    name: 'attachment: not a list',
    field: { key: 'a', type: 'attachment', label: t('证明', 'Proof'), accept: ['application/pdf'], maxSizeMb: 1 },
    value: 'f1',
    error: '证明的文件信息无效',
  },
]

describe('validateSubmission: each field type and rule', () => {
  it.each(cases)('$name', ({ field, value, clean, error, en }) => {
    const result = run(field, value)
    if (error === undefined) {
      expect(errorsOf(result)).toEqual([])
      if (result.ok) expect(result.values[field.key]).toEqual(clean)
    } else {
      const errors = errorsOf(result)
      expect(errors.map((e) => e.message.zh)).toContain(error)
      const found = errors.find((e) => e.message.zh === error)!
      expect(found.path).toBe(field.key)
      expect(found.message.en).not.toBe('')
      expect(found.message.en).not.toBe(found.message.zh)
      if (en) expect(found.message.en).toBe(en)
    }
  })
})

describe('validateSubmission: conditions', () => {
  const def = form(
    {
      key: 'kind',
      type: 'select',
      label: t('类型', 'Kind'),
      options: [
        { value: 'sick', label: t('病假', 'Sick') },
        { value: 'personal', label: t('事假', 'Personal') },
      ],
    },
    { key: 'proof', type: 'text', label: t('证明', 'Proof'), required: true, visibleWhen: { field: 'kind', op: 'eq', value: 'sick' } },
    { key: 'note', type: 'text', label: t('备注', 'Note'), required: { field: 'kind', op: 'eq', value: 'personal' } },
  )

  it('strips a hidden field even when it was sent, and does not require it', () => {
    const result = validateSubmission(def, { kind: 'personal', proof: 'sent anyway', note: 'n' })
    expect(result).toEqual({ ok: true, values: { kind: 'personal', note: 'n' } })
  })

  it('requires a field while it is visible', () => {
    expect(errorsOf(validateSubmission(def, { kind: 'sick' })).map((e) => e.path)).toEqual(['proof'])
  })

  it('applies conditional required', () => {
    expect(errorsOf(validateSubmission(def, { kind: 'personal' })).map((e) => e.message.zh)).toEqual(['请填写备注'])
    expect(validateSubmission(def, { kind: 'sick', proof: 'p' }).ok).toBe(true)
  })

  it('hides a whole section, and what depends on a hidden field', () => {
    const def2 = {
      formatVersion: 1 as const,
      sections: [
        { title: t('一', 'One'), fields: [{ key: 'n', type: 'number' as const, label: t('天数', 'Days') }] },
        {
          title: t('二', 'Two'),
          visibleWhen: { field: 'n', op: 'gt' as const, value: 3 },
          fields: [{ key: 'why', type: 'text' as const, label: t('原因', 'Why'), required: true }],
        },
        {
          title: t('三', 'Three'),
          fields: [{ key: 'more', type: 'text' as const, label: t('补充', 'More'), required: true, visibleWhen: { field: 'why', op: 'notEmpty' as const } }],
        },
      ],
    }
    expect(validateSubmission(def2, { n: 2, why: 'x', more: 'y' })).toEqual({ ok: true, values: { n: 2 } })
    expect(errorsOf(validateSubmission(def2, { n: 5, why: 'x' })).map((e) => e.path)).toEqual(['more'])
  })
})

describe('validateSubmission: computed values are recomputed, never trusted', () => {
  it('replaces a forged number of days', () => {
    const def = form(
      { key: 'period', type: 'dateRange', label: t('时间', 'Period') },
      { key: 'days', type: 'number', label: t('天数', 'Days'), max: 30, computed: { kind: 'daysBetween', from: 'period.start', to: 'period.end' } },
    )
    const result = validateSubmission(def, { period: { start: '2026-11-10', end: '2026-11-12' }, days: 1 })
    expect(result).toEqual({ ok: true, values: { period: { start: '2026-11-10', end: '2026-11-12' }, days: 3 } })
    // Limits still apply to what was computed.
    expect(errorsOf(validateSubmission(def, { period: { start: '2026-11-01', end: '2026-12-31' } })).map((e) => e.message.zh)).toEqual(['天数不能大于 30'])
  })
})

describe('validateSubmission: tables', () => {
  const def = form({
    key: 'items',
    type: 'table',
    label: t('报销明细', 'Items'),
    required: true,
    maxRows: 3,
    columns: [
      { key: 'what', type: 'text', label: t('项目', 'Item'), required: true },
      { key: 'amount', type: 'money', label: t('金额', 'Amount'), required: true },
      { key: 'invoice', type: 'switch', label: t('有发票', 'Invoice') },
      { key: 'why', type: 'text', label: t('无发票原因', 'Why no invoice'), required: true, visibleWhen: { field: 'invoice', op: 'eq', value: false } },
    ],
  })

  it('checks each cell, with the row in the path and the message', () => {
    const result = validateSubmission(def, {
      items: [
        { what: '打印', amount: 10, invoice: true },
        { what: '', amount: 10.001, invoice: true },
        { what: '车费', amount: 5 },
      ],
    })
    expect(errorsOf(result)).toEqual([
      { path: 'items.1.what', message: { zh: '报销明细第 2 行：请填写项目', en: 'Items, row 2: Item is required' } },
      { path: 'items.1.amount', message: { zh: '报销明细第 2 行：金额最多保留 2 位小数', en: 'Items, row 2: Amount can have at most 2 decimal places' } },
      { path: 'items.2.why', message: { zh: '报销明细第 3 行：请填写无发票原因', en: 'Items, row 3: Why no invoice is required' } },
    ])
  })

  it('strips hidden columns per row and unknown columns when asked', () => {
    const result = validateSubmission(def, { items: [{ what: '打印', amount: 10, invoice: true, why: 'hidden', extra: 1 }] }, { unknownFields: 'strip' })
    expect(result).toEqual({ ok: true, values: { items: [{ what: '打印', amount: 10, invoice: true }] } })
  })

  it('reports unknown columns by default', () => {
    expect(errorsOf(validateSubmission(def, { items: [{ what: 'a', amount: 1, invoice: true, extra: 1 }] })).map((e) => e.path)).toEqual(['items.0.extra'])
  })

  it.each([
    { name: 'required', value: [], error: '请至少填写一行报销明细' },
    { name: 'not a list', value: { 0: {} }, error: '报销明细应为若干行' },
    { name: 'a row that is not an object', value: ['x'], error: '报销明细第 1 行格式不正确' },
    { name: 'too many rows, reported once', value: Array.from({ length: 10_000 }, () => ({})), error: '报销明细最多 3 行' },
  ])('$name', ({ value, error }) => {
    const errors = errorsOf(validateSubmission(def, { items: value }))
    expect(errors.map((e) => e.message.zh)).toEqual([error])
    expect(errors[0]!.path).toBe('items')
  })
})

describe('validateSubmission: hostile and malformed input', () => {
  const def = form({ key: 'a', type: 'text', label: t('姓名', 'Name') })

  it.each([null, 'x', [], 42])('rejects %j as the whole form', (values) => {
    expect(errorsOf(validateSubmission(def, values))).toEqual([{ path: '', message: { zh: '表单数据格式不正确', en: 'The form data is not valid' } }])
  })

  it('reports unknown fields, including prototype tricks', () => {
    const values: unknown = JSON.parse('{"a":"x","__proto__":{"admin":true},"isAdmin":true}')
    expect(
      errorsOf(validateSubmission(def, values))
        .map((e) => e.path)
        .sort(),
    ).toEqual(['__proto__', 'isAdmin'])
  })

  it('can strip unknown fields instead', () => {
    expect(validateSubmission(def, { a: 'x', b: 1 }, { unknownFields: 'strip' })).toEqual({ ok: true, values: { a: 'x' } })
  })
})

describe('validateSubmission: authoritative pre-filled values', () => {
  const def = form(
    { key: 'room', type: 'text', label: t('宿舍', 'Room'), prefill: { path: 'student.dormitory.room', readOnlyWhenPrefilled: true } },
    { key: 'phone', type: 'text', label: t('手机', 'Phone'), prefill: { path: 'phone' } },
  )

  it('puts the platform value back over what the client sent', () => {
    const result = validateSubmission(def, { room: 'forged', phone: '13800000009' }, { prefilled: { room: '东区 3-201', phone: '13800000001' } })
    expect(result).toEqual({ ok: true, values: { room: '东区 3-201', phone: '13800000009' } })
  })

  it('leaves the user free when the platform had no value', () => {
    expect(validateSubmission(def, { room: '西区 1-101' }, { prefilled: {} })).toEqual({ ok: true, values: { room: '西区 1-101' } })
  })
})

describe('validateSubmission: 本科生请销假', () => {
  const base = {
    name: '林晓',
    cardNumber: '2023010101',
    phone: '138-0000-0101',
    leaveType: 'personal',
    period: { start: '2026-11-10', end: '2026-11-12' },
    leavesCampus: false,
    reason: '回家参加姐姐的婚礼',
    emergencyContact: '林父',
    emergencyPhone: '138-0000-0102',
    pledge: true,
  }

  it('accepts a short personal leave and computes its days', () => {
    const result = validateSubmission(undergradLeave, base, { now: NOW })
    expect(result.ok && result.values).toMatchObject({ days: 3, schoolDays: 3 })
    expect(result.ok && 'parentPhone' in result.values).toBe(false)
  })

  it('asks for the longer-leave section and sick proof when they apply', () => {
    const result = validateSubmission(undergradLeave, { ...base, leaveType: 'sick', period: { start: '2026-11-10', end: '2026-11-16' } }, { now: NOW })
    expect(errorsOf(result).map((e) => e.path)).toEqual(['sickProof', 'parentInformed', 'parentPhone'])
  })

  it('says which end of the period is wrong, in both languages', () => {
    const result = validateSubmission(undergradLeave, { ...base, period: { start: '2026-11-12', end: '2026-11-10' } }, { now: NOW })
    expect(errorsOf(result)).toContainEqual({
      path: 'period',
      message: { zh: '请假结束日期不能早于请假开始日期', en: 'Leave period: the end date cannot be before the start date' },
    })
  })

  it('checks a missed class falls within the leave', () => {
    const result = validateSubmission(
      undergradLeave,
      {
        ...base,
        period: { start: '2026-11-10', end: '2026-11-16' },
        parentInformed: true,
        parentPhone: '13800000103',
        missedClasses: [{ course: '高等数学', date: '2026-11-20', isExam: true, makeUp: '下周补考' }],
      },
      { now: NOW },
    )
    expect(errorsOf(result)).toEqual([
      {
        path: 'missedClasses.0.date',
        message: { zh: '缺课安排第 1 行：日期不能晚于请假结束日期', en: 'Missed classes, row 1: Date cannot be after "End date"' },
      },
    ])
  })
})
