import { z } from 'zod'
import { staticKey, type BlobStore } from '../blobs/index.ts'
import type { Deployment } from '../routes/deployments/deployments.service.ts'

// The page's `<link rel="modulepreload">`s (docs/decisions/017-a-first-visit-without-chains.md).
// Without them the browser finds the modules of a page one level at a time: the import map, the
// root config, mf-kit, vue, element-plus, the part of the path, its chunks... a round trip each
// (eight levels on the catalog). Every browser build writes `preload.json` beside its files (the
// static import closure of each of its import-map entries; the shell adds its layout's routes):
// from those of the current deployments and the page's path the page lists every module its first
// route imports statically, so they load in parallel from the first byte of HTML. Lazy pages and
// chunks (dynamic imports) are not listed: they load when a page needs them.

const preloadSchema = z.object({
  modules: z.record(z.string(), z.object({ files: z.array(z.string()), shared: z.array(z.string()) })),
  layout: z
    .object({
      always: z.array(z.string()),
      routes: z.array(z.object({ path: z.string(), exact: z.boolean(), apps: z.array(z.string()) })),
      fallback: z.array(z.string()),
    })
    .optional(),
  answers: z.record(z.string(), z.array(z.string())).optional(),
})

export type PreloadManifest = z.infer<typeof preloadSchema>
export type LayoutRoutes = NonNullable<PreloadManifest['layout']>

/** The applications the shell's layout shows at `pathname`: those outside routes, then the matching routes' (or the default's), as single-spa-layout matches them. */
export function appsAt(layout: LayoutRoutes, pathname: string): string[] {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p)
  const at = trim(pathname)
  const matching = layout.routes.filter((r) => {
    const path = trim(r.path)
    if (r.exact) return at === path
    return path === '/' || at === path || at.startsWith(`${path}/`)
  })
  return [...layout.always, ...(matching.length ? matching.flatMap((r) => r.apps) : layout.fallback)]
}

/**
 * Every module URL the page at `pathname` imports before its first route renders: the root config
 * (`@hall/shell`), the applications the layout shows there, and what each imports statically,
 * across parts through the import map. Entries first, in the order they are needed.
 */
export function modulePreloads(
  imports: Record<string, string>,
  manifests: Map<string, { baseUrl: string; preload: PreloadManifest }>,
  pathname: string,
): string[] {
  const owner = new Map<string, { baseUrl: string; preload: PreloadManifest }>()
  for (const m of manifests.values()) for (const specifier of Object.keys(m.preload.modules)) owner.set(specifier, m)
  const layout = [...manifests.values()].find((m) => m.preload.layout)?.preload.layout
  const roots = ['@hall/shell', ...(layout ? appsAt(layout, pathname) : [])]
  const urls = new Set<string>()
  const seen = new Set<string>()
  const visit = (specifier: string) => {
    if (seen.has(specifier)) return
    seen.add(specifier)
    const entry = imports[specifier]
    // Not in the map (the shell's own 404 page is built in): nothing to load.
    if (!entry) return
    urls.add(entry)
    const m = owner.get(specifier)
    const closure = m?.preload.modules[specifier]
    if (!m || !closure) return
    for (const file of closure.files) urls.add(m.baseUrl + file)
    for (const shared of closure.shared) visit(shared)
  }
  for (const root of roots) visit(root)
  return [...urls]
}

// Only what the page may fetch itself: a path of this origin's API (not `//host`, not a URL).
const SAME_ORIGIN_API = /^\/api\/[^\s"<>]*$/

/**
 * The API answers the page at `pathname` asks for first (each part's `answers` for that exact path
 * or for every page, of the root config and the applications shown there), for `<link rel="preload"
 * as="fetch">`: they then load with the modules instead of after them. A part's first answers may
 * depend on the query string (the catalog's list does), so a page asked with one gets none. Only
 * same-origin `/api/` paths are listed, whatever a part's file says.
 */
export function answerPreloads(
  imports: Record<string, string>,
  manifests: Map<string, { baseUrl: string; preload: PreloadManifest }>,
  pathname: string,
  search: string,
): string[] {
  if (search && search !== '?') return []
  const owner = new Map<string, PreloadManifest>()
  for (const m of manifests.values()) for (const specifier of Object.keys(m.preload.modules)) owner.set(specifier, m.preload)
  const layout = [...manifests.values()].find((m) => m.preload.layout)?.preload.layout
  const shown = ['@hall/shell', ...(layout ? appsAt(layout, pathname) : [])].filter((s) => imports[s])
  const parts = new Set(shown.flatMap((s) => owner.get(s) ?? []))
  const urls = new Set<string>()
  for (const part of parts) {
    for (const url of [...(part.answers?.['*'] ?? []), ...(part.answers?.[pathname] ?? [])]) if (SAME_ORIGIN_API.test(url)) urls.add(url)
  }
  return [...urls]
}

/**
 * Reads a deployment's `preload.json`: from the static store, or next to its files elsewhere. A
 * version built before it existed, or one whose file is unreadable, just gets no preload links.
 * Versions never change, so each is read once per node.
 */
export function createPreloadReader() {
  const cache = new Map<string, Promise<PreloadManifest | null>>()
  return function read(d: Deployment, blobs: BlobStore, onError: (err: unknown) => void): Promise<PreloadManifest | null> {
    const key = `${d.name}@${d.version}@${d.baseUrl}`
    let found = cache.get(key)
    if (!found) {
      found = (async () => {
        try {
          const text = d.baseUrl.startsWith('/static/')
            ? (await blobs.read(staticKey(`${d.baseUrl.slice('/static/'.length).replace(/\/?$/, '/')}preload.json`)))?.toString('utf8')
            : await fetch(new URL('preload.json', d.baseUrl), { signal: AbortSignal.timeout(5000) }).then((r) =>
                r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`)),
              )
          if (text === undefined) return null // a version built before preload.json existed
          return preloadSchema.parse(JSON.parse(text))
        } catch (err) {
          // Unreadable (another host down, a bad file): tried again in a minute, not on every page.
          onError(err)
          setTimeout(() => cache.delete(key), 60_000).unref()
          return null
        }
      })()
      cache.set(key, found)
    }
    return found
  }
}
