import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, errorBody } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { listCategories, listedServices, toSummary } from './catalog.service.ts'

// The catalog's read routes answer without a session: department sites and the campus app show
// the catalog to anyone.

const Department = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).openapi('DepartmentRef')
const ServiceSummary = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    categoryCode: z.string(),
    department: Department,
    mode: z.enum(['online', 'hybrid']),
    audience: z.array(z.string()),
    status: z.enum(['draft', 'online', 'offline', 'retired']),
    version: z.number().int(),
  })
  .openapi('ServiceSummary')
const Category = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), icon: z.string(), sortOrder: z.number().int() }).openapi('Category')

export const catalogRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/categories',
      tags: ['Catalog'],
      summary: 'Service categories, in display order',
      responses: { 200: { description: 'Categories', content: { 'application/json': { schema: z.array(Category) } } } },
    }),
    (c) => c.json(listCategories(c.var.deps.db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/services',
      tags: ['Catalog'],
      summary: 'Services of the catalog, filtered and paged',
      request: {
        query: z.object({
          q: z.string().trim().max(50, 'a search is at most 50 characters').optional(),
          category: z.string().max(40).optional(),
          page: z.coerce.number().int('page must be a whole number').min(1, 'page starts at 1').default(1),
          pageSize: z.coerce.number().int().min(1).max(100, 'pageSize must be at most 100').default(20),
        }),
      },
      responses: {
        200: {
          description: 'One page of services',
          content: { 'application/json': { schema: z.object({ items: z.array(ServiceSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } },
        },
        400: { description: 'A bad query parameter', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    (c) => {
      const { q, category, page, pageSize } = c.req.valid('query')
      let rows = listedServices(c.var.deps.db)
      if (category) rows = rows.filter((r) => r.service.categoryCode === category)
      if (q) rows = rows.filter((r) => `${r.version.nameZh} ${r.version.nameEn}`.toLowerCase().includes(q.toLowerCase()))
      const items = rows.slice((page - 1) * pageSize, page * pageSize).map(toSummary)
      return c.json({ items, total: rows.length, page, pageSize }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/services/{code}',
      tags: ['Catalog'],
      summary: 'One service with its guide',
      request: { params: z.object({ code: z.string().regex(/^[a-z0-9-]{2,60}$/, 'a service code is lower-case letters, digits and dashes') }) },
      responses: {
        200: { description: 'The service', content: { 'application/json': { schema: ServiceSummary.extend({ guide: z.object({ zh: z.unknown(), en: z.unknown() }), timeLimitDays: z.number().int() }) } } },
        404: { description: 'No such service', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    (c) => {
      const { code } = c.req.valid('param')
      const row = listedServices(c.var.deps.db).find((r) => r.service.code === code)
      if (!row) return c.json(errorBody('not_found', `There is no service "${code}" in the catalog`, `服务目录中没有“${code}”`), 404)
      return c.json({ ...toSummary(row), guide: row.version.guide, timeLimitDays: row.version.timeLimitDays }, 200)
    },
  )
