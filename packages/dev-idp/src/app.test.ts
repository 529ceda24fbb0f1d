import { deflateRawSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { demoUniversityGroups } from './accounts.ts'
import { createIdpApp, hallServiceProvider } from './app.ts'
import { generateIdpKeys } from './keys.ts'
import { decodeRedirectMessage, parseLogoutResponse } from './saml.ts'

// The dev IdP behaves like a real one towards the hall: it answers only the registered SP, only at
// its registered ACS, and its login page lists the demo people.

const keys = await generateIdpKeys()
const sp = hallServiceProvider('http://localhost:3000')
const app = () => createIdpApp({ baseUrl: 'http://localhost:3001', keys, sp, groups: demoUniversityGroups() })

function authnRequest(o: { id?: string; issuer?: string; acs?: string | null } = {}) {
  const acs = o.acs === undefined ? sp.acsUrl : o.acs
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${o.id ?? '_req42'}" Version="2.0" IssueInstant="${new Date().toISOString()}"` +
    `${acs ? ` AssertionConsumerServiceURL="${acs}"` : ''} Destination="http://localhost:3001/sso">` +
    `<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${o.issuer ?? sp.entityId}</saml:Issuer></samlp:AuthnRequest>`
  return deflateRawSync(Buffer.from(xml)).toString('base64')
}

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(fields).toString(),
})

