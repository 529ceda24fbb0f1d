import { z } from '@hono/zod-openapi'
import { IssueSchema, ServiceCode } from '../admin-services/admin-services.schemas.ts'

// The shipped first-batch services as templates (docs/decisions/010-service-templates.md).

const Named = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })

export const TemplateSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    category: Named,
    /** The kind of office that usually owns it, as the template names it (e.g. 学生工作处). */
    office: Named,
    audience: z.array(z.enum(['staff', 'undergraduate', 'graduate', 'international'])),
    mode: z.enum(['online', 'hybrid']),
    timeLimitDays: z.number().int(),
    steps: z.number().int().openapi({ description: 'How many steps its process has' }),
    fields: z.number().int().openapi({ description: 'How many fields its form has' }),
    /** The hall's service made from it, if one exists with its code. */
    adoptedAs: z.object({ code: z.string(), ownerDepartmentCode: z.string(), status: z.enum(['draft', 'online', 'offline', 'retired']) }).nullable(),
  })
  .openapi('ServiceTemplate')

export const AdoptBody = z
  .object({
    ownerDepartmentCode: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a department is a code such as housing'),
    /** The new service's code; the template's own by default. */
    code: ServiceCode.optional(),
  })
  .openapi('AdoptTemplate')

export const AdoptedSchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    status: z.literal('draft'),
    /** What the draft still needs before it can be published (roles nobody holds here, contacts…). */
    issues: z.array(IssueSchema),
  })
  .openapi('AdoptedTemplate')

export const TemplateList = z.object({ items: z.array(TemplateSchema) })
const TemplateCode = z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'a template code is 2–60 lower-case letters, digits and dashes')
export const TemplateParams = z.object({ code: TemplateCode })
