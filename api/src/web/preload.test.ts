import { brotliDecompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { testApp } from '../test-support.ts'
import { answerPreloads, appsAt, modulePreloads, type LayoutRoutes, type PreloadManifest } from './preload.ts'

// The page's modulepreload links (issue 14.1): every module the first route of a path imports
// statically, across parts, so the browser fetches them at once instead of one level per round trip.

const layout: LayoutRoutes = {
  always: ['@hall/shell-header'],
  routes: [
    { path: '/', exact: true, apps: ['@hall/mf-catalog'] },
    { path: '/catalog', exact: false, apps: ['@hall/mf-catalog'] },
    { path: '/todo', exact: false, apps: ['@hall/mf-todo'] },
  ],
  fallback: ['@hall/shell-not-found'],
}

describe('appsAt', () => {
  it('matches routes as single-spa-layout does: exact, by whole segments, else the default', () => {
    expect(appsAt(layout, '/')).toEqual(['@hall/shell-header', '@hall/mf-catalog'])
    expect(appsAt(layout, '/catalog')).toEqual(['@hall/shell-header', '@hall/mf-catalog'])
    expect(appsAt(layout, '/catalog/dorm-change/')).toEqual(['@hall/shell-header', '@hall/mf-catalog'])
    expect(appsAt(layout, '/todo/42')).toEqual(['@hall/shell-header', '@hall/mf-todo'])
    // A path that only starts with the same letters is another page.
    expect(appsAt(layout, '/catalogue')).toEqual(['@hall/shell-header', '@hall/shell-not-found'])
    expect(appsAt(layout, '/nowhere')).toEqual(['@hall/shell-header', '@hall/shell-not-found'])
  })
})

describe('modulePreloads', () => {
  const imports = {
    vue: '/static/vendor/1/vue.js',
    '@hall/mf-kit': '/static/vendor/1/mf-kit.js',
    '@hall/forms': '/static/vendor/1/forms.js',
    '@hall/shell': '/static/shell/1/root-config.js',
    '@hall/shell-header': '/static/shell/1/header.js',
    '@hall/mf-catalog': '/static/mf-catalog/1/main.js',
    '@hall/mf-todo': '/static/mf-todo/1/main.js',
  }
  const manifests = new Map<string, { baseUrl: string; preload: PreloadManifest }>([
    [
      '@hall/vendor',
      {
        baseUrl: '/static/vendor/1/',
        preload: {
          modules: {
            vue: { files: [], shared: [] },
            '@hall/mf-kit': { files: ['vue.js', 'chunks/ep.js'], shared: [] },
            '@hall/forms': { files: ['chunks/zod.js'], shared: [] },
          },
        },
      },
    ],
    [
      '@hall/shell',
      {
        baseUrl: '/static/shell/1/',
        preload: {
          modules: { '@hall/shell': { files: [], shared: ['@hall/mf-kit'] }, '@hall/shell-header': { files: [], shared: ['vue'] } },
          layout,
        },
      },
    ],
    ['@hall/mf-catalog', { baseUrl: '/static/mf-catalog/1/', preload: { modules: { '@hall/mf-catalog': { files: ['chunks/tabs.js'], shared: ['vue'] } } } }],
    ['@hall/mf-todo', { baseUrl: '/static/mf-todo/1/', preload: { modules: { '@hall/mf-todo': { files: [], shared: ['@hall/forms'] } } } }],
  ])

  it('lists the root config, the apps of the path and their static imports, each once, and nothing of other pages', () => {
    expect(modulePreloads(imports, manifests, '/catalog')).toEqual([
      '/static/shell/1/root-config.js',
      '/static/vendor/1/mf-kit.js',
      '/static/vendor/1/vue.js',
      '/static/vendor/1/chunks/ep.js',
      '/static/shell/1/header.js',
      '/static/mf-catalog/1/main.js',
      '/static/mf-catalog/1/chunks/tabs.js',
    ])
    const todo = modulePreloads(imports, manifests, '/todo/7')
    expect(todo).toContain('/static/vendor/1/forms.js')
    expect(todo).toContain('/static/vendor/1/chunks/zod.js')
    expect(todo).not.toContain('/static/mf-catalog/1/main.js')
  })

  it('without a shell layout (an older shell), still lists the root config and what it imports', () => {
    const noLayout = new Map(manifests)
    noLayout.set('@hall/shell', { baseUrl: '/static/shell/1/', preload: { modules: manifests.get('@hall/shell')!.preload.modules } })
    expect(modulePreloads(imports, noLayout, '/catalog')).toEqual([
      '/static/shell/1/root-config.js',
      '/static/vendor/1/mf-kit.js',
      '/static/vendor/1/vue.js',
      '/static/vendor/1/chunks/ep.js',
    ])
  })
})

describe('answerPreloads', () => {
  const imports = { '@hall/shell': '/s/root-config.js', '@hall/shell-header': '/s/header.js', '@hall/mf-catalog': '/c/main.js', '@hall/mf-todo': '/t/main.js' }
  const manifests = new Map<string, { baseUrl: string; preload: PreloadManifest }>([
    [
      '@hall/shell',
      {
        baseUrl: '/s/',
        preload: {
          modules: { '@hall/shell': { files: [], shared: [] }, '@hall/shell-header': { files: [], shared: [] } },
          layout,
          answers: { '*': ['/api/me'] },
        },
      },
    ],
    [
      '@hall/mf-catalog',
      {
        baseUrl: '/c/',
        preload: {
          modules: { '@hall/mf-catalog': { files: [], shared: [] } },
          // why: preload.json may come from another host (a part deployed with --base-url); the page
          // must fetch nothing but its own API with the person's cookie, whatever the file says.
          answers: {
            '/catalog': ['/api/services?page=1', 'https://elsewhere.example/api/x', '//elsewhere.example/api/x', '/static/x.json', '/api/a b', '/api/"x'],
          },
        },
      },
    ],
    ['@hall/mf-todo', { baseUrl: '/t/', preload: { modules: { '@hall/mf-todo': { files: [], shared: [] } }, answers: { '/todo': ['/api/tasks?view=todo'] } } }],
  ])

  it('lists the shell’s answers on every page and a part’s on its exact path, same-origin /api/ paths only', () => {
    expect(answerPreloads(imports, manifests, '/catalog', '')).toEqual(['/api/me', '/api/services?page=1'])
    expect(answerPreloads(imports, manifests, '/todo', '')).toEqual(['/api/me', '/api/tasks?view=todo'])
    // Another path of the same part: its first answers are not those of /catalog.
    expect(answerPreloads(imports, manifests, '/catalog/services/x', '')).toEqual(['/api/me'])
  })

  it('lists nothing for a page asked with a query string (its answers depend on it)', () => {
    expect(answerPreloads(imports, manifests, '/catalog', '?q=x')).toEqual([])
    expect(answerPreloads(imports, manifests, '/catalog', '?')).toEqual(['/api/me', '/api/services?page=1'])
  })

  it('lists nothing of a part the page does not show', () => {
    expect(answerPreloads(imports, manifests, '/catalog', '')).not.toContain('/api/tasks?view=todo')
    const withoutTodo = { ...imports, '@hall/mf-todo': '' }
    expect(answerPreloads(withoutTodo, manifests, '/todo', '')).toEqual(['/api/me'])
  })
})

const TOKEN = 'test-deploy-token-0123456789abcdef'
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
const TEMPLATE =
  '<!doctype html><html><head><meta name="hall-importmap" /></head><body><div id="hall-boot">明湖大学</div><meta name="hall-styles" /><script type="module">import "@hall/shell"</script></body></html>'

/** A hall with a vendor, a shell and a catalog deployed as builds deploy them, `preload.json` included unless left out. */
async function hall(withPreload: { vendor: boolean }) {
  const t = await testApp()
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }
  const put = async (part: string, file: string, body: string) =>
    expect((await t.app.request(`/api/admin/deployments/${part}/1.0.0/files/${encodeURIComponent(file)}`, { method: 'PUT', headers: auth, body })).status).toBe(
      201,
    )
  const register = async (manifest: object) =>
    expect(
      (
        await t.app.request('/api/admin/deployments', {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(manifest),
        })
      ).status,
    ).toBe(201)
  for (const file of ['vue.js', 'mf-kit.js', 'chunks/ep.js', 'assets/ep.css']) await put('vendor', file, 'export {}')
  if (withPreload.vendor) {
    await put(
      'vendor',
      'preload.json',
      JSON.stringify({ modules: { vue: { files: [], shared: [] }, '@hall/mf-kit': { files: ['vue.js', 'chunks/ep.js'], shared: [] } } }),
    )
  }
  await register({ name: '@hall/vendor', version: '1.0.0', imports: { vue: 'vue.js', '@hall/mf-kit': 'mf-kit.js' }, styles: ['assets/ep.css'] })
  for (const file of ['index.html', 'root-config.js', 'header.js']) await put('shell', file, file === 'index.html' ? TEMPLATE : 'export {}')
  await put(
    'shell',
    'preload.json',
    JSON.stringify({
      modules: { '@hall/shell': { files: [], shared: ['@hall/mf-kit'] }, '@hall/shell-header': { files: [], shared: ['vue'] } },
      layout,
      answers: { '*': ['/api/me'] },
    }),
  )
  await register({ name: '@hall/shell', version: '1.0.0', imports: { '@hall/shell': 'root-config.js', '@hall/shell-header': 'header.js' }, html: 'index.html' })
  for (const file of ['main.js', 'chunks/tabs.js']) await put('mf-catalog', file, 'export {}')
  await put(
    'mf-catalog',
    'preload.json',
    JSON.stringify({
      modules: { '@hall/mf-catalog': { files: ['chunks/tabs.js'], shared: ['vue'] } },
      answers: { '/catalog': ['/api/services?audience=mine&page=1'] },
    }),
  )
  await register({ name: '@hall/mf-catalog', version: '1.0.0', imports: { '@hall/mf-catalog': 'main.js' } })
  const cookie = await t.loginAs(student.cardNumber)
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { accept: 'text/html', cookie, ...headers } })
  return { ...t, get }
}

