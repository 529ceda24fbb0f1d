import type { Db } from '../../db/client.ts'
import { applicationAttachments } from '../../db/schema/index.ts'
import { allFields, type FormDefinition } from '@hall/forms/format'
import { HallError, invalidForm, type FieldProblem } from '../../lib/errors.ts'
import { ownAttachments } from '../forms/attachments.service.ts'

// The files a submission refers to. A form value names a file by id (with its name, size and type
// for display); the server trusts only the id, and only for a file the applicant uploaded: the
// name, size and type are put back as the upload stored them, so that the form's limits are
// checked against the real file. On submit and resubmit every file the stored values refer to is
// linked to the application (`application_attachments`), which opens it to the application's
// readers (`policy.canReadAttachment`).

/** Where a form's attachment values are: a field (`photo`) or a table's column (`items.receipt`). */
interface Slot {
  /** The path of the value (`photo`, `items.0.receipt`), as field errors name it. */
  path: string
  /** The field (`photo`) or `table.column` (`items.receipt`), as an upload names it. */
  fieldKey: string
  refs: unknown[]
  /** Puts the rewritten refs back. */
  set: (refs: unknown[]) => void
}

/** At most this many distinct file ids are looked up per submission; the form's own limits are far lower. */
const MAX_LOOKUPS = 500

function slotsOf(form: FormDefinition, values: Record<string, unknown>): Slot[] {
  const out: Slot[] = []
  for (const { field } of allFields(form)) {
    if (field.type === 'attachment') {
      const v = values[field.key]
      if (Array.isArray(v)) out.push({ path: field.key, fieldKey: field.key, refs: v, set: (refs) => (values[field.key] = refs) })
    } else if (field.type === 'table') {
      const rows = values[field.key]
      if (!Array.isArray(rows)) continue
      for (const column of field.columns) {
        if (column.type !== 'attachment') continue
        rows.forEach((row, i) => {
          if (!row || typeof row !== 'object' || Array.isArray(row)) return
          const cells = row as Record<string, unknown>
          const v = cells[column.key]
          if (Array.isArray(v)) {
            out.push({ path: `${field.key}.${i}.${column.key}`, fieldKey: `${field.key}.${column.key}`, refs: v, set: (refs) => (cells[column.key] = refs) })
          }
        })
      }
    }
  }
  return out
}

const idOf = (ref: unknown): string | null => {
  if (!ref || typeof ref !== 'object') return null
  const id = (ref as { id?: unknown }).id
  return typeof id === 'string' ? id : null
}

/**
 * The values with every file reference replaced by the file as stored (a copy; the input is not
 * changed). A reference to a file that does not exist or that someone else uploaded is a field
 * error ("upload it again"), thrown as the same 400 as the form's own errors. References that are
 * not objects with an id are left for the form's validation to refuse.
 */
export async function resolveFiles(db: Db, owner: string, form: FormDefinition | null, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!form) return input
  const values = structuredClone(input)
  const slots = slotsOf(form, values)
  const ids = [...new Set(slots.flatMap((s) => s.refs.map(idOf).filter((id): id is string => id !== null)))].slice(0, MAX_LOOKUPS)
  const known = new Map((await ownAttachments(db, owner, ids)).map((r) => [r.id, r]))
  const problems: FieldProblem[] = []
  for (const slot of slots) {
    slot.set(
      slot.refs.map((ref) => {
        const id = idOf(ref)
        if (id === null) return ref
        const file = known.get(id)
        if (file) return { id: file.id, name: file.name, size: file.size, mime: file.mime }
        // A ref names its file as the page sent it: only a string name is shown back.
        const sent = (ref as { name?: unknown }).name
        const name = (typeof sent === 'string' ? sent : String(id)).slice(0, 100)
        problems.push({
          path: slot.path,
          message: `The file "${name}" is not one of your uploads (or no longer exists): remove it and upload it again`,
          messageZh: `文件“${name}”不是您上传的文件（或已不存在），请删除后重新上传`,
        })
        return ref
      }),
    )
  }
  if (problems.length) {
    throw invalidForm(problems)
  }
  return values
}

/** Links every file the stored values refer to to the application (once; a resubmission adds the new ones). */
export async function linkFiles(tx: Db, applicationId: number, form: FormDefinition | null, values: Record<string, unknown>): Promise<number> {
  if (!form) return 0
  const rows = new Map<string, string>()
  for (const slot of slotsOf(form, structuredClone(values))) {
    for (const ref of slot.refs) {
      const id = idOf(ref)
      if (id && !rows.has(id)) rows.set(id, slot.fieldKey)
    }
  }
  if (!rows.size) return 0
  await tx
    .insert(applicationAttachments)
    .values([...rows].map(([attachmentId, fieldKey]) => ({ applicationId, attachmentId, fieldKey })))
    .onConflictDoNothing()
  return rows.size
}

/**
 * The files of an answer to a reviewer's question (补充材料), by id: each must be one of the
 * applicant's own uploads. Anything else (another person's upload, a made-up id) is a 400 that
 * names the place in `attachments`, so that the page can say which file to upload again.
 */
export async function checkAnswerFiles(db: Db, owner: string, ids: string[]): Promise<void> {
  if (!ids.length) return
  const own = new Set((await ownAttachments(db, owner, ids)).map((r) => r.id))
  const problems: FieldProblem[] = ids.flatMap((id, i) =>
    own.has(id)
      ? []
      : [
          {
            path: `attachments.${i}`,
            message: `attachments: file ${JSON.stringify(id.slice(0, 60))} is not one of your uploads (or no longer exists): remove it and upload it again`,
            messageZh: `attachments：文件 ${JSON.stringify(id.slice(0, 60))} 不是您上传的文件（或已不存在），请删除后重新上传`,
          },
        ],
  )
  if (problems.length) {
    throw new HallError(400, 'bad_request', problems.map((p) => p.message).join('; '), problems.map((p) => p.messageZh).join('；'), { fields: problems })
  }
}

/** `application_attachments.field_key` of an answer's files: not a form field, so their readers know where they came from. */
export const ANSWER_FILES_KEY = '@answer'

/** Links an answer's files to the application, so that its reviewers (its readers) may download them. */
export async function linkAnswerFiles(tx: Db, applicationId: number, ids: string[]): Promise<void> {
  if (!ids.length) return
  await tx
    .insert(applicationAttachments)
    .values(ids.map((attachmentId) => ({ applicationId, attachmentId, fieldKey: ANSWER_FILES_KEY })))
    .onConflictDoNothing()
}
