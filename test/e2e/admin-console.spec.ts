import { demo, expect, test } from './fixtures.ts'

// The administration console's operations areas: an administrator makes a team's deploy token,
// sees it once, revokes it, and finds both in the audit log by filtering on the action.

test('an administrator makes a named deploy token, revokes it, and finds both in the audit log', async ({ openAs }) => {
  const page = await openAs(demo.admin(), '/catalog/admin/deployments')
  await expect(page.getByTestId('deployments-current')).toBeVisible()

  const name = `教务处前端组 ${Date.now()}`
  await page.getByTestId('token-create').click()
  await page.getByTestId('token-name').fill(name)
  await page.getByTestId('token-parts').click()
  await page.getByRole('option', { name: 'mf-todo', exact: true }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('token-submit').click()
  const token = await page.getByTestId('token-value').inputValue()
  expect(token).toMatch(/^hall_dt_/)
  await page.getByRole('button', { name: '我已保存' }).click()

  const row = page.getByTestId('deploy-tokens').locator('tr', { hasText: name })
  await expect(row).toContainText('mf-todo')
  // The list never shows the token again, only its first characters.
  await expect(page.getByTestId('deploy-tokens')).not.toContainText(token)
  await row.getByRole('button', { name: /吊销/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click()
  await expect(row).toContainText('已吊销')

  await page.getByTestId('admin-tab-audit').click()
  await page.getByTestId('audit-action').click()
  await page.getByRole('option', { name: 'deploy_token.*' }).click()
  await page.getByTestId('audit-search').click()
  const table = page.getByTestId('audit-table')
  await expect(table.locator('tr', { hasText: 'deploy_token.created' }).filter({ hasText: demo.admin().cardNumber })).not.toHaveCount(0)
  await expect(table.locator('tr', { hasText: 'deploy_token.revoked' })).not.toHaveCount(0)
  // Nothing else than the family asked for.
  await expect(table.locator('tbody tr').filter({ hasNotText: 'deploy_token.' })).toHaveCount(0)
})

test('the operations areas fit a 375 px phone without sideways scrolling of the page', async ({ openAs }) => {
  const page = await openAs(demo.admin(), '/catalog/admin/audit', { viewport: { width: 375, height: 740 } })
  const tables = { audit: 'audit-table', deliveries: 'deliveries-table', deployments: 'deployments-current' }
  for (const [area, table] of Object.entries(tables)) {
    await page.getByTestId(`admin-tab-${area}`).click()
    await expect(page.locator(`#admin-${area}-title`)).toBeVisible()
    await expect(page.getByTestId(table)).toBeVisible()
    // Wide tables scroll inside themselves; the page itself must not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), area).toBeLessThanOrEqual(375)
  }
})
