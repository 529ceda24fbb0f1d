import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import { transaction, type Db } from '../../db/client.ts'
import { attachments } from '../../db/schema/index.ts'
import type { Deps } from '../../lib/context.ts'
import { uploadKey } from '../../blobs/index.ts'
import { HallError } from '../../lib/errors.ts'
import { acceptedFileTypes, describeFileTypes, FILE_TYPES, type AttachmentField } from '@hall/forms/format'
import { findAttachmentField, requireForm } from './forms.service.ts'

// Uploaded files: typed by their content (magic bytes), stored once per content under
// HALL_DATA_DIR/uploads/<first two hex digits of the SHA-256>/<SHA-256>, and handed out only to
// the people who may see them (`policy.canReadAttachment`).

/** Names for what people most often try to upload by mistake, so the refusal says what the file really is. */
const KNOWN_OTHERS: Record<string, { zh: string; en: string }> = {
  'application/x-msdownload': { zh: 'Windows 可执行程序', en: 'a Windows program' },
  'application/x-elf': { zh: 'Linux 可执行程序', en: 'a Linux program' },
  'application/x-mach-binary': { zh: 'macOS 可执行程序', en: 'a macOS program' },
  'application/x-cfb': { zh: '旧版 Office 文件（.doc/.xls）或安装包', en: 'an old Office file (.doc/.xls) or an installer' },
  'application/zip': { zh: 'ZIP 压缩包', en: 'a ZIP archive' },
  'application/x-rar-compressed': { zh: 'RAR 压缩包', en: 'a RAR archive' },
  'application/x-7z-compressed': { zh: '7z 压缩包', en: 'a 7z archive' },
  'text/html': { zh: '网页文件', en: 'a web page' },
}

const acceptedListZh = describeFileTypes(undefined, 'zh-CN')
const acceptedListEn = describeFileTypes(undefined, 'en')

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Characters that change how a name reads without being part of it: C0 and C1 controls and DEL,
 * the bidirectional embeddings, overrides and isolates (`invoice\u202Eexe.pdf` shows as
 * "invoicefdp.exe"), the directional marks, and the line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu

/**
 * The name to keep: no folders (`../../etc/passwd` → `passwd`), no control, bidirectional or
 * reserved characters, at most 200 characters, and an extension that says what the content is.
 */
export function safeFileName(raw: string, mime: string): string {
  const base = raw.split(/[/\\]/).pop() ?? ''
  let name = base
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
  const extensions = FILE_TYPES[mime]?.extensions ?? []
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  if (!name) name = 'file'
  if (extensions.length && !extensions.includes(ext)) name = `${name}.${extensions[0]}`
  if (name.length > 200) {
    const dot = name.lastIndexOf('.')
    const tail = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : ''
    name = name.slice(0, 200 - tail.length) + tail
  }
  return name
}

export interface UploadLimits {
  /** The form field the file is for (its accept and maxSizeMb apply), when the client named one. */
  field?: AttachmentField | undefined
  maxBytes: number
}

/** Checks the size and the content of an upload; throws the refusal a person can act on. */
export async function checkUpload(file: File, bytes: Uint8Array, limits: UploadLimits): Promise<{ mime: string }> {
  const label = limits.field?.label
  if (bytes.byteLength === 0) {
    throw new HallError(400, 'empty_file', `"${file.name}" is empty`, `“${file.name}”是空文件`)
  }
  // MB as the forms package reckons them (1024 × 1024 bytes), and named as the form names them.
  const fieldMax = limits.field ? Math.round(limits.field.maxSizeMb * 1024 * 1024) : Infinity
  const max = Math.min(fieldMax, limits.maxBytes)
  if (bytes.byteLength > max) {
    const limit = fieldMax <= limits.maxBytes ? `${limits.field!.maxSizeMb} MB` : formatSize(max)
    throw new HallError(
      413,
      'file_too_large',
      `"${file.name}" is ${formatSize(bytes.byteLength)}; ${label && fieldMax <= limits.maxBytes ? `${label.en} takes` : 'the hall takes'} files up to ${limit}`,
      `“${file.name}”有 ${formatSize(bytes.byteLength)}，${label && fieldMax <= limits.maxBytes ? `“${label.zh}”` : '办事大厅'}只接受不超过 ${limit} 的文件`,
    )
  }
  const detected = await fileTypeFromBuffer(bytes)
  // What the hall takes at all, whatever a form says, is the list of @hall/forms that the form's
  // hint names the accepted types from, so the hint and this check cannot disagree.
  const accepted = detected && FILE_TYPES[detected.mime]
  if (!detected || !accepted) {
    const known = detected ? KNOWN_OTHERS[detected.mime] : undefined
    const whatEn = known ? `is ${known.en}` : detected ? `is a ${detected.ext} file` : 'is not a document or image the hall recognises'
    const whatZh = known ? `实际是${known.zh}` : detected ? `实际是 ${detected.ext} 文件` : '不是可识别的文档或图片'
    throw new HallError(
      415,
      'unsupported_file_type',
      `"${file.name}" ${whatEn}, whatever its name says. The hall takes ${acceptedListEn}.`,
      `“${file.name}”${whatZh}（不论文件名如何），无法上传。办事大厅只接受 ${acceptedListZh} 文件。`,
    )
  }
  if (limits.field && !acceptedFileTypes(limits.field.accept).includes(detected.mime)) {
    // Named as the form's hint names them (the same list), so the person reads the same words twice.
    throw new HallError(
      415,
      'file_type_not_accepted',
      `"${file.name}" is ${accepted.what.en}; ${limits.field.label.en} takes ${describeFileTypes(limits.field.accept, 'en')}`,
      `“${file.name}”是${accepted.what.zh}，“${limits.field.label.zh}”只接受 ${describeFileTypes(limits.field.accept, 'zh-CN')}`,
    )
  }
  return { mime: detected.mime }
}

