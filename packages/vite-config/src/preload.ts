/**
 * What a page needs before its first route can render, written by every browser build next to its
 * files as `preload.json` (uploaded and served with them). The API reads it at serve time to write
 * `<link rel="modulepreload">` for the page's path (docs/decisions/017-a-first-visit-without-chains.md):
 * without it the browser discovers modules one level at a time (import map → root config → mf-kit →
 * vue → the part → its chunks), a round trip each.
 */
export interface PreloadManifest {
  /** Import-map specifier → what its entry imports statically: files of this build (relative to `dist/`) and bare specifiers (shared, through the import map). */
  modules: Record<string, { files: string[]; shared: string[] }>
  /** The shell only: which applications a page path shows, from its layout. */
  layout?: LayoutRoutes
  /**
   * The API answers this part asks for as soon as it renders a page: page path (exact, or `*` for
   * every page) → same-origin `/api/` URLs, written exactly as the part's code requests them. The
   * API lists them as `<link rel="preload" as="fetch">` when it serves that path without a query
   * string, so they load with the modules instead of after them (docs/decisions/018-the-first-answers-with-the-page.md).
   */
  answers?: FirstAnswers
}

/** Page path (exact, or `*` for every page) → the `/api/` URLs a part fetches when it first renders that page. */
export type FirstAnswers = Record<string, string[]>

/** The shell layout's applications by path (single-spa-layout's `<route>`s, one level deep, as the hall's layout has them). */
export interface LayoutRoutes {
  /** Applications outside any route: on every page (the header). */
  always: string[]
  routes: { path: string; exact: boolean; apps: string[] }[]
  /** The `<route default>`: when no other route matches. */
  fallback: string[]
}

interface BundleChunk {
  type: 'chunk'
  fileName: string
  isEntry: boolean
  name: string
  imports: string[]
}

/**
 * The static import closure of each entry: files of the bundle it loads before it runs, and the bare
 * specifiers (shared libraries, other parts) it imports. Dynamic imports are left out: they load
 * when a page needs them.
 */
export function staticClosures(chunks: BundleChunk[], entries: Record<string, string>): PreloadManifest['modules'] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]))
  const modules: PreloadManifest['modules'] = {}
  for (const [specifier, entryName] of Object.entries(entries)) {
    const entry = chunks.find((c) => c.isEntry && c.name === entryName)
    if (!entry) continue
    const files: string[] = []
    const shared = new Set<string>()
    const seen = new Set<string>([entry.fileName])
    const queue = [...entry.imports]
    while (queue.length) {
      const id = queue.shift()!
      if (seen.has(id)) continue
      seen.add(id)
      const chunk = byFile.get(id)
      if (chunk) {
        files.push(chunk.fileName)
        queue.push(...chunk.imports)
      } else if (!id.startsWith('.') && !id.startsWith('/')) {
        shared.add(id)
      }
    }
    modules[specifier] = { files, shared: [...shared].sort() }
  }
  return modules
}

const ATTR = (tag: string, name: string) => new RegExp(`\\s${name}(?:\\s*=\\s*"([^"]*)")?(?=[\\s>/])`).exec(tag)

/**
 * The applications of a single-spa-layout template by path. Only what the hall's layout uses is
 * understood: `<route path="..." [exact]>` and `<route default>` holding `<application name>`s,
 * and applications outside any route. A nested route is refused (the build fails), rather than
 * preloading the wrong part.
 */
export function layoutRoutes(html: string): LayoutRoutes {
  const result: LayoutRoutes = { always: [], routes: [], fallback: [] }
  let current: { path?: string; exact: boolean; fallback: boolean; apps: string[] } | null = null
  for (const m of html.matchAll(/<(\/?)(route|application)\b[^>]*>/g)) {
    const [tag, closing, kind] = m
    if (kind === 'route' && closing) {
      if (current?.fallback) result.fallback.push(...current.apps)
      else if (current) result.routes.push({ path: current.path!, exact: current.exact, apps: current.apps })
      current = null
    } else if (kind === 'route') {
      if (current) throw new Error('layout: nested <route>s are not understood by the preload manifest')
      const fallback = ATTR(tag, 'default') !== null
      const path = ATTR(tag, 'path')?.[1]
      if (!fallback && !path) throw new Error(`layout: a <route> without a path: ${tag}`)
      current = { path, exact: ATTR(tag, 'exact') !== null, fallback, apps: [] }
    } else if (kind === 'application' && !closing) {
      const name = ATTR(tag, 'name')?.[1]
      if (!name) continue
      ;(current ? current.apps : result.always).push(name)
    }
  }
  return result
}
