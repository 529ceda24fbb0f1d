import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { layoutRoutes, staticClosures, type FirstAnswers, type PreloadManifest } from './preload.ts'

/** What every browser build writes to `dist/deploy.json`; the API registers it (see DESIGN rule 3). */
export interface DeployManifest {
  /** `@hall/<folder>`: the package name, the import-map key prefix and the shell's app name. */
  name: string
  /** `<package version>-<8 hex of a hash of every emitted file>`: a new build is a new version. */
  version: string
  /** Import-map specifier → path of the file relative to `dist/`. */
  imports: Record<string, string>
  /** Style sheets (relative to `dist/`) the page links once. */
  styles: string[]
  /** The page, for the shell only. */
  html?: string
}

export interface DeployManifestOptions {
  /** Import-map specifier → name of the entry chunk that provides it. */
  imports: Record<string, string>
  /**
   * Which emitted style sheets the page must link: every `.css` file of the build (the default),
   * or none (a micro-frontend injects its own CSS from its JS).
   */
  styles?: 'all' | 'none'
  /** The shell: its single-spa-layout template (a path), so the page can preload the parts a path shows. */
  layout?: string
  /** The API answers the part fetches when it first renders a page (see `PreloadManifest.answers`). */
  answers?: FirstAnswers
}

/** Writes `dist/deploy.json` after the bundle is on disk, so the hash covers the final bytes. */
export function deployManifest(options: DeployManifestOptions): Plugin {
  let config: ResolvedConfig
  return {
    name: 'hall:deploy-manifest',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    writeBundle(output, bundle) {
      const pkg = JSON.parse(readFileSync(path.join(config.root, 'package.json'), 'utf8')) as { name: string; version: string }
      const files = Object.values(bundle).sort((a, b) => a.fileName.localeCompare(b.fileName))
      const hash = createHash('sha256')
      for (const file of files) {
        hash.update(file.fileName).update('\0')
        hash.update(file.type === 'chunk' ? file.code : file.source).update('\0')
      }
      // The first answers come from the configuration, not from the files: a changed list is a new
      // version too (the API reads a version's preload.json once, and a store keeps a version's files).
      if (options.answers) hash.update('answers\0').update(JSON.stringify(options.answers))

      const imports: Record<string, string> = {}
      for (const [specifier, entryName] of Object.entries(options.imports)) {
        const chunk = files.find((f) => f.type === 'chunk' && f.isEntry && f.name === entryName)
        if (!chunk) this.error(`deploy.json: no entry chunk named "${entryName}" for "${specifier}"`)
        imports[specifier] = chunk.fileName
      }
      const styles = options.styles === 'none' ? [] : pageStyles(files)
      const manifest: DeployManifest = {
        name: pkg.name,
        version: `${pkg.version}-${hash.digest('hex').slice(0, 8)}`,
        imports,
        styles,
        ...(bundle['index.html'] ? { html: 'index.html' } : {}),
      }
      const dir = output.dir ?? path.resolve(config.root, config.build.outDir)
      writeFileSync(path.join(dir, 'deploy.json'), `${JSON.stringify(manifest, null, 2)}\n`)
      // Deployed with the other files (deploy.json is not): the API reads it to write the page's
      // modulepreload and first-answer links. Derived from the files and the answers hashed above.
      const chunks = files.flatMap((f) =>
        f.type === 'chunk' ? [{ type: f.type, fileName: f.fileName, isEntry: f.isEntry, name: f.name, imports: f.imports }] : [],
      )
      const preload: PreloadManifest = {
        modules: staticClosures(chunks, options.imports),
        ...(options.layout ? { layout: layoutRoutes(readFileSync(options.layout, 'utf8')) } : {}),
        ...(options.answers ? { answers: checkedAnswers(options.answers, (message) => this.error(message)) } : {}),
      }
      writeFileSync(path.join(dir, 'preload.json'), `${JSON.stringify(preload, null, 2)}\n`)
    },
  }
}

/**
 * The first answers as the page will preload them: only same-origin `/api/` paths (the page's
 * policy allows nothing else to be fetched, and a preload elsewhere would be wasted).
 */
export function checkedAnswers(answers: FirstAnswers, fail: (message: string) => never): FirstAnswers {
  for (const [page, urls] of Object.entries(answers)) {
    if (page !== '*' && !page.startsWith('/')) fail(`preload.json: the page "${page}" of first answers is neither a path nor "*"`)
    for (const url of urls) if (!/^\/api\/[^\s"<>]*$/.test(url)) fail(`preload.json: a first answer must be a same-origin /api/ URL, not "${url}"`)
  }
  return answers
}

interface EmittedFile {
  type: 'chunk' | 'asset'
  fileName: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  viteMetadata?: { importedCss: Set<string> }
}

/**
 * The style sheets the page links: every `.css` of the build but those only a lazily loaded chunk
 * imports (Vite loads them with that chunk, the first time it is imported), so what a first visit
 * does not show is not in its style sheets.
 */
export function pageStyles(files: readonly EmittedFile[]): string[] {
  const chunks = new Map(files.filter((f) => f.type === 'chunk').map((f) => [f.fileName, f]))
  const eager = new Set<string>()
  const queue = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName)
  while (queue.length) {
    const file = queue.shift()!
    if (eager.has(file)) continue
    eager.add(file)
    queue.push(...(chunks.get(file)?.imports ?? []))
  }
  const lazyOnly = new Set<string>()
  for (const c of chunks.values()) for (const css of c.viteMetadata?.importedCss ?? []) if (!eager.has(c.fileName)) lazyOnly.add(css)
  for (const file of eager) for (const css of chunks.get(file)?.viteMetadata?.importedCss ?? []) lazyOnly.delete(css)
  return files.filter((f) => f.fileName.endsWith('.css') && !lazyOnly.has(f.fileName)).map((f) => f.fileName)
}
