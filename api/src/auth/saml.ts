import { createHash, randomBytes, verify as cryptoVerify, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import { SAML, SamlStatusError, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml'
import { and, asc, count, eq, inArray, lt } from 'drizzle-orm'
import { SignedXml } from 'xml-crypto'
import { transaction, type Db } from '../db/client.ts'
import { samlRequests, samlUsedAssertions, samlUsedLogoutRequests } from '../db/schema/index.ts'
import type { Env } from '../env.ts'
import { childElements, parseIdpMetadata, parseXmlStrict, type IdpMetadata } from './idp-metadata.ts'
import type { SpSigningKeys } from './sp-keys.ts'

// The hall as a SAML service provider. node-saml does the heavy lifting (signatures against the
// pinned key, audience, time window, InResponseTo of a request we made); this module adds what it
// leaves out (see STACK.md): Destination and Recipient, the Issuer, the top-level status, a
// Response signature that is present but broken, the browser binding, and one-time use.

const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
}
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success'
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer'
const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'

/** How far the IdP's clock may be from ours. */
export const CLOCK_SKEW_MS = 3 * 60_000
/** How long a login may take at the IdP (password, second factor) before its request expires. */
export const REQUEST_TTL_MS = 15 * 60_000
/**
 * The longest an IdP's LogoutRequest stays usable after its IssueInstant (and the furthest ahead
 * its NotOnOrAfter may be). A logout message travels by one browser redirect: seconds, not hours.
 * Its id is remembered this long, so a captured one cannot be replayed.
 */
export const LOGOUT_REQUEST_MAX_AGE_MS = 5 * 60_000
/**
 * The largest inflated SAMLRequest/SAMLResponse of the HTTP-Redirect binding. Real logout
 * messages are about a kilobyte; deflate compresses repetitive text about 1000:1, so without a
 * bound a URL of a few kilobytes could inflate to hundreds of megabytes before any check.
 */
export const MAX_INFLATED_BYTES = 64 * 1024

/** Why a logout message was refused (logged; the person sees a page). */
export class SloRefused extends Error {}

/**
 * Inflates a message of the HTTP-Redirect binding, refusing one that would grow past
 * MAX_INFLATED_BYTES (zlib stops there: the bomb is never expanded in memory).
 */
export function inflateRedirectMessage(param: string, what: string): string {
  const raw = Buffer.from(param, 'base64')
  if (raw.length === 0) throw new SloRefused(`${what}: empty`)
  try {
    return inflateRawSync(raw, { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new SloRefused(`${what}: inflates to more than ${MAX_INFLATED_BYTES} bytes`)
    }
    throw new SloRefused(`${what}: not a deflated message (${(err as Error).message})`)
  }
}

/** Query-string signature algorithms accepted on logout messages (no SHA-1). */
const REDIRECT_SIG_ALGS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
}

/** Why a login response was refused: one name per rule, for the log line and the tests. */
export type LoginRule =
  | 'malformed'
  | 'signature'
  | 'unsolicited'
  | 'unknown_request'
  | 'browser_binding'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'destination'
  | 'recipient'
  | 'issuer'
  | 'status'
  | 'subject'
  | 'replayed'
  | 'left'

export class LoginRefused extends Error {
  constructor(
    readonly rule: LoginRule,
    message: string,
  ) {
    super(message)
  }
}

/** A login response that passed every check except one-time use (consumed in the session's transaction). */
export interface VerifiedLogin {
  requestId: string
  assertionId: string
  /** Kept until then in the used-assertion table. */
  assertionExpiresAt: Date
  nameId: string
  nameIdFormat: string | null
  sessionIndex: string | null
  /** The attributes of the assertion, each a string or a list of strings. */
  attributes: Record<string, string | string[]>
}

export interface SamlServiceProviderOptions {
  /** The IdP metadata itself, instead of reading env.idpMetadataPath (tests). */
  metadataXml?: string
  /**
   * The key that signs our AuthnRequests and logout messages (HTTP-Redirect query signatures,
   * RSA-SHA256), published in our metadata. Without it the hall sends unsigned requests and says
   * so in its metadata (AuthnRequestsSigned="false"): some IdPs refuse that, most logout flows too.
   */
  signingKeys?: SpSigningKeys
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** The browser-binding cookie of one login request: set at /auth/login, required at the ACS. */
export const bindingCookieName = (requestId: string) => `hall_login_${requestId.replace(/[^A-Za-z0-9_-]/g, '')}`

/**
 * node-saml's request-id cache, in SQLite so outstanding logins survive a restart and are seen by
 * every node. `removeAsync` deliberately does nothing: node-saml removes the id after its check,
 * which is not atomic with the check, and also after any failure (so one forged post would spoil
 * the user's real login). The hall consumes the id itself, in the transaction that creates the
 * session (completeLogin).
 *
 * Every login start writes a row before anyone is known, so the table is bounded twice: rows
 * expire after `ttlMs` (purged at each save), and at most `maxRows` are kept, the oldest going
 * first. A flood that gets past the rate limits (many addresses) can then only make the oldest
 * outstanding logins fail with "expired, try again", never fill the disk.
 */
export function sqliteCacheProvider(db: Db, ttlMs = REQUEST_TTL_MS, maxRows = 20_000): CacheProvider {
  return {
    async saveAsync(key, value) {
      const createdAt = new Date()
      await transaction(db, async (tx) => {
        await tx.delete(samlRequests).where(lt(samlRequests.createdAt, new Date(createdAt.getTime() - ttlMs)))
        await tx.insert(samlRequests).values({ id: key, value, createdAt }).onConflictDoNothing()
        // The newest maxRows stay.
        const total = (await tx.select({ n: count() }).from(samlRequests))[0]?.n ?? 0
        if (total > maxRows) {
          const oldest = tx
            .select({ id: samlRequests.id })
            .from(samlRequests)
            .orderBy(asc(samlRequests.createdAt))
            .limit(total - maxRows)
          await tx.delete(samlRequests).where(inArray(samlRequests.id, oldest))
        }
      })
      return { value, createdAt: createdAt.getTime() }
    },
    async getAsync(key) {
      const row = (await db.select().from(samlRequests).where(eq(samlRequests.id, key)))[0]
      if (!row || row.createdAt.getTime() + ttlMs <= Date.now()) return null
      return row.value
    },
    async removeAsync(key) {
      return key
    },
  }
}

/** The one place that says which node-saml error is which rule. */
function ruleOf(err: unknown): LoginRule {
  if (err instanceof LoginRefused) return err.rule
  if (err instanceof SamlStatusError) return 'status'
  const m = err instanceof Error ? err.message : String(err)
  if (/InResponseTo is missing/i.test(m)) return 'unsolicited'
  if (/InResponseTo/i.test(m)) return 'unknown_request'
  if (/signature|transforms|ID cannot refer|Referenced node/i.test(m)) return 'signature'
  if (/audience/i.test(m)) return 'audience'
  if (/not yet valid/i.test(m)) return 'not_yet_valid'
  if (/expired|too old|No valid subject confirmation/i.test(m)) return 'expired'
  return 'malformed'
}

function firstText(el: Element, ns: string, name: string): string | null {
  return childElements(el, ns, name)[0]?.textContent?.trim() ?? null
}

/** Verifies the Response's own enveloped signature, when it has one, against the pinned keys. */
function responseSignatureIsValid(xml: string, doc: Document, certs: string[]): boolean {
  const root = doc.documentElement
  const signatures = childElements(root, NS.dsig, 'Signature')
  if (signatures.length === 0) return true
  if (signatures.length > 1) return false
  const id = root.getAttribute('ID')
  if (!id) return false
  // Exactly one element may carry the referenced ID (no wrapping).
  const all = Array.from(doc.getElementsByTagName('*') as unknown as ArrayLike<Element>)
  if (all.filter((e) => e.getAttribute('ID') === id).length !== 1) return false
  for (const cert of certs) {
    const sig = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null })
    sig.loadSignature(signatures[0]!)
    const refs = sig.getReferences()
    if (refs.length !== 1 || refs[0]!.uri !== `#${id}`) return false
    try {
      if (sig.checkSignature(xml)) return true
    } catch {
      /* try the next certificate */
    }
  }
  return false
}

