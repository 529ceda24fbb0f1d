import type { FormDefinition, FormValues, PrefillSource } from '@hall/forms'
import { useBilingual } from '@hall/mf-kit'
import { ElMessage } from 'element-plus'
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

/** The field a "report an error" dialog is open for. */
export interface ReportedField {
  key: string
  label: string
  value: string
  source: PrefillSource
}

/**
 * A field's value as the report quotes it. A date range or a person is an object: it is quoted as
 * JSON (what the data platform sent), not as String()'s "[object Object]".
 */
export function reportedValue(raw: unknown): string {
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'object') return JSON.stringify(raw)
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw)
  return '' // a function or a symbol is no field's value
}

/**
 * The "报错 / Report an error" dialog's state: `open(fieldKey)` from <HallForm>'s `report-error`,
 * `sent(department)` when the report went through (a confirmation toast).
 */
export function useReportError(definition: Ref<FormDefinition | null>, values: Ref<FormValues>, sources: Ref<Record<string, PrefillSource>>) {
  const { t } = useI18n()
  const l = useBilingual()
  const reporting = ref<ReportedField | null>(null)

  function open(fieldKey: string) {
    const source = sources.value[fieldKey]
    if (!definition.value || !source) return
    const field = definition.value.sections.flatMap((s) => s.fields).find((f) => f.key === fieldKey)
    const label = field && 'label' in field && field.label ? l(field.label.zh, field.label.en) : fieldKey
    const raw = values.value[fieldKey]
    reporting.value = { key: fieldKey, label, value: reportedValue(raw), source }
  }

  function sent(department: string) {
    // The field says "reported" from now on (the API says so too on the next visit).
    const source = reporting.value ? sources.value[reporting.value.key] : undefined
    if (source) source.reportedAt = new Date().toISOString()
    reporting.value = null
    ElMessage.success({ message: t('report.sent', { department }), duration: 4000 })
  }

  return { reporting, open, sent, close: () => (reporting.value = null) }
}
