import { z } from '@hono/zod-openapi'
import type { EligibilityRule } from '@hall/demo-university/templates'
import { CategoryRef, DepartmentRef } from '../../db/rows.ts'
import { ErrorSchema } from '../../lib/errors.ts'
import { Guide } from '../catalog/catalog.schemas.ts'

// The shapes of service administration. A draft may be incomplete or wrong while it is edited:
// only its overall shape is checked on save; the form and the process are checked in full by
// "validate" and, again, by "publish", which refuses a version with any issue.

export const ServiceCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,59}$/, 'a service code is 2–60 lower-case letters, digits and dashes, starting with a letter')
  .openapi({ example: 'lab-safety-training' })

const DepartmentCode = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a department is a code such as student-affairs')
const kinds = ['staff', 'undergraduate', 'graduate', 'international'] as const
const short = (max: number) => z.string().trim().max(max, `at most ${max} characters`)

/** The rules the catalog checks against the applicant's record (the seed's `EligibilityRule`). */
export const EligibilityRuleSchema = z.union([
  z.object({ type: z.literal('kind'), kinds: z.array(z.enum(kinds)).min(1) }),
  z.object({ type: z.literal('studentStatus'), status: z.literal('enrolled') }),
  z.object({ type: z.literal('graduatingWithin'), months: z.number().int().min(1).max(48) }),
  z.object({ type: z.literal('cadre') }),
  z.object({ type: z.literal('hasResearchProject'), kind: z.enum(['vertical', 'horizontal']).optional() }),
  z.object({ type: z.literal('hasDormitory') }),
  z.object({ type: z.literal('noneInProgress') }),
]) satisfies z.ZodType<EligibilityRule>

const MAX_DEFINITION_CHARS = 200_000
/** A form or process definition while it is drafted: any JSON object of a bounded size. */
const DefinitionJson = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_DEFINITION_CHARS, `at most ${MAX_DEFINITION_CHARS / 1000} kB of JSON`)

export const CreateServiceBody = z
  .object({
    code: ServiceCode,
    ownerDepartmentCode: DepartmentCode,
    categoryCode: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a category is a code such as life-housing'),
    nameZh: short(60).min(1, 'the Chinese name is required'),
    nameEn: short(120).min(1, 'the English name is required'),
  })
  .openapi('CreateService')

export const DraftPatch = z
  .object({
    nameZh: short(60),
    nameEn: short(120),
    summaryZh: short(300),
    summaryEn: short(600),
    keywordsZh: z.array(short(30)).max(30),
    keywordsEn: z.array(short(60)).max(30),
    audience: z.array(z.enum(kinds)),
    mode: z.enum(['online', 'hybrid']),
    timeLimitDays: z.number().int().min(1, 'at least 1 working day').max(365, 'at most 365 working days'),
    eligibility: z.array(EligibilityRuleSchema).max(20),
    guide: Guide,
    form: DefinitionJson.nullable(),
    process: DefinitionJson.nullable(),
    /** The `revision` the editor started from: a change made meanwhile by someone else answers 409 instead of being overwritten. */
    baseRevision: z.number().int().min(0),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'change at least one part of the draft')
  .openapi('DraftPatch')

export const AvailabilityBody = z
  .object({
    availability: z.enum(['online', 'hybrid', 'offline'], { error: 'availability is one of online, hybrid (online and offline), offline' }),
  })
  .openapi('Availability')

const Localized = z.object({ zh: z.string(), en: z.string() })

export const ShortNameBody = z
  .object({
    // Only the shape here: what the characters may be is the service's rule (shortNameProblem),
    // refused there with a message in both languages.
    shortName: z.string({ error: 'shortName is a text of 1–4 characters, or null for the default' }).max(40, 'shortName is at most 4 characters').nullable(),
  })
  .openapi('ShortName', {
    description: 'The short name in reference numbers (宿舍 in 2026-宿舍-000123): 1–4 Chinese characters, Latin letters or digits; null or empty: the default',
  })

export const IssueSchema = z
  .object({
    part: z.enum(['details', 'guide', 'form', 'process']),
    code: z.string(),
    /** Where inside the part: `sections.0.fields.2`, `steps[1].branches[0].when.field`. */
    path: z.string(),
    /** The process step the issue is in, for the diagram and the step editor. */
    stepId: z.string().nullable(),
    /** The form field the issue is at, for the form builder. */
    fieldKey: z.string().nullable(),
    message: Localized,
  })
  .openapi('PublishIssue')
export type Issue = z.infer<typeof IssueSchema>

export const ValidationSchema = z.object({ ok: z.boolean(), issues: z.array(IssueSchema) }).openapi('DraftValidation')
export const InvalidDraftSchema = ErrorSchema.extend({ issues: z.array(IssueSchema) }).openapi('InvalidDraft')

const Status = z.enum(['draft', 'online', 'offline', 'retired'])

export const ManagedServiceSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    department: DepartmentRef,
    category: CategoryRef,
    status: Status,
    mode: z.enum(['online', 'hybrid']),
    currentVersion: z.number().int().nullable(),
    draftVersion: z.number().int().nullable(),
    inProgress: z.number().int().openapi({ description: 'Applications of any version still moving' }),
    shortName: z.string().nullable().openapi({ description: 'The short name its owners set for reference numbers; null: the default' }),
    defaultShortName: z.string().openapi({ description: 'What numbers carry without a short name: the first two characters of the Chinese name' }),
    updatedAt: z.string(),
  })
  .openapi('ManagedService')

