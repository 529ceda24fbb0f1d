import { buildLogoutRequest, buildLogoutResponse, redirectQuery, STATUS, verifyRedirectQuery } from '@hall/dev-idp'
import { describe, expect, it } from 'vitest'
import { samlUsedLogoutRequests } from '../db/schema/index.ts'
import { LOGOUT_REQUEST_MAX_AGE_MS, MAX_INFLATED_BYTES } from './saml.ts'
import { HALL, IDP, authHarness, demo } from './test-support.ts'

// Logout both ways: the hall asks the IdP to end its session too (SP-initiated), and the IdP tells
// the hall to end a session (IdP-initiated). Messages from the IdP count only when signed by its
// key: node-saml accepts unsigned ones on the HTTP-Redirect binding (its issue #419).

async function loggedIn() {
  const h = await authHarness()
  expect((await h.login(demo.undergraduate.cardNumber)).status).toBe(303)
  return h
}

const logoutRequestFromIdp = (
  h: Awaited<ReturnType<typeof authHarness>>,
  signingKey: string | null,
  overrides: { nameId?: string; now?: Date; notOnOrAfter?: Date } = {},
) =>
  buildLogoutRequest({
    signingKey,
    issuer: h.urls.entityId,
    destination: h.sp.sloUrl,
    nameId: overrides.nameId ?? demo.undergraduate.cardNumber,
    relayState: 'idp-state',
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.notOnOrAfter ? { notOnOrAfter: overrides.notOnOrAfter } : {}),
  })

const minutes = (n: number) => n * 60_000

describe('POST /auth/logout', () => {
  it('ends the session and sends the browser to the IdP with a LogoutRequest, which comes back signed', async () => {
    const h = await loggedIn()
    const res = await h.browser.fetch(`${HALL}/auth/logout`, { method: 'POST', headers: { origin: HALL } })
    expect(res.status).toBe(303)
    const toIdp = new URL(res.headers.get('location')!)
    expect(toIdp.origin + toIdp.pathname).toBe(`${IDP}/slo`)
    expect(toIdp.searchParams.get('SAMLRequest')).toBeTruthy()
    // Signed with our key, so that an IdP that insists on signed logout takes it.
    expect(verifyRedirectQuery(toIdp.search.slice(1), h.keys.sp.certPem)).toEqual({ ok: true })
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(401)
    expect(await h.sessionCount()).toBe(0)

    // The dev IdP ends its session and answers with a signed LogoutResponse.
    const fromIdp = await h.browser.fetch(toIdp.toString())
    expect(fromIdp.status).toBe(302)
    const back = new URL(fromIdp.headers.get('location')!)
    expect(back.origin + back.pathname).toBe(`${HALL}/auth/saml/slo`)
    const done = await h.browser.fetch(back.toString())
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/auth/logged-out')
    expect((await h.browser.fetch(`${HALL}/auth/logged-out`)).status).toBe(200)
  })

  it('answers a fetch() that asks for JSON with the URL to go to, since it cannot follow a redirect to the IdP', async () => {
    const h = await loggedIn()
    const res = await h.browser.fetch(`${HALL}/auth/logout`, { method: 'POST', headers: { origin: HALL, accept: 'application/json' } })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.loggedOut).toBe(true)
    expect(body.redirectTo).toMatch(new RegExp(`^${IDP}/slo\\?SAMLRequest=`))
    expect(await h.sessionCount()).toBe(0)
  })

  it('goes to the logged-out page when there was no session', async () => {
    const h = await authHarness()
    const res = await h.browser.fetch(`${HALL}/auth/logout`, { method: 'POST', headers: { origin: HALL } })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/auth/logged-out')
  })

  it('refuses a LogoutResponse that is not signed by the IdP, though the hall session is over anyway', async () => {
    const h = await loggedIn()
    const res = await h.browser.fetch(`${HALL}/auth/logout`, { method: 'POST', headers: { origin: HALL } })
    const requestId = (await import('@hall/dev-idp')).parseLogoutRequest(new URL(res.headers.get('location')!).searchParams.get('SAMLRequest')!).id
    const forged = buildLogoutResponse({ signingKey: h.keys.other.privateKeyPem, issuer: h.urls.entityId, destination: h.sp.sloUrl, inResponseTo: requestId })
    const answer = await h.browser.fetch(`${HALL}/auth/saml/slo?${forged.query}`)
    expect(answer.status).toBe(400)
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(401)
  })
})

