import { z } from '@hono/zod-openapi'

// The audit log as an administrator reads it: one shape for the hall's own log and, when asked,
// the histories of applications and services, so one filter searches them all.

export const AuditSource = z.enum(['hall', 'all']).openapi({
  description:
    '`hall` (default): the hall’s log (logins, denials, roles, imports, deployments, tokens). `all`: also every application’s history (`application.<action>`) and every service’s publishing history (`service.<action>`)',
})

const filterShape = {
  person: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'A card number (or `deploy:<token name>`): what they did, and what was done to them' }),
  applicationId: z.coerce.number().int().positive().optional(),
  action: z.string().trim().min(1).max(100).optional().openapi({ description: 'An exact action (`login.failed`) or a family ending in a dot (`login.`)' }),
  outcome: z.enum(['success', 'denied', 'failed']).optional(),
  from: z.iso.datetime({ offset: true, error: 'from: an ISO date-time such as 2026-11-01T00:00:00+08:00' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'to: an ISO date-time such as 2026-11-30T23:59:59+08:00' }).optional(),
  source: AuditSource.default('hall'),
}
const orderedRange = (f: { from?: string; to?: string }) => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to)
const rangeMessage = { message: 'from must not be after to', path: ['from'] }

export const AuditFilter = z.object(filterShape).refine(orderedRange, rangeMessage)

export const AuditQuery = z
  .object({
    ...filterShape,
    page: z.coerce.number().int().min(1, 'page: at least 1').default(1),
    pageSize: z.coerce.number().int().min(1, 'pageSize: at least 1').max(100, 'pageSize: at most 100').default(20),
  })
  .refine(orderedRange, rangeMessage)

export const AuditItem = z
  .object({
    /** `hall:12`, `application:40`, `service:3`: unique across the sources. */
    key: z.string(),
    source: z.enum(['hall', 'application', 'service']),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    outcome: z.enum(['success', 'denied', 'failed']),
    targetKind: z.string().nullable(),
    targetId: z.string().nullable(),
    applicationId: z.number().int().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry')

export const AuditPage = z.object({ items: z.array(AuditItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

export const AuditActions = z.object({ actions: z.array(z.string()) })

export type AuditFilterInput = z.infer<typeof AuditFilter>
export type AuditItemView = z.infer<typeof AuditItem>

/** The export: CSV text, one entry a row. */
export const AuditCsv = z.string()
