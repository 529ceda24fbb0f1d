import { test as base, expect, type Page } from '@playwright/test'
import { people, type Person } from '@hall/demo-university'

// Shared by every browser test: a page that fails the test on an unexpected console error or an
// uncaught exception (a broken micro-frontend must not pass silently), and a login through the
// real development IdP.

export const demo = {
  /** The first enrolled undergraduate of the demo university. */
  undergraduate: () => firstWhere((p) => p.kind === 'undergraduate' && p.student?.status === 'enrolled' && !p.unknownToDataPlatform),
  admin: () => firstWhere((p) => p.roles.some((r) => r.role === 'admin')),
}

function firstWhere(pred: (p: Person) => boolean): Person {
  const found = people.find(pred)
  if (!found) throw new Error('the demo university lacks a person the test needs')
  return found
}

/** Logs in on the development IdP's page as `person`, starting from wherever the page is. */
export async function loginOnIdp(page: Page, person: Person) {
  await expect(page).toHaveURL(new RegExp(`^${process.env.HALL_E2E_IDP_URL}/sso`))
  await page.getByRole('button', { name: new RegExp(person.cardNumber) }).click()
  await page.waitForURL((url) => url.origin === new URL(process.env.HALL_E2E_URL!).origin)
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${msg.text()} ${msg.location().url}`.trim())
      })
      page.on('pageerror', (err) => errors.push(err.message))
      await use(errors)
      expect(errors, 'the page logged errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
