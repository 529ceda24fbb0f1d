// The evaluation of a form over some values: which fields are visible, and what the computed
// fields hold. The renderer runs it on every change, and `validateSubmission` on the server and
// in the browser, so both see the same visibility and the same computed values.
import { daysBetween, todayIn, type WorkCalendar } from './dates.ts'
import {
  allFields,
  columnDependencies,
  dependencyOrder,
  fieldDependencies,
  type ColumnField,
  type Computed,
  type Condition,
  type Field,
  type FormDefinition,
  type FormValues,
  type Scalar,
  type Section,
} from './definition.ts'

export interface EvaluateOptions {
  /** "Now", for date limits relative to today. Default: the current time. A `YYYY-MM-DD` is taken as today. */
  now?: Date | string
  /** Where "today" is reckoned. Default Asia/Shanghai. */
  timeZone?: string
  /** Holidays and worked weekend days, for `daysBetween` with `workingDaysOnly`. */
  calendar?: WorkCalendar
  /**
   * Server side: the values the data platform gave for pre-filled fields. Fields whose binding is
   * `readOnlyWhenPrefilled` get these values back whatever the client sent.
   */
  prefilled?: Record<string, unknown>
}

/** Lookups built once per definition object. */
export interface FormIndex {
  fields: Map<string, Field>
  sectionOf: Map<string, Section>
  /** Top-level keys in dependency order (each after what its visibility or value reads). */
  order: string[]
  tables: Map<string, { columns: Map<string, ColumnField>; order: string[] }>
}

const indexes = new WeakMap<FormDefinition, FormIndex>()

export function indexOf(def: FormDefinition): FormIndex {
  const cached = indexes.get(def)
  if (cached) return cached
  const fields = new Map<string, Field>()
  const sectionOf = new Map<string, Section>()
  const tables = new Map<string, { columns: Map<string, ColumnField>; order: string[] }>()
  for (const { field, section } of allFields(def)) {
    if (fields.has(field.key)) continue
    fields.set(field.key, field)
    sectionOf.set(field.key, section)
    if (field.type === 'table') {
      const columns = new Map(field.columns.map((c) => [c.key, c] as const))
      tables.set(field.key, { columns, order: dependencyOrder([...columns.keys()], columnDependencies(field)) })
    }
  }
  const index: FormIndex = {
    fields,
    sectionOf,
    order: dependencyOrder([...fields.keys()], fieldDependencies(def)),
    tables,
  }
  indexes.set(def, index)
  return index
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Missing, blank text, an empty list, or a date range with neither end. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (isRecord(value)) return Object.values(value).every(isEmpty)
  return false
}

/** Reads a reference: `key`, `range.start`, `table.column` (a list), or a sibling column in a row. */
export type Lookup = (ref: string) => unknown

export function makeLookup(values: FormValues, row?: Record<string, unknown>, rowKeys?: ReadonlySet<string> | ReadonlyMap<string, unknown>): Lookup {
  return (ref) => {
    const [head = '', part] = ref.split('.')
    const base = row && rowKeys?.has(head) ? row[head] : values[head]
    if (part === undefined) return base
    if (Array.isArray(base)) return base.map((r) => (isRecord(r) ? r[part] : undefined))
    if (isRecord(base)) return base[part]
    return undefined
  }
}

