// The one validation of a submission, run by the API before it stores anything and by the
// browser before it sends: hidden fields are stripped, computed values recomputed, every rule
// checked, and the cleaned values returned. Messages come in both languages with the path of
// the value they are about (`reason`, `leave`, `items.2.amount`).
import { addDays } from './dates.ts'
import {
  AttachmentRefSchema,
  allFields,
  isValidIsoDate,
  resolveRef,
  type AttachmentField,
  type ColumnField,
  type DateBound,
  type Field,
  type FormDefinition,
  type FormValues,
  type LocalizedText,
  type TableField,
  type ValueField,
} from './definition.ts'
import { evaluateForm, indexOf, isEmpty, isRecord, makeLookup, testCondition, type EvaluateOptions, type Lookup } from './evaluate.ts'
import { msg } from './messages.ts'
import { matchesPattern, patternEngineLoaded } from './pattern.ts'

/** The hall's languages, as `@hall/mf-kit` names them. */
export type FormLang = 'zh-CN' | 'en'

export interface FieldError {
  /** `key`, `range.end`-style parts, or `table.rowIndex.column` (rows count from 0). */
  path: string
  message: LocalizedText
}

export interface ValidateOptions extends EvaluateOptions {
  /**
   * The reader's language. Messages always carry both languages (the API stores and returns
   * both), so this changes nothing in the result; it is accepted so callers can pass one context.
   */
  lang?: FormLang
  /** What to do with values for fields the form does not have: report them (default) or drop them. */
  unknownFields?: 'error' | 'strip'
  /**
   * Text patterns need the RE2 engine (see `pattern.ts`). `require` (default, the server): a
   * missing engine throws. `whenLoaded` (the browser): patterns are checked once the engine is
   * loaded, and skipped before that; the server checks them again anyway.
   */
  patterns?: 'require' | 'whenLoaded'
}

export type SubmissionResult = { ok: true; values: FormValues } | { ok: false; errors: FieldError[] }

/** Limits that apply when a definition sets none, so that no value is unbounded. */
export const DEFAULT_LIMITS = {
  textMaxLength: 200,
  textareaMaxLength: 2000,
  maxFiles: 1,
  maxRows: 100,
  /** Money: no more than ten billion yuan. */
  moneyMax: 10_000_000_000,
  numberAbsMax: Number.MAX_SAFE_INTEGER,
} as const

/** The language's half of a message (for a renderer or a log line). */
export function messageIn(message: LocalizedText, lang: FormLang | 'zh' = 'zh-CN'): string {
  return lang === 'en' ? message.en : message.zh
}

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/
const CONTROL_CHARS_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// Mainland mobile numbers, written with or without +86 and separators (the data platform uses 138-0000-0001).
const MOBILE = /^(\+?86)?1[3-9]\d{9}$/
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/
const CARD_NUMBER = /^[A-Za-z0-9_-]{1,32}$/
const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

interface Ctx {
  /** The evaluated values of the form (computed filled in, hidden removed). */
  values: FormValues
  get: Lookup
  today: string
  fields: Map<string, Field>
  row?: Map<string, ColumnField>
  rowVisible?: Array<Set<string>>
  /** Whether to check text patterns (false only in the browser before the engine has loaded). */
  patterns: boolean
}

/** What a check found: a cleaned value (absent when empty) and any errors. */
interface Checked {
  value?: unknown
  errors: LocalizedText[]
}

const ok = (value?: unknown): Checked => ({ value, errors: [] })
const fail = (...errors: LocalizedText[]): Checked => ({ errors })

function isRequired(field: ValueField | ColumnField, get: Lookup): boolean {
  if (field.required === undefined || field.required === false) return false
  if (field.required === true) return true
  return testCondition(field.required, get)
}

function hasAtMostDecimals(value: number, decimals: number): boolean {
  return Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9
}

function labelOfRef(ref: string, ctx: Ctx): LocalizedText | undefined {
  const r = resolveRef(ctx.fields, ref, ctx.row)
  if (typeof r === 'string') return undefined
  if (r.kind === 'rangePart') {
    const own = r.part === 'start' ? r.field.startLabel : r.field.endLabel
    return (
      own ??
      (r.part === 'start'
        ? { zh: `${r.field.label.zh}开始日期`, en: `${r.field.label.en} (start)` }
        : { zh: `${r.field.label.zh}结束日期`, en: `${r.field.label.en} (end)` })
    )
  }
  if (r.kind === 'field') return r.field.type === 'info' ? undefined : r.field.label
  return r.column.label
}

