import { readFile } from 'node:fs/promises'
import { Hono } from 'hono'
import { staticKey } from '../blobs/index.ts'
import { compressAnswers } from '../lib/compress.ts'
import type { AppEnv } from '../lib/context.ts'
import { createRequire } from 'node:module'
import { currentDeployments, importMap, importMapEtag } from '../routes/deployments/deployments.service.ts'
import { newNonce, originsOf, pagePolicy, setPolicy } from './csp.ts'
import { favoriteServices, popularServices, recentlyOpened, servicesPage } from '../routes/catalog/catalog.service.ts'
import { FIRST_VIEW_APP, renderCatalogFirstView } from './first-view.ts'
import { answerPreloads, appsAt, createPreloadReader, modulePreloads, type PreloadManifest } from './preload.ts'
import { staticFiles } from './static-files.ts'

// Serves the page (the shell's index.html with the import map written inline, since Chromium does
// not load an import map by src) and the static store of built parts. Paths of the API, auth and
// static files are never answered with the page.

const PLACEHOLDER = /<meta\s+name="hall-importmap"\s*\/?>/
/** Where the shell wants the style sheets: in the body after its first paint (older shells: none, so in the head). */
const STYLES_PLACEHOLDER = /<meta\s+name="hall-styles"\s*\/?>/
/** Where the shell takes a page's first view, written by the server (older shells: none, so none). */
const FIRST_VIEW_PLACEHOLDER = /<meta\s+name="hall-first-view"\s*\/?>/
/** The pages whose first view the server writes: the catalog's home, without a query (its list depends on it). */
const FIRST_VIEW_PATHS = new Set(['/', '/catalog', '/catalog/'])

/** The catalog's page size (mf-catalog's PAGE_SIZE): the first view shows the start of the page it asks for. */
const FIRST_PAGE_SIZE = 12

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

export interface RenderedPage {
  /** The page; its script tags get the response's nonce from `withNonce`. */
  html: string
  /** Other origins the import map loads parts (scripts, style sheets) from. */
  partOrigins: string[]
}

