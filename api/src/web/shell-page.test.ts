import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { mfDeployments } from '../db/schema/index.ts'
import { testApp } from '../test-support.ts'

// The page as the server renders it: the import map inline, the ETag the shell's new-version check
// starts from, and import-map-overrides only where it is allowed (never in production by default).

const TOKEN = 'test-deploy-token-0123456789abcdef'
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
const TEMPLATE = '<!doctype html><html><head><meta name="hall-importmap" /></head><body></body></html>'

async function hallWithShell(overrides: Record<string, string> = {}) {
  const t = await testApp(overrides)
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }
  for (const [file, body] of [
    ['index.html', TEMPLATE],
    ['main.js', 'export {}'],
  ] as const) {
    expect((await t.app.request(`/api/admin/deployments/shell/1.0.0/files/${file}`, { method: 'PUT', headers: auth, body })).status).toBe(201)
  }
  const res = await t.app.request('/api/admin/deployments', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '@hall/shell', version: '1.0.0', imports: { '@hall/shell': 'main.js' }, html: 'index.html' }),
  })
  expect(res.status).toBe(201)
  const cookie = await t.loginAs(student.cardNumber)
  // The nonce differs on every response (tested below); these tests read the page without it.
  const page = async () => (await (await t.app.request('/', { headers: { accept: 'text/html', cookie } })).text()).replace(/ nonce="[^"]*"/g, '')
  const response = () => t.app.request('/', { headers: { accept: 'text/html', cookie } })
  return { ...t, page, response }
}

describe('the page', () => {
  it('carries the ETag of the import map it was rendered with, the same /importmap.json answers', async () => {
    const { app, page } = await hallWithShell()
    const etag = (await app.request('/importmap.json')).headers.get('etag')!
    expect(await page()).toContain(`<meta name="hall-importmap-etag" content="${etag.replace(/"/g, '&quot;')}">`)
  })

  it('outside production, lets import-map-overrides build the real map from an overridable one', async () => {
    const { app, page } = await hallWithShell()
    const html = await page()
    expect(html).toContain('<script type="overridable-importmap">{"imports":{"@hall/shell":"/static/shell/1.0.0/main.js"}}</script>')
    // The library is not a tag of the page: a small loader writes it in only for a developer who
    // turned it on (test/e2e/first-visit.spec.ts checks both ways in a browser).
    expect(html).not.toMatch(/<script[^>]*src="\/import-map-overrides\.js"/)
    expect(html).toContain('src="/import-map-overrides.js"')
    expect(html).toContain("localStorage.getItem('devtools')")
    // The library only reads the maps: our nonced script inserts the merged one (see csp tests).
    expect(html).toContain('<meta name="importmap-type" content="importmap" use-injector>')
    expect(html).not.toContain('<script type="importmap">')
    const script = await app.request('/import-map-overrides.js')
    expect(script.status).toBe(200)
    expect(await script.text()).toContain('import-map-overrides@')
  })

  it('with overrides off (the production default), has a plain import map and no override script', async () => {
    const { app, page } = await hallWithShell({ HALL_IMPORT_MAP_OVERRIDES: '0' })
    const html = await page()
    expect(html).toContain('<script type="importmap">{"imports":{"@hall/shell":"/static/shell/1.0.0/main.js"}}</script>')
    expect(html).not.toContain('import-map-overrides')
    expect((await app.request('/import-map-overrides.js')).status).toBe(404)
  })

  it('turns overrides off in production unless configured', async () => {
    const { loadEnv } = await import('../env.ts')
    const prod = { NODE_ENV: 'production', HALL_PUBLIC_URL: 'https://hall.univ.edu.cn', HALL_IDP_METADATA: '/idp.xml' }
    expect(loadEnv(prod).importMapOverrides).toBe(false)
    expect(loadEnv({ ...prod, HALL_IMPORT_MAP_OVERRIDES: '1' }).importMapOverrides).toBe(true)
    expect(loadEnv({}).importMapOverrides).toBe(true)
  })
})

// The page's Content-Security-Policy: its inline scripts (the import map, the start script, the
// overrides' helpers) run by a nonce that is new on every response, so an injected script, which
// cannot know it, does not run.
describe('the page’s Content-Security-Policy', () => {
  const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(/script-src [^;]*/.exec(policy)?.[0] ?? '')?.[1]

  it.each([
    ['with import-map-overrides on', {}],
    ['with it off', { HALL_IMPORT_MAP_OVERRIDES: '0' }],
  ])('gives every script tag the nonce of the header, a new one per response (%s)', async (_, env) => {
    const { response } = await hallWithShell(env)
    const seen = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const res = await response()
      const policy = res.headers.get('content-security-policy')!
      const nonce = nonceOf(policy)
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      const html = await res.text()
      const tags = html.match(/<script\b[^>]*>/g)!
      expect(tags.length).toBeGreaterThan(0)
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`)
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
      expect(policy).toContain("object-src 'none'")
      expect(policy).toContain("base-uri 'none'")
      expect(policy).toContain("frame-ancestors 'none'")
      seen.add(nonce!)
    }
    expect(seen.size).toBe(2)
  })

  it('lets scripts and styles come from the origins the current import map names, and only those', async () => {
    const { response, deps } = await hallWithShell({ HALL_IMPORT_MAP_OVERRIDES: '0' })
    await deps.db.insert(mfDeployments).values({
      name: '@hall/mf-todo',
      version: '9.0.0',
      imports: { '@hall/mf-todo': 'https://cdn.example.edu/mf-todo/9.0.0/main.js' },
      styles: ['https://styles.example.edu/todo.css'],
      baseUrl: 'https://cdn.example.edu/mf-todo/9.0.0/',
      registeredBy: 'test',
    })
    const policy = (await response()).headers.get('content-security-policy')!
    const scriptSrc = /script-src [^;]*/.exec(policy)![0]
    expect(scriptSrc).toContain('https://cdn.example.edu')
    expect(/style-src [^;]*/.exec(policy)![0]).toContain('https://styles.example.edu')
    expect(scriptSrc).not.toContain('localhost')
    expect(scriptSrc.split(' ')).not.toContain('*')
  })

  it('allows a developer’s local build only while import-map-overrides is on', async () => {
    const { response } = await hallWithShell()
    expect(/script-src [^;]*/.exec((await response()).headers.get('content-security-policy')!)![0]).toContain('http://localhost:*')
  })

  it('lets the logout form lead to the IdP’s logout service', async () => {
    const { response } = await hallWithShell()
    expect(/form-action [^;]*/.exec((await response()).headers.get('content-security-policy')!)![0]).toBe("form-action 'self' https://idp.test")
  })
})

describe('Content-Security-Policy of the other pages', () => {
  it('/api/docs: Scalar’s scripts by a fresh nonce', async () => {
    const { app } = await testApp()
    const nonces = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/api/docs')
      const policy = res.headers.get('content-security-policy')!
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!
      const tags = (await res.text()).match(/<script\b[^>]*>/g)!
      expect(tags.length).toBe(2)
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`)
      nonces.add(nonce)
    }
    expect(nonces.size).toBe(2)
  })

  it('the auth pages: no script at all, their style by its hash', async () => {
    const { app } = await testApp()
    const res = await app.request('/auth/logged-out')
    const policy = res.headers.get('content-security-policy')!
    expect(policy).toMatch(/default-src 'none'/)
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/)
    expect(policy).not.toMatch(/script-src|unsafe-inline/)
  })

  it('JSON and anything else: nothing may load or run', async () => {
    const { app } = await testApp()
    expect((await app.request('/api/categories')).headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
  })
})
