import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { IdpKeys } from './keys.ts'
import { errorPage, indexPage, loggedOutPage, loginPage, pagePolicy, postFormPage, type AccountGroup, type IdpPerson } from './pages.ts'
import {
  type AuthnRequestInfo,
  buildLogoutResponse,
  buildSamlResponse,
  idpMetadata,
  newId,
  parseAuthnRequest,
  parseLogoutRequest,
  STATUS,
  verifyRedirectQuery,
} from './saml.ts'

/** The URLs of a dev IdP served at `baseUrl`. The entityID is the metadata URL, as is customary. */
export function idpUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, '')
  return { entityId: `${base}/metadata`, ssoUrl: `${base}/sso`, sloUrl: `${base}/slo` }
}

/** What the IdP knows about the one service provider it serves (a real IdP has it registered). */
export interface ServiceProviderInfo {
  entityId: string
  acsUrl: string
  sloUrl: string
  /** The hall's front page, for "back to the hall" links. */
  homeUrl: string
  /**
   * The certificate the SP signs its requests with, as its metadata publishes it (null: it does
   * not sign). When there is one, every AuthnRequest and LogoutRequest must carry a valid
   * signature by it, as a real IdP with `AuthnRequestsSigned` registered would insist.
   */
  signingCert?: () => Promise<string | null>
}

/** The service provider the hall is when it runs at `publicUrl` with default settings. */
export function hallServiceProvider(publicUrl: string, entityId?: string): ServiceProviderInfo {
  const base = publicUrl.replace(/\/$/, '')
  return {
    entityId: entityId ?? `${base}/auth/saml/metadata`,
    acsUrl: `${base}/auth/saml/acs`,
    sloUrl: `${base}/auth/saml/slo`,
    homeUrl: `${base}/`,
  }
}

export interface DevIdpConfig {
  /** Where the IdP is reached, e.g. http://localhost:3001. */
  baseUrl: string
  keys: IdpKeys
  sp: ServiceProviderInfo
  groups: AccountGroup[]
  /** The IdP's clock (tests move it instead of waiting). */
  now?: () => Date
}

/** The SAML attributes the IdP releases; the NameID is the card number too. */
export function personAttributes(p: IdpPerson): Record<string, string> {
  return { cardNumber: p.cardNumber, displayName: p.name, kind: p.kind, department: p.departmentCode, email: p.email }
}

const SESSION_COOKIE = 'minghu_idp_session'

/**
 * The development IdP as a Hono app: the server mounts it on a port, tests call it in-process.
 * It keeps its own sessions in memory (a restart logs everyone out of the IdP, not of the hall).
 */