/** Parses the ID out of a redirect URL node-saml made (so the hall can annotate its row). */
function requestIdOf(url: string): string {
  const param = new URL(url).searchParams.get('SAMLRequest')
  if (!param) throw new Error('node-saml made a URL without SAMLRequest')
  const xml = inflateRawSync(Buffer.from(param, 'base64')).toString('utf8')
  const id = parseXmlStrict(xml, 'our own SAML request').documentElement.getAttribute('ID')
  if (!id) throw new Error('node-saml made a request without an ID')
  return id
}

/**
 * Checks the signature of a message on the HTTP-Redirect binding (SAML bindings §3.4.4.1): the
 * signed text is rebuilt from the raw query, in the order SAMLRequest|SAMLResponse, RelayState,
 * SigAlg, exactly as the values were encoded. A missing signature is a failure: node-saml would
 * accept an unsigned logout message (its issue #419).
 */
export function verifyRedirectSignature(rawQuery: string, certs: string[]): { ok: true } | { ok: false; reason: string } {
  const tokens = rawQuery.split('&').filter(Boolean)
  const one = (name: string) => {
    const found = tokens.filter((t) => t.startsWith(`${name}=`))
    return found.length === 1 ? found[0]! : found.length === 0 ? null : undefined
  }
  const request = one('SAMLRequest')
  const response = one('SAMLResponse')
  const relayState = one('RelayState')
  const sigAlg = one('SigAlg')
  const signature = one('Signature')
  if (request === undefined || response === undefined || relayState === undefined || sigAlg === undefined || signature === undefined) {
    return { ok: false, reason: 'a parameter appears twice' }
  }
  const message = request ?? response
  if (!message || (request && response)) return { ok: false, reason: 'exactly one of SAMLRequest and SAMLResponse is needed' }
  if (!sigAlg || !signature) return { ok: false, reason: 'the message is not signed' }
  const alg = REDIRECT_SIG_ALGS[decodeURIComponent(sigAlg.slice('SigAlg='.length))]
  if (!alg) return { ok: false, reason: `signature algorithm not accepted: ${decodeURIComponent(sigAlg.slice(7))}` }
  const signed = [message, relayState, sigAlg].filter(Boolean).join('&')
  const sigBytes = Buffer.from(decodeURIComponent(signature.slice('Signature='.length)), 'base64')
  const valid = certs.some((cert) => {
    try {
      return cryptoVerify(alg, Buffer.from(signed, 'utf8'), new X509Certificate(cert).publicKey, sigBytes)
    } catch {
      return false
    }
  })
  return valid ? { ok: true } : { ok: false, reason: 'the signature does not verify with the IdP key' }
}

