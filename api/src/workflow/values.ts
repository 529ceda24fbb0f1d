import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { people } from '../db/schema/index.ts'
import { HallError, invalidForm, type FieldProblem } from '../lib/errors.ts'
import { formOf } from './definitions.ts'
import { allFields, validateSubmission, type FormDefinition } from '@hall/forms/format'

// Form values are checked by the one validation of @hall/forms against the form of the
// application's own version, before anything is stored: the same rules the browser ran.

/** How large a submission's values may be as JSON (files are uploaded separately and referenced). */
export const MAX_VALUES_BYTES = 256 * 1024

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
  throw invalidForm(fields)
}

type Kind = (typeof people.$inferSelect)['kind']
const STUDENT_KINDS: readonly Kind[] = ['undergraduate', 'graduate', 'international']

/** "a student", "a member of staff", … for the message about a person of the wrong kind. */
function kindWords(kinds: readonly Kind[]): { en: string; zh: string } {
  if (kinds.every((k) => STUDENT_KINDS.includes(k))) return { en: 'a student', zh: '学生' }
  if (kinds.every((k) => k === 'staff')) return { en: 'a member of staff', zh: '教职工' }
  return { en: `one of: ${kinds.join(', ')}`, zh: kinds.join('、') }
}

/**
 * The people named in person fields (互换同学, 指导老师) must be people of the hall: a card
 * number that exists and has not left, of a kind the field accepts, and not the applicant.
 * The format check of @hall/forms cannot know this; the task a `{ namedIn }` or `{ field }` rule
 * gives them depends on it. Throws the same 400 as a form error, naming each field.
 */
export async function checkPeopleNamed(db: Db, form: FormDefinition | null, values: Record<string, unknown>, applicant: string): Promise<void> {
  if (!form) return
  const fields: FieldProblem[] = []
  const check = async (path: string, field: { label: { zh: string; en: string }; kinds?: readonly Kind[] | undefined }, value: unknown) => {
    if (typeof value !== 'string' || value === '') return
    const { zh: label, en: labelEn } = field.label
    if (value === applicant) {
      fields.push({ path, message: `${labelEn}: you cannot name yourself`, messageZh: `${label}不能是您本人` })
      return
    }
    const row = (await db.select({ kind: people.kind, leftAt: people.leftAt }).from(people).where(eq(people.cardNumber, value)))[0]
    if (!row || row.leftAt !== null) {
      fields.push({
        path,
        message: `${labelEn}: card number ${value} is nobody at the university now; search by name or card number and pick the person from the list`,
        messageZh: `${label}：卡号 ${value} 不是本校在校人员，请输入姓名或卡号查找并从列表中选择`,
      })
    } else if (field.kinds && !field.kinds.includes(row.kind)) {
      const words = kindWords(field.kinds)
      fields.push({ path, message: `${labelEn}: pick ${words.en}`, messageZh: `${label}应为${words.zh}` })
    }
  }
  for (const { field } of allFields(form)) {
    if (field.type === 'person') await check(field.key, field, values[field.key])
    if (field.type !== 'table') continue
    const rows = values[field.key]
    if (!Array.isArray(rows)) continue
    for (const column of field.columns) {
      if (column.type !== 'person') continue
      for (const [i, row] of rows.entries()) {
        if (row && typeof row === 'object') await check(`${field.key}.${i}.${column.key}`, column, (row as Record<string, unknown>)[column.key])
      }
    }
  }
  if (fields.length === 0) return
  throw invalidForm(fields)
}
