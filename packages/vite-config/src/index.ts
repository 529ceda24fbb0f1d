import { createRequire } from 'node:module'
import path from 'node:path'
import vue from '@vitejs/plugin-vue'
import type { Plugin, UserConfig } from 'vite'
import cssInjectedByJs from 'vite-plugin-css-injected-by-js'
import { deployManifest } from './deploy-manifest.ts'
import type { FirstAnswers } from './preload.ts'
import { ELEMENT_PLUS_ENTRY, ICONS_ENTRY, elementPlusGuard, elementPlusSubset } from './element-plus.ts'
import { precompileMessages } from './i18n-messages.ts'
import { isShared, SHARED_ENTRIES, sharedPackageOfDeepImport } from './shared.ts'

export { deployManifest, type DeployManifest, type DeployManifestOptions } from './deploy-manifest.ts'
export { layoutRoutes, staticClosures, type FirstAnswers, type LayoutRoutes, type PreloadManifest } from './preload.ts'
export { ELEMENT_PLUS_COMPONENTS, ELEMENT_PLUS_EXPORTS, ELEMENT_PLUS_ICONS, ELEMENT_PLUS_SERVICES, unservedUses } from './element-plus.ts'
export { isShared, SHARED_ENTRIES, SHARED_SPECIFIERS, type SharedSpecifier } from './shared.ts'

/** Where `vite dev` of any part sends `/api`, `/auth` and `/static`: the API of `npm start`. */
export const DEFAULT_API_ORIGIN = 'http://localhost:3000'

// Browsers the hall supports: native import maps and ES2022 (Chromium, Firefox, Safari of 2023+).
const TARGET = 'es2022'

// Files are served immutable from /static/<folder>/<version>/, so entry names need no hash but
// chunks carry one; paths stay relative (base './') because the version folder is only known
// after the build.
const OUTPUT_NAMES = {
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  assetFileNames: 'assets/[name]-[hash][extname]',
}

interface DevOptions {
  /** Port of `vite dev`. */
  port?: number
  /** The API that `vite dev` proxies to. */
  apiOrigin?: string
}

function devServer({ port, apiOrigin = DEFAULT_API_ORIGIN }: DevOptions): UserConfig['server'] {
  // The API answers on the same origin as the page in production; in development the dev server
  // forwards to it. Cookies ignore the port, so a login done on :3000 is valid here too.
  const target = { target: apiOrigin, changeOrigin: false }
  return {
    port,
    strictPort: port !== undefined,
    proxy: { '/api': target, '/auth': target, '/static': target, '/importmap.json': target },
  }
}

/**
 * Fails the build on a deep import of a shared library (`element-plus/es/...`): the import map
 * only has the package entries, so such an import would silently bundle a second copy.
 */
function forbidDeepSharedImports(): Plugin {
  return {
    name: 'hall:forbid-deep-shared-imports',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      const pkg = sharedPackageOfDeepImport(id)
      if (pkg) {
        this.error(
          `"${id}" is a deep import of the shared library "${pkg}", which loads once through the import map. ` +
            `Import from "${pkg}" itself, or re-export what you need from @hall/mf-kit.`,
        )
      }
      return null
    },
  }
}

const STANDALONE_ENTRY = 'virtual:hall-standalone'

/**
 * `vite dev` of a micro-frontend: a generated page that mounts it alone (no shell), with Vite
 * resolving every library from node_modules. Any HTML navigation gets the page, so deep links work.
 */
