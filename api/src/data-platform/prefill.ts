import { allFields, type Field, type FormDefinition } from '@hall/forms/format'
import type { DataSource, PlatformRecord, PlatformScalar } from './types.ts'

// "一表通": a form's pre-fill bindings resolved against a person's record. Each pre-filled field
// gets its value and its source; a field whose source is authoritative and whose binding says
// `readOnlyWhenPrefilled` is locked (the browser shows it read-only, the server puts it back).

/** The source of one pre-filled field, as the form shows it ("来自 公寓管理系统 · 后勤公寓管理中心"). */
export interface PrefillSource extends DataSource {
  /** The path in the record the value came from: what a data-error report names. */
  path: string
  /** The user cannot change it: they report an error to the department instead. */
  readOnly: boolean
  /**
   * The value in English, for English pages, where the record has one (the path's English
   * counterpart: `…Zh` → `…En`, otherwise `…En` appended). Only shown: the value stored stays the
   * platform's own.
   */
  valueEn?: string
}

export interface PrefillResult {
  /** Field key → value, typed for its field. */
  values: Record<string, unknown>
  sources: Record<string, PrefillSource>
  /** Fields with a binding that the record had no (usable) value for: the user fills them in. */
  missing: string[]
}

/** The record's value in the shape the field holds, or undefined when it does not fit. */
function fit(field: Field, value: PlatformScalar): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'boolean' ? undefined : String(value)
    case 'number':
    case 'money': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
      return Number.isFinite(n) ? n : undefined
    }
    case 'select':
      return field.options.some((o) => o.value === String(value)) ? String(value) : undefined
    case 'switch':
      return typeof value === 'boolean' ? value : undefined
    case 'person':
    case 'department':
    case 'date':
    case 'time':
      return typeof value === 'string' ? value : undefined
    default:
      return undefined
  }
}

/** Where a record keeps the English of a path: `student.majorZh` → `student.majorEn`, `student.dormitory.label` → `…labelEn`. */
export const englishPath = (path: string) => (path.endsWith('Zh') ? `${path.slice(0, -2)}En` : `${path}En`)

export function resolvePrefill(definition: FormDefinition, record: PlatformRecord | null): PrefillResult {
  const result: PrefillResult = { values: {}, sources: {}, missing: [] }
  for (const { field } of allFields(definition)) {
    if (field.type === 'info' || !field.prefill) continue
    const found = record?.values[field.prefill.path]
    const value = found === undefined ? undefined : fit(field, found.value)
    if (found === undefined || value === undefined || value === '') {
      result.missing.push(field.key)
      continue
    }
    result.values[field.key] = value
    const english = record?.values[englishPath(field.prefill.path)]?.value
    result.sources[field.key] = {
      ...found.source,
      path: field.prefill.path,
      readOnly: !!field.prefill.readOnlyWhenPrefilled && found.source.authoritative,
      ...(typeof english === 'string' && english && typeof value === 'string' && english !== value ? { valueEn: english } : {}),
    }
  }
  return result
}

/**
 * The values the server puts back whatever a client sends: pass them to `validateSubmission(…,
 * { prefilled })` when an application is submitted.
 */
export function lockedValues(prefill: Pick<PrefillResult, 'values' | 'sources'>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(prefill.values).filter(([key]) => prefill.sources[key]?.readOnly))
}
