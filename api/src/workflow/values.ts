import { HallError } from '../lib/errors.ts'
import { formOf } from './definitions.ts'
import { validateSubmission } from '../data-platform/form-format.ts'

// Form values are checked by the one validation of @hall/forms against the form of the
// application's own version, before anything is stored: the same rules the browser ran.

/** How large a submission's values may be as JSON (files are uploaded separately and referenced). */
export const MAX_VALUES_BYTES = 256 * 1024

export interface FieldProblem {
  path: string
  message: string
  messageZh: string
}

/**
 * The values to store: cleaned by the version's form (hidden fields dropped, computed values
 * recomputed), or as sent when the version has no form yet. Throws a 400 that names each field.
 */
export function checkValues(
  version: { serviceCode: string; version: number; form: unknown },
  values: Record<string, unknown>,
  now: Date,
  prefilled?: Record<string, unknown>,
): Record<string, unknown> {
  if (Buffer.byteLength(JSON.stringify(values)) > MAX_VALUES_BYTES) {
    throw new HallError(
      413,
      'too_large',
      `The form values are larger than ${MAX_VALUES_BYTES / 1024} KB; attach long documents as files instead`,
      `表单内容超过 ${MAX_VALUES_BYTES / 1024} KB，长文档请以附件上传`,
    )
  }
  const form = formOf(version)
  if (!form) return values
  const result = validateSubmission(form, values, { now, ...(prefilled ? { prefilled } : {}) })
  if (result.ok) return result.values
  const fields: FieldProblem[] = result.errors.map((e) => ({ path: e.path, message: e.message.en, messageZh: e.message.zh }))
  throw new HallError(
    400,
    'invalid_form',
    `The form has ${fields.length === 1 ? 'an error' : `${fields.length} errors`}: ${fields.map((f) => f.message).join('; ')}`,
    `表单有误：${fields.map((f) => f.messageZh).join('；')}`,
    { fields },
  )
}

/** A 400 about one input, named by its path, in both languages (the shape of a form error). */
export function badInput(path: string, message: string, messageZh: string): HallError {
  const fields: FieldProblem[] = [{ path, message, messageZh }]
  return new HallError(400, 'bad_request', message, messageZh, { fields })
}
