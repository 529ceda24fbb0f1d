import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Scalar } from '@scalar/hono-api-reference'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { auditDenials } from './audit/denials.ts'
import { createAuthRoutes, csrfProtection, deployTokenAuth, sessionMiddleware, type SamlServiceProvider } from './auth/index.ts'
import { createGuards, type Guards } from './floods/index.ts'
import { isReady } from './db/open.ts'
import { provideContext, type Deps } from './lib/context.ts'
import { createBellFeed, type BellFeed } from './notifications/feed.ts'
import { compressJson } from './lib/compress.ts'
import { HallError, errorBody } from './lib/errors.ts'
import { createRouter } from './lib/router.ts'
import { catalogRoutes } from './routes/catalog/catalog.routes.ts'
import { adminServicesRoutes } from './routes/admin-services/admin-services.routes.ts'
import { serviceTemplatesRoutes } from './routes/service-templates/service-templates.routes.ts'
import { deploymentsRoutes } from './routes/deployments/deployments.routes.ts'
import { formsRoutes } from './routes/forms/index.ts'
import { applicationsRoutes } from './routes/applications/applications.routes.ts'
import { feedbackRoutes } from './routes/feedback/feedback.routes.ts'
import { notificationsRoutes } from './routes/notifications/notifications.routes.ts'
import { notificationsAdminRoutes } from './routes/notifications/admin.routes.ts'
import { devMailRoutes } from './routes/notifications/dev-mail.routes.ts'
import { delegationsRoutes } from './routes/tasks/delegations.routes.ts'
import { tasksRoutes } from './routes/tasks/tasks.routes.ts'
import { escalationsRoutes } from './routes/escalations/escalations.routes.ts'
import { peopleRoutes } from './routes/people/people.routes.ts'
import { orgRoutes } from './routes/org/org.routes.ts'
import { widgetScriptRoutes, widgetsRoutes } from './routes/widgets/widgets.routes.ts'
import { apiDocsPolicy, newNonce, setPolicy } from './web/csp.ts'
import { createWebRoutes, withNonce } from './web/shell-page.ts'
import { adminAuditRoutes } from './routes/admin-audit/audit.routes.ts'
import { deployTokensRoutes } from './routes/deploy-tokens/deploy-tokens.routes.ts'
import { meRoutes } from './routes/me/me.routes.ts'

// The reference page's script ships inside @scalar/api-reference (not exported as a subpath).
const scalarEntry = fileURLToPath(import.meta.resolve('@scalar/api-reference'))
const scalarScript = `${scalarEntry.slice(0, scalarEntry.lastIndexOf('/dist/'))}/dist/browser/standalone.js`

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><path d="M8 23V12l8-5 8 5v11h-5v-6h-6v6z" fill="#fff"/></svg>'

/**
 * Builds the whole hall API as one Hono app. Tests call it in-process with `app.request()`; the
 * server mounts it on a real port. Everything it needs comes in `deps` (no globals).
 */
