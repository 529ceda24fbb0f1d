import { z } from '@hono/zod-openapi'
import { CategoryRow, DepartmentContact, DepartmentRef } from '../../db/rows.ts'
import { paging } from '../../lib/router.ts'

// Every request and response shape of the catalog, in one place. The service guide's shape is
// defined here once: the catalog shows it, service administration edits it (admin-services), the
// demo seed is checked against it (demo/seed.ts) and mf-catalog is typed from these routes.

const short = (max: number) => z.string().trim().max(max, `at most ${max} characters`)

/** A service guide (办事指南) in one language, as the catalog shows it and its owners edit it. */
export const GuideText = z
  .object({
    conditions: z.array(short(500)).max(30),
    materials: z.array(z.object({ name: short(200).min(1, 'a material needs a name'), required: z.boolean(), note: short(500).optional() })).max(30),
    steps: z.array(z.object({ name: short(100).min(1, 'a step needs a name'), handler: short(100) })).max(30),
    fees: short(200),
    contact: z.object({ phone: short(50), email: short(100) }),
    location: short(200),
    hours: short(200),
    notes: z.array(short(500)).max(20).optional(),
  })
  .openapi('GuideText')
export type GuideText = z.infer<typeof GuideText>

/** The guide in both languages. */
export const Guide = z.object({ zh: GuideText, en: GuideText }).openapi('Guide')
export type Guide = z.infer<typeof Guide>

export const Ranges = z.array(z.tuple([z.number().int(), z.number().int()]))
export const ServiceSummary = z
  .object({
    code: z.string().openapi({ example: 'dorm-change' }),
    nameZh: z.string().openapi({ example: '宿舍调整申请' }),
    nameEn: z.string().openapi({ example: 'Dormitory change' }),
    summaryZh: z.string(),
    summaryEn: z.string(),
    categoryCode: z.string(),
    department: DepartmentRef,
    mode: z.enum(['online', 'hybrid']).openapi({ description: 'online: online only; hybrid: online and offline' }),
    audience: z.array(z.string()),
    status: z.enum(['draft', 'online', 'offline', 'retired']),
    version: z.number().int(),
    timeLimitDays: z.number().int(),
    /** Only with a session. */
    favorite: z.boolean().optional(),
    inProgress: z.number().int().optional().openapi({ description: 'My applications of this service in progress (with a session)' }),
    highlights: z.object({ nameZh: Ranges, nameEn: Ranges }).optional().openapi({ description: 'Matched character ranges [start, end) when searching' }),
  })
  .openapi('ServiceSummary')
export const Category = CategoryRow.openapi('Category')
export const Check = z.object({ code: z.string(), ok: z.boolean(), labelZh: z.string(), labelEn: z.string() }).openapi('EligibilityCheck')
export const ServiceDetail = ServiceSummary.extend({
  guide: Guide,
  contactDepartment: DepartmentContact,
  eligibility: z
    .object({ canApply: z.boolean(), checks: z.array(Check) })
    .optional()
    .openapi({ description: 'Checked against my data (with a session)' }),
}).openapi('ServiceDetail')

export const Code = z
  .string()
  .regex(/^[a-z0-9-]{2,60}$/, 'a service code is 2–60 lower-case letters, digits and dashes')
  .openapi({ example: 'dorm-change' })

export const CodeParams = z.object({ code: Code })
export const DepartmentWithCount = DepartmentRef.extend({ services: z.number().int() })

export const ServicesQuery = z.object({
  q: z.string().trim().max(50, 'a search is at most 50 characters').optional(),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'a category is a code such as life-housing')
    .optional(),
  department: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'a department is a code such as housing')
    .optional(),
  audience: z
    .enum(['all', 'mine', 'staff', 'undergraduate', 'graduate', 'international'], {
      error: 'audience is one of all, mine, staff, undergraduate, graduate, international',
    })
    .default('all')
    .openapi({ description: '`mine`: the services I may apply for (needs a session)' }),
  ...paging,
})
export const ServicePage = z.object({ items: z.array(ServiceSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

export const PopularQuery = z.object({
  days: z.coerce.number().int().min(1, 'days is at least 1').max(365, 'days is at most 365').default(30),
  limit: z.coerce.number().int().min(1).max(30, 'limit is at most 30').default(6),
})
export const PopularServices = z.object({ items: z.array(ServiceSummary.extend({ applications: z.number().int() })) })

export const ServiceList = z.object({ items: z.array(ServiceSummary) })
export const Starred = z.object({ code: z.string(), favorite: z.literal(true) })
export const Unstarred = z.object({ code: z.string(), favorite: z.literal(false) })
export const RecentQuery = z.object({ limit: z.coerce.number().int().min(1).max(20, 'limit is at most 20').default(6) })
export const Categories = z.array(Category)
export const Departments = z.array(DepartmentWithCount)