export interface LogoutTarget {
  nameId: string
  nameIdFormat: string | null
  sessionIndex: string | null
}

export interface SloResult {
  kind: 'request' | 'response'
  /** For an IdP's LogoutRequest: whom to log out, and where to send our LogoutResponse. */
  nameId?: string
  sessionIndex?: string | null
  redirectTo?: string
}

export type SamlServiceProvider = ReturnType<typeof createSamlServiceProvider>

/**
 * Builds the service provider from the configuration and the IdP's metadata. Throws at start when
 * the metadata cannot be read, so a misconfigured hall does not come up half-working.
 */
export function createSamlServiceProvider(env: Env, db: Db, opts: SamlServiceProviderOptions = {}) {
  const metadataXml = opts.metadataXml ?? readMetadataFile(env.idpMetadataPath)
  const idp: IdpMetadata = parseIdpMetadata(metadataXml, opts.metadataXml ? 'IdP metadata' : env.idpMetadataPath)
  const acsUrl = `${env.publicUrl}/auth/saml/acs`
  const sloUrl = `${env.publicUrl}/auth/saml/slo`
  const entityId = env.spEntityId
  const cacheProvider = sqliteCacheProvider(db, REQUEST_TTL_MS, env.loginPendingMax)

  const saml = new SAML({
    entryPoint: idp.ssoUrl,
    logoutUrl: idp.sloUrl ?? undefined,
    issuer: entityId,
    callbackUrl: acsUrl,
    logoutCallbackUrl: sloUrl,
    audience: entityId,
    idpIssuer: idp.entityId,
    idpCert: idp.certs,
    // The IdP chooses the NameID format; the card number is the NameID or a configured attribute.
    identifierFormat: null,
    // Either the Assertion is signed, or the whole Response is (Shibboleth's default): node-saml
    // accepts either, and verifyResponse below refuses a Response signature that is present but bad.
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    cacheProvider,
    disableRequestedAuthnContext: true,
    // With a key, node-saml signs every redirect it makes (AuthnRequest, LogoutRequest, LogoutResponse).
    ...(opts.signingKeys ? { privateKey: opts.signingKeys.privateKeyPem, signatureAlgorithm: 'sha256' as const } : {}),
  })
  const signing = opts.signingKeys ? certBody(opts.signingKeys.certPem) : null

  /** Starts a login: a redirect URL to the IdP, and the cookie that binds it to this browser. */
  async function startLogin(returnTo: string) {
    const url = await saml.getAuthorizeUrlAsync('', undefined, {})
    const requestId = requestIdOf(url)
    const nonce = randomBytes(32).toString('base64url')
    await transaction(db, async (tx) =>
      tx
        .update(samlRequests)
        .set({ purpose: 'login', returnTo, bindingHash: sha256(nonce) })
        .where(eq(samlRequests.id, requestId)),
    )
    return { url, requestId, binding: { name: bindingCookieName(requestId), value: nonce } }
  }

  /**
   * Validates a posted SAMLResponse against every rule but one-time use. `cookie(name)` reads the
   * browser's cookies (for the binding). Throws LoginRefused naming the rule that failed.
   */
  async function verifyLoginResponse(samlResponse: string | undefined, cookie: (name: string) => string | undefined): Promise<VerifiedLogin> {
    if (!samlResponse || samlResponse.length > 512 * 1024) throw new LoginRefused('malformed', 'no SAMLResponse, or a huge one')
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8').replace(/\r\n?/g, '\n')
    let doc: Document
    try {
      doc = parseXmlStrict(xml, 'SAMLResponse')
    } catch (err) {
      throw new LoginRefused('malformed', (err as Error).message)
    }
    const root = doc.documentElement
    if (root.localName !== 'Response' || root.namespaceURI !== NS.protocol) {
      throw new LoginRefused('malformed', `expected a samlp:Response, got ${root.localName}`)
    }
    // A status other than Success means no login, whatever else the message carries (node-saml
    // looks at the status only when there is no assertion).
    const status = childElements(root, NS.protocol, 'Status')[0]
    const statusCode = status ? childElements(status, NS.protocol, 'StatusCode')[0]?.getAttribute('Value') : null
    if (statusCode !== SUCCESS) {
      const message = status ? firstText(status, NS.protocol, 'StatusMessage') : null
      throw new LoginRefused('status', `status ${statusCode ?? '(none)'}${message ? `: ${message}` : ''}`)
    }

    let profile: Profile | null
    try {
      ;({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }))
    } catch (err) {
      let rule = ruleOf(err)
      // A request that is gone because it was answered already: say so (a double submit, a replay).
      const answered = root.getAttribute('InResponseTo')
      if (rule === 'unknown_request' && answered) {
        const used = (await db.select().from(samlUsedAssertions).where(eq(samlUsedAssertions.inResponseTo, answered)))[0]
        if (used) rule = 'replayed'
      }
      throw new LoginRefused(rule, (err as Error).message)
    }
    if (!profile) throw new LoginRefused('malformed', 'the response carries no assertion')

    if (!responseSignatureIsValid(xml, doc, idp.certs)) {
      throw new LoginRefused('signature', 'the Response is signed, but the signature does not verify with the IdP key')
    }
    // An assertion is meant for one endpoint: a response made for another SP's ACS, or another
    // of ours, must not log in here.
    // SAML profiles §4.1.4.5 let an unsigned Response (whose assertion is signed) leave Destination
    // out; the signed Recipient below then carries the same guarantee.
    const destination = root.getAttribute('Destination')
    const responseSigned = childElements(root, NS.dsig, 'Signature').length > 0
    if (destination !== null ? destination !== acsUrl : responseSigned) {
      throw new LoginRefused('destination', `Destination is ${destination ?? '(none)'}, not ${acsUrl}`)
    }
    const responseIssuer = firstText(root, NS.assertion, 'Issuer')
    if (responseIssuer !== null && responseIssuer !== idp.entityId) {
      throw new LoginRefused('issuer', `Response Issuer is ${responseIssuer}, not ${idp.entityId}`)
    }
    const inResponseTo = root.getAttribute('InResponseTo')
    if (!inResponseTo) throw new LoginRefused('unsolicited', 'no InResponseTo')

    // From here on, only the signed assertion (what node-saml verified) is read.
    const assertionXml = profile.getAssertionXml?.()
    if (!assertionXml) throw new LoginRefused('malformed', 'no signed assertion')
    const assertion = parseXmlStrict(assertionXml, 'the signed assertion').documentElement
    const assertionIssuer = firstText(assertion, NS.assertion, 'Issuer') ?? childElements(assertion, null, 'Issuer')[0]?.textContent?.trim()
    if (assertionIssuer !== idp.entityId) {
      throw new LoginRefused('issuer', `Assertion Issuer is ${assertionIssuer ?? '(none)'}, not ${idp.entityId}`)
    }
    const assertionId = assertion.getAttribute('ID')
    if (!assertionId) throw new LoginRefused('malformed', 'the assertion has no ID')

    const subject = childElements(assertion, null, 'Subject')[0]
    const confirmations = subject
      ? childElements(subject, null, 'SubjectConfirmation')
          .filter((sc) => sc.getAttribute('Method') === BEARER)
          .flatMap((sc) => childElements(sc, null, 'SubjectConfirmationData'))
      : []
    const forUs = confirmations.filter((d) => d.getAttribute('Recipient') === acsUrl)
    if (forUs.length === 0) {
      const seen = confirmations.map((d) => d.getAttribute('Recipient') ?? '(none)').join(', ') || '(no bearer confirmation)'
      throw new LoginRefused('recipient', `Recipient is ${seen}, not ${acsUrl}`)
    }
    // The Response's InResponseTo is not covered by the assertion's signature; the confirmation's is.
    const confirmation = forUs.find((d) => d.getAttribute('InResponseTo') === inResponseTo)
    if (!confirmation) throw new LoginRefused('unknown_request', 'the signed SubjectConfirmationData does not answer this request')
    const confirmationExpiry = Date.parse(confirmation.getAttribute('NotOnOrAfter') ?? '')
    if (!Number.isFinite(confirmationExpiry)) throw new LoginRefused('subject', 'the bearer confirmation has no NotOnOrAfter')
    if (Date.now() - CLOCK_SKEW_MS >= confirmationExpiry) throw new LoginRefused('expired', 'the bearer confirmation has expired')

    // The login must finish in the browser that started it (login CSRF, session fixation).
    const row = (await db.select().from(samlRequests).where(eq(samlRequests.id, inResponseTo)))[0]
    if (!row || row.purpose !== 'login' || !row.bindingHash) {
      throw new LoginRefused('unknown_request', 'InResponseTo names no outstanding login request')
    }
    const nonce = cookie(bindingCookieName(inResponseTo))
    if (!nonce || sha256(nonce) !== row.bindingHash) {
      throw new LoginRefused('browser_binding', 'the login was not started in this browser (binding cookie missing or wrong)')
    }

    const conditions = childElements(assertion, null, 'Conditions')[0]
    const conditionsExpiry = Date.parse(conditions?.getAttribute('NotOnOrAfter') ?? '')
    const expiresAt = Math.max(confirmationExpiry, Number.isFinite(conditionsExpiry) ? conditionsExpiry : 0) + CLOCK_SKEW_MS

    const attributes: Record<string, string | string[]> = {}
    const raw = (profile.attributes ?? {}) as Record<string, unknown>
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === 'string') attributes[name] = value
      else if (Array.isArray(value)) attributes[name] = value.filter((v): v is string => typeof v === 'string')
    }
    if (!profile.nameID) throw new LoginRefused('subject', 'the assertion has no NameID')
    return {
      requestId: inResponseTo,
      assertionId,
      assertionExpiresAt: new Date(expiresAt),
      nameId: profile.nameID,
      nameIdFormat: profile.nameIDFormat ?? null,
      sessionIndex: profile.sessionIndex ?? null,
      attributes,
    }
  }

  /** The URL that asks the IdP to end its session too, or null when it has no logout service. */
  async function logoutUrl(target: LogoutTarget): Promise<string | null> {
    if (!idp.sloUrl) return null
    const url = await saml.getLogoutUrlAsync(
      {
        issuer: idp.entityId,
        nameID: target.nameId,
        nameIDFormat: target.nameIdFormat ?? NAMEID_UNSPECIFIED,
        ...(target.sessionIndex ? { sessionIndex: target.sessionIndex } : {}),
      },
      '',
      {},
    )
    await transaction(db, async (tx) =>
      tx
        .update(samlRequests)
        .set({ purpose: 'logout' })
        .where(eq(samlRequests.id, requestIdOf(url))),
    )
    return url
  }

  /**
   * Handles a logout message from the IdP on the HTTP-Redirect binding. Both kinds must carry a
   * valid signature by the IdP key: a LogoutRequest (the IdP ends the user's session everywhere)
   * and a LogoutResponse (the answer to ours).
   */
  async function handleSlo(query: Record<string, string>, rawQuery: string, now = new Date()): Promise<SloResult> {
    const param = query.SAMLResponse ? 'SAMLResponse' : 'SAMLRequest'
    // Bounded first: node-saml inflates without a limit, so nothing reaches it that was not
    // inflated here within MAX_INFLATED_BYTES.
    const xml = inflateRedirectMessage(query[param] ?? '', param)
    const signed = verifyRedirectSignature(rawQuery, idp.certs)
    if (!signed.ok) throw new SloRefused(`logout message refused: ${signed.reason}`)
    const { profile } = await saml.validateRedirectAsync(query, rawQuery)
    if (param === 'SAMLResponse') {
      // Forget the LogoutRequest it answers (node-saml checked that it is one of ours).
      const answered = parseXmlStrict(xml, 'LogoutResponse').documentElement.getAttribute('InResponseTo')
      if (answered) await transaction(db, async (tx) => tx.delete(samlRequests).where(and(eq(samlRequests.id, answered), eq(samlRequests.purpose, 'logout'))))
      return { kind: 'response' }
    }
    if (!profile?.nameID) throw new SloRefused('logout request without a NameID')
    const request = parseXmlStrict(xml, 'LogoutRequest').documentElement
    const destination = request.getAttribute('Destination')
    if (destination && destination !== sloUrl) throw new SloRefused(`logout request for ${destination}, not ${sloUrl}`)
    const expiresAt = logoutRequestExpiry(request, now)
    await consumeLogoutRequest(request.getAttribute('ID'), now, expiresAt)
    const redirectTo = idp.sloUrl ? await saml.getLogoutResponseUrlAsync(profile, query.RelayState ?? '', {}, true) : undefined
    return { kind: 'request', nameId: profile.nameID, sessionIndex: profile.sessionIndex ?? null, redirectTo }
  }

  /**
   * A LogoutRequest counts only within a short window: IssueInstant neither older than
   * LOGOUT_REQUEST_MAX_AGE_MS nor in the future (beyond the clock skew), NotOnOrAfter (optional in
   * SAML) not passed and not further ahead than that window. Returns until when its id must be
   * remembered: past that, the request is refused as stale anyway.
   */
  function logoutRequestExpiry(request: Element, now: Date): Date {
    const t = now.getTime()
    const issued = Date.parse(request.getAttribute('IssueInstant') ?? '')
    if (!Number.isFinite(issued)) throw new SloRefused('logout request without a valid IssueInstant')
    if (issued - t > CLOCK_SKEW_MS) throw new SloRefused(`logout request issued in the future (${new Date(issued).toISOString()})`)
    if (t - issued > LOGOUT_REQUEST_MAX_AGE_MS + CLOCK_SKEW_MS) throw new SloRefused(`stale logout request, issued ${new Date(issued).toISOString()}`)
    let until = issued + LOGOUT_REQUEST_MAX_AGE_MS
    const notOnOrAfterText = request.getAttribute('NotOnOrAfter')
    if (notOnOrAfterText !== null) {
      const notOnOrAfter = Date.parse(notOnOrAfterText)
      if (!Number.isFinite(notOnOrAfter)) throw new SloRefused('logout request with an unreadable NotOnOrAfter')
      if (t - CLOCK_SKEW_MS >= notOnOrAfter) throw new SloRefused(`expired logout request (NotOnOrAfter ${notOnOrAfterText})`)
      if (notOnOrAfter - t > LOGOUT_REQUEST_MAX_AGE_MS + CLOCK_SKEW_MS) {
        throw new SloRefused(
          `logout request valid for too long (NotOnOrAfter ${notOnOrAfterText}); at most ${LOGOUT_REQUEST_MAX_AGE_MS / 60_000} minutes are accepted`,
        )
      }
      until = Math.min(until, notOnOrAfter)
    }
    return new Date(until + CLOCK_SKEW_MS)
  }

  /** One use per LogoutRequest id: the primary key refuses a second (a replay), expired ids are purged. */
  async function consumeLogoutRequest(id: string | null, now: Date, expiresAt: Date): Promise<void> {
    if (!id) throw new SloRefused('logout request without an ID')
    const inserted = await transaction(db, async (tx) => {
      await tx.delete(samlUsedLogoutRequests).where(lt(samlUsedLogoutRequests.expiresAt, now))
      return tx.insert(samlUsedLogoutRequests).values({ requestId: id, usedAt: now, expiresAt }).onConflictDoNothing().returning()
    })
    if (inserted.length === 0) throw new SloRefused(`logout request ${id} was already used (a replay)`)
  }

  /** Our metadata, for the IdP's administrators: entityID, signing certificate, the ACS (HTTP-POST) and SLO (HTTP-Redirect). */
  function metadata(): string {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(entityId)}">
  <md:SPSSODescriptor AuthnRequestsSigned="${signing ? 'true' : 'false'}" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${signing ? `    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${signing}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n` : ''}    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(sloUrl)}"/>
    <md:NameIDFormat>${NAMEID_UNSPECIFIED}</md:NameIDFormat>
    <md:AssertionConsumerService index="0" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${esc(acsUrl)}"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`
  }

  return { idp, acsUrl, sloUrl, entityId, startLogin, verifyLoginResponse, logoutUrl, handleSlo, metadata }
}

/** The certificate's base64 body, as `<ds:X509Certificate>` holds it. */
const certBody = (certPem: string) => certPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')

function readMetadataFile(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    throw new Error(
      `Cannot read the IdP metadata at ${file} (HALL_IDP_METADATA): ${(err as Error).message}. ` +
        'Set HALL_IDP_METADATA to the metadata XML of the IdP to trust, or start the development IdP with npm start.',
    )
  }
}
