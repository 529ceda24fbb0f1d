import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { testApp } from '../test-support.ts'

// The page as the server renders it: the import map inline, the ETag the shell's new-version check
// starts from, and import-map-overrides only where it is allowed (never in production by default).

const TOKEN = 'test-deploy-token-0123456789abcdef'
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
const TEMPLATE = '<!doctype html><html><head><meta name="hall-importmap" /></head><body></body></html>'

async function hallWithShell(overrides: Record<string, string> = {}) {
  const t = await testApp(overrides)
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }
  for (const [file, body] of [['index.html', TEMPLATE], ['main.js', 'export {}']] as const) {
    expect((await t.app.request(`/api/admin/deployments/shell/1.0.0/files/${file}`, { method: 'PUT', headers: auth, body })).status).toBe(201)
  }
  const res = await t.app.request('/api/admin/deployments', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '@hall/shell', version: '1.0.0', imports: { '@hall/shell': 'main.js' }, html: 'index.html' }),
  })
  expect(res.status).toBe(201)
  const cookie = await t.loginAs(student.cardNumber)
  const page = async () => (await t.app.request('/', { headers: { accept: 'text/html', cookie } })).text()
  return { ...t, page }
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
    expect(html).toContain('<script src="/import-map-overrides.js"></script>')
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
