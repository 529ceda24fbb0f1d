import { X509Certificate } from 'node:crypto'
import { DOMParser } from '@xmldom/xmldom'

// Reads the IdP's SAML metadata (HALL_IDP_METADATA): the same file format whether it comes from
// the development IdP or the university's real one (Shibboleth, CAS, ADFS, Keycloak...).

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata'
const DS = 'http://www.w3.org/2000/09/xmldsig#'
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'

export interface IdpMetadata {
  entityId: string
  /** SingleSignOnService, HTTP-Redirect binding. */
  ssoUrl: string
  /** SingleLogoutService, HTTP-Redirect binding, when the IdP has one. */
  sloUrl: string | null
  /** Signing certificates (PEM). More than one during a key rollover: any of them is trusted. */
  certs: string[]
}

export function parseXmlStrict(xml: string, what: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new Error(`${what}: a DOCTYPE is not allowed`)
  const errors: string[] = []
  const doc = new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') errors.push(String(message))
    },
  }).parseFromString(xml, 'text/xml')
  if (errors.length || !doc?.documentElement) throw new Error(`${what} is not well-formed XML: ${errors[0] ?? 'empty'}`)
  return doc
}

export function childElements(el: Element, ns: string | null, localName: string): Element[] {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue
    const e = n as Element
    if (e.localName === localName && (ns === null || e.namespaceURI === ns)) out.push(e)
  }
  return out
}

function descendants(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from((root as Element).getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<Element>)
}

/** Wraps a metadata X509Certificate's base64 as PEM and makes sure it is a certificate. */
export function certificatePem(base64: string): string {
  const body = base64.replace(/\s+/g, '')
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`
  new X509Certificate(pem) // throws on garbage, so a bad file fails at start, not at the first login
  return pem
}

/** Parses IdP metadata; throws with a message naming what is missing. */
export function parseIdpMetadata(xml: string, source = 'IdP metadata'): IdpMetadata {
  const doc = parseXmlStrict(xml, source)
  const entities = descendants(doc, MD, 'EntityDescriptor').filter((e) => childElements(e, MD, 'IDPSSODescriptor').length > 0)
  if (entities.length === 0) throw new Error(`${source}: no EntityDescriptor with an IDPSSODescriptor`)
  if (entities.length > 1) {
    throw new Error(`${source}: describes ${entities.length} identity providers; give the metadata of the one to trust`)
  }
  const entity = entities[0]!
  const entityId = entity.getAttribute('entityID')
  if (!entityId) throw new Error(`${source}: the EntityDescriptor has no entityID`)
  const idp = childElements(entity, MD, 'IDPSSODescriptor')[0]!

  const certs = childElements(idp, MD, 'KeyDescriptor')
    .filter((k) => !k.getAttribute('use') || k.getAttribute('use') === 'signing')
    .flatMap((k) => descendants(k, DS, 'X509Certificate'))
    .map((c) => certificatePem(c.textContent ?? ''))
  if (certs.length === 0) throw new Error(`${source}: no signing certificate (KeyDescriptor use="signing")`)

  const location = (name: string) =>
    childElements(idp, MD, name)
      .find((s) => s.getAttribute('Binding') === REDIRECT)
      ?.getAttribute('Location') ?? null
  const ssoUrl = location('SingleSignOnService')
  if (!ssoUrl) throw new Error(`${source}: no SingleSignOnService with the HTTP-Redirect binding`)
  return { entityId, ssoUrl, sloUrl: location('SingleLogoutService'), certs: [...new Set(certs)] }
}
