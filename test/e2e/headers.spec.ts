import type { Page } from '@playwright/test'
import { demo, expect, loginOnIdp, test } from './fixtures.ts'

// The Content-Security-Policy of every page, in a real browser: nothing the hall needs is
// blocked (a violation is a console error, which fails the test through the fixtures, and is
// also counted here from the page's own `securitypolicyviolation` events), and the policies are
// really there.

/** Collects the page's CSP violations from its first script on, in every document it loads. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
}

test('the shell page runs under its nonce policy, with a developer’s override applied through import-map-overrides', async ({ openAs }) => {
  const page = await openAs(demo.undergraduate())
  const violations = await watchViolations(page)
  await page.goto('/todo')
  await expect(page.locator('[data-mf="@hall/mf-todo"]')).toBeVisible()
  const policy = (await (await page.reload())!.headerValue('content-security-policy')) ?? ''
  await expect(page.locator('[data-mf="@hall/mf-todo"]')).toBeVisible()
  expect(policy).toContain("default-src 'none'")
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/)
  expect(await violations()).toEqual([])

  // import-map-overrides builds the real map from the overridable one plus the developer's
  // override; the map carries the page's nonce, so the override is used, not blocked.
  const current = await page.evaluate(
    () =>
      (JSON.parse(document.querySelector('script[type="overridable-importmap"]')!.textContent) as { imports: Record<string, string> }).imports[
        '@hall/mf-todo'
      ]!,
  )
  const overridden = `${current}?override=1`
  // The developer turns the library on in this browser (it is not loaded otherwise).
  await page.goto('/todo?devtools')
  await expect(page.locator('[data-mf="@hall/mf-todo"]')).toBeVisible()
  await page.evaluate(
    (url) => (window as unknown as { importMapOverrides: { addOverride(k: string, v: string): void } }).importMapOverrides.addOverride('@hall/mf-todo', url),
    overridden,
  )
  await page.reload()
  await expect(page.locator('[data-mf="@hall/mf-todo"]')).toBeVisible()
  const map = await page.evaluate(() => JSON.parse(document.querySelector('script[type="importmap"]')!.textContent) as { imports: Record<string, string> })
  expect(map.imports['@hall/mf-todo']).toBe(overridden)
  await page.evaluate(() => (window as unknown as { importMapOverrides: { resetOverrides(): void } }).importMapOverrides.resetOverrides())
  expect(await violations()).toEqual([])
})

test('the API reference page (Scalar) renders under its policy', async ({ page, consoleErrors }) => {
  const violations = await watchViolations(page)
  const res = await page.goto('/api/docs')
  expect(await res!.headerValue('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
  // Scalar renders the whole OpenAPI document before the title shows: on a loaded 2-core machine
  // that took more than one assertion's default wait.
  await expect(page.getByText('Service Hall API').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/Deployments/).first()).toBeVisible()
  // One refusal is expected and harmless: zod (inside Scalar's bundle) probes whether it may
  // compile validators with `Function('')`, catches the refusal and validates without. The page
  // keeps its policy without 'unsafe-eval'; anything else blocked still fails the test.
  const probe = (text: string) => /evaluate a string as JavaScript/.test(text) && /standalone\.js|scalar/.test(text)
  const others = consoleErrors.filter((e) => !probe(e))
  consoleErrors.splice(0, consoleErrors.length, ...others)
  expect((await violations()).filter((v) => v !== 'script-src eval')).toEqual([])
  expect(await violations()).toEqual(['script-src eval'])
})

test('the development mailbox: an administrator reads it; its page and the login pages stay within their policies', async ({ page }) => {
  const violations = await watchViolations(page)
  await page.goto('/dev/mail')
  // The IdP's login page runs under its own policy (style and auto-submit by hash).
  await loginOnIdp(page, demo.admin())
  await expect(page).toHaveURL(/\/dev\/mail$/)
  await expect(page.getByRole('heading', { name: /Development mailbox/ })).toBeVisible()
  expect(await violations()).toEqual([])

  await page.goto('/auth/logged-out')
  await expect(page.getByRole('heading', { name: /已退出/ })).toBeVisible()
  expect(await violations()).toEqual([])
})

test('a student is refused the development mailbox', async ({ openAs }) => {
  const page = await openAs(demo.undergraduate(), '/catalog')
  await expect(page.locator('[data-mf="@hall/mf-catalog"]')).toBeVisible()
  const res = await page.request.get('/dev/mail/messages.json')
  expect(res.status()).toBe(403)
})