describe('GET /sso', () => {
  it('shows the bilingual login page with every group of demo people and the development notice', async () => {
    const res = await app().request(`/sso?SAMLRequest=${encodeURIComponent(authnRequest())}&RelayState=abc`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('明湖大学 统一身份认证')
    expect(html).toContain('Minghu University unified login')
    expect(html).toContain('开发用身份提供者')
    expect(html).toContain('no password')
    for (const g of demoUniversityGroups()) {
      expect(html).toContain(g.titleZh)
      for (const p of g.people) expect(html).toContain(`value="${p.cardNumber}"`)
    }
    expect(html).toContain('name="RelayState" value="abc"')
  })

  // Each refusal is a request a real IdP would not answer: answering it could hand an assertion
  // to a stranger.
  it.each([
    ['no SAMLRequest', ''],
    ['an unregistered service provider', `?SAMLRequest=${encodeURIComponent(authnRequest({ issuer: 'https://evil.example/sp' }))}`],
    ['an ACS URL other than the registered one', `?SAMLRequest=${encodeURIComponent(authnRequest({ acs: 'https://evil.example/acs' }))}`],
    ['garbage', '?SAMLRequest=bm90IGRlZmxhdGVk'],
  ])('refuses %s', async (_name, query) => {
    const res = await app().request(`/sso${query}`)
    expect(res.status).toBe(400)
  })
})

describe('POST /sso/login', () => {
  it('answers with a form that posts the signed response and RelayState to the ACS, with a visible button', async () => {
    const person = demoUniversityGroups()[0]!.people[0]!
    const res = await app().request('/sso/login', form({ SAMLRequest: authnRequest({ id: '_req7' }), RelayState: 'xyz', cardNumber: person.cardNumber }))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<form method="post" action="${sp.acsUrl}">`)
    expect(html).toContain('name="RelayState" value="xyz"')
    expect(html).toMatch(/<button[^>]*type="submit"/)
    const samlResponse = html.match(/name="SAMLResponse" value="([^"]+)"/)![1]!
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8')
    expect(xml).toContain('InResponseTo="_req7"')
    expect(xml).toContain(`Destination="${sp.acsUrl}"`)
    expect(xml).toContain(`<saml:Audience>${sp.entityId}</saml:Audience>`)
    expect(xml).toContain(`>${person.cardNumber}</saml:NameID>`)
    for (const name of ['cardNumber', 'displayName', 'kind', 'department', 'email']) expect(xml).toContain(`Name="${name}"`)
    expect(res.headers.get('set-cookie')).toMatch(/minghu_idp_session=/)
    // Its one script (the auto-submit) and one style run by their hashes; the form may go to the hall only.
    const policy = res.headers.get('content-security-policy')!
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    const script = html.match(/<script>([^<]*)<\/script>/)![1]!
    const style = html.match(/<style>([^<]*)<\/style>/)![1]!
    expect(policy).toContain(`script-src ${hash(script)}`)
    expect(policy).toContain(`style-src ${hash(style)}`)
    expect(policy).toContain(`form-action 'self' ${new URL(sp.acsUrl).origin}`)
    expect(policy).toContain("default-src 'none'")
  })

  it('offers "continue as" on the next login in the same browser', async () => {
    const idp = app()
    const person = demoUniversityGroups()[1]!.people[0]!
    const res = await idp.request('/sso/login', form({ SAMLRequest: authnRequest(), cardNumber: person.cardNumber }))
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    const page = await (await idp.request(`/sso?SAMLRequest=${encodeURIComponent(authnRequest())}`, { headers: { cookie } })).text()
    expect(page).toContain(`Continue as ${person.nameEn}`)
  })

  it('refuses someone who is not a demo person', async () => {
    const res = await app().request('/sso/login', form({ SAMLRequest: authnRequest(), cardNumber: '9999999' }))
    expect(res.status).toBe(400)
  })

  it('lists people the data platform does not know too', () => {
    expect(demoUniversityGroups().some((g) => g.people.some((p) => p.unknownToDataPlatform))).toBe(true)
  })
})

describe('GET /slo', () => {
  it('ends the IdP session and redirects to the SP with a signed LogoutResponse', async () => {
    const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_lo1" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="http://localhost:3001/slo"><saml:Issuer>${sp.entityId}</saml:Issuer><saml:NameID>2023010101</saml:NameID></samlp:LogoutRequest>`
    const param = deflateRawSync(Buffer.from(xml)).toString('base64')
    const res = await app().request(`/slo?SAMLRequest=${encodeURIComponent(param)}&RelayState=r1`)
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('location')!)
    expect(location.origin + location.pathname).toBe(sp.sloUrl)
    expect(location.searchParams.get('Signature')).toBeTruthy()
    expect(location.searchParams.get('RelayState')).toBe('r1')
    const answer = parseLogoutResponse(location.searchParams.get('SAMLResponse')!)
    expect(answer).toMatchObject({ inResponseTo: '_lo1', status: 'urn:oasis:names:tc:SAML:2.0:status:Success' })
    expect(decodeRedirectMessage(location.searchParams.get('SAMLResponse')!)).toContain(`Destination="${sp.sloUrl}"`)
    expect(res.headers.get('set-cookie')).toMatch(/minghu_idp_session=;/)
  })

  it('refuses a LogoutRequest from an unregistered SP', async () => {
    const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_lo2" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>https://evil.example</saml:Issuer><saml:NameID>x</saml:NameID></samlp:LogoutRequest>`
    const res = await app().request(`/slo?SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`)
    expect(res.status).toBe(400)
  })
})

describe('GET /accounts.json and /metadata', () => {
  it('lists every demo account with its card number, name and role', async () => {
    const accounts = (await (await app().request('/accounts.json')).json()) as { cardNumber: string; name: string; role: string }[]
    const count = demoUniversityGroups().reduce((n, g) => n + g.people.length, 0)
    expect(accounts).toHaveLength(count)
    for (const a of accounts) {
      expect(typeof a.cardNumber).toBe('string')
      expect(a.name).toBeTruthy()
      expect(a.role).toBeTruthy()
    }
  })

  it('serves the metadata as SAML metadata XML', async () => {
    const res = await app().request('/metadata')
    expect(res.headers.get('content-type')).toMatch(/samlmetadata\+xml/)
    expect(await res.text()).toContain('entityID="http://localhost:3001/metadata"')
  })
})