export function createApp(deps: Deps, saml: SamlServiceProvider, guards: Guards = createGuards(deps), bell: BellFeed = createBellFeed(deps)) {
  const app = createRouter()
  // `guards`: this node's rate limiters, stream caps and gathered audit rows, one set per app
  // (the server keeps them to flush the audit counts at stop). `bell`: this node's change feed,
  // which wakes the live streams of the people a change concerns.

  app.use('*', provideContext(deps, guards, bell))
  // First of the rest, so it sees every JSON answer as it leaves, errors included.
  app.use('*', compressJson())
  // Outside the session and CSRF guards, so their refusals are audited too.
  app.use('*', auditDenials)
  app.use(
    '*',
    secureHeaders({
      // The shell and micro-frontends are same-origin modules; embedding the hall in a frame is
      // not a feature (widgets are custom elements, not frames).
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
      // Anything that is not one of our pages (JSON, a file shown by mistake as a page) may load
      // and run nothing. Pages set their own policy (web/csp.ts), which this never overwrites.
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      overwrite: false,
    }),
  )
  app.use('*', sessionMiddleware)
  // Only the valid deploy token skips the CSRF check, and it then stands for the deployer alone:
  // a junk Bearer header beside a session cookie must not switch the check off for the cookie's user.
  app.use('*', deployTokenAuth)
  app.use('*', csrfProtection({ exempt: (c) => c.get('deployer') !== undefined }))

  // Liveness: the process answers. Readiness: the database answers and is migrated, so a load
  // balancer sends no request to a node that would fail it (starting, or its database gone).
  app.get('/healthz', (c) => c.json({ ok: true }))
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store')
    return (await isReady(deps.db)) ? c.json({ ready: true }, 200) : c.json({ ready: false, reason: 'the database is not reachable or not migrated yet' }, 503)
  })
  // Browsers ask for it on every page, the hall's and its auth pages alike.
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(FAVICON, 200, { 'Content-Type': 'image/svg+xml' })
  })

  const routes = app
    .route('/', createAuthRoutes(saml))
    .route('/', deploymentsRoutes)
    .route('/', catalogRoutes)
    .route('/', adminServicesRoutes)
    .route('/', serviceTemplatesRoutes)
    .route('/', formsRoutes)
    .route('/', feedbackRoutes)
    .route('/', applicationsRoutes)
    .route('/', tasksRoutes)
    .route('/', escalationsRoutes)
    .route('/', delegationsRoutes)
    .route('/', peopleRoutes)
    .route('/', orgRoutes)
    .route('/', notificationsRoutes)
    .route('/', notificationsAdminRoutes)
    .route('/', widgetsRoutes)
    .route('/', adminAuditRoutes)
    .route('/', deployTokensRoutes)
    .route('/', meRoutes)

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Service Hall API',
      version: '0.1.0',
      description:
        'The API of the Service Hall (网上办事大厅). Browsers use the session cookie set by SAML login; deploy scripts send a Bearer token. Errors always have the shape `{ error: { code, message, messageZh } }`.',
    },
  })
  // The reference page's script is served from our own dependency: the hall runs without internet.
  app.get('/api/docs/scalar.js', async (c) => {
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(await readFile(scalarScript), 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
  })
  // The hosted extras (an AI chat, developer tools, telemetry) need Scalar's servers: off, the hall runs offline.
  // No web fonts from Scalar's servers either (withDefaultFonts): the page's CSP allows only ours.
  const scalar = Scalar({
    url: '/api/openapi.json',
    cdn: '/api/docs/scalar.js',
    pageTitle: 'Service Hall API',
    agent: { disabled: true },
    showDeveloperTools: 'never',
    telemetry: false,
    withDefaultFonts: false,
  })
  // Scalar writes the page with two script tags; they get this response's nonce.
  app.use('/api/docs', async (c, next) => {
    await next()
    if (c.res.status !== 200) return
    const nonce = newNonce()
    c.res = new Response(withNonce(await c.res.text(), nonce), c.res)
    setPolicy(c, apiDocsPolicy(nonce))
  })
  app.get('/api/docs', scalar)

  app.route('/', widgetScriptRoutes())
  // Development only (404 in production): the mailbox of the embedded SMTP catcher.
  app.route('/', devMailRoutes)
  app.route('/', createWebRoutes({ formTargets: [saml.idp.sloUrl ?? '', saml.idp.ssoUrl] }))

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`, `没有这个接口：${c.req.method} ${c.req.path}`), 404))
  app.onError((err, c) => {
    if (err instanceof HallError) {
      return c.json(errorBody(err.code, err.message, err.messageZh, err.extra), err.status)
    }
    if (err instanceof HTTPException) {
      return c.json(errorBody('http_error', err.message || 'Request refused', err.message || '请求被拒绝'), err.status)
    }
    deps.log.error({ err, path: c.req.path }, 'unhandled error')
    return c.json(errorBody('internal', 'Something went wrong on our side; it has been logged', '服务器出错，已记录'), 500)
  })
  return routes
}

export type App = ReturnType<typeof createApp>
