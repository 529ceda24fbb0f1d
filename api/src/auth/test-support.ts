// Test helpers for auth: the hall's auth routes and the development IdP, wired together in-process,
// and a small browser that keeps cookies per host. Used only by the *.test.ts files beside it.
import { createPollingFeed } from '../notifications/feed.ts'
import { people as demoPeople } from '@hall/demo-university'
import {
  buildSamlResponse,
  createIdpApp,
  demoUniversityGroups,
  generateIdpKeys,
  hallServiceProvider,
  idpMetadata,
  idpUrls,
  personAttributes,
  spSigningCertFromMetadata,
  type IdpKeys,
  type SamlResponseOptions,
} from '@hall/dev-idp'
import type { Hono } from 'hono'
import pino from 'pino'
import { sessions } from '../db/schema/index.ts'
import { seedOrganisation } from '../demo/seed.ts'
import { provideContext } from '../lib/context.ts'
import { createRouter } from '../lib/router.ts'
import { auditDenials } from '../audit/denials.ts'
import { createGuards } from '../floods/index.ts'
import { testDeps } from '../test-support.ts'
import { csrfProtection, type CsrfOptions } from './csrf.ts'
import { createAuthRoutes } from './routes.ts'
import { createSamlServiceProvider } from './saml.ts'
import { sessionMiddleware } from './sessions.ts'

export const HALL = 'http://localhost:3000'
export const IDP = 'http://localhost:3001'

let keys: Promise<{ idp: IdpKeys; other: IdpKeys; sp: IdpKeys }> | undefined
/** The IdP's key, a stranger's and the hall's own, made once per test file (RSA key generation is the slow part). */
export function testKeys() {
  keys ??= Promise.all([generateIdpKeys(), generateIdpKeys('Not the university IdP'), generateIdpKeys('Test hall SP')]).then(([idp, other, sp]) => ({
    idp,
    other,
    sp,
  }))
  return keys
}

export const demo = {
  undergraduate: demoPeople.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform && p.roles.length === 0)!,
  /** A staff member whose card number starts with 0. */
  staff: demoPeople.find((p) => p.kind === 'staff' && p.cardNumber.startsWith('0') && !p.unknownToDataPlatform)!,
  unknown: demoPeople.find((p) => p.unknownToDataPlatform)!,
}

/** A cookie jar and fetch that routes each origin to its in-process app, like a browser would. */
export class Browser {
  /** host → name → { value, path } */
  readonly jar = new Map<string, Map<string, { value: string; path: string }>>()

  constructor(private readonly apps: Record<string, Hono<any>>) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name)?.value
  }

  setCookie(origin: string, name: string, value: string, path = '/') {
    const host = new URL(origin).host
    if (!this.jar.has(host)) this.jar.set(host, new Map())
    this.jar.get(host)!.set(name, { value, path })
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url)
    const app = this.apps[u.origin]
    if (!app) throw new Error(`the test browser knows no app at ${u.origin}`)
    const cookies = [...(this.jar.get(u.host) ?? new Map<string, { value: string; path: string }>()).entries()]
      .filter(([, c]) => u.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ')
    const headers = new Headers(init.headers)
    if (cookies) headers.set('cookie', cookies)
    const res = await app.request(url, { ...init, headers })
    for (const line of res.headers.getSetCookie()) this.store(u.host, line)
    return res
  }

  /** Posts a form as a page of `fromOrigin` would (with the Origin header a browser adds). */
  postForm(url: string, fields: Record<string, string>, fromOrigin: string) {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: fromOrigin },
      body: new URLSearchParams(fields).toString(),
    })
  }

  private store(host: string, line: string) {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim())
    const eq = pair!.indexOf('=')
    const name = pair!.slice(0, eq)
    const value = pair!.slice(eq + 1)
    const attr = (k: string) => attrs.find((a) => a.toLowerCase().startsWith(`${k}=`))?.split('=')[1]
    const path = attr('path') ?? '/'
    const maxAge = attr('max-age')
    const expires = attr('expires')
    if (!this.jar.has(host)) this.jar.set(host, new Map())
    const jar = this.jar.get(host)!
    if (maxAge === '0' || (expires && Date.parse(expires) <= Date.now()) || value === '') jar.delete(name)
    else jar.set(name, { value, path })
  }
}

