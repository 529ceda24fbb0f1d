import { z } from '@hono/zod-openapi'

// The shapes of the organisation administration routes (imports, people and roles). The import
// report is stored as JSON in `org_imports.report` with exactly this shape.

const Sheet = z.enum(['departments', 'classes', 'people', 'roles'])

export const Refusal = z
  .object({
    sheet: z.string().openapi({ description: 'The sheet (or `sheet` column value) of the row' }),
    row: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The row number as the spreadsheet shows it (header = 1); null for a whole sheet or a person absent from a full list' }),
    key: z.string().nullable(),
    reason: z.string(),
    reasonZh: z.string(),
  })
  .openapi('OrgImportRefusal')

const Change = z.object({ sheet: Sheet, key: z.string(), detail: z.string() })
const Transfer = z.object({
  applicationId: z.number().int(),
  taskId: z.number().int(),
  from: z.string(),
  to: z.string(),
  via: z.enum(['substitute', 'escalation']),
})

export const ImportReport = z
  .object({
    mode: z.enum(['full', 'partial']),
    counts: z.object({
      rows: z.number().int(),
      added: z.number().int(),
      changed: z.number().int(),
      removed: z.number().int(),
      refused: z.number().int(),
      transfers: z.number().int(),
    }),
    added: z.array(Change),
    changed: z.array(Change),
    removed: z.array(Change),
    refused: z.array(Refusal),
    transfers: z.array(Transfer),
    failure: z.object({ reason: z.string(), reasonZh: z.string() }).optional(),
  })
  .openapi('OrgImportReport')

export const ImportRun = z
  .object({
    id: z.number().int(),
    source: z.enum(['file', 'cli', 'platform']),
    origin: z.string(),
    mode: z.enum(['full', 'partial']),
    dryRun: z.boolean(),
    status: z.enum(['dry_run', 'imported', 'failed']),
    actor: z.string(),
    at: z.string(),
  })
  .openapi('OrgImportRun')

export type ImportReportView = z.infer<typeof ImportReport>
export const ImportRunWithReport = ImportRun.extend({ report: ImportReport }).openapi('OrgImportRunWithReport')
export const ImportRunList = z.object({ items: z.array(ImportRun.extend({ counts: ImportReport.shape.counts })) }).openapi('OrgImportRunList')

export const ImportForm = z.object({
  file: z
    .instanceof(File, { message: 'file must be a file (multipart/form-data)' })
    .openapi({ type: 'string', format: 'binary', description: 'An .xlsx workbook (one sheet per kind) or a .csv with a `sheet` column' }),
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun is true or false' })
    .default('true')
    .openapi({ description: 'true (default): report only, import nothing' }),
  mode: z
    .enum(['full', 'partial'], { error: 'mode is full or partial' })
    .default('full')
    .openapi({ description: 'full: people and imported roles absent from the file are removed; partial: only add and change' }),
})

export const IdParam = z.object({ id: z.coerce.number().int().positive({ error: 'id is a positive number' }) })

/** The roles the hall grants (who a workflow step's assignee rule can name). */
export const ROLES = [
  'counsellor',
  'college-secretary',
  'college-deputy-secretary',
  'head-of-department',
  'reviewer',
  'service-owner',
  'president-office',
  'admin',
] as const

export const Role = z.enum(ROLES, { error: `role is one of ${ROLES.join(', ')}` })

export const Grant = z.object({ role: z.string(), scope: z.string(), origin: z.enum(['seed', 'import', 'console', 'config']) })

export const AdminPerson = z
  .object({
    cardNumber: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: z.enum(['staff', 'undergraduate', 'graduate', 'international']),
    department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    klass: z.string().nullable(),
    leftAt: z.string().nullable(),
    roles: z.array(Grant),
  })
  .openapi('AdminPerson', { description: 'A person with their roles, as administrators see them' })

export const AdminPeopleList = z.object({ items: z.array(AdminPerson), total: z.number().int() }).openapi('AdminPeopleList')

export const AdminPeopleQuery = z.object({
  q: z
    .string()
    .trim()
    .max(50, 'q is at most 50 characters')
    .default('')
    .openapi({ description: 'A name, English name or card number (part of it); empty: the first people' }),
  role: z.string().max(40).optional().openapi({ description: 'Only people holding this role' }),
})

export const CardParam = z.object({ cardNumber: z.string().min(1).max(64) })

export const GrantBody = z.object({
  role: Role,
  scope: z
    .string()
    .trim()
    .max(64)
    .default('')
    .openapi({ description: 'A class code (counsellor), a college (college roles), a department (others); empty or * for admin' }),
})

export const Units = z
  .object({
    departments: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.enum(['office', 'college']) })),
    classes: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), collegeCode: z.string() })),
    roles: z.array(Role),
  })
  .openapi('OrgUnits', { description: 'What a role can be scoped to' })

export const Granted = z.object({ granted: z.boolean(), role: z.string(), scope: z.string() })
export const RevokeQuery = z.object({ role: z.string().min(1).max(40), scope: z.string().max(64).default('') })
export const Revoked = z.object({ revoked: z.boolean(), role: z.string(), scope: z.string() })