/** Renders the shell page at `pathname` (and `search`, the query string) for the current deployments (templates cached per shell version). */
export function createPageRenderer() {
  const templates = new Map<string, string>()
  const readPreload = createPreloadReader()
  return async function render(
    deps: AppEnv['Variables']['deps'],
    pathname = '/',
    search = '',
    user: AppEnv['Variables']['user'] = null,
  ): Promise<RenderedPage | null> {
    const current = await currentDeployments(deps.db)
    const shell = current.find((d) => d.name === '@hall/shell')
    if (!shell?.html) return null
    let template = templates.get(shell.html)
    if (!template) {
      if (!shell.html.startsWith('/static/')) {
        template = await (await fetch(shell.html)).text()
      } else {
        const stored = await deps.blobs.read(staticKey(shell.html.slice('/static/'.length)))
        if (!stored) {
          deps.log.error({ version: shell.version, html: shell.html }, "the current shell's page is missing from the blob store")
          return null
        }
        template = stored.toString('utf8')
      }
      templates.set(shell.html, template)
    }
    const map = await importMap(deps.db)
    const overridable = deps.env.importMapOverrides
    const manifests = new Map<string, { baseUrl: string; preload: PreloadManifest }>()
    await Promise.all(
      current.map(async (d) => {
        const preload = await readPreload(d, deps.blobs, (err) =>
          deps.log.warn({ part: d.name, version: d.version, err }, 'preload.json unreadable: no modulepreload links for it'),
        )
        if (preload) manifests.set(d.name, { baseUrl: d.baseUrl, preload })
      }),
    )
    let view: string | null = null
    if (FIRST_VIEW_PLACEHOLDER.test(template)) {
      // The catalog's first cards paint with the page (docs/decisions/021): only for a person (their
      // list is `audience=mine`), where the layout shows the catalog, and a page without a query.
      const layout = [...manifests.values()].find((m) => m.preload.layout)?.preload.layout
      const showsCatalog = !!map.imports[FIRST_VIEW_APP] && !!layout && appsAt(layout, pathname).includes(FIRST_VIEW_APP)
      view =
        user && showsCatalog && FIRST_VIEW_PATHS.has(pathname) && (!search || search === '?')
          ? renderCatalogFirstView({
              ...(await servicesPage(deps.db, user, { audience: 'mine', page: 1, pageSize: FIRST_PAGE_SIZE })),
              // The home's lists as the catalog asks for them (mf-catalog/src/first-answers.ts).
              favorites: await favoriteServices(deps.db, user.cardNumber),
              recent: await recentlyOpened(deps.db, user.cardNumber, 6),
              popular: await popularServices(deps.db, deps.now(), 30, 6),
            })
          : ''
    }
    const preloads = [
      // After the map, so every module they fetch resolves as the page will.
      ...modulePreloads(map.imports, manifests, pathname).map((href) => `<link rel="modulepreload" href="${escapeAttr(href)}">`),
      // The first API answers of the page start with the modules (a round trip less before the
      // catalog's list). `crossorigin` makes the preload the request fetch() makes (CORS mode,
      // same-origin credentials), so the browser hands the answer over instead of asking twice.
      ...answerPreloads(map.imports, manifests, pathname, search).map((href) => `<link rel="preload" as="fetch" href="${escapeAttr(href)}" crossorigin>`),
    ]
    const styles = map.styles.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`)
    const inBody = STYLES_PLACEHOLDER.test(template)
    const head = [
      // The shell compares this with /importmap.json to tell users that a new version is there.
      `<meta name="hall-importmap-etag" content="${escapeAttr(importMapEtag(map.imports))}">`,
      // With overrides on, import-map-overrides (a classic script, so it runs before any module)
      // turns the "overridable" map plus a developer's local-storage overrides into the one real map.
      `<script type="${overridable ? 'overridable-importmap' : 'importmap'}">${escapeJson({ imports: map.imports })}</script>`,
      ...(overridable
        ? [
            // The library runs as an "injector" only: the merged map is inserted by our own script,
            // which can give it the nonce (the library's own insertion carries none, and the
            // page's CSP would block it).
            '<meta name="importmap-type" content="importmap" use-injector>',
            // A developer turns it on in their browser (`?devtools`, or localStorage `devtools`,
            // or an override they set); everyone else gets the map as it is, with no library.
            `<script>${OVERRIDES_LOADER}</script>`,
          ]
        : []),
      // A page with a first view paints it before it asks for anything else: its preloads wait in
      // an inert template until the shell's first script adds them after that paint (docs/decisions/021).
      ...(view ? [`<template id="hall-preloads">${preloads.join('')}</template>`] : preloads),
      ...(inBody ? [] : styles),
    ].join('\n    ')
    const partOrigins = originsOf([...Object.values(map.imports), ...map.styles], deps.env.publicOrigin)
    let html = template.replace(PLACEHOLDER, head)
    // The catalog's first view (empty when none); the template without its placeholder gets none.
    if (view !== null) html = html.replace(FIRST_VIEW_PLACEHOLDER, () => view)
    return { html: inBody ? html.replace(STYLES_PLACEHOLDER, styles.join('\n    ')) : html, partOrigins }
  }
}

/**
 * Gives every script tag of the page the response's nonce. The template is the shell's own build
 * and the head is written above with its JSON escaped (no `<` inside), so every `<script` in the
 * text is a tag of ours.
 */
export const withNonce = (html: string, nonce: string) => html.replace(/<script\b/g, `<script nonce="${nonce}"`)

/**
 * The page's policy. Scripts: ours ('self'), the parts' other origins from the current import
 * map, and the inline import map and start scripts by the response's nonce. Styles keep
 * 'unsafe-inline': Vue and element-plus set style attributes (positions of popovers, table
 * column widths), ECharts writes its tooltips as HTML with style attributes, and the shell's own
 * first-paint <style> is inline; a nonce would switch 'unsafe-inline' off for all of these.
 * Styles cannot run code, which is what the nonce guards.
 */
export function shellPagePolicy(nonce: string, o: { partOrigins: string[]; overridable: boolean; formTargets: string[] }): string {
  // A developer's override points one part at their own build on this machine (vite preview).
  const local = o.overridable ? ['http://localhost:*', 'http://127.0.0.1:*'] : []
  return pagePolicy({
    'script-src': ["'self'", `'nonce-${nonce}'`, ...o.partOrigins, ...local],
    'style-src': ["'self'", "'unsafe-inline'", ...o.partOrigins, ...local],
    'font-src': ["'self'", 'data:', ...o.partOrigins, ...local],
    'img-src': ["'self'", 'data:', 'blob:'],
    'connect-src': ["'self'", ...o.partOrigins, ...local],
    'manifest-src': ["'self'"],
    // Logout is a form POST that the hall answers with a redirect to the IdP's logout service.
    'form-action': ["'self'", ...o.formTargets],
  })
}

const NOT_THE_PAGE = /^\/(api|auth|static|widgets)(\/|$)|^\/(importmap\.json|healthz|readyz|favicon\.ico|import-map-overrides\.js)$/

/** Where the page loads import-map-overrides from, when HALL_IMPORT_MAP_OVERRIDES is on. */
const OVERRIDES_PATH = '/import-map-overrides.js'
// The library's panel (a custom element) shows only after `localStorage.setItem('devtools', true)`.
const OVERRIDES_UI =
  "addEventListener('DOMContentLoaded',function(){var e=document.createElement('import-map-overrides-full');e.setAttribute('show-when-local-storage','devtools');e.setAttribute('trigger-position','bottom-left');document.body.appendChild(e)})"
// Builds the real map as import-map-overrides would (the overridable map with the developer's
// overrides merged in), marked as the library marks its own, and inserts it with this script's nonce.
const OVERRIDES_INJECT =
  "(function(){var o=document.querySelector('script[type=\"overridable-importmap\"]'),api=window.importMapOverrides;var s=document.createElement('script');s.type='importmap';s.id='import-map-overrides';s.setAttribute('data-is-importmap-override','');s.nonce=document.currentScript.nonce;s.textContent=JSON.stringify(api.mergeImportMap(JSON.parse(o.textContent),api.getOverrideMap()));o.after(s)})()"
// Without the flag: the overridable map becomes the page's import map as it is (55 KB of library
// less, and nothing render-blocking). With it: the library is written in as a parser-blocking
// script, then the two helpers above, so the merged map exists before any module resolves.
const OVERRIDES_LOADER =
  "(function(){var n=document.currentScript.nonce,on=false;try{if(/[?&]devtools(=|&|$)/.test(location.search))localStorage.setItem('devtools','true');on=localStorage.getItem('devtools')!==null||Object.keys(localStorage).some(function(k){return k.indexOf('import-map-override:')===0})}catch(e){}" +
  "if(on){var t='scr'+'ipt';document.write('<'+t+' nonce=\"'+n+'\" src=\"" +
  OVERRIDES_PATH +
  "\"></'+t+'><'+t+' nonce=\"'+n+'\">'+" +
  JSON.stringify(OVERRIDES_INJECT + ';' + OVERRIDES_UI) +
  "+'</'+t+'>');return}" +
  "var o=document.querySelector('script[type=\"overridable-importmap\"]'),s=document.createElement('script');s.type='importmap';s.nonce=n;s.textContent=o.textContent;o.after(s)})()"
const overridesScript = createRequire(import.meta.url)
  .resolve('import-map-overrides')
  .replace(/import-map-overrides-server\.js$/, 'import-map-overrides.js')

export interface WebRoutesOptions {
  /** URLs the page's forms may lead to besides the hall (the IdP's logout service). */
  formTargets?: string[]
}

export function createWebRoutes(opts: WebRoutesOptions = {}) {
  const render = createPageRenderer()
  const app = new Hono<AppEnv>()

  app.use('/static/*', staticFiles)

  app.get(OVERRIDES_PATH, async (c, next) => {
    if (!c.get('deps').env.importMapOverrides) return next()
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(await readFile(overridesScript), 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
  })

  // The page (about 6 KB with its import map and preload links) goes compressed: Lighthouse's
  // text-compression audit found it the one uncompressed text of a first visit.
  app.get('*', compressAnswers(/^text\/html\b/i), async (c, next) => {
    const url = new URL(c.req.url)
    if (NOT_THE_PAGE.test(url.pathname) || !(c.req.header('accept') ?? '').includes('text/html')) return next()
    if (!c.get('user')) {
      // Deep links from the portal or a department site go through login and come back here.
      const returnTo = url.pathname + url.search
      return c.redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, 302)
    }
    const page = await render(c.get('deps'), url.pathname, url.search, c.get('user'))
    if (!page) return c.text('The hall has no shell deployed yet: run `npm start` (it builds and registers it).', 503)
    const { env } = c.get('deps')
    const nonce = newNonce()
    c.header('Cache-Control', 'no-store')
    setPolicy(
      c,
      shellPagePolicy(nonce, {
        partOrigins: page.partOrigins,
        overridable: env.importMapOverrides,
        formTargets: originsOf(opts.formTargets ?? [], env.publicOrigin),
      }),
    )
    return c.html(withNonce(page.html, nonce))
  })
  return app
}
