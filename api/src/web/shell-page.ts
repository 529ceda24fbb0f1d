import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from '../lib/context.ts'
import { currentDeployments, importMap } from '../routes/deployments/deployments.service.ts'

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
    const head = [
      `<script type="importmap">${escapeJson({ imports: map.imports })}</script>`,
      ...map.styles.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`),
    ].join('\n    ')
    return template.replace(PLACEHOLDER, head)
  }
}

const NOT_THE_PAGE = /^\/(api|auth|static)(\/|$)|^\/(importmap\.json|healthz|favicon\.ico)$/

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
