import { randomUUID } from 'node:crypto'
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'
import { findKlass, findPerson, people, type Person } from '@hall/demo-university'

// Shared by every browser test: a page that fails the test on an unexpected console error or an
// uncaught exception (a broken micro-frontend must not pass silently), and a login through the
// real development IdP: in the test itself (loginOnIdp) when the test is about logging in, else
// once per person per worker, its session then opened in a fresh browser context by `openAs`.

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

/**
 * The hall's session cookie is all a saved login carries into a new context: not the IdP's cookie
 * nor the page's local storage, so each context starts as a fresh browser would after logging in.
 */
const SESSION_COOKIE = 'hall_sid'

type Cookies = Parameters<BrowserContext['addCookies']>[0]

/** The action and hidden fields of the form on one of the development IdP's pages. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
  if (!action) throw new Error(`no form on the IdP's page:\n${html.slice(0, 500)}`)
  const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescape(m[2]!)]))
  return { action: unescape(action), fields }
}

/**
 * Logs `person` in through the real SAML exchange with the development IdP, as a browser does it
 * but without rendering its pages (HTTP only, in a cookie jar of its own); returns the hall's
 * session cookie.
 */
async function logIn(http: APIRequestContext, person: Person): Promise<Cookies> {
  // The hall sends the browser to the IdP with a signed AuthnRequest (and sets its binding cookie).
  const idpPage = await http.get(`${process.env.HALL_E2E_URL}/auth/login`)
  expect(idpPage.url(), await idpPage.text()).toMatch(new RegExp(`^${process.env.HALL_E2E_IDP_URL}/sso`))
  // The person's button on the IdP's page; the IdP answers with the form of its signed response.
  const login = formOf(await idpPage.text())
  const answer = await http.post(new URL(login.action, idpPage.url()).href, { form: { ...login.fields, cardNumber: person.cardNumber } })
  expect(answer.status(), await answer.text()).toBe(200)
  // The form's auto-submit to the hall's ACS, which checks the response and starts the session.
  const acs = formOf(await answer.text())
  const done = await http.post(acs.action, { form: acs.fields, maxRedirects: 0 })
  expect(done.status(), await done.text()).toBe(303)
  const session = (await http.storageState()).cookies.filter((c) => c.name === SESSION_COOKIE)
  expect(session, `the hall's session cookie after ${person.cardNumber} logged in`).toHaveLength(1)
  return session
}

/**
 * A page in a browser context of its own (one person's session, as another browser would have),
 * logged in as `person`, on `url` (or blank, for a test that listens to the page before it loads
 * anything); its console errors fail the test. `who` names the page in those errors; the other
 * options are the context's (a viewport, a time zone, a locale other than zh-CN).
 */
export type OpenAs = (person: Person, url?: string, options?: BrowserContextOptions & { who?: string }) => Promise<Page>

export const test = base.extend<{ consoleErrors: string[]; openAs: OpenAs }, { sessionOf: (person: Person) => Promise<Cookies> }>({
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

  /** A person's session in this worker: made by their first openAs, through the IdP, then reused. */
  sessionOf: [
    async ({ playwright }, use) => {
      const sessions = new Map<string, Promise<Cookies>>()
      await use((person) => {
        let session = sessions.get(person.cardNumber)
        if (!session) {
          session = playwright.request.newContext().then(async (http) => {
            try {
              return await logIn(http, person)
            } finally {
              await http.dispose()
            }
          })
          sessions.set(person.cardNumber, session)
          // A failed login is that test's failure, not every later test's: the next one tries again.
          session.catch(() => sessions.delete(person.cardNumber))
        }
        return session
      })
    },
    { scope: 'worker' },
  ],

  openAs: async ({ browser, consoleErrors, sessionOf }, use) => {
    const opened: Page[] = []
    await use(async (person, url, { who = person.cardNumber, ...options } = {}) => {
      const page = await pageOfAnother(browser, consoleErrors, who, options)
      opened.push(page)
      await page.context().addCookies(await sessionOf(person))
      if (url) await page.goto(url)
      return page
    })
    for (const page of opened) await page.context().close()
  },
})

export { expect }

/** The hall's origin, for the Origin header that mutating API calls need (the CSRF guard). */
export const hallOrigin = () => new URL(process.env.HALL_E2E_URL!).origin

/** A date `days` from today in Beijing, as YYYY-MM-DD (what the forms' date fields take). */
export const beijingDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 864e5).toISOString().slice(0, 10)

/** An enrolled undergraduate whose class has a counsellor. */
export const withCounsellor = (p: Person) =>
  p.kind === 'undergraduate' && p.student?.status === 'enrolled' && !p.unknownToDataPlatform && !!p.student.klassCode && !!findKlass(p.student.klassCode)
export const counsellorOf = (p: Person) => findPerson(findKlass(p.student!.klassCode!)!.counsellorCardNumber)

/** A page in a browser context of its own (another person's session), whose console errors fail the test too. */
export async function pageOfAnother(browser: Browser, consoleErrors: string[], who = 'another person', options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.HALL_E2E_URL, locale: 'zh-CN', ...options })
  const page = await context.newPage()
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`[${who}] ${msg.text()} ${msg.location().url}`.trim())
  })
  page.on('pageerror', (err) => consoleErrors.push(`[${who}] ${err.message}`))
  return page
}

/**
 * Submits a personal leave of `days` days from tomorrow as the student logged in on `request`,
 * through the API (the form's pre-filled values plus what the student types); returns its id.
 * Over 3 days the form also asks whether the parents know.
 */
export async function submitLeave(request: APIRequestContext, days: number): Promise<number> {
  const form = await request.get('/api/services/undergrad-leave/form')
  expect(form.status(), await form.text()).toBe(200)
  const { prefill } = (await form.json()) as { prefill: { values: Record<string, unknown> } }
  const values = {
    ...prefill.values,
    leaveType: 'personal',
    period: { start: beijingDate(1), end: beijingDate(days) },
    leavesCampus: false,
    reason: `回家处理家中事务，需请假${days}天。`,
    emergencyContact: '李建国',
    emergencyPhone: '13800009999',
    ...(days > 3 ? { parentInformed: true, parentPhone: '13800009998' } : {}),
    pledge: true,
  }
  const submitted = await request.post('/api/applications', {
    headers: { Origin: hallOrigin(), 'Idempotency-Key': randomUUID() },
    data: { serviceCode: 'undergrad-leave', values },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  return ((await submitted.json()) as { id: number }).id
}

/** Submits a 2-day graduate leave through the API, as the graduate logged in on `request`; returns its id. */
export async function submitGraduateLeave(request: APIRequestContext): Promise<number> {
  const form = await request.get('/api/services/graduate-leave/form')
  expect(form.status(), await form.text()).toBe(200)
  const { prefill } = (await form.json()) as { prefill: { values: Record<string, unknown> } }
  const values = {
    ...prefill.values,
    leaveType: 'personal',
    period: { start: beijingDate(1), end: beijingDate(2) },
    leavesCampus: false,
    reason: '回家处理家中事务，需请假两天。',
    workArranged: true,
    emergencyContact: '李建国',
    emergencyPhone: '13800009999',
    pledge: true,
  }
  const submitted = await request.post('/api/applications', {
    headers: { Origin: hallOrigin(), 'Idempotency-Key': randomUUID() },
    data: { serviceCode: 'graduate-leave', values },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  return ((await submitted.json()) as { id: number }).id
}