function same(a: unknown, b: Scalar): boolean {
  if (a === b) return true
  // A condition written `value: 3` still matches an option value "3", and the reverse.
  if ((typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number')) {
    return String(a) === String(b)
  }
  return false
}

function compare(a: unknown, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  // ISO dates and HH:mm times order correctly as text.
  if (typeof a === 'string' && typeof b === 'string' && a !== '') return a < b ? -1 : a > b ? 1 : 0
  return undefined
}

/** Evaluates a condition; a comparison with a missing or mistyped value is false. */
export function testCondition(cond: Condition, get: Lookup): boolean {
  if ('all' in cond) return cond.all.every((c) => testCondition(c, get))
  if ('any' in cond) return cond.any.some((c) => testCondition(c, get))
  if ('not' in cond) return !testCondition(cond.not, get)
  const value = get(cond.field)
  switch (cond.op) {
    case 'empty':
      return isEmpty(value)
    case 'notEmpty':
      return !isEmpty(value)
    case 'eq':
      return Array.isArray(value) ? value.some((v) => same(v, cond.value)) : same(value, cond.value)
    case 'ne':
      return !(Array.isArray(value) ? value.some((v) => same(v, cond.value)) : same(value, cond.value))
    case 'in':
    case 'notIn': {
      const list = Array.isArray(value) ? value : [value]
      const hit = list.some((v) => cond.value.some((c) => same(v, c)))
      return cond.op === 'in' ? hit : !hit
    }
    default: {
      const c = compare(value, cond.value)
      if (c === undefined) return false
      if (cond.op === 'gt') return c > 0
      if (cond.op === 'gte') return c >= 0
      if (cond.op === 'lt') return c < 0
      return c <= 0
    }
  }
}

function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals))
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(', ')
  if (isRecord(value) && 'start' in value) return [textOf(value.start), textOf(value.end)].filter(Boolean).join(' ~ ')
  return ''
}

/** The value of a computed field, or undefined while its inputs are incomplete. */
export function computeValue(field: Field | ColumnField, computed: Computed, get: Lookup, opts: EvaluateOptions): unknown {
  switch (computed.kind) {
    case 'daysBetween':
      return daysBetween(get(computed.from), get(computed.to), {
        inclusive: computed.inclusive,
        workingDaysOnly: computed.workingDaysOnly,
        calendar: opts.calendar,
      })
    case 'sum': {
      let total = 0
      let found = false
      for (const ref of computed.fields) {
        const value = get(ref)
        if (Array.isArray(value)) {
          // A table column: an empty table sums to 0.
          found = true
          for (const v of value) if (typeof v === 'number' && Number.isFinite(v)) total += v
        } else if (typeof value === 'number' && Number.isFinite(value)) {
          found = true
          total += value
        }
      }
      if (!found) return undefined
      // Binary floats make 0.1 + 0.2 = 0.30000000000000004: round to what the field holds.
      const decimals = field.type === 'money' ? 2 : field.type === 'number' && field.precision !== undefined ? field.precision : 6
      return roundTo(total, decimals)
    }
    case 'count': {
      const value = get(computed.field)
      return Array.isArray(value) ? value.length : 0
    }
    case 'concat': {
      const parts = computed.parts.map((p) => ('text' in p ? p.text : textOf(get(p.field)))).filter((p) => p !== '')
      return parts.length ? parts.join(computed.separator ?? '') : undefined
    }
  }
}

export interface Evaluation {
  /** Known fields only, with computed values filled in and hidden fields (and columns) removed. */
  values: FormValues
  /** Visible top-level field keys. */
  visible: Set<string>
  /** For each table, for each row, the visible column keys. */
  rowVisible: Map<string, Array<Set<string>>>
  /** "Today" as used for relative date limits. */
  today: string
}

function todayOf(opts: EvaluateOptions): string {
  const now = opts.now ?? new Date()
  if (typeof now === 'string') return /^\d{4}-\d{2}-\d{2}/.test(now) ? now.slice(0, 10) : todayIn(new Date(now), opts.timeZone)
  return todayIn(now, opts.timeZone)
}

function isAuthoritativelyPrefilled(field: Field, opts: EvaluateOptions): boolean {
  return field.type !== 'info' && !!field.prefill?.readOnlyWhenPrefilled && opts.prefilled?.[field.key] !== undefined
}

function evaluateRow(
  info: { columns: Map<string, ColumnField>; order: string[] },
  row: Record<string, unknown>,
  values: FormValues,
  opts: EvaluateOptions,
): { row: Record<string, unknown>; visible: Set<string> } {
  const out: Record<string, unknown> = {}
  for (const [key, column] of info.columns) {
    if (key in row) out[key] = row[key]
    // An untouched switch is off, for conditions as for the stored value.
    if (column.type === 'switch' && (out[key] === undefined || out[key] === null)) out[key] = false
  }
  const visible = new Set<string>()
  const get = makeLookup(values, out, info.columns)
  for (const key of info.order) {
    const column = info.columns.get(key)!
    if (column.visibleWhen && !testCondition(column.visibleWhen, get)) {
      delete out[key]
      continue
    }
    visible.add(key)
    if ('computed' in column && column.computed) {
      const value = computeValue(column, column.computed, get, opts)
      if (value === undefined) delete out[key]
      else out[key] = value
    }
  }
  return { row: out, visible }
}

