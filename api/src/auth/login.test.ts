import { X509Certificate } from 'node:crypto'
import { SIG_ALG_RSA_SHA256, spSigningCertFromMetadata, verifyRedirectQuery } from '@hall/dev-idp'
import { describe, expect, it } from 'vitest'
import { HALL, IDP, authHarness, demo } from './test-support.ts'
import { safeReturnTo } from './routes.ts'

// The happy path of SAML login, end to end in-process: the hall sends the browser to the dev IdP,
// the person clicks their name, the IdP posts a signed response back, the hall makes a session.

describe('SP-initiated login through the development IdP', () => {
  it('logs an undergraduate in and /api/me shows them', async () => {
    const h = await authHarness()
    const acs = await h.login(demo.undergraduate.cardNumber, '/apply/leave?step=2')
    expect(acs.status).toBe(303)
    expect(acs.headers.get('location')).toBe('/apply/leave?step=2')
    expect(h.browser.cookie(HALL, 'hall_sid')).toBeTruthy()

    const me = await h.browser.fetch(`${HALL}/api/me`)
    expect(me.status).toBe(200)
    const body = await me.json()
    expect(body).toMatchObject({
      cardNumber: demo.undergraduate.cardNumber,
      name: demo.undergraduate.name,
      nameEn: demo.undergraduate.nameEn,
      kind: 'undergraduate',
      department: { code: demo.undergraduate.departmentCode },
      roles: [],
      knownToDataPlatform: true,
    })
    expect(body.message).toBeUndefined()
  })

  it('keeps a card number that starts with 0 as a string, leading zero and all', async () => {
    // A number type would turn 0012345 into 12345: another person's id.
    const h = await authHarness()
    expect((await h.login(demo.staff.cardNumber)).status).toBe(303)
    const body = await (await h.browser.fetch(`${HALL}/api/me`)).json()
    expect(body.cardNumber).toBe(demo.staff.cardNumber)
    expect(typeof body.cardNumber).toBe('string')
    expect(body.cardNumber.startsWith('0')).toBe(true)
    expect(body.kind).toBe('staff')
  })

  it('lets in a person the IdP knows but the data platform does not, with a message and nothing to apply for', async () => {
    const h = await authHarness()
    expect((await h.login(demo.unknown.cardNumber)).status).toBe(303)
    const body = await (await h.browser.fetch(`${HALL}/api/me`)).json()
    expect(body).toMatchObject({ cardNumber: demo.unknown.cardNumber, name: demo.unknown.name, kind: demo.unknown.kind, roles: [], knownToDataPlatform: false })
    expect(body.message).toMatch(/no record/)
    expect(body.messageZh).toMatch(/联系/)
  })

  it('reads the card number from a configured attribute instead of the NameID', async () => {
    // Some IdPs send a transient NameID; HALL_SAML_ATTR_CARD_NUMBER names the attribute to use.
    const h = await authHarness({ env: { HALL_SAML_ATTR_CARD_NUMBER: 'cardNumber' } })
    const { requestId } = await h.startLogin('/')
    const { samlResponse } = h.craft(requestId, { nameId: 'transient-7f3a9c', attributes: { cardNumber: demo.staff.cardNumber, displayName: demo.staff.name } })
    expect((await h.postToAcs(samlResponse)).status).toBe(303)
    expect((await (await h.browser.fetch(`${HALL}/api/me`)).json()).cardNumber).toBe(demo.staff.cardNumber)
  })

  it('gives a new session id at every login, and ends the one the browser had', async () => {
    // Session fixation: an id known before login (planted, or the previous one) must not be the
    // one that is logged in.
    const h = await authHarness()
    h.browser.setCookie(HALL, 'hall_sid', 'planted-by-an-attacker')
    await h.login(demo.undergraduate.cardNumber)
    expect(h.browser.cookie(HALL, 'hall_sid')).not.toBe('planted-by-an-attacker')
    const first = h.browser.cookie(HALL, 'hall_sid')!
    await h.login(demo.staff.cardNumber)
    const second = h.browser.cookie(HALL, 'hall_sid')!
    expect(second).not.toBe(first)
    expect(await h.sessionCount()).toBe(1)
    const stale = h.newBrowser()
    stale.setCookie(HALL, 'hall_sid', first)
    expect((await stale.fetch(`${HALL}/api/me`)).status).toBe(401)
  })

  it('serves a login page in Chinese and English that lists the demo people by kind', async () => {
    const h = await authHarness()
    const { location } = await h.startLogin('/')
    const html = await (await h.browser.fetch(location.toString())).text()
    for (const text of [
      '明湖大学 统一身份认证',
      'Minghu University unified login',
      '本科生',
      '研究生',
      '留学生',
      '教职工',
      '辅导员',
      '审核人',
      '服务负责人',
      '系统管理员',
      demo.unknown.name,
    ]) {
      expect(html).toContain(text)
    }
  })

  it('sends the browser to the IdP with a redirect-binding AuthnRequest and a binding cookie for the ACS only', async () => {
    const h = await authHarness()
    const res = await h.browser.fetch(`${HALL}/auth/login?returnTo=/my`)
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('location')!)
    expect(location.origin + location.pathname).toBe(`${IDP}/sso`)
    expect(location.searchParams.get('SAMLRequest')).toBeTruthy()
    // The return path never travels through the IdP: it is kept server-side with the request.
    expect(location.searchParams.get('RelayState')).toBeNull()
    const binding = res.headers.getSetCookie().find((c) => c.startsWith('hall_login_'))!
    expect(binding).toMatch(/Path=\/auth\/saml\/acs/)
    expect(binding).toMatch(/HttpOnly/)
    expect(binding).toMatch(/SameSite=Lax/) // http://localhost: the IdP on :3001 is the same site
  })

  it('makes the binding cookie SameSite=None; Secure when the hall is served over https', async () => {
    // A real IdP is another site: only a SameSite=None cookie comes back with its POST.
    const h = await authHarness({ env: { HALL_PUBLIC_URL: 'https://hall.minghu.edu.cn' } })
    const res = await h.app.request('https://hall.minghu.edu.cn/auth/login')
    const binding = res.headers.getSetCookie().find((c) => c.startsWith('hall_login_'))!
    expect(binding).toMatch(/SameSite=None/)
    expect(binding).toMatch(/Secure/)
  })

  it('serves SP metadata with the entityID, the HTTP-POST ACS and the SLO service', async () => {
    const h = await authHarness()
    const res = await h.browser.fetch(`${HALL}/auth/saml/metadata`)
    expect(res.status).toBe(200)
    const xml = await res.text()
    expect(xml).toContain(`entityID="${h.sp.entityId}"`)
    expect(xml).toContain(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${HALL}/auth/saml/acs"`)
    expect(xml).toContain(`Location="${HALL}/auth/saml/slo"`)
  })

  it('signs its AuthnRequest with the key its metadata publishes, and says so in the metadata', async () => {
    const h = await authHarness()
    const xml = await (await h.browser.fetch(`${HALL}/auth/saml/metadata`)).text()
    expect(xml).toContain('AuthnRequestsSigned="true"')
    const published = spSigningCertFromMetadata(xml)!
    expect(new X509Certificate(published).fingerprint256).toBe(new X509Certificate(h.keys.sp.certPem).fingerprint256)

    const { location } = await h.startLogin('/my')
    const raw = location.search.slice(1)
    expect(location.searchParams.get('SigAlg')).toBe(SIG_ALG_RSA_SHA256)
    expect(verifyRedirectQuery(raw, published)).toEqual({ ok: true })
    // Signed by us, not by just anyone: the IdP's key does not verify it.
    expect(verifyRedirectQuery(raw, h.keys.idp.certPem).ok).toBe(false)
  })

  it('sends unsigned requests and says so when it has no signing key', async () => {
    const h = await authHarness({ signRequests: false })
    const xml = await (await h.browser.fetch(`${HALL}/auth/saml/metadata`)).text()
    expect(xml).toContain('AuthnRequestsSigned="false"')
    expect(spSigningCertFromMetadata(xml)).toBeNull()
    const { location } = await h.startLogin('/my')
    expect(location.searchParams.get('Signature')).toBeNull()
  })

  it('is refused by an IdP that knows our key when the request was altered on the way', async () => {
    const h = await authHarness()
    const { location } = await h.startLogin('/my')
    // Someone swaps in a RelayState after we signed: the signature no longer covers the query.
    const tampered = `${location.origin}${location.pathname}?${location.search.slice(1)}&RelayState=elsewhere`
    const res = await h.browser.fetch(tampered)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('signature')
    // An account form posted without the checked request is refused too.
    const request = location.searchParams.get('SAMLRequest')!
    const posted = await h.browser.postForm(`${IDP}/sso/login`, { SAMLRequest: request, cardNumber: demo.undergraduate.cardNumber }, IDP)
    expect(posted.status).toBe(400)
  })

  it('answers /api/me with 401 and a login URL without a session', async () => {
    const h = await authHarness()
    const res = await h.browser.fetch(`${HALL}/api/me`)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated', loginUrl: '/auth/login' } })
  })
})

describe('returnTo', () => {
  // Each hostile value is one a browser would follow to another origin if it were echoed back.
  const hostile: [name: string, value: string][] = [
    ['protocol-relative', '//evil.example/x'],
    ['backslash that browsers read as a slash', '/\\evil.example'],
    ['absolute URL', 'https://evil.example/'],
    ['scheme without slashes', 'https:evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['tab that browsers strip, making //', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['not a path', 'evil.example'],
    ['empty', ''],
    ['very long', `/${'a'.repeat(3000)}`],
  ]
  it.each(hostile)('sends %s to /', (_name, value) => {
    expect(safeReturnTo(value)).toBe('/')
  })

  it.each([['/apply/leave?x=1#top'], ['/my'], ['/%2F%2Fevil.example']])('keeps the same-origin path %s', (value) => {
    expect(safeReturnTo(value)).toBe(value)
  })

  it('lands a real login with a hostile returnTo on /', async () => {
    const h = await authHarness()
    const acs = await h.login(demo.undergraduate.cardNumber, '//evil.example/phish')
    expect(acs.status).toBe(303)
    expect(acs.headers.get('location')).toBe('/')
  })
})
