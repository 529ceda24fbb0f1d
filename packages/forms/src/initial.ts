import { allFields, type FormDefinition, type FormValues } from './definition.ts'
import { computeValues, type EvaluateOptions } from './evaluate.ts'

/**
 * The values a new application starts from: the data platform's pre-filled values, switches off,
 * empty lists, `minRows` empty rows, and the computed values that follow.
 */
export function initialValues(def: FormDefinition, prefilled: Record<string, unknown> = {}, opts: EvaluateOptions = {}): FormValues {
  const values: FormValues = {}
  for (const { field } of allFields(def)) {
    if (field.type === 'info') continue
    if (prefilled[field.key] !== undefined) values[field.key] = prefilled[field.key]
    else if (field.type === 'switch') values[field.key] = false
    else if (field.type === 'multiSelect' || field.type === 'attachment') values[field.key] = []
    else if (field.type === 'table') values[field.key] = Array.from({ length: field.minRows ?? 0 }, () => ({}))
  }
  return computeValues(def, values, opts)
}