describe('GET /auth/saml/slo with a LogoutRequest from the IdP', () => {
  it('ends the session when the request is signed by the IdP key, and answers with a LogoutResponse', async () => {
    const h = await loggedIn()
    const { query } = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem)
    const res = await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)
    expect(res.status).toBe(302)
    const back = new URL(res.headers.get('location')!)
    expect(back.origin + back.pathname).toBe(`${IDP}/slo`)
    expect(back.searchParams.get('SAMLResponse')).toBeTruthy()
    expect(back.searchParams.get('RelayState')).toBe('idp-state')
    expect(await h.sessionCount()).toBe(0)
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(401)
  })

  it('ends the person’s sessions in other browsers too (the IdP logs the person out, not a browser)', async () => {
    const h = await loggedIn()
    const other = h.newBrowser()
    await h.login(demo.undergraduate.cardNumber, '/', other)
    await h.login(demo.staff.cardNumber, '/', h.newBrowser())
    expect(await h.sessionCount()).toBe(3)
    const { query } = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem)
    expect((await h.newBrowser().fetch(`${HALL}/auth/saml/slo?${query}`)).status).toBe(302)
    expect(await h.sessionCount()).toBe(1)
    expect((await other.fetch(`${HALL}/api/me`)).status).toBe(401)
  })

  // Each case is a logout a stranger could trigger if it were honoured.
  const refused: [name: string, why: string, make: (h: Awaited<ReturnType<typeof authHarness>>) => string][] = [
    ['unsigned', 'node-saml accepts unsigned Redirect-binding logout messages', (h) => logoutRequestFromIdp(h, null).query],
    ['signed with another key', 'only the IdP key from the metadata counts', (h) => logoutRequestFromIdp(h, h.keys.other.privateKeyPem).query],
    [
      'signed, then the NameID swapped',
      'the signature covers the message: changing whom it logs out must break it',
      (h) => {
        const genuine = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem, { nameId: demo.staff.cardNumber }).query
        const swapped = logoutRequestFromIdp(h, null).query.split('&')[0]!
        return genuine.replace(/^SAMLRequest=[^&]*/, swapped)
      },
    ],
    [
      'signed, with the signature algorithm downgraded to SHA-1 in the query',
      'SHA-1 signatures are not accepted',
      (h) =>
        logoutRequestFromIdp(h, h.keys.idp.privateKeyPem).query.replace(
          /SigAlg=[^&]*/,
          `SigAlg=${encodeURIComponent('http://www.w3.org/2000/09/xmldsig#rsa-sha1')}`,
        ),
    ],
  ]
  it.each(refused)('refuses one %s (%s)', async (_name, _why, make) => {
    const h = await loggedIn()
    const res = await h.browser.fetch(`${HALL}/auth/saml/slo?${make(h)}`)
    expect(res.status).toBe(400)
    expect(await h.sessionCount()).toBe(1)
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(200)
  })

  it('refuses a signed LogoutResponse that answers no request of ours', async () => {
    const h = await loggedIn()
    const { query } = buildLogoutResponse({
      signingKey: h.keys.idp.privateKeyPem,
      issuer: h.urls.entityId,
      destination: h.sp.sloUrl,
      inResponseTo: '_never-sent',
      status: STATUS.success,
    })
    expect((await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)).status).toBe(400)
    expect(await h.sessionCount()).toBe(1)
  })
})

