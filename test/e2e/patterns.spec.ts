import type { Response } from '@playwright/test'
import { demo, expect, test } from './fixtures.ts'

// Issue 13: service owners' text patterns run on an RE2 engine (re2js), in the browser too. The
// engine is ~46 kB gzipped, so it must stay off the first visit and load with a form that has a
// pattern. It is recognised by its content (RE2's flag names), not by a hashed file name.

test('the first visit does not load the pattern engine; a form with a pattern loads it and checks the pattern', async ({ openAs }) => {
  test.slow()
  const page = await openAs(demo.undergraduate())
  const scripts: Array<Promise<{ url: string; engine: boolean }>> = []
  const watch = (res: Response) => {
    if (res.request().resourceType() === 'script' && res.ok()) scripts.push(res.text().then((body) => ({ url: res.url(), engine: body.includes('FOLD_CASE') })))
  }
  page.on('response', watch)
  const engineLoaded = async () => (await Promise.all(scripts)).filter((s) => s.engine).map((s) => s.url)

  await page.goto('/catalog')
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(scripts.length, 'the catalog loaded its scripts').toBeGreaterThan(0)
  expect(await engineLoaded()).toEqual([])

  // 学费住宿费缴纳银行卡变更登记: the new card number has the pattern ^\d{16,19}$.
  await page.goto('/apply/tuition-bank-card')
  const field = page.getByTestId('apply-form').locator('[data-field="newCardNumber"]')
  await expect(field.locator('input')).toBeVisible()
  await expect.poll(engineLoaded).toHaveLength(1)
  await field.locator('input').fill('6222 0212')
  await field.locator('input').blur()
  await expect(field.getByRole('alert')).toHaveText('卡号为 16–19 位数字')
  await field.locator('input').fill('6222021234567890123')
  await field.locator('input').blur()
  await expect(field.getByRole('alert')).toHaveCount(0)
})
