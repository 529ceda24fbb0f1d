import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { createRoute } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../../lib/context.ts'
import { errorBody, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { countTasks } from '../tasks/tasks.service.ts'
import { listedServices, toSummary, type ListedService } from '../catalog/catalog.service.ts'
import { DepartmentParams, DepartmentServices, ServiceParams, TodoBadge, WidgetService } from './widgets.schemas.ts'

// What the widgets of department sites (packages/widgets) read: a department's online services,
// one service, and the visitor's to-do count. These few GET routes, and only these, answer other
// origins, and only the origins in HALL_WIDGET_ORIGINS, with the visitor's cookies. The session
// cookie is SameSite=Lax, so a browser sends it only when the department site is the same site as
// the hall (www.cs.univ.edu.cn and hall.univ.edu.cn; localhost:3002 and localhost:3000).

/**
 * CORS for the widget routes: an allowed origin gets itself back with credentials; any other
 * origin gets no CORS header at all, so its page cannot read the answer.
 */
export const widgetCors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin')
  const allowed = !!origin && c.get('deps').env.widgetOrigins.includes(origin)
  if (c.req.method === 'OPTIONS') {
    // Widgets send simple GETs (no preflight); this answers a browser that asks anyway.
    c.header('Vary', 'Origin')
    if (!allowed) return c.body(null, 204)
    c.header('Access-Control-Allow-Origin', origin)
    c.header('Access-Control-Allow-Credentials', 'true')
    c.header('Access-Control-Allow-Methods', 'GET')
    c.header('Access-Control-Max-Age', '600')
    return c.body(null, 204)
  }
  await next()
  c.res.headers.append('Vary', 'Origin')
  if (allowed) {
    c.res.headers.set('Access-Control-Allow-Origin', origin)
    c.res.headers.set('Access-Control-Allow-Credentials', 'true')
  }
})

const online = (rows: readonly ListedService[]) => rows.filter((r) => r.service.status === 'online')

const toWidget = (row: ListedService) => {
  const s = toSummary(row)
  return {
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    summaryZh: s.summaryZh,
    summaryEn: s.summaryEn,
    mode: s.mode,
    timeLimitDays: s.timeLimitDays,
    department: s.department,
    path: `/catalog/services/${s.code}`,
  }
}

const router = createRouter()
router.use('/api/widgets/*', widgetCors)

export const widgetsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/widgets/departments/{code}/services',
      tags: ['Widgets'],
      summary: "A department's online services, for <hall-services> on a department site (CORS: HALL_WIDGET_ORIGINS)",
      request: { params: DepartmentParams },
      responses: {
        200: {
          description: 'The services',
          content: { 'application/json': { schema: DepartmentServices } },
        },
        ...errorsFor(400, 404),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const rows = (await listedServices(c.get('deps').db)).filter((r) => r.department.code === code)
      const first = rows[0]
      if (!first) {
        return c.json(
          errorBody(
            'not_found',
            `No department "${code}" owns services in the hall; check the department attribute`,
            `大厅中没有代码为“${code}”的部门提供服务，请检查 department 属性`,
          ),
          404,
        )
      }
      c.header('Cache-Control', 'public, max-age=60')
      const { department } = toSummary(first)
      return c.json({ department, items: online(rows).map(toWidget) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/widgets/services/{code}',
      tags: ['Widgets'],
      summary: 'One online service, for <hall-service-card> (CORS: HALL_WIDGET_ORIGINS)',
      request: { params: ServiceParams },
      responses: { 200: { description: 'The service', content: { 'application/json': { schema: WidgetService } } }, ...errorsFor(400, 404) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const row = online(await listedServices(c.get('deps').db)).find((r) => r.service.code === code)
      if (!row) {
        return c.json(
          errorBody(
            'not_found',
            `No online service "${code}" in the hall; check the service attribute`,
            `大厅中没有正在网上办理的服务“${code}”，请检查 service 属性`,
          ),
          404,
        )
      }
      c.header('Cache-Control', 'public, max-age=60')
      return c.json(toWidget(row), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/widgets/me/todo',
      tags: ['Widgets'],
      summary: 'The visitor’s to-do count for <hall-todo-badge>, or where to log in (CORS with credentials: HALL_WIDGET_ORIGINS)',
      description: 'Answers 200 either way, so a department page that shows the badge to everyone logs no failed request.',
      responses: { 200: { description: 'Logged in with a count, or not logged in', content: { 'application/json': { schema: TodoBadge } } } },
    }),
    async (c) => {
      // Personal: never kept by a shared cache, nor by the browser across logins.
      c.header('Cache-Control', 'private, no-store')
      const user = c.get('user')
      if (!user) return c.json({ loggedIn: false as const, loginPath: `/auth/login?returnTo=${encodeURIComponent('/todo')}` }, 200)
      const { todo } = await countTasks(c.get('deps').db, user, c.get('deps').now())
      return c.json({ loggedIn: true as const, name: user.name, todo, todoPath: '/todo' }, 200)
    },
  )

/**
 * The widgets' script at a stable URL, so department sites never change their script tag. Browsers
 * keep it ten minutes, then revalidate by ETag: a new build reaches every site within that time.
 */
export function widgetScriptRoutes() {
  const app = createRouter()
  let cached: { mtimeMs: number; body: Buffer; gzip: Buffer; etag: string } | null = null
  app.get('/widgets/hall-widgets.js', async (c) => {
    const file = path.join(c.get('deps').env.sourceRoot, 'packages', 'widgets', 'dist', 'hall-widgets.js')
    const info = await stat(file).catch(() => null)
    if (!info) {
      return c.json(
        errorBody(
          'not_built',
          'The widgets are not built: run `pnpm --filter @hall/widgets build` (npm start does it)',
          '组件尚未构建：请运行 `pnpm --filter @hall/widgets build`（npm start 会自动构建）',
        ),
        404,
      )
    }
    if (cached?.mtimeMs !== info.mtimeMs) {
      const body = await readFile(file)
      cached = { mtimeMs: info.mtimeMs, body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"` }
    }
    c.header('Cache-Control', 'public, max-age=600')
    c.header('ETag', cached.etag)
    c.header('Vary', 'Accept-Encoding')
    if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304)
    const gzip = (c.req.header('accept-encoding') ?? '').includes('gzip')
    if (gzip) c.header('Content-Encoding', 'gzip')
    return c.body(new Uint8Array(gzip ? cached.gzip : cached.body), 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
  })
  return app
}