// A LogoutRequest is a bearer link: whoever holds the URL (a proxy log, browser history, a
// screenshot) could end the person's sessions again later. Each is usable once, briefly.
describe('GET /auth/saml/slo: replayed, stale and oversized LogoutRequests', () => {
  it('refuses the same signed LogoutRequest a second time, after the person logged in again', async () => {
    const h = await loggedIn()
    const { query } = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem)
    expect((await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)).status).toBe(302)
    expect(await h.sessionCount()).toBe(0)
    expect((await h.login(demo.undergraduate.cardNumber)).status).toBe(303)
    const replay = await h.newBrowser().fetch(`${HALL}/auth/saml/slo?${query}`)
    expect(replay.status).toBe(400)
    expect(await h.sessionCount()).toBe(1)
    expect(h.logs.some((l) => String(l.reason).includes('already used'))).toBe(true)
  })

  const now = () => Date.now()
  const badWindows: [name: string, why: string, window: () => { now: Date; notOnOrAfter: Date }][] = [
    [
      'issued an hour ago, though its NotOnOrAfter is still ahead',
      'a captured request must not stay usable for as long as the IdP chose to say',
      () => ({ now: new Date(now() - minutes(60)), notOnOrAfter: new Date(now() + minutes(2)) }),
    ],
    [
      'issued an hour in the future',
      'beyond the clock skew, a future IssueInstant is a forgery or a broken clock',
      () => ({ now: new Date(now() + minutes(60)), notOnOrAfter: new Date(now() + minutes(62)) }),
    ],
    [
      'valid for a year (NotOnOrAfter far ahead)',
      'the window would make its id worth remembering for a year',
      () => ({ now: new Date(now()), notOnOrAfter: new Date(now() + minutes(365 * 24 * 60)) }),
    ],
    [
      'expired (NotOnOrAfter passed)',
      'an expired request ends nothing',
      () => ({ now: new Date(now() - minutes(4)), notOnOrAfter: new Date(now() - minutes(3.5)) }),
    ],
  ]
  it.each(badWindows)('refuses a signed LogoutRequest %s (%s)', async (_name, _why, window) => {
    const h = await loggedIn()
    const { query } = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem, window())
    expect((await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)).status).toBe(400)
    expect(await h.sessionCount()).toBe(1)
  })

  it('takes one issued a little earlier, within the window', async () => {
    const h = await loggedIn()
    const issued = new Date(Date.now() - LOGOUT_REQUEST_MAX_AGE_MS / 2)
    const { query } = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem, { now: issued, notOnOrAfter: new Date(issued.getTime() + LOGOUT_REQUEST_MAX_AGE_MS) })
    expect((await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)).status).toBe(302)
    expect(await h.sessionCount()).toBe(0)
  })

  it('refuses a signed SAMLRequest that inflates past the bound, before parsing it', async () => {
    // A few kilobytes of deflated padding become megabytes: inflating without a bound lets a
    // small URL take the server's memory. The message is otherwise genuine and signed.
    const h = await loggedIn()
    const { xml } = logoutRequestFromIdp(h, null)
    const padded = `${xml}<!--${'x'.repeat(MAX_INFLATED_BYTES * 128)}-->`
    const query = redirectQuery('SAMLRequest', padded, { signingKey: h.keys.idp.privateKeyPem, relayState: 'idp-state' })
    expect(query.length).toBeLessThan(MAX_INFLATED_BYTES)
    const res = await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)
    expect(res.status).toBe(400)
    expect(await h.sessionCount()).toBe(1)
    expect(h.logs.some((l) => String(l.reason).includes('inflates to more than'))).toBe(true)
  })

  it('forgets used ids once their window is over', async () => {
    const h = await loggedIn()
    await h.deps.db
      .insert(samlUsedLogoutRequests)
      .values({ requestId: '_old', usedAt: new Date(Date.now() - minutes(20)), expiresAt: new Date(Date.now() - minutes(10)) })
    const { query, id } = logoutRequestFromIdp(h, h.keys.idp.privateKeyPem)
    expect((await h.browser.fetch(`${HALL}/auth/saml/slo?${query}`)).status).toBe(302)
    expect((await h.deps.db.select().from(samlUsedLogoutRequests)).map((r) => r.requestId)).toEqual([id])
  })
})