/** Reads a hidden input's value out of an HTML form. */
export function formField(html: string, name: string): string | undefined {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`))
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

export interface HarnessOptions {
  env?: Record<string, string>
  csrf?: CsrfOptions
  /** Whether the hall signs its requests (default true, as `npm start` does). */
  signRequests?: boolean
}

/**
 * One test's world: a fresh in-memory database with the demo organisation, the hall's auth routes
 * (behind the same middleware as the real app), the dev IdP, and a browser between them.
 */
export async function authHarness(opts: HarnessOptions = {}) {
  const { deps, advance } = await testDeps({ HALL_PUBLIC_URL: HALL, ...opts.env })
  // Log lines are kept, so a test can check which rule a refusal named.
  const logs: { level: number; msg: string; rule?: string; [k: string]: unknown }[] = []
  deps.log = pino({ level: 'info', base: undefined }, { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) })
  await seedOrganisation(deps.db)
  const { idp: idpKeys, other: otherKeys, sp: spKeys } = await testKeys()
  const urls = idpUrls(IDP)
  const metadataXml = idpMetadata({ ...urls, certPem: idpKeys.certPem })
  const saml = createSamlServiceProvider(deps.env, deps.db, { metadataXml, ...(opts.signRequests === false ? {} : { signingKeys: spKeys }) })

  const guards = createGuards(deps)
  const app = createRouter()
  app.use('*', provideContext(deps, guards, createPollingFeed(deps)))
  app.use('*', auditDenials)
  app.use('*', sessionMiddleware)
  app.use('*', csrfProtection(opts.csrf))
  app.route('/', createAuthRoutes(saml))
  // A mutating API route, for the CSRF tests.
  app.post('/api/echo', (c) => c.json({ ok: true, user: c.get('user')?.cardNumber ?? null }))

  // The IdP learns our signing key the way a real one does: from the metadata we publish.
  const sp = { ...hallServiceProvider(deps.env.publicUrl, deps.env.spEntityId), signingCert: async () => spSigningCertFromMetadata(saml.metadata()) }
  const idpApp = createIdpApp({ baseUrl: IDP, keys: idpKeys, sp, groups: demoUniversityGroups() })
  const newBrowser = () => new Browser({ [HALL]: app, [IDP]: idpApp })
  const browser = newBrowser()

  /** Starts a login in `b` (default: the test's browser) and returns the request id the IdP must answer. */
  async function startLogin(returnTo = '/', b = browser) {
    const res = await b.fetch(`${HALL}/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
    if (res.status !== 302) throw new Error(`GET /auth/login answered ${res.status}`)
    const location = new URL(res.headers.get('location')!)
    const { parseAuthnRequest } = await import('@hall/dev-idp')
    const request = parseAuthnRequest(location.searchParams.get('SAMLRequest')!)
    return { requestId: request.id, location }
  }

  /** A response as the real IdP would send it for `requestId`, with any field overridden. */
  function craft(requestId: string | null, overrides: Partial<SamlResponseOptions> = {}) {
    const person = demo.undergraduate
    return buildSamlResponse({
      signingKey: idpKeys.privateKeyPem,
      certPem: idpKeys.certPem,
      issuer: urls.entityId,
      destination: sp.acsUrl,
      audience: sp.entityId,
      inResponseTo: requestId,
      nameId: person.cardNumber,
      attributes: personAttributes({ ...person, kind: person.kind }),
      ...overrides,
    })
  }

  /** Posts a SAMLResponse to the ACS from the IdP's page. */
  function postToAcs(samlResponse: string, b = browser) {
    return b.postForm(`${HALL}/auth/saml/acs`, { SAMLResponse: samlResponse }, IDP)
  }

  /** The whole login as a person clicks through it; returns the ACS answer. */
  async function login(cardNumber: string, returnTo = '/', b = browser) {
    const { location } = await startLogin(returnTo, b)
    const page = await b.fetch(location.toString())
    if (page.status !== 200) throw new Error(`the IdP's login page answered ${page.status}: ${await page.text()}`)
    const html = await page.text()
    const fields: Record<string, string> = { SAMLRequest: formField(html, 'SAMLRequest')!, cardNumber }
    const relayState = formField(html, 'RelayState')
    if (relayState) fields.RelayState = relayState
    const posted = await b.postForm(`${IDP}/sso/login`, fields, IDP)
    const form = await posted.text()
    const samlResponse = formField(form, 'SAMLResponse')
    if (!samlResponse) throw new Error(`the IdP did not answer with a response form: ${form}`)
    const acsFields: Record<string, string> = { SAMLResponse: samlResponse }
    const rs = formField(form, 'RelayState')
    if (rs) acsFields.RelayState = rs
    return b.postForm(`${HALL}/auth/saml/acs`, acsFields, IDP)
  }

  const sessionCount = async () => (await deps.db.select().from(sessions)).length
  /** The rule named by the last "SAML login refused" log line. */
  const refusedRule = () => logs.filter((l) => l.msg.startsWith('SAML login refused')).at(-1)?.rule

  return {
    deps,
    advance,
    saml,
    app,
    guards,
    idpApp,
    browser,
    newBrowser,
    urls,
    sp,
    keys: { idp: idpKeys, other: otherKeys, sp: spKeys },
    startLogin,
    craft,
    postToAcs,
    login,
    sessionCount,
    logs,
    refusedRule,
  }
}