/** A date limit as a date and the words for it, or undefined when it refers to an empty field. */
function resolveBound(bound: DateBound | undefined, ctx: Ctx): { iso: string; label: LocalizedText } | undefined {
  if (bound === undefined) return undefined
  if (typeof bound === 'string') return { iso: bound, label: msg.fixedDate(bound) }
  if ('today' in bound) {
    const iso = addDays(ctx.today, bound.today)
    return { iso, label: bound.today === 0 ? msg.today() : msg.fixedDate(iso) }
  }
  const value = ctx.get(bound.field)
  if (!isValidIsoDate(value)) return undefined
  const offset = bound.offsetDays ?? 0
  const iso = addDays(value, offset)
  const label = offset === 0 ? labelOfRef(bound.field, ctx) : undefined
  // Mid-sentence in English a label keeps its capital, so it is quoted: 'Date cannot be before "Start date"'.
  return { iso, label: label ? { zh: label.zh, en: `"${label.en}"` } : msg.fixedDate(iso) }
}

function checkText(field: Extract<ColumnField, { type: 'text' | 'textarea' }>, raw: unknown, ctx: Ctx): Checked {
  if (typeof raw !== 'string') return fail(msg.notText(field.label))
  const multiline = field.type === 'textarea'
  const text = (multiline ? raw.replace(/\r\n?/g, '\n') : raw).trim()
  if ((multiline ? CONTROL_CHARS_MULTILINE : CONTROL_CHARS).test(text)) return fail(msg.badCharacters(field.label))
  const errors: LocalizedText[] = []
  // Count characters as people do (an emoji or a rare hanzi outside the BMP is one).
  const length = [...text].length
  const max = field.maxLength ?? (multiline ? DEFAULT_LIMITS.textareaMaxLength : DEFAULT_LIMITS.textMaxLength)
  if (field.minLength !== undefined && length < field.minLength) errors.push(msg.minLength(field.label, field.minLength))
  if (length > max) errors.push(msg.maxLength(field.label, max))
  if (field.type === 'text') {
    const compact = text.replace(/[\s-]/g, '')
    if (field.format === 'email' && !EMAIL.test(text)) errors.push(msg.email(field.label))
    if (field.format === 'mobile' && !MOBILE.test(compact)) errors.push(msg.mobile(field.label))
    if (field.format === 'phone' && !PHONE.test(text)) errors.push(msg.phone(field.label))
    // RE2, not RegExp: linear in the text whatever the owner wrote (see pattern.ts).
    if (field.pattern && ctx.patterns && !matchesPattern(field.pattern.regex, text)) errors.push(field.pattern.message)
  }
  return { value: text, errors }
}

function checkNumber(field: Extract<ColumnField, { type: 'number' | 'money' }>, raw: unknown): Checked {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(msg.notNumber(field.label))
  const errors: LocalizedText[] = []
  if (field.type === 'money') {
    if (!hasAtMostDecimals(raw, 2)) errors.push(msg.decimals(field.label, 2))
    const min = field.min ?? 0
    const max = field.max ?? DEFAULT_LIMITS.moneyMax
    if (raw < min) errors.push(msg.minValue(field.label, String(min)))
    if (raw > max) errors.push(msg.maxValue(field.label, String(max)))
  } else {
    if (field.integer && !Number.isInteger(raw)) errors.push(msg.notInteger(field.label))
    else if (field.precision !== undefined && !hasAtMostDecimals(raw, field.precision)) errors.push(msg.decimals(field.label, field.precision))
    const min = field.min ?? -DEFAULT_LIMITS.numberAbsMax
    const max = field.max ?? DEFAULT_LIMITS.numberAbsMax
    if (raw < min) errors.push(msg.minValue(field.label, String(min)))
    if (raw > max) errors.push(msg.maxValue(field.label, String(max)))
  }
  return { value: raw, errors }
}