function standaloneDevPage(name: string): Plugin {
  const page = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${name} (standalone)</title>
    <style>
      body { margin: 0; background: #f5f7fa; font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; }
    </style>
  </head>
  <body>
    <script type="module" src="/@id/${STANDALONE_ENTRY}"></script>
  </body>
</html>
`
  return {
    name: 'hall:standalone-dev-page',
    apply: 'serve',
    resolveId(id) {
      return id === STANDALONE_ENTRY ? `\0${STANDALONE_ENTRY}` : null
    },
    load(id) {
      if (id !== `\0${STANDALONE_ENTRY}`) return null
      return [
        `import 'element-plus/dist/index.css'`,
        `import { runStandalone } from '@hall/mf-kit'`,
        `import * as lifecycles from '/src/main.ts'`,
        `runStandalone(${JSON.stringify(name)}, lifecycles)`,
      ].join('\n')
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/'
        if (req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next()
        if (/^\/(api|auth|static|@|src\/|node_modules)/.test(url)) return next()
        server
          .transformIndexHtml(url, page)
          .then((html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8')
            res.end(html)
          })
          .catch(next)
      })
    },
  }
}

export interface MicroFrontendConfigOptions extends DevOptions {
  /** `@hall/mf-<folder>`: the import-map specifier and the shell's application name. */
  name: string
  /** The micro-frontend's folder (pass `import.meta.dirname`). */
  dir: string
  /** The API answers its first render of a page asks for, for the page to preload (`PreloadManifest.answers`). */
  answers?: FirstAnswers
}

/**
 * A micro-frontend: `src/main.ts` → `dist/main.js`, an ES module exporting its single-spa
 * lifecycles, every shared library external, its CSS injected by its JS (so a micro-frontend
 * that is never opened costs nothing), and `dist/deploy.json`.
 */
export function microFrontendConfig({ name, dir, answers, ...dev }: MicroFrontendConfigOptions): UserConfig {
  return {
    root: dir,
    base: './',
    plugins: [
      vue(),
      forbidDeepSharedImports(),
      elementPlusGuard(),
      precompileMessages(),
      cssInjectedByJs({ attributes: { id: `hall-style-${name.replace(/^@hall\//, '')}` }, topExecutionPriority: false }),
      deployManifest({ imports: { [name]: 'main' }, styles: 'none', answers }),
      standaloneDevPage(name),
    ],
    // App mode with one JS entry rather than library mode: library mode never minifies
    // whitespace of ES output, and this file goes to browsers as it is.
    build: {
      target: TARGET,
      sourcemap: true,
      modulePreload: false,
      rolldownOptions: {
        input: { main: path.join(dir, 'src/main.ts') },
        preserveEntrySignatures: 'strict',
        external: (id) => isShared(id),
        output: OUTPUT_NAMES,
      },
    },
    server: devServer(dev),
  }
}

export interface ShellConfigOptions extends DevOptions {
  /** The shell's folder (pass `import.meta.dirname`). */
  dir: string
  /** The API answers the root config and the header ask for on a page, for the page to preload (`PreloadManifest.answers`). */
  answers?: FirstAnswers
}

/**
 * In `vite dev` of the shell, the page's import-map placeholder becomes the API's current import
 * map (so the micro-frontends load as deployed) with the shell's own two modules pointed at the
 * dev server's sources.
 */
function shellDevImportMap(apiOrigin: string): Plugin {
  async function transformShellPage(html: string): Promise<string> {
    let imports: Record<string, string> = {}
    try {
      const res = await fetch(`${apiOrigin}/importmap.json`)
      imports = ((await res.json()) as { imports: Record<string, string> }).imports
    } catch (err) {
      console.warn(`[hall] no import map from ${apiOrigin} (${String(err)}): micro-frontends will show their load error`)
    }
    const map = { imports: { ...imports, '@hall/shell': '/src/root-config.ts', '@hall/shell-header': '/src/header/main.ts' } }
    const head = [
      `<script type="importmap">${JSON.stringify(map).replace(/</g, '\\u003c')}</script>`,
      // Vendor's element-plus CSS is linked by the API in production; here Vite serves it.
      `<script type="module">import 'element-plus/dist/index.css'</script>`,
    ].join('\n    ')
    return html.replace(/<meta\s+name="hall-importmap"\s*\/?>/, head)
  }
  return {
    name: 'hall:shell-dev-import-map',
    apply: 'serve',
    // Before Vite's own transform, so the inline module script above is served through Vite.
    transformIndexHtml: { order: 'pre', handler: transformShellPage },
  }
}

/**
 * The shell: `index.html` (the page template with the import-map placeholder), the root config
 * (`@hall/shell` → `root-config.js`) and the header application (`@hall/shell-header` →
 * `header.js`), shared libraries external, its style sheets listed for the page to link.
 */
export function shellConfig({ dir, apiOrigin = DEFAULT_API_ORIGIN, answers, ...dev }: ShellConfigOptions): UserConfig {
  return {
    root: dir,
    base: './',
    plugins: [
      vue(),
      forbidDeepSharedImports(),
      elementPlusGuard(),
      precompileMessages(),
      deployManifest({
        imports: { '@hall/shell': 'root-config', '@hall/shell-header': 'header' },
        styles: 'all',
        layout: path.join(dir, 'src/layout.html'),
        answers,
      }),
      shellDevImportMap(apiOrigin),
    ],
    build: {
      target: TARGET,
      sourcemap: true,
      modulePreload: false,
      rolldownOptions: {
        input: {
          index: path.join(dir, 'index.html'),
          'root-config': path.join(dir, 'src/root-config.ts'),
          header: path.join(dir, 'src/header/main.ts'),
        },
        // Entries are modules other parts import by name: keep their exports exactly.
        preserveEntrySignatures: 'strict',
        external: (id) => isShared(id),
        output: OUTPUT_NAMES,
      },
    },
    // The page's inline script imports through the import map; only the shell's modules are scanned.
    optimizeDeps: { entries: ['src/root-config.ts', 'src/header/main.ts'] },
    server: devServer({ ...dev, apiOrigin }),
  }
}

export interface VendorConfigOptions {
  /** The vendor package's folder (pass `import.meta.dirname`). */
  dir: string
}

/**
 * The shared libraries, built once in app mode with one entry per import-map specifier. Entry
 * signatures are kept strictly, and Vue resolves to its browser production build from every
 * importer (pinia, vue-router, vue-i18n, element-plus, mf-kit), so one Vue runtime exists.
 */
export function vendorConfig({ dir }: VendorConfigOptions): UserConfig {
  const require = createRequire(path.join(dir, 'package.json'))
  // element-plus and its icons are the hall's subset (./element-plus.ts), generated entries.
  const generated: Record<string, string> = { 'element-plus': ELEMENT_PLUS_ENTRY, '@element-plus/icons-vue': ICONS_ENTRY }
  const input = Object.fromEntries(Object.entries(SHARED_ENTRIES).map(([specifier, file]) => [file, generated[specifier] ?? specifier]))
  return {
    root: dir,
    base: './',
    plugins: [elementPlusSubset(), elementPlusGuard(), precompileMessages(), deployManifest({ imports: SHARED_ENTRIES, styles: 'all' })],
    resolve: {
      alias: [{ find: /^vue$/, replacement: require.resolve('vue/dist/vue.runtime.esm-browser.prod.js') }],
    },
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __INTLIFY_JIT_COMPILATION__: 'true',
      // Every build compiles its messages (./i18n-messages.ts): the browser needs no compiler.
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
    },
    build: {
      target: TARGET,
      sourcemap: true,
      modulePreload: false,
      rolldownOptions: {
        input,
        preserveEntrySignatures: 'strict',
        output: OUTPUT_NAMES,
      },
    },
  }
}
