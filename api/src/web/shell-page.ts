import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from '../lib/context.ts'
import { createRequire } from 'node:module'
import { currentDeployments, importMap, importMapEtag } from '../routes/deployments/deployments.service.ts'

// Serves the page (the shell's index.html with the import map written inline, since Chromium does
// not load an import map by src) and the static store of built parts. Paths of the API, auth and
// static files are never answered with the page.

const PLACEHOLDER = /<meta\s+name="hall-importmap"\s*\/?>/

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** Renders the shell page for the current deployments (cached per shell version and map). */
export function createPageRenderer() {
  const templates = new Map<string, string>()
  return async function render(deps: AppEnv['Variables']['deps']): Promise<string | null> {
    const shell = currentDeployments(deps.db).find((d) => d.name === '@hall/shell')
    if (!shell?.html) return null
    let template = templates.get(shell.html)
    if (!template) {
      if (!shell.html.startsWith('/static/')) {
        template = await (await fetch(shell.html)).text()
      } else {
        template = await readFile(path.join(deps.env.staticDir, shell.html.slice('/static/'.length)), 'utf8')
      }
      templates.set(shell.html, template)
    }
    const map = importMap(deps.db)
    const overridable = deps.env.importMapOverrides
    const head = [
      // The shell compares this with /importmap.json to tell users that a new version is there.
      `<meta name="hall-importmap-etag" content="${escapeAttr(importMapEtag(map.imports))}">`,
      // With overrides on, import-map-overrides (a classic script, so it runs before any module)
      // turns the "overridable" map plus a developer's local-storage overrides into the one real map.
      `<script type="${overridable ? 'overridable-importmap' : 'importmap'}">${escapeJson({ imports: map.imports })}</script>`,
      ...(overridable ? [`<script src="${OVERRIDES_PATH}"></script>`, `<script>${OVERRIDES_UI}</script>`] : []),
      ...map.styles.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`),
    ].join('\n    ')
    return template.replace(PLACEHOLDER, head)
  }
}

const NOT_THE_PAGE = /^\/(api|auth|static|widgets)(\/|$)|^\/(importmap\.json|healthz|readyz|favicon\.ico|import-map-overrides\.js)$/

/** Where the page loads import-map-overrides from, when HALL_IMPORT_MAP_OVERRIDES is on. */
const OVERRIDES_PATH = '/import-map-overrides.js'
// The library's panel (a custom element) shows only after `localStorage.setItem('devtools', true)`.
const OVERRIDES_UI =
  "addEventListener('DOMContentLoaded',function(){var e=document.createElement('import-map-overrides-full');e.setAttribute('show-when-local-storage','devtools');e.setAttribute('trigger-position','bottom-left');document.body.appendChild(e)})"
const overridesScript = createRequire(import.meta.url).resolve('import-map-overrides').replace(/import-map-overrides-server\.js$/, 'import-map-overrides.js')

export function createWebRoutes() {
  const render = createPageRenderer()
  const app = new Hono<AppEnv>()

  app.use('/static/*', async (c, next) => {
    const { staticDir } = c.var.deps.env
    // Versioned folders never change, so browsers may keep them for good.
    const handler = serveStatic<AppEnv>({
      root: path.relative(process.cwd(), staticDir) || '.',
      rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
      precompressed: true,
      onFound: (_path, ctx) => {
        ctx.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    })
    return handler(c, next)
  })

  app.get(OVERRIDES_PATH, async (c, next) => {
    if (!c.var.deps.env.importMapOverrides) return next()
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(await readFile(overridesScript), 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
  })

  app.get('*', async (c, next) => {
    const url = new URL(c.req.url)
    if (NOT_THE_PAGE.test(url.pathname) || !(c.req.header('accept') ?? '').includes('text/html')) return next()
    if (!c.var.user) {
      // Deep links from the portal or a department site go through login and come back here.
      const returnTo = url.pathname + url.search
      return c.redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, 302)
    }
    const html = await render(c.var.deps)
    if (!html) return c.text('The hall has no shell deployed yet: run `npm start` (it builds and registers it).', 503)
    c.header('Cache-Control', 'no-store')
    return c.html(html)
  })
  return app
}
