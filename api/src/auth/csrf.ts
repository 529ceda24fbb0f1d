import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../lib/context.ts'
import { errorBody } from '../lib/errors.ts'

// Cross-site request forgery: a page elsewhere must not make a logged-in browser change anything
// here. SameSite=Lax already keeps the session cookie off cross-site POSTs from other sites, but
// not from sibling subdomains (same site, other origin), so the origin is checked too. Hono's
// csrf() looks only at form content types; a JSON or multipart request must be checked as well.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** What the check guards: the API, and logout (a forced logout is a nuisance attack). */
const guarded = (path: string) => path.startsWith('/api/') || path === '/auth/logout'

export interface CsrfOptions {
  /** Requests the check does not apply to: a deploy script with a valid deploy token (see deploy-token.ts). */
  exempt?: (c: Context<AppEnv>) => boolean
}

/**
 * Refuses unsafe requests to the API and to /auth/logout unless they come from the hall's own
 * origin: `Origin` equal to ours, or, when a browser sends no Origin, `Sec-Fetch-Site` of
 * same-origin or none (typed in the address bar). A request with neither is refused too: every
 * browser sends one of them on a POST, and scripts use the deploy token. The SAML ACS is not
 * guarded: it is cross-site by nature, and the SAML checks protect it.
 */
export function csrfProtection(opts: CsrfOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!UNSAFE.has(c.req.method) || !guarded(c.req.path) || opts.exempt?.(c)) return next()
    const origin = c.req.header('origin')
    const fetchSite = c.req.header('sec-fetch-site')
    const ours = c.get('deps').env.publicOrigin
    const allowed = origin !== undefined ? origin === ours : fetchSite === 'same-origin' || fetchSite === 'none'
    if (allowed) return next()
    // A script that sent a wrong token meets this refusal (a wrong token exempts nothing): say so.
    const badToken = (c.req.header('authorization') ?? '').startsWith('Bearer ')
    return c.json(
      errorBody(
        'cross_site_request',
        `Refused a cross-site ${c.req.method}: changes are accepted only from pages of ${ours} (Origin: ${origin ?? 'none'}, Sec-Fetch-Site: ${fetchSite ?? 'none'})` +
          (badToken ? '; the Bearer token sent is not a valid deploy token (wrong, or revoked: ask an administrator for a new one)' : ''),
        `已拒绝跨站请求：只接受来自 ${ours} 页面的修改操作` +
          (badToken ? '；所附 Bearer 令牌不是有效的部署令牌（错误或已被吊销，请向系统管理员申请新令牌）' : ''),
      ),
      403,
    )
  })
}