function checkDate(field: Extract<ColumnField, { type: 'date' }>, raw: unknown, ctx: Ctx): Checked {
  if (!isValidIsoDate(raw)) return fail(msg.notDate(field.label))
  const errors: LocalizedText[] = []
  const min = resolveBound(field.min, ctx)
  const max = resolveBound(field.max, ctx)
  if (min && raw < min.iso) errors.push(msg.dateBefore(field.label, min.label))
  if (max && raw > max.iso) errors.push(msg.dateAfter(field.label, max.label))
  return { value: raw, errors }
}

function checkDateRange(field: Extract<ColumnField, { type: 'dateRange' }>, raw: unknown, ctx: Ctx): Checked {
  if (!isRecord(raw)) return fail(msg.notDate(field.label))
  const { start, end } = raw
  if (isEmpty(start) || isEmpty(end)) return fail(msg.rangeIncomplete(field.label))
  if (!isValidIsoDate(start) || !isValidIsoDate(end)) return fail(msg.notDate(field.label))
  if (end < start) {
    return fail(msg.rangeBackwards(field.label, field.startLabel?.zh ?? '开始日期', field.endLabel?.zh ?? '结束日期'))
  }
  const errors: LocalizedText[] = []
  const min = resolveBound(field.min, ctx)
  const max = resolveBound(field.max, ctx)
  if (min && start < min.iso) errors.push(msg.dateBefore(field.startLabel ?? field.label, min.label))
  if (max && end > max.iso) errors.push(msg.dateAfter(field.endLabel ?? field.label, max.label))
  if (field.maxDays !== undefined) {
    const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1
    if (days > field.maxDays) errors.push(msg.rangeTooLong(field.label, field.maxDays))
  }
  return { value: { start, end }, errors }
}

function checkTime(field: Extract<ColumnField, { type: 'time' }>, raw: unknown): Checked {
  if (typeof raw !== 'string' || !TIME.test(raw)) return fail(msg.notTime(field.label))
  const errors: LocalizedText[] = []
  if (field.min !== undefined && raw < field.min) errors.push(msg.timeBefore(field.label, field.min))
  if (field.max !== undefined && raw > field.max) errors.push(msg.timeAfter(field.label, field.max))
  return { value: raw, errors }
}

function checkSelect(field: Extract<ColumnField, { type: 'select' }>, raw: unknown): Checked {
  if (typeof raw !== 'string' || !field.options.some((o) => o.value === raw)) return fail(msg.notOption(field.label))
  return ok(raw)
}

function checkMultiSelect(field: Extract<ColumnField, { type: 'multiSelect' }>, raw: unknown): Checked {
  if (!Array.isArray(raw)) return fail(msg.notOptions(field.label))
  if (raw.some((v) => typeof v !== 'string' || !field.options.some((o) => o.value === v))) return fail(msg.notOption(field.label))
  // Keep the options' order and drop repeats, so equal choices are stored equally.
  const chosen = field.options.map((o) => o.value).filter((v) => raw.includes(v))
  const errors: LocalizedText[] = []
  if (field.minItems !== undefined && chosen.length < field.minItems) errors.push(msg.minItems(field.label, field.minItems))
  if (field.maxItems !== undefined && chosen.length > field.maxItems) errors.push(msg.maxItems(field.label, field.maxItems))
  return { value: chosen, errors }
}

/** True when `mime` is one of `accept` (exact, or a `family/*`). */
export function acceptsMime(accept: readonly string[], mime: string): boolean {
  const m = mime.toLowerCase()
  return accept.some((a) => (a.endsWith('/*') ? m.startsWith(a.slice(0, -1)) : a === m))
}

/** File names are shown and used for downloads: no paths, no control characters, no dot-only names. */
export function isSafeFileName(name: string): boolean {
  return !/[/\\\u0000-\u001f\u007f]/.test(name) && !/^\.+$/.test(name.trim()) && name.trim() !== ''
}

