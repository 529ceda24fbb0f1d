import { demo, expect, loginOnIdp, test } from './fixtures.ts'

// The foundation issue's path, as a student coming from the portal walks it: a deep link without
// a session goes through the development IdP and lands back on the deep link; each micro-frontend
// mounts on its route; logout ends the session.
test('deep link → IdP → back on the deep link → every micro-frontend mounts → logout', async ({ page }) => {
  const student = demo.undergraduate()
  await page.goto('/my?from=portal')
  await loginOnIdp(page, student)
  await expect(page).toHaveURL(/\/my\?from=portal$/)
  await expect(page.locator('[data-mf="@hall/mf-forms"]')).toBeVisible()

  // The header knows who is logged in.
  await page.getByRole('button', { name: new RegExp(student.name) }).click()
  await expect(page.getByText(student.cardNumber)).toBeVisible()
  await page.keyboard.press('Escape')

  for (const [path, name] of [
    ['/catalog', '@hall/mf-catalog'],
    ['/', '@hall/mf-catalog'],
    ['/apply/dorm-change', '@hall/mf-forms'],
    ['/feedback', '@hall/mf-feedback'],
    ['/todo', '@hall/mf-todo'],
  ] as const) {
    await page.goto(path)
    await expect(page.locator(`[data-mf="${name}"]`), `${name} on ${path}`).toBeVisible()
  }

  // The catalog shows real data: the seeded services.
  await page.goto('/catalog')
  await expect(page.getByText('宿舍调整申请').first()).toBeVisible()

  await page.getByRole('button', { name: new RegExp(student.name) }).click()
  await page.getByRole('menuitem', { name: /退出登录|Log out/ }).click()
  // The menu submits a form: the hall ends the session, the IdP ends its own and sends the
  // browser back to the hall's logged-out page. Waiting for that page, not for a quiet network
  // (which the page already was when the click returned), is waiting for the logout itself.
  await expect(page).toHaveURL(/\/auth\/logged-out$/)
  const me = await page.request.get('/api/me')
  expect(me.status()).toBe(401)
  // Opening the hall again asks for login again.
  await page.goto('/catalog')
  await expect(page).toHaveURL(new RegExp(`^${process.env.HALL_E2E_IDP_URL}/sso`))
})
