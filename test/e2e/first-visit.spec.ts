import { demo, expect, loginOnIdp, test } from './fixtures.ts'

// Issue 14.1, what a first visit loads (structure only: the sizes and Lighthouse's scores are
// printed by `npm run bench`, never asserted). On the catalog right after login: the shared
// libraries once each through the import map, no form renderer (@hall/forms), no
// import-map-overrides unless a developer turns it on, the heavy element-plus components not
// before a page renders one, JSON compressed.

test('the catalog after login loads each shared library once, without @hall/forms, import-map-overrides or the lazy element-plus chunk', async ({ page }) => {
  const scripts: string[] = []
  const json: { path: string; encoding: string | null; length: number }[] = []
  page.on('response', async (res) => {
    const url = new URL(res.url())
    if (res.request().resourceType() === 'script') scripts.push(url.pathname)
    if (url.pathname.startsWith('/api/') && (res.headers()['content-type'] ?? '').startsWith('application/json')) {
      json.push({ path: url.pathname, encoding: res.headers()['content-encoding'] ?? null, length: (await res.body().catch(() => Buffer.alloc(0))).length })
    }
  })
  await page.goto('/catalog')
  await loginOnIdp(page, demo.undergraduate())
  await expect(page.locator('[data-mf="@hall/mf-catalog"]').first()).toBeVisible()
  await expect(page.getByRole('button', { name: /生活住宿/ })).toBeVisible()
  await page.waitForLoadState('networkidle')

  const map = await page.evaluate(
    () => (JSON.parse(document.querySelector('script[type="importmap"]')!.textContent) as { imports: Record<string, string> }).imports,
  )
  expect(scripts.filter((p) => p.includes('import-map-overrides'))).toEqual([])
  expect(scripts).not.toContain(map['@hall/forms'])
  expect(scripts).toContain(map['element-plus'])
  expect(scripts.filter((p) => /element-plus-later/.test(p))).toEqual([])
  // Each file once: a shared library is never fetched twice.
  expect(new Set(scripts).size).toBe(scripts.length)
  // Every JSON answer above one packet arrives compressed, and the catalog reads at least one.
  const large = json.filter((r) => r.length > 1400)
  expect(large.length, JSON.stringify(json)).toBeGreaterThan(0)
  for (const r of large) expect(r.encoding, r.path).toMatch(/^(br|gzip)$/)
})

test('import-map-overrides loads only after a developer turns it on (?devtools), and stays on in that browser', async ({ page }) => {
  const overrides: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/import-map-overrides.js')) overrides.push(r.url())
  })
  await page.goto('/catalog')
  await loginOnIdp(page, demo.undergraduate())
  await expect(page.locator('[data-mf="@hall/mf-catalog"]').first()).toBeVisible()
  expect(overrides).toEqual([])
  expect(await page.evaluate(() => 'importMapOverrides' in window)).toBe(false)

  await page.goto('/catalog?devtools')
  await expect(page.locator('[data-mf="@hall/mf-catalog"]').first()).toBeVisible()
  expect(overrides).toHaveLength(1)
  expect(
    await page.evaluate(() => typeof (window as unknown as { importMapOverrides?: { getOverrideMap(): unknown } }).importMapOverrides?.getOverrideMap),
  ).toBe('function')

  await page.goto('/catalog')
  await expect(page.locator('[data-mf="@hall/mf-catalog"]').first()).toBeVisible()
  expect(overrides).toHaveLength(2)
  await page.evaluate(() => localStorage.removeItem('devtools'))
})
