import { and, eq, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { serviceVersions, services } from '../../db/schema/index.ts'
import { HallError } from '../../lib/errors.ts'
import { allFields, type AttachmentField, type ColumnField, type Field, type FormDefinition } from '../../data-platform/form-format.ts'

// The current form of a service, and the fields in it, as the forms routes need them.

export interface CurrentForm {
  code: string
  nameZh: string
  nameEn: string
  version: number
  status: 'draft' | 'online' | 'offline' | 'retired'
  definition: FormDefinition | null
}

/** The service's current version with its form, or undefined when there is no such (unretired) service. */
export function currentForm(db: Db, code: string): CurrentForm | undefined {
  const row = db
    .select({ service: services, version: serviceVersions })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
    .where(and(eq(services.code, code), ne(services.status, 'retired')))
    .get()
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
export function requireForm(db: Db, code: string): CurrentForm & { definition: FormDefinition } {
  const form = currentForm(db, code)
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

export function findAttachmentField(definition: FormDefinition, ref: string): AttachmentField | Extract<ColumnField, { type: 'attachment' }> | undefined {
  const field = findField(definition, ref)
  return field?.type === 'attachment' ? field : undefined
}
