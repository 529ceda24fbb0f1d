import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../lib/errors.ts'
import type { FormDefinition } from '../../data-platform/form-format.ts'

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

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } })
export const unsupportedType = {
  415: errorResponse('The content is not a type the hall (or this field) takes; the message says what the file really is'),
} as const
export const unavailable = { 503: errorResponse('The data platform could not be asked; try again later') } as const
