import { findPerson } from '@hall/demo-university'
import type { Browser, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { loginOnIdp } from './fixtures.ts'

// The hall's language: a first visit follows the browser (English unless it prefers Chinese); the
// choice a person makes with the switch is kept with their account and wins over the browser's
// language on their next visit, in any browser. A graduate no other browser test uses, since the
// choice stays with the account in the hall every test shares.

const person = findPerson('202520030004')!

async function visit(browser: Browser, consoleErrors: string[], locale: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.HALL_E2E_URL, locale })
  const page = await context.newPage()
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`[${locale}] ${msg.text()}`)
  })
  page.on('pageerror', (err) => consoleErrors.push(`[${locale}] ${err.message}`))
  await page.goto('/catalog')
  await loginOnIdp(page, person)
  await expect(page.locator('[data-mf="@hall/mf-catalog"]').first()).toBeVisible()
  return page
}

const switchButton = (page: Page) => page.getByRole('button', { name: /Switch to Chinese|切换到英文/ })

test('a first visit follows the browser, and the person’s choice follows them to another browser', async ({ browser, consoleErrors }) => {
  // A Chinese browser: Chinese.
  const zh = await visit(browser, consoleErrors, 'zh-CN')
  await expect(zh.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(zh.getByRole('button', { name: '切换到英文' })).toBeVisible()
  await zh.context().close()

  // An English browser, same person, nothing chosen yet: English.
  const en = await visit(browser, consoleErrors, 'en-US')
  await expect(en.locator('html')).toHaveAttribute('lang', 'en')
  await expect(en.getByRole('button', { name: 'Switch to Chinese' })).toBeVisible()

  // The person switches to Chinese in the English browser: kept with the account.
  const kept = en.waitForResponse((r) => new URL(r.url()).pathname === '/api/me/language' && r.request().method() === 'PUT')
  await switchButton(en).click()
  expect((await kept).status()).toBe(200)
  await expect(en.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await en.context().close()

  // Another English browser (a new device): their choice, Chinese, wins over the browser.
  const elsewhere = await visit(browser, consoleErrors, 'en-GB')
  await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(elsewhere.getByRole('button', { name: '切换到英文' })).toBeVisible()
  await elsewhere.context().close()
})