const preloadsOf = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1])

describe('the page’s modulepreload links', () => {
  it('name every module of the catalog’s first render after the import map, and the style sheets come after the first paint', async () => {
    const { get } = await hall({ vendor: true })
    const html = await (await get('/catalog')).text()
    expect(preloadsOf(html)).toEqual([
      '/static/shell/1.0.0/root-config.js',
      '/static/vendor/1.0.0/mf-kit.js',
      '/static/vendor/1.0.0/vue.js',
      '/static/vendor/1.0.0/chunks/ep.js',
      '/static/shell/1.0.0/header.js',
      '/static/mf-catalog/1.0.0/main.js',
      '/static/mf-catalog/1.0.0/chunks/tabs.js',
    ])
    expect(html.indexOf('<script type="overridable-importmap">')).toBeLessThan(html.indexOf('rel="modulepreload"'))
    // The style sheets sit where the shell asked, after the boot screen: they do not hold its paint back.
    expect(html).toMatch(/明湖大学<\/div><link rel="stylesheet" href="\/static\/vendor\/1.0.0\/assets\/ep.css"><script/)
    expect(html.slice(0, html.indexOf('</head>'))).not.toContain('rel="stylesheet"')
  })

  it('a page without a route of its own preloads the shell and header only', async () => {
    const { get } = await hall({ vendor: true })
    const html = await (await get('/nowhere')).text()
    expect(preloadsOf(html)).not.toContain('/static/mf-catalog/1.0.0/main.js')
    expect(preloadsOf(html)).toContain('/static/shell/1.0.0/header.js')
  })

  it('a part deployed without preload.json (built before it existed) still serves the page, with its entries only', async () => {
    const { get } = await hall({ vendor: false })
    const res = await get('/catalog')
    expect(res.status).toBe(200)
    const links = preloadsOf(await res.text())
    expect(links).toContain('/static/vendor/1.0.0/mf-kit.js')
    expect(links).not.toContain('/static/vendor/1.0.0/chunks/ep.js')
  })

  it('preload the first API answers of the page as fetches the code can take over (CORS mode), none for a page with a query', async () => {
    const { get } = await hall({ vendor: true })
    const fetches = (html: string) => [...html.matchAll(/<link rel="preload" as="fetch" href="([^"]+)" crossorigin>/g)].map((m) => m[1])
    const html = await (await get('/catalog')).text()
    expect(fetches(html)).toEqual(['/api/me', '/api/services?audience=mine&amp;page=1'])
    expect(html.indexOf('rel="modulepreload"')).toBeLessThan(html.indexOf('as="fetch"'))
    expect(fetches(await (await get('/catalog?q=x')).text())).toEqual([])
    expect(fetches(await (await get('/nowhere')).text())).toEqual(['/api/me'])
  })

  it('the page goes compressed to a browser that offers brotli', async () => {
    const { get } = await hall({ vendor: true })
    const res = await get('/catalog', { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('rel="modulepreload"')
  })
})
