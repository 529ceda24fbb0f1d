import { randomBytes, sign as cryptoSign, verify as cryptoVerify, X509Certificate } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { DOMParser } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { certBody } from './keys.ts'

// The SAML 2.0 messages of an identity provider, written out in full so that every field can be
// overridden: the dev IdP uses the defaults, the hall's tests override one field at a time to
// craft each hostile response the service provider must refuse.

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const

export const BINDING = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const

export const STATUS = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
  authnFailed: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
} as const

export const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'
export const SIG_ALG_RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#'
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256'

/** Escapes text for XML content and attribute values. */
export function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** A SAML ID: must not start with a digit (xs:ID), so an underscore leads. */
export function newId(): string {
  return `_${randomBytes(20).toString('hex')}`
}

const instant = (d: Date) => d.toISOString()

// ---------------------------------------------------------------------------------------------
// Metadata

export interface IdpMetadataOptions {
  entityId: string
  ssoUrl: string
  sloUrl?: string
  certPem: string
}

/** The IdP's metadata: what a service provider reads to trust it (entityID, endpoints, key). */
export function idpMetadata({ entityId, ssoUrl, sloUrl, certPem }: IdpMetadataOptions): string {
  const slo = sloUrl ? `\n    <md:SingleLogoutService Binding="${BINDING.redirect}" Location="${xmlEscape(sloUrl)}"/>` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}" entityID="${xmlEscape(entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.protocol}">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>${certBody(certPem)}</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>${slo}
    <md:NameIDFormat>${NAMEID_UNSPECIFIED}</md:NameIDFormat>
    <md:SingleSignOnService Binding="${BINDING.redirect}" Location="${xmlEscape(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`
}

// ---------------------------------------------------------------------------------------------
// Parsing what the service provider sends (HTTP-Redirect binding: raw deflate, then base64)

function parseXml(xml: string): Document {
  const errors: string[] = []
  const doc = new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') errors.push(String(message))
    },
  }).parseFromString(xml, 'text/xml')
  if (errors.length || !doc.documentElement) throw new Error(`Not well-formed XML: ${errors[0] ?? 'empty'}`)
  if (/<!DOCTYPE/i.test(xml)) throw new Error('A DOCTYPE is not allowed in a SAML message')
  return doc
}

/** Decodes a SAMLRequest / SAMLResponse query parameter of the HTTP-Redirect binding to XML. */
export function decodeRedirectMessage(param: string): string {
  const raw = Buffer.from(param, 'base64')
  if (raw.length === 0) throw new Error('The SAML message is empty')
  // A bound on the inflated size keeps a deflate bomb from eating the memory.
  return inflateRawSync(raw, { maxOutputLength: 256 * 1024 }).toString('utf8')
}

function child(el: Element, ns: string, name: string): Element | null {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ns) return n as Element
  }
  return null
}

const text = (el: Element | null) => el?.textContent?.trim() ?? null

export interface AuthnRequestInfo {
  id: string
  issuer: string | null
  /** AssertionConsumerServiceURL, when the request names one. */
  acsUrl: string | null
  destination: string | null
  issueInstant: string | null
  protocolBinding: string | null
}

/** Reads an AuthnRequest sent over the HTTP-Redirect binding. */
export function parseAuthnRequest(samlRequestParam: string): AuthnRequestInfo {
  const root = parseXml(decodeRedirectMessage(samlRequestParam)).documentElement
  if (root.localName !== 'AuthnRequest' || root.namespaceURI !== NS.protocol) {
    throw new Error(`Expected a samlp:AuthnRequest, got ${root.localName}`)
  }
  const id = root.getAttribute('ID')
  if (!id) throw new Error('The AuthnRequest has no ID')
  return {
    id,
    issuer: text(child(root, NS.assertion, 'Issuer')),
    acsUrl: root.getAttribute('AssertionConsumerServiceURL') || null,
    destination: root.getAttribute('Destination') || null,
    issueInstant: root.getAttribute('IssueInstant') || null,
    protocolBinding: root.getAttribute('ProtocolBinding') || null,
  }
}

