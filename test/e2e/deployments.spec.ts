import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures.ts'
import { demo, loginOnIdp } from './fixtures.ts'

// "Deploying is data": a team registers a new version of its micro-frontend and the shell loads it
// on the next page load; a rollback restores the previous version. Nothing else is rebuilt.
test('a newly registered version is what the shell loads next; rollback restores the previous one', async ({ page, request }) => {
  const auth = { Authorization: `Bearer ${process.env.HALL_E2E_DEPLOY_TOKEN}` }
  const before = await (await request.get('/importmap.json')).json()
  const original: string = before.imports['@hall/mf-feedback']
  expect(original).toMatch(/^\/static\/mf-feedback\/[^/]+\/main\.js$/)

  const version = `9.9.${Date.now()}`
  const upload = await request.put(`/api/admin/deployments/mf-feedback/${version}/files/main.js`, {
    headers: { ...auth, 'Content-Type': 'application/octet-stream' },
    data: readFileSync(path.join(import.meta.dirname, 'fixtures', 'mf-feedback-next.js')),
  })
  expect(upload.status()).toBe(201)
  const registered = await request.post('/api/admin/deployments', {
    headers: auth,
    data: { name: '@hall/mf-feedback', version, imports: { '@hall/mf-feedback': 'main.js' } },
  })
  expect(registered.status(), await registered.text()).toBe(201)

  const loaded: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/static/mf-feedback/')) loaded.push(new URL(r.url()).pathname)
  })
  await page.goto('/feedback')
  await loginOnIdp(page, demo.undergraduate())
  await expect(page.locator('[data-mf="@hall/mf-feedback"][data-version="next"]')).toBeVisible()
  expect(loaded).toContain(`/static/mf-feedback/${version}/main.js`)

  const rolledBack = await request.post('/api/admin/deployments/mf-feedback/rollback', { headers: auth })
  expect(rolledBack.status()).toBe(200)
  expect((await rolledBack.json()).to.imports['@hall/mf-feedback']).toBe(original)

  loaded.length = 0
  await page.reload()
  await expect(page.locator('[data-mf="@hall/mf-feedback"]')).toBeVisible()
  await expect(page.locator('[data-version="next"]')).toHaveCount(0)
  expect(loaded).toContain(original)
})
