import { and, eq, ne } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { formDrafts, serviceVersions, services } from '../../db/schema/index.ts'
import { HallError } from '../../lib/errors.ts'
import type { DraftBody } from './forms.schemas.ts'
import { allFields, type AttachmentField, type ColumnField, type Field, type FormDefinition } from '@hall/forms/format'

// The current form of a service, and the fields in it, as the forms routes need them; drafts.

export interface CurrentForm {
  code: string
  nameZh: string
  nameEn: string
  version: number
  status: 'draft' | 'online' | 'offline' | 'retired'
  definition: FormDefinition | null
}

/** The service's current version with its form, or undefined when there is no such (unretired) service. */
export async function currentForm(db: Db, code: string): Promise<CurrentForm | undefined> {
  const row = (
    await db
      .select({ service: services, version: serviceVersions })
      .from(services)
      .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
      .where(and(eq(services.code, code), ne(services.status, 'retired')))
  )[0]
  if (!row) return undefined
  return {
    code,
    nameZh: row.version.nameZh,
    nameEn: row.version.nameEn,
    version: row.version.version,
    status: row.service.status,
    definition: (row.version.form as FormDefinition | null) ?? null,
  }
}

export function serviceNotFound(code: string): HallError {
  return new HallError(404, 'not_found', `There is no service "${code}" in the catalog`, `服务目录中没有“${code}”这项服务`)
}

/** The form of a service that must exist, or the 404 a person can act on. */
export async function requireForm(db: Db, code: string): Promise<CurrentForm & { definition: FormDefinition }> {
  const form = await currentForm(db, code)
  if (!form) throw serviceNotFound(code)
  if (!form.definition) {
    throw new HallError(
      404,
      'no_form',
      `"${form.nameEn}" has no online form yet: see its guide for how to apply`,
      `“${form.nameZh}”暂无在线表单，请按办事指南办理`,
    )
  }
  return { ...form, definition: form.definition }
}

/** A field by key, or a column by `table.column`. */
export function findField(definition: FormDefinition, ref: string): Field | ColumnField | undefined {
  const [key, column] = ref.split('.')
  const field = allFields(definition).find((f) => f.field.key === key)?.field
  if (!field || column === undefined) return field
  return field.type === 'table' ? field.columns.find((c) => c.key === column) : undefined
}

/** An attachment field, or an attachment column of a table (`table.column`): one type, as @hall/forms defines both with one schema. */
export function findAttachmentField(definition: FormDefinition, ref: string): AttachmentField | undefined {
  const field = findField(definition, ref)
  return field?.type === 'attachment' ? field : undefined
}

// ------------------------------------------------------------------------------------ drafts

const draftOf = (row: typeof formDrafts.$inferSelect): DraftBody => ({
  serviceCode: row.serviceCode,
  serviceVersion: row.serviceVersion,
  values: row.values,
  updatedAt: row.updatedAt.toISOString(),
})

/** The person's draft of a service, or null. */
export async function findDraft(db: Db, cardNumber: string, serviceCode: string): Promise<DraftBody | null> {
  const row = (
    await db
      .select()
      .from(formDrafts)
      .where(and(eq(formDrafts.cardNumber, cardNumber), eq(formDrafts.serviceCode, serviceCode)))
  )[0]
  return row ? draftOf(row) : null
}

export interface DraftInput {
  cardNumber: string
  serviceCode: string
  values: Record<string, unknown>
  at: Date
  /** HALL_DRAFT_MAX_KB: the most JSON a draft's values may take. */
  maxBytes: number
}

/** Saves a draft against the service's current version (last write wins); 404 without the service, 413 when too large. */
export async function saveDraft(db: Db, input: DraftInput) {
  const { cardNumber, serviceCode, values, at, maxBytes } = input
  const form = await currentForm(db, serviceCode)
  if (!form) throw serviceNotFound(serviceCode)
  const size = Buffer.byteLength(JSON.stringify(values))
  if (size > maxBytes) throw draftTooLarge(size, maxBytes)
  await transaction(db, async (tx) =>
    tx
      .insert(formDrafts)
      .values({ cardNumber, serviceCode, serviceVersion: form.version, values, updatedAt: at })
      .onConflictDoUpdate({ target: [formDrafts.cardNumber, formDrafts.serviceCode], set: { values, serviceVersion: form.version, updatedAt: at } }),
  )
  return { serviceCode, serviceVersion: form.version, updatedAt: at.toISOString() }
}

/** Discards the person's draft of a service; whether there was one. */
export async function discardDraft(db: Db, cardNumber: string, serviceCode: string): Promise<boolean> {
  return (
    (
      await transaction(db, async (tx) =>
        tx
          .delete(formDrafts)
          .where(and(eq(formDrafts.cardNumber, cardNumber), eq(formDrafts.serviceCode, serviceCode)))
          .returning({ code: formDrafts.serviceCode }),
      )
    ).length > 0
  )
}

/** A draft over the limit: with its size and the limit when known (the body limit refuses before reading it). */
export function draftTooLarge(size?: number, max?: number) {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`
  return new HallError(
    413,
    'draft_too_large',
    size && max
      ? `The draft is ${kb(size)}; a draft may be at most ${kb(max)}. Attach long texts as files.`
      : 'The draft is too large. Attach long texts as files.',
    size && max ? `草稿有 ${kb(size)}，超过 ${kb(max)} 的上限，长文本请以附件形式上传。` : '草稿过大，长文本请以附件形式上传。',
  )
}
