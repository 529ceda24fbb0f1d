import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHall, type RunningHall } from '@hall/cli'
import { buildSamlResponse, generateIdpKeys, idpMetadata, parseAuthnRequest, type IdpKeys } from '@hall/dev-idp'

// How a university really runs the hall: its own IdP, given by HALL_IDP_METADATA, and no
// development IdP at all. The "other" IdP here is only keys and metadata; the test plays its part
// of the exchange (answering the AuthnRequest with a signed response), over real HTTP against a
// real hall process.

const IDP = 'https://sso.other-university.example/idp'
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

let hall: RunningHall
let keys: IdpKeys
let dataDir: string
let idpPort: number

beforeAll(async () => {
  keys = await generateIdpKeys('Other University IdP')
  dataDir = mkdtempSync(path.join(tmpdir(), 'hall-external-idp-'))
  const metadataFile = path.join(dataDir, 'university-idp.xml')
  writeFileSync(metadataFile, idpMetadata({ entityId: IDP, ssoUrl: `${IDP}/sso`, sloUrl: `${IDP}/slo`, certPem: keys.certPem }))
  idpPort = await freePort()
  hall = await startHall({ port: await freePort(), idpPort, dataDir, quiet: true, env: { HALL_IDP_METADATA: metadataFile, HALL_LOG_LEVEL: 'warn' } })
})

afterAll(async () => {
  await hall?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!)

async function beginLogin(returnTo: string) {
  const res = await fetch(`${hall.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' })
  expect(res.status).toBe(302)
  const location = new URL(res.headers.get('location')!)
  return {
    location,
    request: parseAuthnRequest(location.searchParams.get('SAMLRequest')!),
    relayState: location.searchParams.get('RelayState'),
    cookies: cookiesOf(res),
  }
}

async function postToAcs(samlResponse: string, relayState: string | null, cookies: string[]) {
  const body = new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) })
  return fetch(`${hall.url}/auth/saml/acs`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; '), origin: new URL(IDP).origin },
    body,
  })
}

describe('login through the university IdP named by HALL_IDP_METADATA', () => {
  it('does not start the development IdP', async () => {
    expect(hall.idpUrl).toBeUndefined()
    await expect(fetch(`http://localhost:${idpPort}/metadata`)).rejects.toThrow()
  })

  it('sends the browser to that IdP and accepts its signed answer', async () => {
    const login = await beginLogin('/my?tab=all')
    expect(login.location.origin + login.location.pathname).toBe(`${IDP}/sso`)
    expect(login.request.acsUrl).toBe(`${hall.url}/auth/saml/acs`)

    const { samlResponse } = buildSamlResponse({
      signingKey: keys.privateKeyPem,
      certPem: keys.certPem,
      issuer: IDP,
      destination: `${hall.url}/auth/saml/acs`,
      audience: `${hall.url}/auth/saml/metadata`,
      inResponseTo: login.request.id,
      nameId: '2023010101',
      attributes: { displayName: '李明轩', kind: 'undergraduate' },
    })
    const acs = await postToAcs(samlResponse, login.relayState, login.cookies)
    expect(acs.status).toBe(303)
    expect(acs.headers.get('location')).toBe('/my?tab=all')
    const session = cookiesOf(acs).find((c) => c.startsWith('hall_sid='))
    expect(session).toBeDefined()

    const me = await fetch(`${hall.url}/api/me`, { headers: { cookie: session! } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ cardNumber: '2023010101', kind: 'undergraduate', knownToDataPlatform: true })
  })

  it('refuses an answer signed by any other key, such as a development IdP’s', async () => {
    const login = await beginLogin('/')
    const stranger = await generateIdpKeys('Not the university')
    const { samlResponse } = buildSamlResponse({
      signingKey: stranger.privateKeyPem,
      certPem: stranger.certPem,
      issuer: IDP,
      destination: `${hall.url}/auth/saml/acs`,
      audience: `${hall.url}/auth/saml/metadata`,
      inResponseTo: login.request.id,
      nameId: '2023010101',
    })
    const acs = await postToAcs(samlResponse, login.relayState, login.cookies)
    expect(acs.status).toBeGreaterThanOrEqual(400)
    expect(acs.status).toBeLessThan(500)
    expect(cookiesOf(acs).some((c) => /^hall_sid=.+/.test(c))).toBe(false)
  })
})