// A table's attachment column is an AttachmentField too (the column union reuses its schema).
function checkAttachment(field: AttachmentField, raw: unknown): Checked {
  if (!Array.isArray(raw)) return fail(msg.notFiles(field.label))
  const maxFiles = field.maxFiles ?? DEFAULT_LIMITS.maxFiles
  if (raw.length > maxFiles) return fail(msg.tooManyFiles(field.label, maxFiles))
  const errors: LocalizedText[] = []
  const files: unknown[] = []
  const seen = new Set<string>()
  raw.forEach((item, i) => {
    const parsed = AttachmentRefSchema.safeParse(item)
    if (!parsed.success) return errors.push(msg.badFileRef(field.label, i + 1))
    const file = parsed.data
    if (!isSafeFileName(file.name)) return errors.push(msg.badFileName(file.name))
    if (file.size > field.maxSizeMb * 1024 * 1024) errors.push(msg.fileTooLarge(file.name, field.maxSizeMb))
    if (!acceptsMime(field.accept, file.mime)) errors.push(msg.fileType(file.name, field.accept.join(', ')))
    if (!seen.has(file.id)) files.push(file)
    seen.add(file.id)
  })
  return { value: files, errors }
}

function checkEmptyRequired(field: ValueField | ColumnField, ctx: Ctx): LocalizedText | undefined {
  if (!isRequired(field, ctx.get)) return undefined
  switch (field.type) {
    case 'select':
    case 'multiSelect':
    case 'date':
    case 'dateRange':
    case 'time':
    case 'person':
    case 'department':
      return msg.requiredChoice(field.label)
    case 'attachment':
      return msg.requiredFile(field.label)
    case 'table':
      return msg.requiredRows(field.label)
    default:
      return msg.required(field.label)
  }
}

/** Checks one value (a top-level field or a table cell) against its field's rules. */
function checkValue(field: ValueField | ColumnField, raw: unknown, ctx: Ctx, path: string, out: FieldError[]): unknown {
  const report = (messages: LocalizedText[]) => messages.forEach((message) => out.push({ path, message }))

  if (field.type === 'switch') {
    if (raw !== undefined && raw !== null && typeof raw !== 'boolean') {
      report([msg.notBoolean(field.label)])
      return undefined
    }
    const on = raw === true
    if (!on && isRequired(field, ctx.get)) report([msg.requiredSwitch(field.label)])
    return on
  }
  if (field.type === 'table') return checkTable(field, raw, ctx, path, out)

  if (isEmpty(raw) && !(field.type === 'dateRange' && isRecord(raw) && !isEmpty(raw))) {
    const missing = checkEmptyRequired(field, ctx)
    if (missing) report([missing])
    return undefined
  }
  let checked: Checked
  switch (field.type) {
    case 'text':
    case 'textarea':
      checked = checkText(field, raw, ctx)
      break
    case 'number':
    case 'money':
      checked = checkNumber(field, raw)
      break
    case 'date':
      checked = checkDate(field, raw, ctx)
      break
    case 'dateRange':
      checked = checkDateRange(field, raw, ctx)
      break
    case 'time':
      checked = checkTime(field, raw)
      break
    case 'select':
      checked = checkSelect(field, raw)
      break
    case 'multiSelect':
      checked = checkMultiSelect(field, raw)
      break
    case 'person':
      checked = typeof raw === 'string' && CARD_NUMBER.test(raw.trim()) ? ok(raw.trim()) : fail(msg.notCardNumber(field.label))
      break
    case 'department':
      checked = typeof raw === 'string' && DEPARTMENT_CODE.test(raw.trim()) ? ok(raw.trim()) : fail(msg.notDepartment(field.label))
      break
    case 'attachment':
      checked = checkAttachment(field, raw)
      break
  }
  report(checked.errors)
  return checked.value
}

function checkTable(field: TableField, raw: unknown, ctx: Ctx, path: string, out: FieldError[]): unknown {
  const at = (message: LocalizedText) => out.push({ path, message })
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    if (isRequired(field, ctx.get)) at(field.minRows && field.minRows > 1 ? msg.minRows(field.label, field.minRows) : msg.requiredRows(field.label))
    return undefined
  }
  if (!Array.isArray(raw)) {
    at(msg.notRows(field.label))
    return undefined
  }
  const maxRows = field.maxRows ?? DEFAULT_LIMITS.maxRows
  // Too many rows is reported alone: checking each of a hostile million rows helps nobody.
  if (raw.length > maxRows) {
    at(msg.maxRows(field.label, maxRows))
    return undefined
  }
  if (field.minRows !== undefined && raw.length < field.minRows) at(msg.minRows(field.label, field.minRows))
  const columns = new Map(field.columns.map((c) => [c.key, c] as const))
  const rows: Array<Record<string, unknown>> = []
  raw.forEach((row, i) => {
    const rowPath = `${path}.${i}`
    if (!isRecord(row)) {
      at(msg.notRow(field.label, i + 1))
      return
    }
    const rowCtx: Ctx = { ...ctx, row: columns, get: makeLookup(ctx.values, row, columns) }
    const visible = ctx.rowVisible?.[i]
    const clean: Record<string, unknown> = {}
    const cellErrors: FieldError[] = []
    for (const column of field.columns) {
      if (visible && !visible.has(column.key)) continue
      const isComputed = 'computed' in column && !!column.computed
      const value = isComputed
        ? checkComputed(column, row[column.key], rowCtx, `${rowPath}.${column.key}`, cellErrors)
        : checkValue(column, row[column.key], rowCtx, `${rowPath}.${column.key}`, cellErrors)
      if (value !== undefined) clean[column.key] = value
    }
    for (const e of cellErrors) out.push({ path: e.path, message: msg.inRow(field.label, i + 1, e.message) })
    rows.push(clean)
  })
  return rows
}

