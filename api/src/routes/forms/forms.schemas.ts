import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../lib/errors.ts'
import type { FormDefinition } from '@hall/forms/format'

// Shapes the forms routes share.

export const ServiceCode = z
  .string()
  .regex(/^[a-z0-9-]{2,60}$/, 'a service code is 2–60 lower-case letters, digits and dashes')
  .openapi({ example: 'dorm-change' })

/**
 * A form definition as @hall/forms defines it (`FormDefinition`, validated by its
 * `FormDefinitionSchema` when a version is published). Its conditions are recursive, which the
 * OpenAPI generator cannot walk, so the document describes it by reference to the package and the
 * typed client gets the package's own type.
 */
export const FormDefinitionDoc = z
  .custom<FormDefinition>((v) => typeof v === 'object' && v !== null)
  .openapi('FormDefinition', {
    type: 'object',
    description: 'A FormDefinition of @hall/forms: `{ formatVersion: 1, sections: [{ title, fields: [...] }] }` (packages/forms/README.md)',
  })

export const PrefillSourceSchema = z
  .object({
    systemCode: z.string().openapi({ example: 'housing-system' }),
    systemZh: z.string().openapi({ example: '公寓管理系统' }),
    systemEn: z.string().openapi({ example: 'Student housing system' }),
    departmentCode: z.string().openapi({ example: 'housing' }),
    departmentZh: z.string().openapi({ example: '后勤公寓管理中心' }),
    departmentEn: z.string().openapi({ example: 'Student Housing Centre' }),
    authoritative: z.boolean().openapi({ description: 'The system is the authority on the value' }),
    path: z.string().openapi({ example: 'student.dormitory.label', description: "The path in the person's record: what a data-error report names" }),
    readOnly: z.boolean().openapi({ description: 'The person cannot change it here; they report an error instead' }),
    reportedAt: z.string().optional().openapi({ description: 'When this person reported the value wrong (报错), while the report is open' }),
    valueEn: z.string().optional().openapi({
      example: 'Minghu Court 5, room 302, bed 2',
      description:
        'The value in English where the data platform has it (college, major, class, dormitory…): shown on English pages; the value itself stays as the platform gives it',
    }),
  })
  .openapi('PrefillSource')

// ------------------------------------------------------------------------------------ form and drafts

export const WarningSchema = z
  .object({ code: z.literal('data_platform_unavailable'), message: z.string(), messageZh: z.string() })
  .openapi('PlatformWarning', { description: 'Why nothing is pre-filled although the person may be known: the data platform could not be asked' })

export const DraftSchema = z
  .object({
    serviceCode: z.string(),
    /** The service version the draft was typed against. */
    serviceVersion: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    updatedAt: z.string().openapi({ example: '2026-11-27T02:00:00.000Z' }),
  })
  .openapi('Draft')

export const FormResponse = z
  .object({
    service: z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      version: z.number().int(),
      status: z.enum(['draft', 'online', 'offline', 'retired']).openapi({ description: 'offline: listed, but not accepting applications now' }),
    }),
    definition: FormDefinitionDoc,
    prefill: z.object({
      values: z.record(z.string(), z.unknown()).openapi({ description: 'Field key → pre-filled value; start the form with initialValues(definition, values)' }),
      sources: z
        .record(z.string(), PrefillSourceSchema)
        .openapi({ description: 'Field key → where its value came from; readOnly fields cannot be changed (report an error instead)' }),
      missing: z.array(z.string()).openapi({ description: 'Fields with a pre-fill binding that the record had no value for' }),
      available: z.boolean().openapi({ description: 'false when the data platform could not be asked (see warning)' }),
      warning: WarningSchema.nullable(),
    }),
    draft: DraftSchema.nullable(),
  })
  .openapi('ServiceForm')

const DraftValues = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a value is keyed by a field key')
      .max(64),
    z.unknown(),
  )
  .refine((v) => Object.keys(v).length <= 500, 'a draft has at most 500 values')

export const ServiceCodeParams = z.object({ serviceCode: ServiceCode })
export const CodeParams = z.object({ code: ServiceCode })

export const DraftBody = z.object({ values: DraftValues })
export const SavedDraft = z.object({ serviceCode: z.string(), serviceVersion: z.number().int(), updatedAt: z.string() })
export const DiscardedDraft = z.object({ serviceCode: z.string(), deleted: z.boolean() })
export type DraftBody = z.infer<typeof DraftSchema>