/** Visibility and computed values of a form over `input` (which is not modified). */
export function evaluateForm(def: FormDefinition, input: FormValues, opts: EvaluateOptions = {}): Evaluation {
  const index = indexOf(def)
  const values: FormValues = {}
  for (const [key, field] of index.fields) {
    if (field.type === 'info') continue
    if (isAuthoritativelyPrefilled(field, opts)) values[key] = opts.prefilled![key]
    else if (key in input) values[key] = input[key]
    if (field.type === 'switch' && (values[key] === undefined || values[key] === null)) values[key] = false
  }
  const visible = new Set<string>()
  const rowVisible = new Map<string, Array<Set<string>>>()
  const get = makeLookup(values)
  // Dependency order: when a field is reached, everything its visibility and value read is final.
  for (const key of index.order) {
    const field = index.fields.get(key)!
    const section = index.sectionOf.get(key)!
    const shown = (!section.visibleWhen || testCondition(section.visibleWhen, get)) && (!field.visibleWhen || testCondition(field.visibleWhen, get))
    if (!shown) {
      delete values[key]
      continue
    }
    visible.add(key)
    if ('computed' in field && field.computed) {
      const value = computeValue(field, field.computed, get, opts)
      if (value === undefined) delete values[key]
      else values[key] = value
    }
    if (field.type === 'table' && Array.isArray(values[key])) {
      const info = index.tables.get(key)!
      const rows: unknown[] = []
      const vis: Array<Set<string>> = []
      for (const row of values[key] as unknown[]) {
        if (!isRecord(row)) {
          rows.push(row)
          vis.push(new Set())
          continue
        }
        const r = evaluateRow(info, row, values, opts)
        rows.push(r.row)
        vis.push(r.visible)
      }
      values[key] = rows
      rowVisible.set(key, vis)
    }
  }
  return { values, visible, rowVisible, today: todayOf(opts) }
}

/** The keys of the fields shown for these values, in form order (info texts included). */
export function visibleFields(def: FormDefinition, values: FormValues, opts: EvaluateOptions = {}): string[] {
  const { visible } = evaluateForm(def, values, opts)
  return allFields(def)
    .map(({ field }) => field.key)
    .filter((key) => visible.has(key))
}

/**
 * `values` with every computed field (and computed table column) recomputed. Unlike a submission,
 * hidden fields keep what the user typed, so flipping a choice back and forth loses nothing;
 * a computed field that is hidden, or whose inputs are incomplete, is removed.
 */
export function computeValues(def: FormDefinition, values: FormValues, opts: EvaluateOptions = {}): FormValues {
  const index = indexOf(def)
  const ev = evaluateForm(def, values, opts)
  const out: FormValues = { ...values }
  for (const [key, field] of index.fields) {
    if ('computed' in field && field.computed) {
      if (ev.values[key] === undefined) delete out[key]
      else out[key] = ev.values[key]
    }
    if (field.type === 'table' && Array.isArray(values[key])) {
      const info = index.tables.get(key)!
      const computedColumns = [...info.columns.values()].filter((c) => 'computed' in c && c.computed)
      if (computedColumns.length === 0) continue
      const evaluatedRows = Array.isArray(ev.values[key]) ? (ev.values[key] as unknown[]) : undefined
      out[key] = (values[key] as unknown[]).map((row, i) => {
        if (!isRecord(row)) return row
        // A hidden table still gets its row sums, evaluated as if shown.
        const evaluated = evaluatedRows?.[i] ?? evaluateRow(info, row, ev.values, opts).row
        const next = { ...row }
        for (const column of computedColumns) {
          const value = isRecord(evaluated) ? evaluated[column.key] : undefined
          if (value === undefined) delete next[column.key]
          else next[column.key] = value
        }
        return next
      })
    }
  }
  return out
}