export interface LogoutRequestInfo {
  id: string
  issuer: string | null
  nameId: string | null
  sessionIndex: string | null
  destination: string | null
}

/** Reads a LogoutRequest sent over the HTTP-Redirect binding. */
export function parseLogoutRequest(samlRequestParam: string): LogoutRequestInfo {
  const root = parseXml(decodeRedirectMessage(samlRequestParam)).documentElement
  if (root.localName !== 'LogoutRequest' || root.namespaceURI !== NS.protocol) {
    throw new Error(`Expected a samlp:LogoutRequest, got ${root.localName}`)
  }
  const id = root.getAttribute('ID')
  if (!id) throw new Error('The LogoutRequest has no ID')
  return {
    id,
    issuer: text(child(root, NS.assertion, 'Issuer')),
    nameId: text(child(root, NS.assertion, 'NameID')),
    sessionIndex: text(child(root, NS.protocol, 'SessionIndex')),
    destination: root.getAttribute('Destination') || null,
  }
}

export interface LogoutResponseInfo {
  id: string
  issuer: string | null
  inResponseTo: string | null
  status: string | null
}

/** Reads a LogoutResponse sent over the HTTP-Redirect binding. */
export function parseLogoutResponse(samlResponseParam: string): LogoutResponseInfo {
  const root = parseXml(decodeRedirectMessage(samlResponseParam)).documentElement
  if (root.localName !== 'LogoutResponse' || root.namespaceURI !== NS.protocol) {
    throw new Error(`Expected a samlp:LogoutResponse, got ${root.localName}`)
  }
  const status = child(root, NS.protocol, 'Status')
  const code = status ? child(status, NS.protocol, 'StatusCode') : null
  return {
    id: root.getAttribute('ID') ?? '',
    issuer: text(child(root, NS.assertion, 'Issuer')),
    inResponseTo: root.getAttribute('InResponseTo') || null,
    status: code?.getAttribute('Value') ?? null,
  }
}

// ---------------------------------------------------------------------------------------------
// The signed Response (HTTP-POST binding)

export type AttributeValues = Record<string, string | string[]>

export interface SamlResponseOptions {
  /** PEM private key that signs. Pass another key to craft an "other key" response. */
  signingKey: string
  /** PEM certificate put in KeyInfo (a careful SP ignores it and uses its pinned key). */
  certPem?: string
  /** The IdP's entityID, written as the Response's Issuer and the Assertion's Issuer. */
  issuer: string
  /** Overrides the Assertion's Issuer only. */
  assertionIssuer?: string
  /** Overrides the Response's Issuer only; `null` leaves it out. */
  responseIssuer?: string | null
  /** The ACS URL the Response is for; `null` leaves the attribute out. */
  destination: string | null
  /** SubjectConfirmationData Recipient; defaults to `destination`; `null` leaves it out. */
  recipient?: string | null
  /** The SP's entityID, the Audience. */
  audience: string
  /** The AuthnRequest this answers; `null` makes an unsolicited (IdP-initiated) response. */
  inResponseTo: string | null
  /** SubjectConfirmationData InResponseTo; defaults to `inResponseTo`. */
  subjectInResponseTo?: string | null
  /** The IdP's clock: every instant is derived from it unless given below. */
  now?: Date
  /** How long the assertion is good for, from `now` (default 5 minutes). */
  validForMs?: number
  issueInstant?: Date
  notBefore?: Date
  notOnOrAfter?: Date
  /** SubjectConfirmationData NotOnOrAfter; defaults to `notOnOrAfter`. */
  subjectNotOnOrAfter?: Date
  authnInstant?: Date
  /** Top-level StatusCode (default Success). */
  status?: string
  statusMessage?: string
  /** Whether the Response carries an Assertion (default: only when the status is Success). */
  includeAssertion?: boolean
  nameId: string
  nameIdFormat?: string
  attributes?: AttributeValues
  sessionIndex?: string
  responseId?: string
  assertionId?: string
  /** Which parts are signed (default both: the Assertion, then the Response around it). */
  sign?: { assertion?: boolean; response?: boolean }
  /** Changes the XML after signing: the way to craft a tampered response. */
  tamper?: (xml: string) => string
}

