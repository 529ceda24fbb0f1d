// Logging in over HTTP as a browser does, for the benchmarks that need a session.

function field(html: string, name: string): string | undefined {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`))
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Logs `cardNumber` in through the development IdP over HTTP, as a browser would; returns the session cookie. */
export async function login(base: string, cardNumber: string): Promise<string> {
  const start = await fetch(`${base}/auth/login`, { redirect: 'manual' })
  const binding = (start.headers.get('set-cookie') ?? '').split(';')[0]!
  const idpPage = await fetch(start.headers.get('location')!)
  const html = await idpPage.text()
  const idpOrigin = new URL(idpPage.url).origin
  const fields: Record<string, string> = { SAMLRequest: field(html, 'SAMLRequest')!, cardNumber }
  const relay = field(html, 'RelayState')
  if (relay) fields.RelayState = relay
  const posted = await fetch(`${idpOrigin}/sso/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: idpOrigin },
    body: new URLSearchParams(fields),
  })
  const form = await posted.text()
  const acs: Record<string, string> = { SAMLResponse: field(form, 'SAMLResponse')! }
  const rs = field(form, 'RelayState')
  if (rs) acs.RelayState = rs
  const done = await fetch(`${base}/auth/saml/acs`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: idpOrigin, cookie: binding },
    body: new URLSearchParams(acs),
  })
  const session = (done.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('hall_sid='))
  if (done.status !== 303 || !session) throw new Error(`login of ${cardNumber} failed: ${done.status} ${await done.text()}`)
  return session.split(';')[0]!
}
