import { createRoute, type z } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { errorBody, errorsFor } from '../../lib/errors.ts'
import { createRouter, keptJson } from '../../lib/router.ts'
import { platformRecordForEligibility } from '../../data-platform/index.ts'
import {
  currentGuide,
  eligibilityFor,
  personalOf,
  listCategories,
  listOwningDepartments,
  listedServices,
  personalise,
  popularServices,
  recentlyOpened,
  favoriteServices,
  recordView,
  anonymousServicesPage,
  catalogRevisionMemoryOf,
  servicesPage,
  star,
  toSummary,
  unstar,
} from './catalog.service.ts'
import {
  Categories,
  CodeParams,
  Departments,
  type Guide,
  PopularQuery,
  PopularServices,
  RecentQuery,
  ServiceDetail,
  ServiceList,
  ServicePage,
  ServicesQuery,
  Starred,
  Unstarred,
} from './catalog.schemas.ts'

// The catalog. Its read routes answer without a session: department sites and the campus app show
// the catalog to anyone. Eligibility, favourites and in-progress counts need a session.

const notFound = (code: string) => errorBody('not_found', `There is no service "${code}" in the catalog`, `服务目录中没有“${code}”这项服务`)

const router = createRouter()
router.use('/api/me/favorites', requireUser)
router.use('/api/me/favorites/*', requireUser)
router.use('/api/me/recent', requireUser)

export const catalogRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/categories',
      tags: ['Catalog'],
      summary: 'Service categories, in display order',
      responses: { 200: { description: 'Categories', content: { 'application/json': { schema: Categories } } } },
    }),
    async (c) => c.json(await listCategories(c.get('deps').db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/departments',
      tags: ['Catalog'],
      summary: 'Departments that own services, with how many',
      responses: {
        200: { description: 'Departments', content: { 'application/json': { schema: Departments } } },
      },
    }),
    async (c) => c.json(await listOwningDepartments(c.get('deps').db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/services',
      tags: ['Catalog'],
      summary: 'Search and browse the catalog',
      description:
        'q searches Chinese names, full pinyin (sushe), pinyin initials (sstz), English names and keywords, forgiving typos; results come best first, with the matched ranges. Without q, services come by category.',
      request: {
        query: ServicesQuery,
      },
      responses: {
        200: {
          description: 'One page of services',
          content: {
            'application/json': {
              schema: ServicePage,
            },
          },
        },
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const { q, category, department, audience, page, pageSize } = c.req.valid('query')
      const user = c.get('user')
      if (audience === 'mine' && !user) {
        return c.json(errorBody('unauthenticated', 'audience=mine needs you to be logged in', '“适合我的服务”需要先登录', { loginUrl: '/auth/login' }), 401)
      }
      const query = { q, category, department, audience, page, pageSize }
      if (!user) {
        const { db, env, log, now } = c.get('deps')
        const recall = { memory: catalogRevisionMemoryOf(db, log), maxAgeMs: env.memorySeconds * 1000, now: now().getTime() }
        return keptJson<z.infer<typeof ServicePage>>(c, await anonymousServicesPage(db, query, recall))
      }
      return c.json(await servicesPage(c.get('deps').db, user, query), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/services/popular',
      tags: ['Catalog'],
      summary: 'The most applied-for services over the last days (30 by default), from real application counts',
      request: {
        query: PopularQuery,
      },
      responses: {
        200: {
          description: 'Popular services',
          content: { 'application/json': { schema: PopularServices } },
        },
        ...errorsFor(400),
      },
    }),
    async (c) => {
      const { days, limit } = c.req.valid('query')
      return c.json({ items: await popularServices(c.get('deps').db, c.get('deps').now(), days, limit) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/services/{code}',
      tags: ['Catalog'],
      summary: 'One service with its guide, and (with a session) whether I may apply',
      request: { params: CodeParams },
      responses: { 200: { description: 'The service', content: { 'application/json': { schema: ServiceDetail } } }, ...errorsFor(400, 404) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const { db, now } = c.get('deps')
      const row = (await listedServices(db)).find((r) => r.service.code === code)
      if (!row) return c.json(notFound(code), 404)
      const user = c.get('user')
      const base = {
        ...toSummary(row),
        guide: (await currentGuide(db, code)) as Guide,
        contactDepartment: {
          code: row.department.code,
          nameZh: row.department.nameZh,
          nameEn: row.department.nameEn,
          phone: row.department.phone,
          location: row.department.location,
        },
      }
      if (!user) return c.json(base, 200)
      await recordView(db, user.cardNumber, code, now())
      const [personal] = personalise([base], await personalOf(db, user.cardNumber))
      const record = await platformRecordForEligibility(c.get('deps'), user.cardNumber)
      return c.json({ ...personal!, eligibility: await eligibilityFor(db, user, row, now(), record) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/me/favorites',
      tags: ['Catalog'],
      summary: 'My starred services, newest first',
      responses: {
        200: { description: 'Favourites', content: { 'application/json': { schema: ServiceList } } },
        ...errorsFor(401),
      },
    }),
    async (c) => {
      const { db } = c.get('deps')
      const user = c.get('user')!
      return c.json({ items: await favoriteServices(db, user.cardNumber) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/me/favorites/{code}',
      tags: ['Catalog'],
      summary: 'Stars a service (doing it twice is fine)',
      request: { params: CodeParams },
      responses: {
        200: { description: 'Starred', content: { 'application/json': { schema: Starred } } },
        ...errorsFor(400, 401, 404),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const { db, now } = c.get('deps')
      if (!(await listedServices(db)).some((r) => r.service.code === code)) return c.json(notFound(code), 404)
      await star(db, c.get('user')!.cardNumber, code, now())
      return c.json({ code, favorite: true as const }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/me/favorites/{code}',
      tags: ['Catalog'],
      summary: 'Unstars a service (doing it twice is fine)',
      request: { params: CodeParams },
      responses: {
        200: { description: 'Unstarred', content: { 'application/json': { schema: Unstarred } } },
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      await unstar(c.get('deps').db, c.get('user')!.cardNumber, code)
      return c.json({ code, favorite: false as const }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/me/recent',
      tags: ['Catalog'],
      summary: 'Services I opened lately, newest first',
      request: { query: RecentQuery },
      responses: {
        200: { description: 'Recent services', content: { 'application/json': { schema: ServiceList } } },
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const { db } = c.get('deps')
      const user = c.get('user')!
      return c.json({ items: await recentlyOpened(db, user.cardNumber, c.req.valid('query').limit) }, 200)
    },
  )