/** An upload as the routes answer it: the row without who and where it was uploaded for. */
export type StoredAttachment = Pick<typeof attachments.$inferSelect, 'id' | 'name' | 'size' | 'mime' | 'sha256' | 'materialKind' | 'createdAt'>

/** The JSON of an upload (the `Attachment` schema). */
export const attachmentJson = (a: StoredAttachment) => ({
  id: a.id,
  name: a.name,
  size: a.size,
  mime: a.mime,
  sha256: a.sha256,
  materialKind: a.materialKind,
  uploadedAt: a.createdAt.toISOString(),
})

/** The attachment field an upload is for (its accept and maxSizeMb apply), or the 404 that names it. */
export async function uploadField(db: Db, serviceCode: string, fieldKey: string) {
  const form = await requireForm(db, serviceCode)
  const field = findAttachmentField(form.definition, fieldKey)
  if (!field) {
    throw new HallError(
      404,
      'no_such_field',
      `The form of "${form.nameEn}" has no attachment field "${fieldKey}"`,
      `“${form.nameZh}”的表单没有附件项“${fieldKey}”`,
    )
  }
  return field
}

/** An attachment's row by id, or undefined. */
export async function findAttachment(db: Db, id: string) {
  return (await db.select().from(attachments).where(eq(attachments.id, id)))[0]
}

export async function saveUpload(
  deps: Deps,
  owner: string,
  file: File,
  opts: UploadLimits & { materialKind?: string | undefined; serviceCode?: string | undefined; fieldKey?: string | undefined },
): Promise<StoredAttachment> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const { mime } = await checkUpload(file, bytes, opts)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  // One object per content: a second upload of the same bytes writes nothing.
  const key = uploadKey(sha256)
  if (!(await deps.blobs.has(key))) await deps.blobs.put(key, bytes)
  const row = {
    id: `att_${randomBytes(16).toString('base64url')}`,
    ownerCardNumber: owner,
    name: safeFileName(file.name, mime),
    size: bytes.byteLength,
    mime,
    sha256,
    materialKind: opts.materialKind ?? opts.field?.materialKind ?? null,
    serviceCode: opts.serviceCode ?? null,
    fieldKey: opts.fieldKey ?? null,
    createdAt: deps.now(),
  }
  await transaction(deps.db, async (tx) => tx.insert(attachments).values(row))
  return { id: row.id, name: row.name, size: row.size, mime, sha256, materialKind: row.materialKind, createdAt: row.createdAt }
}

/**
 * The attachments among `ids` that `owner` uploaded, as the database knows them (the applications
 * routes check a submission's file references against this: a reference to someone else's file,
 * or with a made-up name, size or type, is refused).
 */
export async function ownAttachments(db: Db, owner: string, ids: readonly string[]) {
  if (!ids.length) return []
  return await db
    .select({ id: attachments.id, name: attachments.name, size: attachments.size, mime: attachments.mime, materialKind: attachments.materialKind })
    .from(attachments)
    .where(and(eq(attachments.ownerCardNumber, owner), inArray(attachments.id, [...ids])))
}

/** The person's earlier uploads, newest first, one per content and kind: what they may reuse. */
export async function materialsOf(db: Db, owner: string, kind?: string) {
  const rows = await db
    .select()
    .from(attachments)
    // The demo history's files (api/src/demo/past-applications.ts) have rows but no bytes: not for reuse.
    .where(
      and(eq(attachments.ownerCardNumber, owner), sql`substr(${attachments.id}, 1, 9) <> 'att_seed_'`, kind ? eq(attachments.materialKind, kind) : undefined),
    )
    .orderBy(desc(attachments.createdAt), desc(attachments.id))
    .limit(500)
  const seen = new Set<string>()
  return rows.filter((r) => {
    const key = `${r.sha256}|${r.materialKind ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