export const VersionSchema = z
  .object({
    version: z.number().int(),
    nameZh: z.string(),
    nameEn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    keywordsZh: z.array(z.string()),
    keywordsEn: z.array(z.string()),
    audience: z.array(z.string()),
    mode: z.enum(['online', 'hybrid']),
    timeLimitDays: z.number().int(),
    eligibility: z.array(z.unknown()),
    guide: Guide,
    form: z.unknown(),
    process: z.unknown(),
    publishedAt: z.string().nullable(),
  })
  .openapi('ServiceVersionFull')

export const ServiceDetailSchema = z
  .object({
    service: ManagedServiceSchema.omit({ nameZh: true, nameEn: true, mode: true, updatedAt: true }),
    current: VersionSchema.nullable(),
    draft: VersionSchema.nullable(),
    versions: z.array(
      z.object({ version: z.number().int(), publishedAt: z.string().nullable(), applications: z.number().int(), inProgress: z.number().int() }),
    ),
    /** Changes so far (the last audit row's id): send it back as `baseRevision` when editing the draft. */
    revision: z.number().int(),
  })
  .openapi('ManagedServiceDetail')

export const AuditSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int().nullable(),
    actor: z.object({ cardNumber: z.string(), name: z.string() }),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .openapi('ServiceAuditEvent')

export const OptionsSchema = z
  .object({
    /** Departments I may create services in. */
    departments: z.array(DepartmentRef),
    /** Every department (for assignee scopes). */
    allDepartments: z.array(DepartmentRef),
    categories: z.array(CategoryRef),
    /** The roles held in the organisation, with the departments (or classes) they are held in. */
    roles: z.array(z.object({ role: z.string(), scopes: z.array(z.string()) })),
    /** Paths of a person's record that the data platform is known to fill, with their source. */
    prefillPaths: z.array(z.object({ path: z.string(), systemZh: z.string(), systemEn: z.string(), departmentZh: z.string(), departmentEn: z.string() })),
  })
  .openapi('ServiceAdminOptions')

export const Params = z.object({ code: ServiceCode })
export const ManagedServiceList = z.object({ items: z.array(ManagedServiceSchema) })
export const AuditList = z.object({ items: z.array(AuditSchema) })
/** The service's state after a change, as every write answers. */
export const Done = z.object({ code: z.string(), version: z.number().int().nullable(), status: Status, revision: z.number().int() })