// ------------------------------------------------------------------------------------ data-error reports

export const DepartmentCode = z.string().regex(/^[a-z0-9-]{2,40}$/, 'a department is a code such as housing')
const RecordPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, 'a path names a value of the record, such as student.dormitory.label')

export const ReportBody = z.object({
  serviceCode: ServiceCode.optional().openapi({ description: 'The service whose form showed the value' }),
  fieldKey: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'fieldKey is a field key')
    .max(64),
  path: RecordPath,
  note: z
    .string()
    .trim()
    .min(2, 'say what is wrong (at least 2 characters)')
    .max(500, 'a note is at most 500 characters')
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'a note has no control characters')
    .openapi({ example: '我已于 11 月调到 5 号楼 219 室' }),
})

export const ReportSchema = z
  .object({
    id: z.number().int(),
    reporter: z.object({ cardNumber: z.string(), name: z.string() }),
    serviceCode: z.string().nullable(),
    fieldKey: z.string(),
    path: z.string(),
    reportedValue: z.string().nullable(),
    note: z.string(),
    systemCode: z.string(),
    department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    status: z.enum(['open', 'resolved']),
    createdAt: z.string(),
  })
  .openapi('DataErrorReport')

export type ReportInput = z.infer<typeof ReportBody>

export const ReportReceipt = z.object({
  id: z.number().int(),
  department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  system: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  notified: z.number().int().openapi({ description: 'How many of its reviewers were notified' }),
  createdAt: z.string(),
})

export const DataErrorListQuery = z
  .object({
    department: DepartmentCode.optional(),
    mine: z.literal('1').optional(),
    status: z.enum(['open', 'resolved', 'all']).default('open'),
  })
  .refine((q) => !!q.department !== !!q.mine, { message: 'give either department or mine=1', path: ['department'] })

export const DataErrorList = z.object({ items: z.array(ReportSchema) })

export const AttachmentSchema = z
  .object({
    id: z.string().openapi({ example: 'att_3q2-7wEv0JvQ4Fh1xk6kIA' }),
    name: z.string().openapi({ example: '诊断证明.pdf' }),
    size: z.number().int(),
    mime: z.string().openapi({ example: 'application/pdf', description: 'The type found in the content, not the one the browser claimed' }),
    sha256: z.string(),
    materialKind: z.string().nullable().openapi({ example: 'medical-certificate' }),
    uploadedAt: z.string(),
  })
  .openapi('Attachment')

// ------------------------------------------------------------------------------------ attachments

export const MaterialKind = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a material kind is a code such as id-photo')
export const FieldRef = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/, 'a field is `key` or `table.column`')

export const UploadForm = z
  .object({
    file: z
      .instanceof(File, { message: 'file must be a file (multipart/form-data)' })
      .openapi({ type: 'string', format: 'binary', description: 'One file; its type is checked by content' }),
    materialKind: MaterialKind.optional().openapi({ description: "What the file is; defaults to the field's materialKind" }),
    serviceCode: ServiceCode.optional(),
    fieldKey: FieldRef.optional().openapi({ description: "With serviceCode: the field's accept and maxSizeMb apply" }),
  })
  .refine((v) => !v.fieldKey || v.serviceCode, { message: 'fieldKey needs serviceCode', path: ['serviceCode'] })

export const AttachmentParams = z.object({ id: z.string().regex(/^att_[A-Za-z0-9_-]{10,40}$/, 'not an attachment id') })

export const DownloadQuery = z.object({
  disposition: z.enum(['attachment', 'inline']).optional().openapi({
    description:
      'Saved by default (`attachment`); `inline` previews a PDF or an image in the browser (sandboxed, like every file). Other types are always saved.',
  }),
})

export const FileBody = z.string().openapi({ format: 'binary' })

export const MaterialsQuery = z.object({ kind: MaterialKind.optional().openapi({ example: 'id-photo' }) })

export const MaterialList = z.object({ items: z.array(AttachmentSchema) })

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } })
export const unsupportedType = {
  415: errorResponse('The content is not a type the hall (or this field) takes; the message says what the file really is'),
} as const
export const unavailable = { 503: errorResponse('The data platform could not be asked; try again later') } as const
