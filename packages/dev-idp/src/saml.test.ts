import { X509Certificate, verify } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { DOMParser } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { describe, expect, it } from 'vitest'
import { ensureIdpKeys, generateIdpKeys } from './keys.ts'
import { buildLogoutRequest, buildSamlResponse, decodeRedirectMessage, idpMetadata, parseAuthnRequest, parseLogoutRequest } from './saml.ts'

// The IdP's messages must be what a strict SP accepts (so the hall's tests exercise real
// signatures), and every override must show up where it says (so a crafted response is crafted).

const keys = await generateIdpKeys()
const base = {
  signingKey: keys.privateKeyPem,
  certPem: keys.certPem,
  issuer: 'http://localhost:3001/metadata',
  destination: 'http://localhost:3000/auth/saml/acs',
  audience: 'http://localhost:3000/auth/saml/metadata',
  inResponseTo: '_req1',
  nameId: '0012345',
  attributes: { cardNumber: '0012345', displayName: '周立群', kind: 'staff' },
}

/** Verifies the enveloped signature of the element with `id` against the IdP certificate. */
function signatureValid(xml: string, id: string, certPem = keys.certPem): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml')
  const all = Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature'))
  const sig = all.find((s) => (s.parentNode as Element).getAttribute('ID') === id)
  if (!sig) return false
  const signed = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null })
  signed.loadSignature(sig)
  try {
    return signed.checkSignature(xml)
  } catch {
    return false
  }
}

describe('buildSamlResponse', () => {
  it('signs the Assertion and the Response with RSA-SHA256 and exclusive c14n', () => {
    const r = buildSamlResponse(base)
    expect(signatureValid(r.xml, r.assertionId)).toBe(true)
    expect(signatureValid(r.xml, r.responseId)).toBe(true)
    expect(r.xml).toContain('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')
    expect(r.xml).toContain('http://www.w3.org/2001/10/xml-exc-c14n#')
    expect(Buffer.from(r.samlResponse, 'base64').toString('utf8')).toBe(r.xml)
  })

  it('keeps the card number a string with its leading zero', () => {
    expect(buildSamlResponse(base).xml).toContain('>0012345</saml:NameID>')
  })

  it('a tamper after signing breaks the signatures', () => {
    const r = buildSamlResponse({ ...base, tamper: (xml) => xml.replace('>0012345</saml:NameID>', '>0099999</saml:NameID>') })
    expect(signatureValid(r.xml, r.assertionId)).toBe(false)
    expect(signatureValid(r.xml, r.responseId)).toBe(false)
  })

  it('another key makes signatures that the IdP certificate does not verify', async () => {
    const stranger = await generateIdpKeys('stranger')
    const r = buildSamlResponse({ ...base, signingKey: stranger.privateKeyPem, certPem: stranger.certPem })
    expect(signatureValid(r.xml, r.assertionId)).toBe(false)
    expect(signatureValid(r.xml, r.assertionId, stranger.certPem)).toBe(true)
  })

  it.each([
    ['no InResponseTo (unsolicited)', { inResponseTo: null }, (xml: string) => !xml.includes('InResponseTo=')],
    ['a Recipient of its own', { recipient: 'https://x.example/acs' }, (xml: string) => xml.includes('Recipient="https://x.example/acs"')],
    ['no Destination', { destination: null, recipient: 'http://localhost:3000/auth/saml/acs' }, (xml: string) => !xml.includes('Destination=')],
    [
      'an assertion Issuer of its own',
      { assertionIssuer: 'https://evil.example' },
      (xml: string) => xml.includes('<saml:Issuer>https://evil.example</saml:Issuer>'),
    ],
    [
      'a failure status and no assertion',
      { status: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed' },
      (xml: string) => xml.includes('status:AuthnFailed') && !xml.includes('<saml:Assertion'),
    ],
    [
      'the given clock',
      { now: new Date('2020-01-01T00:00:00Z') },
      (xml: string) => xml.includes('IssueInstant="2020-01-01T00:00:00.000Z"') && xml.includes('NotOnOrAfter="2020-01-01T00:05:00.000Z"'),
    ],
    ['no signature at all', { sign: { assertion: false, response: false } }, (xml: string) => !xml.includes('Signature')],
  ] as const)('writes %s', (_name, overrides, check) => {
    expect(check(buildSamlResponse({ ...base, ...overrides }).xml)).toBe(true)
  })

  it('escapes attribute values', () => {
    const r = buildSamlResponse({ ...base, attributes: { displayName: '<b>"&' } })
    const doc = new DOMParser().parseFromString(r.xml, 'text/xml')
    const values = Array.from(doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'AttributeValue'))
    expect(values.map((v) => v.textContent)).toEqual(['<b>"&'])
    expect(signatureValid(r.xml, r.assertionId)).toBe(true)
  })
})