function reportUnknownColumns(field: TableField, rows: unknown[], out: FieldError[]): void {
  const columns = new Set(field.columns.map((c) => c.key))
  // Bounded like the rows themselves: a hostile payload gets one error for its size instead.
  if (rows.length > (field.maxRows ?? DEFAULT_LIMITS.maxRows)) return
  rows.forEach((row, i) => {
    if (!isRecord(row)) return
    for (const key of Object.keys(row)) {
      if (!columns.has(key)) out.push({ path: `${field.key}.${i}.${key}`, message: msg.inRow(field.label, i + 1, msg.unknownField(key)) })
    }
  })
}

/** A computed value is ours, so only its limits are checked (a missing one is not "required"). */
function checkComputed(field: ValueField | ColumnField, value: unknown, ctx: Ctx, path: string, out: FieldError[]): unknown {
  if (value === undefined) return undefined
  return checkValue({ ...field, required: false }, value, ctx, path, out)
}

/**
 * Validates a submission against its form definition (assumed valid: see `validateDefinition`).
 * Returns the cleaned values to store (known, visible fields only; text trimmed; computed values
 * recomputed; authoritative pre-filled values restored) or every error found.
 */
export function validateSubmission(def: FormDefinition, values: unknown, opts: ValidateOptions = {}): SubmissionResult {
  if (!isRecord(values)) return { ok: false, errors: [{ path: '', message: msg.formNotObject() }] }
  const index = indexOf(def)
  const unknownFields = opts.unknownFields ?? 'error'
  const patterns = opts.patterns === 'whenLoaded' ? patternEngineLoaded() : true
  const errors: FieldError[] = []
  if (unknownFields === 'error') {
    for (const [key, value] of Object.entries(values)) {
      const field = index.fields.get(key)
      if (!field || field.type === 'info') errors.push({ path: key, message: msg.unknownField(key) })
      else if (field.type === 'table' && Array.isArray(value)) reportUnknownColumns(field, value, errors)
    }
  }

  const ev = evaluateForm(def, values, opts)
  const get = makeLookup(ev.values)
  const cleaned: FormValues = {}
  for (const { field } of allFields(def)) {
    if (field.type === 'info' || !ev.visible.has(field.key)) continue
    const ctx: Ctx = { values: ev.values, get, today: ev.today, fields: index.fields, rowVisible: ev.rowVisible.get(field.key), patterns }
    const raw = ev.values[field.key]
    // Authoritative platform data is stored as the platform gave it; the user could not change it anyway.
    if (field.prefill?.readOnlyWhenPrefilled && opts.prefilled?.[field.key] !== undefined) {
      cleaned[field.key] = raw
      continue
    }
    const value = 'computed' in field && field.computed ? checkComputed(field, raw, ctx, field.key, errors) : checkValue(field, raw, ctx, field.key, errors)
    if (value !== undefined) cleaned[field.key] = value
  }
  return errors.length ? { ok: false, errors } : { ok: true, values: cleaned }
}

/** Groups errors by the top-level field they belong to (`items.2.amount` → `items`). */
export function errorsByField(errors: readonly FieldError[]): Map<string, FieldError[]> {
  const out = new Map<string, FieldError[]>()
  for (const e of errors) {
    const key = e.path.split('.')[0] ?? ''
    out.set(key, [...(out.get(key) ?? []), e])
  }
  return out
}
