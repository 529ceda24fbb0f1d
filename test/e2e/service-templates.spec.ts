import { findPerson, type Person } from '@hall/demo-university'
import { expect, test } from './fixtures.ts'

// Issue #12, 成熟一个，上线一个: an office starts a service from one of the first-batch templates
// (从模板新建), and it reaches the catalog only once published. The demo hall has published every
// template already, so the owner adopts one under a code of its own, as a second office would.

/** 吴俊: service owner (and a reviewer) of Student Affairs. */
const owner = (): Person => {
  const p = findPerson('0015603')
  if (!p) throw new Error('the demo university lacks 0015603')
  return p
}

test('an owner adopts a template, publishes it, and it appears in the catalog', async ({ openAs }) => {
  test.slow()
  const code = `badge-east-${Date.now().toString(36)}`
  const page = await openAs(owner(), '/catalog/manage')
  page.setDefaultTimeout(20_000)
  await expect(page.getByRole('heading', { level: 1, name: '管理服务' })).toBeVisible()

  await page.getByTestId('from-template').click()
  const picker = page.getByRole('dialog', { name: '从模板新建服务' })
  await expect(picker).toBeVisible()
  await picker.getByRole('textbox', { name: '按名称搜索模板' }).fill('校徽')
  const item = picker.locator('[data-template="badge-replacement"]')
  // Published in the demo already: the picker says so, and a second office takes another code.
  await expect(item).toContainText('已有服务：badge-replacement')
  await item.getByRole('button', { name: '选用' }).click()
  await picker.getByTestId('template-code').fill(code)
  await picker.getByTestId('adopt').click()

  // The draft opens in the editor, outside the catalog.
  await expect(page).toHaveURL(new RegExp(`/catalog/manage/${code}$`))
  await expect(page.getByTestId('status')).toHaveText('草稿')
  expect((await page.request.get(`/api/services/${code}`)).status()).toBe(404)

  await page.getByTestId('validate').click()
  await expect(page.getByText('检查通过，可以发布').first()).toBeVisible()
  await page.getByTestId('publish').click()
  // Publishing asks first (issue 14).
  await page.getByRole('dialog').getByRole('button', { name: '发布' }).click()
  await expect(page.getByText('已发布为第 1 版')).toBeVisible()
  await expect(page.getByTestId('status')).toHaveText('已上线')

  // In the catalog: found by its name, and its guide opens with the template's text.
  // The owner is staff and the service is for undergraduates: search every audience, not "mine".
  await page.goto(`/catalog?q=${encodeURIComponent('补办校徽')}&audience=all`)
  const link = page.locator(`a[href$="/catalog/services/${code}"]`).first()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: '本科生补办校徽申请' })).toBeVisible()
})
