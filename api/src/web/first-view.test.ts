import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { serviceVersions } from '../db/schema/index.ts'
import { bumpCatalogRevision } from '../routes/catalog/catalog.service.ts'
import { testApp } from '../test-support.ts'
import { escapeHtml, FIRST_VIEW_CARDS, renderCatalogFirstView, type FirstViewService } from './first-view.ts'

// The catalog's first view in the page (docs/decisions/021): the first cards of the person's own
// list, written by the server into the element the catalog mounts in. Service names and summaries
// are written by departments, so every one of them is hostile until escaped.

const TOKEN = 'test-deploy-token-0123456789abcdef'
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!

const service = (over: Partial<FirstViewService> = {}): FirstViewService => ({
  code: 'dorm-change',
  nameZh: '宿舍调整',
  nameEn: 'Dormitory change',
  summaryZh: '申请调换宿舍。',
  summaryEn: 'Ask to move to another room.',
  department: { nameZh: '后勤处', nameEn: 'Logistics' },
  mode: 'online',
  ...over,
})

// Each case is text a department could type; none may become markup, a script, or an attribute.
const HOSTILE: Array<[string, string]> = [
  ['a script tag', '<script>alert(1)</script>'],
  ['a tag with a handler', '<img src=x onerror=alert(1)>'],
  ['a way out of an attribute', '" onmouseover="alert(1)'],
  ['a way out of a single-quoted attribute', "' onmouseover='alert(1)"],
  ['the end of the first view’s own style sheet', '</style><script>alert(1)</script>'],
  ['an entity that would decode into a tag', '&lt;script&gt;'],
  ['a replacement pattern of String.replace', "$& $` $'"],
]

describe('renderCatalogFirstView', () => {
  it.each(HOSTILE)('escapes %s in every field a department writes', (_why, text) => {
    const hostile = service({ code: text, nameZh: text, nameEn: text, summaryZh: text, summaryEn: text, department: { nameZh: text, nameEn: text } })
    const html = renderCatalogFirstView({ items: [hostile], total: 1, favorites: [hostile], recent: [hostile], popular: [{ ...hostile, applications: 3 }] })
    expect(html).not.toContain(text.includes('<') || text.includes('"') || text.includes("'") || text.includes('&') ? text : '\u0000')
    expect(html).not.toMatch(/<script|<img/i)
    // No tag of the view got an attribute from the text.
    for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) expect(tag).not.toMatch(/\son\w+=/i)
    expect(html).toContain(escapeHtml(text))
  })

  it('shows the first cards of the page, in both languages, and the count of the whole list', () => {
    const items = Array.from({ length: 12 }, (_, i) => service({ code: `s-${i}`, nameZh: `服务${i}`, nameEn: `Service ${i}` }))
    const html = renderCatalogFirstView({ items, total: 27, favorites: [], recent: [], popular: [] })
    expect(html.startsWith('<div id="single-spa-application:@hall/mf-catalog">')).toBe(true)
    expect([...html.matchAll(/class="service-card"/g)]).toHaveLength(FIRST_VIEW_CARDS)
    expect(html).toContain('<span lang="zh-CN">服务0</span><span lang="en">Service 0</span>')
    expect(html).toContain('href="/catalog/services/s-0"')
    expect(html).toContain('您可以申请的服务共 27 项')
    expect(html).toContain('27 services you may apply for')
  })
})

const TEMPLATE =
  '<!doctype html><html><head><meta name="hall-importmap" /></head><body><div id="hall-boot">明湖大学</div><meta name="hall-first-view" /><meta name="hall-styles" /><script type="module">import "@hall/shell"</script></body></html>'

