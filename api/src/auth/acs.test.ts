import { describe, expect, it } from 'vitest'
import { STATUS, type SamlResponseOptions } from '@hall/dev-idp'
import { HALL, IDP, authHarness, demo, testKeys } from './test-support.ts'

// Every rule of the ACS, one crafted response each. Each case is a response that is right in every
// way but one, so a pass proves that one rule is enforced. Each must be refused AND leave no
// session behind: a refusal page after a session was created would still be a login.

const HOUR = 3600_000
const other = await testKeys()

type Craft = (ctx: { requestId: string; acsUrl: string; entityId: string; idpEntityId: string }) => Partial<SamlResponseOptions>

const rejections: { name: string; rule: string; why: string; craft: Craft }[] = [
  {
    name: 'bad signature: the NameID changed after signing',
    rule: 'signature',
    why: 'whoever relays the response (the browser) must not be able to change who logs in',
    craft: () => ({ tamper: (xml) => xml.replace(`>${demo.undergraduate.cardNumber}</saml:NameID>`, `>${demo.staff.cardNumber}</saml:NameID>`) }),
  },
  {
    name: 'signed with another key (its certificate inside KeyInfo)',
    rule: 'signature',
    why: 'only the key pinned from the metadata counts; a certificate the message brings along proves nothing',
    craft: () => ({ signingKey: other.other.privateKeyPem, certPem: other.other.certPem }),
  },
  {
    name: 'not signed at all',
    rule: 'signature',
    why: 'an unsigned assertion is just text anyone can write',
    craft: () => ({ sign: { assertion: false, response: false } }),
  },
  {
    name: 'a Response signature that does not verify, around a validly signed assertion',
    rule: 'signature',
    why: 'node-saml falls back to the assertion signature when the Response one fails; a broken signature means tampering',
    craft: () => ({ tamper: (xml) => xml.replace(/(<samlp:Response[^>]*IssueInstant=")[^"]*"/, '$12001-01-01T00:00:00Z"') }),
  },
  {
    name: 'a second, unsigned assertion slipped in before the signed one (wrapping)',
    rule: 'signature',
    why: 'signature wrapping: the reader must not pick an assertion the signature does not cover',
    craft: () => ({
      tamper: (xml) => {
        const assertion = xml.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0]
        const evil = assertion.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace(/ID="[^"]+"/, 'ID="_evil"')
        return xml.replace('<saml:Assertion', `${evil}<saml:Assertion`)
      },
    }),
  },
  {
    name: 'wrong audience',
    rule: 'audience',
    why: 'an assertion the IdP made for another application must not open the hall',
    craft: () => ({ audience: 'https://library.minghu.edu.cn/saml/metadata' }),
  },
  {
    name: 'wrong Destination',
    rule: 'destination',
    why: 'node-saml does not compare Destination with the ACS URL',
    craft: ({ acsUrl }) => ({ destination: 'https://library.minghu.edu.cn/saml/acs', recipient: acsUrl }),
  },
  {
    name: 'wrong Recipient',
    rule: 'recipient',
    why: 'node-saml does not check SubjectConfirmationData Recipient, the signed statement of where the assertion may be used',
    craft: () => ({ recipient: 'https://library.minghu.edu.cn/saml/acs' }),
  },
  {
    name: 'wrong Issuer on the Response and the Assertion',
    rule: 'issuer',
    why: 'node-saml does not check the assertion Issuer (its issue #405)',
    craft: () => ({ issuer: 'https://idp.other-university.edu/metadata' }),
  },
  {
    name: 'wrong Issuer on the Assertion only',
    rule: 'issuer',
    why: 'the Assertion Issuer is the signed one; the Response Issuer alone is not enough',
    craft: ({ idpEntityId }) => ({ responseIssuer: idpEntityId, assertionIssuer: 'https://idp.other-university.edu/metadata' }),
  },
  {
    name: 'expired an hour ago',
    rule: 'expired',
    why: 'an old response found in a log or a browser history must not log in',
    craft: () => ({ now: new Date(Date.now() - HOUR) }),
  },
  {
    name: 'not yet valid (an hour ahead, beyond the 3-minute clock skew)',
    rule: 'not_yet_valid',
    why: 'a response dated in the future suggests a forged or mis-clocked IdP',
    craft: () => ({ notBefore: new Date(Date.now() + HOUR) }),
  },
  {
    name: 'unsolicited: no InResponseTo',
    rule: 'unsolicited',
    why: 'IdP-initiated responses cannot be tied to a browser or a request, and can be replayed',
    craft: () => ({ inResponseTo: null }),
  },
  {
    name: 'InResponseTo of a request the hall never made',
    rule: 'unknown_request',
    why: 'only answers to our own requests count',
    craft: () => ({ inResponseTo: '_0123456789abcdef0123456789abcdef01234567' }),
  },
  {
    name: 'signed SubjectConfirmationData answering another request than the Response says',
    rule: 'unknown_request',
    why: 'the Response InResponseTo is unsigned when only the assertion is signed; the signed one must agree',
    craft: () => ({ subjectInResponseTo: '_another-request', sign: { assertion: true, response: false } }),
  },
  {
    name: 'non-success status with a signed assertion inside',
    rule: 'status',
    why: 'node-saml reads the status only when there is no assertion',
    craft: () => ({ status: STATUS.responder, includeAssertion: true }),
  },
  {
    name: 'non-success status without an assertion',
    rule: 'status',
    why: 'the IdP said the login failed',
    craft: () => ({ status: STATUS.authnFailed, statusMessage: 'wrong password' }),
  },
]

describe('POST /auth/saml/acs refuses', () => {
  it.each(rejections)('$name', async ({ rule, craft }) => {
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const { samlResponse } = h.craft(requestId, craft({ requestId, acsUrl: h.sp.acsUrl, entityId: h.sp.entityId, idpEntityId: h.urls.entityId }))
    const res = await h.postToAcs(samlResponse)
    expect([400, 401]).toContain(res.status)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toContain('登录未成功')
    expect(html).toContain('/auth/login') // the "try again" link
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/hall_sid=[^;]/)
    expect(await h.sessionCount()).toBe(0)
    expect((await h.browser.fetch(`${HALL}/api/me`)).status).toBe(401)
    expect(h.refusedRule()).toBe(rule)
  })

  it('nothing that is not a SAML response (400)', async () => {
    const h = await authHarness()
    for (const body of [{} as Record<string, string>, { SAMLResponse: 'not base64 xml at all' }, { SAMLResponse: Buffer.from('<html/>').toString('base64') }]) {
      const res = await h.browser.postForm(`${HALL}/auth/saml/acs`, body, IDP)
      expect(res.status).toBe(400)
    }
    expect(await h.sessionCount()).toBe(0)
  })
})

describe('POST /auth/saml/acs accepts what real IdPs send', () => {
  // Shibboleth signs the Response only by default, ADFS and samlp the Assertion only.
  it.each([
    ['the Response and the Assertion signed', { assertion: true, response: true }],
    ['only the Assertion signed', { assertion: true, response: false }],
    ['only the Response signed', { assertion: false, response: true }],
  ] as const)('%s', async (_name, sign) => {
    const h = await authHarness()
    const { requestId } = await h.startLogin('/my')
    const res = await h.postToAcs(h.craft(requestId, { sign }).samlResponse)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/my')
    expect(await h.sessionCount()).toBe(1)
  })

  it('a clock up to the skew (2 minutes) behind or ahead', async () => {
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const res = await h.postToAcs(h.craft(requestId, { now: new Date(Date.now() - 2 * 60_000), validForMs: 60_000 }).samlResponse)
    expect(res.status).toBe(303)
  })
})

describe('one-time use', () => {
  it('refuses the same valid response posted twice (replay)', async () => {
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const { samlResponse } = h.craft(requestId)
    expect((await h.postToAcs(samlResponse)).status).toBe(303)
    const again = await h.postToAcs(samlResponse)
    expect(again.status).toBe(401)
    expect(await again.text()).toContain('已经用过')
    expect(h.refusedRule()).toBe('replayed')
    expect(await h.sessionCount()).toBe(1)
  })

  it('refuses a replay from another browser that carries no binding cookie', async () => {
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const { samlResponse } = h.craft(requestId)
    expect((await h.postToAcs(samlResponse)).status).toBe(303)
    const attacker = h.newBrowser()
    expect((await h.postToAcs(samlResponse, attacker)).status).toBe(401)
    expect(await h.sessionCount()).toBe(1)
  })

  it('makes exactly one session from two posts of the same response at the same moment', async () => {
    // node-saml's InResponseTo check and its cache removal are not atomic: both posts would pass
    // them. The hall consumes the request and the assertion in one transaction.
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const { samlResponse } = h.craft(requestId)
    const results = await Promise.all([h.postToAcs(samlResponse), h.postToAcs(samlResponse), h.postToAcs(samlResponse)])
    expect(results.map((r) => r.status).sort()).toEqual([303, 401, 401])
    // A post that overlapped the winner's transaction finds its assertion used (replayed); one that
    // started after it committed finds its login request gone (unknown_request), as a busy machine
    // schedules them. Either way refused and logged, and one session only.
    const refusals = h.logs.filter((l) => l.rule === 'replayed' || l.rule === 'unknown_request')
    expect(refusals).toHaveLength(2)
    expect(await h.sessionCount()).toBe(1)
  })

  it('refuses an assertion ID that already logged someone in, even answering a new request', async () => {
    // The used-assertion table is the second lock: a response whose request is still open but
    // whose assertion was used must not log in.
    const h = await authHarness()
    const first = await h.startLogin('/')
    expect((await h.postToAcs(h.craft(first.requestId, { assertionId: '_same-assertion' }).samlResponse)).status).toBe(303)
    const second = await h.startLogin('/')
    const res = await h.postToAcs(h.craft(second.requestId, { assertionId: '_same-assertion' }).samlResponse)
    expect(res.status).toBe(401)
    expect(h.refusedRule()).toBe('replayed')
    expect(await h.sessionCount()).toBe(1)
  })
})

describe('binding the login to the browser that started it', () => {
  it('refuses a valid response posted by a browser that did not start the login, and keeps it usable by the one that did', async () => {
    // Login CSRF: an attacker who gets a response for their own account must not be able to log a
    // victim's browser into it. And a forged post must not spoil the real user's login.
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const { samlResponse } = h.craft(requestId)
    const victim = h.newBrowser()
    const forced = await h.postToAcs(samlResponse, victim)
    expect(forced.status).toBe(401)
    expect(h.refusedRule()).toBe('browser_binding')
    expect(await h.sessionCount()).toBe(0)
    expect((await h.postToAcs(samlResponse)).status).toBe(303)
    expect(await h.sessionCount()).toBe(1)
  })

  it('refuses a response when the binding cookie has the wrong value', async () => {
    const h = await authHarness()
    const { requestId } = await h.startLogin('/')
    const name = [...h.browser.jar.get('localhost:3000')!.keys()].find((k) => k.startsWith('hall_login_'))!
    h.browser.setCookie(HALL, name, 'guessed', '/auth/saml/acs')
    expect((await h.postToAcs(h.craft(requestId).samlResponse)).status).toBe(401)
    expect(h.refusedRule()).toBe('browser_binding')
    expect(await h.sessionCount()).toBe(0)
  })
})