/** What a built response is: the base64 to post as SAMLResponse, and its parts for tests. */
export interface BuiltSamlResponse {
  samlResponse: string
  xml: string
  responseId: string
  assertionId: string
}

function attributeXml(attributes: AttributeValues): string {
  const entries = Object.entries(attributes)
  if (entries.length === 0) return ''
  const attrs = entries
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value])
        .map((v) => `<saml:AttributeValue xsi:type="xs:string">${xmlEscape(v)}</saml:AttributeValue>`)
        .join('')
      return `<saml:Attribute Name="${xmlEscape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values}</saml:Attribute>`
    })
    .join('')
  return `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>`
}

function signEnveloped(xml: string, elementXpath: string, opts: { signingKey: string; certPem?: string }): string {
  const sig = new SignedXml({
    privateKey: opts.signingKey,
    publicCert: opts.certPem,
    signatureAlgorithm: SIG_ALG_RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  })
  sig.addReference({ xpath: elementXpath, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 })
  // The schema puts ds:Signature right after the element's Issuer.
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${elementXpath}/*[local-name(.)='Issuer']`, action: 'after' },
  })
  return sig.getSignedXml()
}

/** Builds a SAML Response, signed as a real IdP would (RSA-SHA256, exclusive c14n), as base64. */
export function buildSamlResponse(o: SamlResponseOptions): BuiltSamlResponse {
  const now = o.now ?? new Date()
  const validFor = o.validForMs ?? 5 * 60_000
  const issueInstant = o.issueInstant ?? now
  const notBefore = o.notBefore ?? new Date(now.getTime() - 30_000)
  const notOnOrAfter = o.notOnOrAfter ?? new Date(now.getTime() + validFor)
  const subjectNotOnOrAfter = o.subjectNotOnOrAfter ?? notOnOrAfter
  const authnInstant = o.authnInstant ?? now
  const status = o.status ?? STATUS.success
  const includeAssertion = o.includeAssertion ?? status === STATUS.success
  const responseId = o.responseId ?? newId()
  const assertionId = o.assertionId ?? newId()
  const recipient = o.recipient === undefined ? o.destination : o.recipient
  const subjectInResponseTo = o.subjectInResponseTo === undefined ? o.inResponseTo : o.subjectInResponseTo
  const responseIssuer = o.responseIssuer === undefined ? o.issuer : o.responseIssuer
  const sessionIndex = o.sessionIndex ?? newId()

  const attr = (name: string, value: string | null | undefined) => (value == null ? '' : ` ${name}="${xmlEscape(value)}"`)

  const confirmation =
    `<saml:SubjectConfirmationData${attr('InResponseTo', subjectInResponseTo)}` +
    `${attr('NotOnOrAfter', instant(subjectNotOnOrAfter))}${attr('Recipient', recipient)}/>`

  const assertion = includeAssertion
    ? `<saml:Assertion xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${assertionId}" Version="2.0" IssueInstant="${instant(issueInstant)}">` +
      `<saml:Issuer>${xmlEscape(o.assertionIssuer ?? o.issuer)}</saml:Issuer>` +
      `<saml:Subject>` +
      `<saml:NameID Format="${xmlEscape(o.nameIdFormat ?? NAMEID_UNSPECIFIED)}">${xmlEscape(o.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">${confirmation}</saml:SubjectConfirmation>` +
      `</saml:Subject>` +
      `<saml:Conditions NotBefore="${instant(notBefore)}" NotOnOrAfter="${instant(notOnOrAfter)}">` +
      `<saml:AudienceRestriction><saml:Audience>${xmlEscape(o.audience)}</saml:Audience></saml:AudienceRestriction>` +
      `</saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${instant(authnInstant)}" SessionIndex="${xmlEscape(sessionIndex)}">` +
      `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>` +
      `</saml:AuthnStatement>` +
      attributeXml(o.attributes ?? {}) +
      `</saml:Assertion>`
    : ''

  const statusXml =
    `<samlp:Status><samlp:StatusCode Value="${xmlEscape(status)}"/>` +
    (o.statusMessage ? `<samlp:StatusMessage>${xmlEscape(o.statusMessage)}</samlp:StatusMessage>` : '') +
    `</samlp:Status>`

  let xml =
    `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${responseId}" Version="2.0" IssueInstant="${instant(issueInstant)}"` +
    `${attr('Destination', o.destination)}${attr('InResponseTo', o.inResponseTo)}>` +
    (responseIssuer == null ? '' : `<saml:Issuer>${xmlEscape(responseIssuer)}</saml:Issuer>`) +
    statusXml +
    assertion +
    `</samlp:Response>`

  const signAssertion = o.sign?.assertion ?? true
  const signResponse = o.sign?.response ?? true
  if (includeAssertion && signAssertion) {
    xml = signEnveloped(xml, "/*[local-name(.)='Response']/*[local-name(.)='Assertion']", o)
  }
  if (signResponse) {
    if (responseIssuer == null) throw new Error('A signed Response needs an Issuer to place the signature after')
    xml = signEnveloped(xml, "/*[local-name(.)='Response']", o)
  }
  if (o.tamper) xml = o.tamper(xml)
  return { samlResponse: Buffer.from(xml, 'utf8').toString('base64'), xml, responseId, assertionId }
}

// ---------------------------------------------------------------------------------------------
// Logout over the HTTP-Redirect binding: the signature is on the query string, not in the XML

export interface RedirectMessageOptions {
  /** PEM private key; `null` sends the message unsigned (which a careful SP refuses). */
  signingKey: string | null
  relayState?: string
}

/**
 * Encodes a message for the HTTP-Redirect binding and signs the query as SAML bindings §3.4.4.1
 * says: the signature covers `SAMLRequest=…&RelayState=…&SigAlg=…`, each value URL-encoded, in
 * that order.
 */
export function redirectQuery(param: 'SAMLRequest' | 'SAMLResponse', xml: string, o: RedirectMessageOptions): string {
  const parts = [`${param}=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`]
  if (o.relayState) parts.push(`RelayState=${encodeURIComponent(o.relayState)}`)
  if (o.signingKey) {
    parts.push(`SigAlg=${encodeURIComponent(SIG_ALG_RSA_SHA256)}`)
    const signature = cryptoSign('sha256', Buffer.from(parts.join('&'), 'utf8'), o.signingKey).toString('base64')
    parts.push(`Signature=${encodeURIComponent(signature)}`)
  }
  return parts.join('&')
}

/**
 * Checks the query signature of a message the SP sent over HTTP-Redirect (bindings §3.4.4.1):
 * the signed text is the raw `SAMLRequest=…&RelayState=…&SigAlg=…`, exactly as encoded on the
 * wire. Only RSA-SHA256 is taken, as the hall signs with it.
 */
export function verifyRedirectQuery(rawQuery: string, certPem: string): { ok: true } | { ok: false; reason: string } {
  const tokens = rawQuery.split('&').filter(Boolean)
  const pick = (name: string) => tokens.filter((t) => t.startsWith(`${name}=`))
  const [message, relayState, sigAlg, signature] = ['SAMLRequest', 'RelayState', 'SigAlg', 'Signature'].map(pick)
  if ([message, relayState, sigAlg, signature].some((found) => found!.length > 1)) return { ok: false, reason: 'a parameter appears twice' }
  if (!message![0]) return { ok: false, reason: 'no SAMLRequest' }
  if (!sigAlg![0] || !signature![0]) return { ok: false, reason: 'the request is not signed, but the service provider signs its requests' }
  if (decodeURIComponent(sigAlg![0].slice('SigAlg='.length)) !== SIG_ALG_RSA_SHA256) return { ok: false, reason: 'only RSA-SHA256 signatures are accepted' }
  const signed = [message![0], relayState![0], sigAlg![0]].filter(Boolean).join('&')
  const bytes = Buffer.from(decodeURIComponent(signature![0].slice('Signature='.length)), 'base64')
  try {
    if (cryptoVerify('sha256', Buffer.from(signed, 'utf8'), new X509Certificate(certPem).publicKey, bytes)) return { ok: true }
  } catch {
    /* a malformed signature is a bad one */
  }
  return { ok: false, reason: "the signature does not verify with the service provider's registered key" }
}

/** The signing certificate (PEM) published in an SP's metadata, or null when it publishes none. */
export function spSigningCertFromMetadata(xml: string): string | null {
  const doc = parseXml(xml)
  const descriptors = Array.from(doc.getElementsByTagNameNS(NS.metadata, 'KeyDescriptor') as unknown as ArrayLike<Element>)
  for (const d of descriptors) {
    const use = d.getAttribute('use')
    if (use && use !== 'signing') continue
    const cert = d.getElementsByTagNameNS(NS.dsig, 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '')
    if (cert) return `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`
  }
  return null
}

export interface LogoutRequestOptions extends RedirectMessageOptions {
  issuer: string
  destination: string
  nameId: string
  nameIdFormat?: string
  sessionIndex?: string
  id?: string
  now?: Date
  notOnOrAfter?: Date
}

/** A LogoutRequest from the IdP to an SP; returns the query string to append to the SP's SLO URL. */
export function buildLogoutRequest(o: LogoutRequestOptions): { query: string; id: string; xml: string } {
  const id = o.id ?? newId()
  const now = o.now ?? new Date()
  const notOnOrAfter = o.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)
  const xml =
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0" ` +
    `IssueInstant="${instant(now)}" NotOnOrAfter="${instant(notOnOrAfter)}" Destination="${xmlEscape(o.destination)}">` +
    `<saml:Issuer>${xmlEscape(o.issuer)}</saml:Issuer>` +
    `<saml:NameID Format="${xmlEscape(o.nameIdFormat ?? NAMEID_UNSPECIFIED)}">${xmlEscape(o.nameId)}</saml:NameID>` +
    (o.sessionIndex ? `<samlp:SessionIndex>${xmlEscape(o.sessionIndex)}</samlp:SessionIndex>` : '') +
    `</samlp:LogoutRequest>`
  return { query: redirectQuery('SAMLRequest', xml, o), id, xml }
}

export interface LogoutResponseOptions extends RedirectMessageOptions {
  issuer: string
  destination: string
  inResponseTo: string
  status?: string
  id?: string
  now?: Date
}

/** A LogoutResponse from the IdP to an SP; returns the query string to append to the SP's SLO URL. */
export function buildLogoutResponse(o: LogoutResponseOptions): { query: string; id: string; xml: string } {
  const id = o.id ?? newId()
  const now = o.now ?? new Date()
  const xml =
    `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0" ` +
    `IssueInstant="${instant(now)}" Destination="${xmlEscape(o.destination)}" InResponseTo="${xmlEscape(o.inResponseTo)}">` +
    `<saml:Issuer>${xmlEscape(o.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${xmlEscape(o.status ?? STATUS.success)}"/></samlp:Status>` +
    `</samlp:LogoutResponse>`
  return { query: redirectQuery('SAMLResponse', xml, o), id, xml }
}
