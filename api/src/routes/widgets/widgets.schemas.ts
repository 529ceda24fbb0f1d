import { z } from '@hono/zod-openapi'
import { DepartmentRef } from '../../db/rows.ts'

// The shapes of the widget routes that department sites embed, defined once.

export const Code = z.string().regex(/^[a-z0-9-]{2,60}$/, 'a code is 2–60 lower-case letters, digits and dashes')
export const WidgetService = z
  .object({
    code: z.string().openapi({ example: 'dorm-change' }),
    nameZh: z.string(),
    nameEn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    mode: z.enum(['online', 'hybrid']),
    timeLimitDays: z.number().int(),
    department: DepartmentRef,
    path: z.string().openapi({ description: "The service's page in the hall, relative to the hall's URL", example: '/catalog/services/dorm-change' }),
  })
  .openapi('WidgetService')
export const DepartmentServices = z.object({ department: DepartmentRef, items: z.array(WidgetService) })
export const DepartmentParams = z.object({ code: Code.openapi({ param: { name: 'code', in: 'path' }, example: 'housing' }) })
export const ServiceParams = z.object({ code: Code.openapi({ param: { name: 'code', in: 'path' }, example: 'dorm-change' }) })
export const TodoBadge = z
  .discriminatedUnion('loggedIn', [
    z.object({ loggedIn: z.literal(false), loginPath: z.string() }),
    z.object({ loggedIn: z.literal(true), name: z.string(), todo: z.number().int(), todoPath: z.string() }),
  ])
  .openapi('WidgetTodoBadge')

/** Only services a visitor can start online now (not drafts, not switched offline). */