export function createIdpApp(config: DevIdpConfig) {
  const urls = idpUrls(config.baseUrl)
  const now = config.now ?? (() => new Date())
  const people = new Map<string, IdpPerson>()
  for (const g of config.groups) for (const p of g.people) people.set(p.cardNumber, p)
  /** IdP session id → who is logged in, and the SessionIndex of their assertions. */
  const sessions = new Map<string, { cardNumber: string; sessionIndex: string }>()
  const metadata = idpMetadata({ entityId: urls.entityId, ssoUrl: urls.ssoUrl, sloUrl: urls.sloUrl, certPem: config.keys.certPem })

  const app = new Hono()
  // Its pages get the policy of pages.ts; the response form posts to the hall's ACS.
  const policy = pagePolicy([new URL(config.sp.acsUrl).origin])
  app.use('*', async (c, next) => {
    await next()
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.res.headers.set('Content-Security-Policy', policy)
  })

  /** Checks an AuthnRequest as a real IdP would against the SP it has registered. */
  type Checked = { request: AuthnRequestInfo; error?: undefined } | { error: readonly [string, string]; request?: undefined }
  const readAuthnRequest = (samlRequest: string | undefined): Checked => {
    if (!samlRequest) return { error: ['缺少 SAML 请求。请从网上办事大厅登录。', 'No SAML request: start the login at the Service Hall.'] as const }
    let request
    try {
      request = parseAuthnRequest(samlRequest)
    } catch (err) {
      return { error: ['SAML 请求无法解析。', `The SAML request could not be read: ${(err as Error).message}`] as const }
    }
    if (request.issuer !== config.sp.entityId) {
      return { error: ['发起登录的应用未在此登记。', `Unknown service provider "${request.issuer}"; expected "${config.sp.entityId}".`] as const }
    }
    // Sending the assertion only to the registered ACS is what keeps it out of a stranger's hands.
    if (request.acsUrl && request.acsUrl !== config.sp.acsUrl) {
      return {
        error: ['登录结果的接收地址与登记的不符。', `AssertionConsumerServiceURL "${request.acsUrl}" is not the registered "${config.sp.acsUrl}".`] as const,
      }
    }
    return { request }
  }

  const currentSession = (cookie: string | undefined) => (cookie ? sessions.get(cookie) : undefined)

  /** Requests whose signature was checked on arrival (GET /sso), until the person picks an account. */
  const verifiedRequests = new Map<string, number>()
  const VERIFIED_TTL_MS = 15 * 60_000
  /** The refusal when the SP signs its requests and this one's signature does not verify, else null. */
  const signatureRefusal = async (rawQuery: string) => {
    let cert: string | null
    try {
      cert = config.sp.signingCert ? await config.sp.signingCert() : null
    } catch (err) {
      return [
        '无法读取网上办事大厅的元数据，请稍后再试。',
        `Cannot read the service provider's metadata to check the signature: ${(err as Error).message}`,
      ] as const
    }
    if (!cert) return null
    const checked = verifyRedirectQuery(rawQuery, cert)
    return checked.ok ? null : (['请求的签名无效。请从网上办事大厅重新登录。', `The request's signature was refused: ${checked.reason}.`] as const)
  }
  const rawQueryOf = (url: string) => {
    const i = url.indexOf('?')
    return i < 0 ? '' : url.slice(i + 1)
  }

  app.get('/', (c) => c.html(indexPage(config.groups)))

  app.get('/metadata', (c) => c.body(metadata, 200, { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8' }))

  app.get('/accounts.json', (c) =>
    c.json(
      config.groups.flatMap((g) =>
        g.people.map((p) => ({
          cardNumber: p.cardNumber,
          name: p.name,
          nameEn: p.nameEn,
          kind: p.kind,
          group: g.group,
          role: p.demoLabelEn,
          roleZh: p.demoLabelZh,
          knownToDataPlatform: !p.unknownToDataPlatform,
        })),
      ),
    ),
  )

  app.get('/sso', async (c) => {
    const samlRequest = c.req.query('SAMLRequest')
    const checked = readAuthnRequest(samlRequest)
    if (checked.error) return c.html(errorPage(checked.error[0], checked.error[1]), 400)
    const refused = await signatureRefusal(rawQueryOf(c.req.url))
    if (refused) return c.html(errorPage(refused[0], refused[1]), 400)
    const at = now().getTime()
    for (const [id, expires] of verifiedRequests) if (expires <= at) verifiedRequests.delete(id)
    verifiedRequests.set(checked.request.id, at + VERIFIED_TTL_MS)
    const session = currentSession(getCookie(c, SESSION_COOKIE))
    const current = session ? (people.get(session.cardNumber) ?? null) : null
    c.header('Cache-Control', 'no-store')
    return c.html(
      loginPage({
        groups: config.groups,
        samlRequest: samlRequest!,
        relayState: c.req.query('RelayState') ?? null,
        current,
        spName: '网上办事大厅 Service Hall',
      }),
    )
  })

  app.post('/sso/login', async (c) => {
    const form = await c.req.parseBody()
    const str = (k: string) => (typeof form[k] === 'string' ? form[k] : undefined)
    const checked = readAuthnRequest(str('SAMLRequest'))
    if (checked.error) return c.html(errorPage(checked.error[0], checked.error[1]), 400)
    // The account form re-posts the request: it must be one whose signature was checked at /sso.
    if (config.sp.signingCert && !((verifiedRequests.get(checked.request.id) ?? 0) > now().getTime())) {
      return c.html(
        errorPage(
          '登录请求已失效，请从网上办事大厅重新登录。',
          'This login request was not checked here or has expired: start the login at the Service Hall again.',
        ),
        400,
      )
    }
    const person = people.get(str('cardNumber') ?? '')
    if (!person) return c.html(errorPage('没有这个示例人员。', 'No such demo person.'), 400)
    verifiedRequests.delete(checked.request.id)

    // One IdP session per browser: logging in as someone else replaces it.
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) sessions.delete(previous)
    const sessionId = randomBytes(24).toString('base64url')
    const sessionIndex = newId()
    sessions.set(sessionId, { cardNumber: person.cardNumber, sessionIndex })
    setCookie(c, SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'Lax', path: '/' })

    const { samlResponse } = buildSamlResponse({
      signingKey: config.keys.privateKeyPem,
      certPem: config.keys.certPem,
      issuer: urls.entityId,
      destination: config.sp.acsUrl,
      audience: config.sp.entityId,
      inResponseTo: checked.request.id,
      now: now(),
      nameId: person.cardNumber,
      attributes: personAttributes(person),
      sessionIndex,
    })
    c.header('Cache-Control', 'no-store')
    return c.html(postFormPage(config.sp.acsUrl, samlResponse, str('RelayState') ?? null, person))
  })

  // Single logout started by the service provider: end the IdP session, answer with a signed
  // LogoutResponse on the query string (HTTP-Redirect binding).
  app.get('/slo', async (c) => {
    const samlRequest = c.req.query('SAMLRequest')
    const sessionId = getCookie(c, SESSION_COOKIE)
    if (!samlRequest) {
      // A LogoutResponse (or a bare visit): nothing to answer, just make sure the session is gone.
      if (sessionId) sessions.delete(sessionId)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.html(loggedOutPage(config.sp.homeUrl))
    }
    let request
    try {
      request = parseLogoutRequest(samlRequest)
    } catch (err) {
      return c.html(errorPage('退出请求无法解析。', `The LogoutRequest could not be read: ${(err as Error).message}`), 400)
    }
    if (request.issuer !== config.sp.entityId) {
      return c.html(errorPage('发起退出的应用未在此登记。', `Unknown service provider "${request.issuer}".`), 400)
    }
    const refused = await signatureRefusal(rawQueryOf(c.req.url))
    if (refused) return c.html(errorPage(refused[0], refused[1]), 400)
    if (request.destination && request.destination !== urls.sloUrl) {
      return c.html(errorPage('退出请求的目的地不是这里。', `The LogoutRequest is for "${request.destination}", not "${urls.sloUrl}".`), 400)
    }
    if (sessionId) sessions.delete(sessionId)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    const { query } = buildLogoutResponse({
      signingKey: config.keys.privateKeyPem,
      issuer: urls.entityId,
      destination: config.sp.sloUrl,
      inResponseTo: request.id,
      status: STATUS.success,
      now: now(),
      relayState: c.req.query('RelayState'),
    })
    return c.redirect(`${config.sp.sloUrl}?${query}`, 302)
  })

  return app
}
