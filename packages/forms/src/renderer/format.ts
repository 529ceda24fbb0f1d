// Values as text for the read-only view (reviewers, printing).
import type { AttachmentRef, ColumnField, ValueField } from '../definition.ts'
import { isEmpty, isRecord } from '../evaluate.ts'
import type { FormLang } from '../validate.ts'
import { tr, wordsIn } from './ui.ts'

export function formatMoney(value: number): string {
  return `¥${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

// A date range's parts are ISO dates; anything else (a half-filled range) shows as nothing, not "[object Object]".
const dateText = (part: unknown): string => (typeof part === 'string' ? part : '')

/** The display text of a value; attachments and tables are rendered by the view itself. */
export function formatValue(field: ValueField | ColumnField, value: unknown, lang: FormLang, displayNames: Record<string, string> = {}): string {
  const w = wordsIn(lang)
  if (field.type === 'switch') return value === true ? w('yes') : w('no')
  if (isEmpty(value)) return '—'
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value)
    case 'number':
      return `${String(value)}${field.unit ? ` ${tr(field.unit, lang)}` : ''}`
    case 'dateRange':
      return isRecord(value) ? `${dateText(value.start)} ${w('to')} ${dateText(value.end)}` : String(value)
    case 'select':
      return tr(field.options.find((o) => o.value === value)?.label, lang) || String(value)
    case 'multiSelect':
      return (Array.isArray(value) ? value : [value])
        .map((v) => tr(field.options.find((o) => o.value === v)?.label, lang) || String(v))
        .join(lang === 'en' ? ', ' : '、')
    case 'person':
    case 'department': {
      const name = displayNames[String(value)]
      if (!name) return String(value)
      return lang === 'en' ? `${name} (${String(value)})` : `${name}（${String(value)}）`
    }
    case 'attachment':
      return (Array.isArray(value) ? (value as AttachmentRef[]) : []).map((f) => f.name).join(', ')
    case 'table':
      return ''
    default:
      return String(value)
  }
}