/** A hall with a shell whose layout shows the catalog at `/` and `/catalog`, and the catalog deployed. */
async function hall() {
  const t = await testApp()
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }
  const put = async (part: string, file: string, body: string) =>
    expect((await t.app.request(`/api/admin/deployments/${part}/1.0.0/files/${file}`, { method: 'PUT', headers: auth, body })).status).toBe(201)
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
  await put('shell', 'index.html', TEMPLATE)
  await put('shell', 'root-config.js', 'export {}')
  await put(
    'shell',
    'preload.json',
    JSON.stringify({
      modules: { '@hall/shell': { files: [], shared: [] } },
      layout: {
        always: [],
        routes: [
          { path: '/', exact: true, apps: ['@hall/mf-catalog'] },
          { path: '/catalog', exact: false, apps: ['@hall/mf-catalog'] },
          { path: '/todo', exact: false, apps: ['@hall/mf-todo'] },
        ],
        fallback: [],
      },
    }),
  )
  await register({ name: '@hall/shell', version: '1.0.0', imports: { '@hall/shell': 'root-config.js' }, html: 'index.html' })
  await put('mf-catalog', 'main.js', 'export {}')
  await register({ name: '@hall/mf-catalog', version: '1.0.0', imports: { '@hall/mf-catalog': 'main.js' } })
  const cookie = await t.loginAs(student.cardNumber)
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { accept: 'text/html', cookie, ...headers } })
  const list = async () =>
    (await (await t.app.request('/api/services?audience=mine&page=1&pageSize=12', { headers: { cookie } })).json()) as {
      items: Array<{ code: string; nameZh: string }>
      total: number
    }
  return { ...t, get, list }
}

describe('GET / and /catalog (the page) with the catalog’s first view', () => {
  it('carries the first cards of the person’s own list, the same the list API answers, in the catalog’s element', async () => {
    const { get, list } = await hall()
    const { items, total } = await list()
    expect(items.length).toBeGreaterThan(0)
    for (const path of ['/', '/catalog']) {
      const html = await (await get(path)).text()
      const view = html.slice(html.indexOf('<div id="single-spa-application:@hall/mf-catalog">'), html.lastIndexOf('<script'))
      const codes = [...view.matchAll(/class="service-card__link" href="\/catalog\/services\/([^"]+)"/g)].map((m) => m[1])
      expect(codes).toEqual(items.slice(0, FIRST_VIEW_CARDS).map((s) => s.code))
      expect(view).toContain(`您可以申请的服务共 ${total} 项`)
      // Before the style sheets, so they do not hold its paint back; the placeholder is gone.
      expect(html.indexOf('data-hall-first-view')).toBeLessThan(html.indexOf('import "@hall/shell"'))
      expect(html).not.toContain('<meta name="hall-first-view"')
      // Its preloads wait in an inert template for the first paint (a <link> there fetches nothing).
      expect(html).toMatch(/<template id="hall-preloads"><link rel="modulepreload" href="\/static\/shell\/1.0.0\/root-config.js">/)
      expect(html.replace(/<template id="hall-preloads">.*?<\/template>/s, '')).not.toContain('rel="modulepreload"')
    }
  })

  it('escapes a hostile service name and keeps the page’s scripts the nonced ones of the template', async () => {
    const { deps, get, list } = await hall()
    const [first] = (await list()).items
    const hostile = '</style><script>alert(1)</script><img src=x onerror=alert(2)>'
    await deps.db.update(serviceVersions).set({ nameZh: hostile }).where(eq(serviceVersions.serviceCode, first!.code))
    await bumpCatalogRevision(deps.db)
    expect((await list()).items[0]!.nameZh).toBe(hostile)
    const res = await get('/')
    const html = await res.text()
    expect(html).toContain(escapeHtml(hostile))
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    // Every script of the page is the template's or the server's own, each with the response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')![1]
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  })

  it('is left out where the list depends on more than the person: a query, another page, an older shell', async () => {
    const { get } = await hall()
    for (const path of ['/catalog?q=dorm', '/todo', '/catalog/services/dorm-change']) {
      const html = await (await get(path)).text()
      expect(html, path).not.toContain('data-hall-first-view')
      expect(html, path).not.toContain('<meta name="hall-first-view"')
      // Without a first view the modules load from the first byte, as before (decision 017).
      expect(html, path).not.toContain('<template id="hall-preloads">')
      expect(html, path).toContain('<link rel="modulepreload" href="/static/shell/1.0.0/root-config.js">')
    }
  })

  it('is never written for a visitor without a session: they are sent to log in', async () => {
    const { app } = await hall()
    const res = await app.request('/', { headers: { accept: 'text/html' } })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/auth\/login\?returnTo=/)
  })
})
