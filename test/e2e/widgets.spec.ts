import { randomUUID } from 'node:crypto'
import { people } from '@hall/demo-university'
import { expect, loginOnIdp, test } from './fixtures.ts'

// The hall's widgets on the demo department site (packages/widgets/demo), served by the start
// command on another origin as a real department site would be: they render inside shadow roots,
// keep their look against the site's greedy rules and leave the site's look alone, link into the
// hall (through login, to the service's guide), and show a reviewer's to-do count once they are
// logged into the hall. The session cookie crosses because the two origins are the same site.

const site = () => process.env.HALL_E2E_DEMO_SITE_URL!
const hall = () => new URL(process.env.HALL_E2E_URL!).origin
const reviewer = people.find((p) => p.roles.some((r) => r.role === 'reviewer'))!
const staff = people.find((p) => p.kind === 'staff' && !p.unknownToDataPlatform)!

test('the widgets render in shadow roots, keep their look, and leave the department page’s styles alone', async ({ page }) => {
  expect(new URL(site()).origin).not.toBe(hall())
  await page.goto(site())
  const services = page.locator('hall-services')
  const first = services.locator('li a').first()
  await expect(first).toBeVisible()

  // Rendered in an open shadow root: nothing in the page's own tree.
  for (const tag of ['hall-services', 'hall-service-card', 'hall-todo-badge']) {
    const where = await page.locator(tag).evaluate((el) => ({ shadow: !!el.shadowRoot?.querySelector('.w'), light: el.childElementCount }))
    expect(where, tag).toEqual({ shadow: true, light: 0 })
  }

  // Every service links to its page in the hall.
  const hrefs = await services.locator('li a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))
  expect(hrefs.length).toBeGreaterThan(1)
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^${hall()}/catalog/services/[a-z0-9-]+$`))
  await expect(page.locator('hall-service-card a.start')).toHaveAttribute('href', `${hall()}/catalog/services/email-account`)
  await expect(page.locator('hall-todo-badge a')).toHaveAttribute('href', `${hall()}/auth/login?returnTo=%2Ftodo`)

  // The site's rules (every link wavy and dark red, serif everywhere, dotted list items, indented
  // paragraphs) still style the site, and do not reach into the widgets.
  await expect(page.locator('main h2').first()).toHaveCSS('color', 'rgb(0, 95, 75)')
  await expect(page.locator('.news a').first()).toHaveCSS('text-decoration-style', 'wavy')
  await expect(page.locator('.news li').first()).toHaveCSS('border-bottom-style', 'dotted')
  await expect(first).not.toHaveCSS('text-decoration-style', 'wavy')
  await expect(first).not.toHaveCSS('color', 'rgb(139, 26, 26)')
  await expect(services.locator('li').first()).toHaveCSS('border-bottom-style', 'none')
  expect(
    await services
      .locator('.name')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily),
  ).not.toContain('Songti')
  // The one custom property a site sets to give the widgets its accent colour.
  await expect(page.locator('hall-service-card a.start')).toHaveCSS('background-color', 'rgb(0, 95, 75)')

  // They speak the page's language, and follow it when the site switches.
  await expect(services).toContainText('网络与信息中心 · 网上办事')
  await page.locator('#lang-switch').click()
  await expect(services).toContainText('Network and Information Centre · Online services')
  await expect(page.locator('hall-todo-badge')).toContainText('Log in to see your to-dos')
})

test('a service on the department page leads through login to its guide in the hall', async ({ page }) => {
  await page.goto(site())
  await page.locator('hall-services a[data-service="email-account"]').click()
  await loginOnIdp(page, staff)
  await expect(page).toHaveURL(`${hall()}/catalog/services/email-account`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('电子邮件办理申请')
})

test('after logging into the hall, a reviewer’s badge on the department page shows their to-do count', async ({ page, openAs }) => {
  // A member of staff asks the network centre to reset a mailbox password (through the API, in
  // their own session): a task for the centre's reviewers, so the count to show is not zero.
  const staffPage = await openAs(staff, '/my', { who: 'staff' })
  const form = await staffPage.request.get('/api/services/email-account/form')
  expect(form.status(), await form.text()).toBe(200)
  const { prefill } = (await form.json()) as { prefill: { values: Record<string, unknown> } }
  const submitted = await staffPage.request.post('/api/applications', {
    headers: { Origin: hall(), 'Idempotency-Key': randomUUID() },
    data: { serviceCode: 'email-account', values: { ...prefill.values, accountType: 'personal', request: 'reset', pledge: true } },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  await staffPage.context().close()

  await page.goto(site())
  const badge = page.locator('hall-todo-badge a')
  await expect(badge).toHaveAttribute('data-state', 'login')
  await badge.click()
  await loginOnIdp(page, reviewer)
  await expect(page).toHaveURL(new RegExp(`^${hall()}/todo`))
  const counts = (await (await page.request.get(`${hall()}/api/tasks/counts`)).json()) as { todo: number }

  expect(counts.todo).toBeGreaterThanOrEqual(1)

  await page.goto(site())
  await expect(badge).toHaveAttribute('data-state', 'count')
  await expect(badge.locator('.count')).toHaveText(String(counts.todo))
})

test('the widget routes give no CORS allowance to an origin that is not configured', async ({ request }) => {
  const url = `${hall()}/api/widgets/departments/network-centre/services`
  const allowed = await request.get(url, { headers: { Origin: new URL(site()).origin } })
  expect(allowed.headers()['access-control-allow-origin']).toBe(new URL(site()).origin)
  const stranger = await request.get(url, { headers: { Origin: 'http://localhost:1' } })
  expect(stranger.status()).toBe(200)
  expect(stranger.headers()['access-control-allow-origin']).toBeUndefined()
  expect(stranger.headers()['access-control-allow-credentials']).toBeUndefined()
})