describe('HTTP-Redirect messages', () => {
  it('parses an AuthnRequest (raw deflate + base64)', () => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_abc" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" AssertionConsumerServiceURL="http://localhost:3000/auth/saml/acs" Destination="http://localhost:3001/sso"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">http://localhost:3000/auth/saml/metadata</saml:Issuer></samlp:AuthnRequest>`
    const param = deflateRawSync(Buffer.from(xml)).toString('base64')
    expect(parseAuthnRequest(param)).toMatchObject({
      id: '_abc',
      issuer: 'http://localhost:3000/auth/saml/metadata',
      acsUrl: 'http://localhost:3000/auth/saml/acs',
      destination: 'http://localhost:3001/sso',
    })
  })

  it('refuses a DOCTYPE (entity expansion)', () => {
    const xml = `<!DOCTYPE x [<!ENTITY a "aaaa">]><samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x"/>`
    expect(() => parseAuthnRequest(deflateRawSync(Buffer.from(xml)).toString('base64'))).toThrow(/DOCTYPE/)
  })

  it('signs the query string: SAMLRequest, RelayState, SigAlg in that order', () => {
    const { query } = buildLogoutRequest({
      signingKey: keys.privateKeyPem,
      issuer: 'idp',
      destination: 'http://sp/slo',
      nameId: '2023010101',
      relayState: 'r s',
    })
    const [signed, sig] = query.split('&Signature=')
    expect(signed).toMatch(/^SAMLRequest=[^&]+&RelayState=r%20s&SigAlg=http/)
    const ok = verify('sha256', Buffer.from(signed!), new X509Certificate(keys.certPem).publicKey, Buffer.from(decodeURIComponent(sig!), 'base64'))
    expect(ok).toBe(true)
    const param = decodeURIComponent(query.split('&')[0]!.slice('SAMLRequest='.length))
    expect(parseLogoutRequest(param)).toMatchObject({ issuer: 'idp', nameId: '2023010101', destination: 'http://sp/slo' })
    expect(decodeRedirectMessage(param)).toContain('<samlp:LogoutRequest')
  })

  it('sends an unsigned message when asked to, for the tests that must refuse one', () => {
    const { query } = buildLogoutRequest({ signingKey: null, issuer: 'idp', destination: 'http://sp/slo', nameId: 'x' })
    expect(query).not.toContain('Signature=')
    expect(query).not.toContain('SigAlg=')
  })
})

describe('keys and metadata', () => {
  it('keeps the key and certificate across restarts, the key readable by its owner only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dev-idp-'))
    const first = await ensureIdpKeys(dir)
    const second = await ensureIdpKeys(dir)
    expect(second).toEqual(first)
    const keyFile = path.join(dir, 'idp-signing-key.pem')
    expect(statSync(keyFile).mode & 0o077).toBe(0)
    expect(readFileSync(keyFile, 'utf8')).toBe(first.privateKeyPem)
    expect(new X509Certificate(first.certPem).checkPrivateKey((await import('node:crypto')).createPrivateKey(first.privateKeyPem))).toBe(true)
  })

  it('publishes the entityID, the redirect SSO and SLO services and the signing certificate', () => {
    const xml = idpMetadata({ entityId: 'http://idp/metadata', ssoUrl: 'http://idp/sso', sloUrl: 'http://idp/slo', certPem: keys.certPem })
    expect(xml).toContain('entityID="http://idp/metadata"')
    expect(xml).toMatch(/SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http:\/\/idp\/sso"/)
    expect(xml).toMatch(/SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http:\/\/idp\/slo"/)
    const body = keys.certPem.replace(/-----[^-]+-----|\s/g, '')
    expect(xml).toContain(`<ds:X509Certificate>${body}</ds:X509Certificate>`)
  })
})
