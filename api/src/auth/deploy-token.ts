import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../lib/context.ts'
import { identifyDeployer } from '../routes/deploy-tokens/deploy-tokens.service.ts'

// Deploy scripts authenticate with a deploy token as `Authorization: Bearer …`: the bootstrap
// token (HALL_DEPLOY_TOKEN) or a team's named token (routes/deploy-tokens). Such a request is the
// deployer and nobody else: a browser that also sends a session cookie (a page of another site
// making the request with the user's cookies) must not borrow the cookie's person, and only a
// request with a *valid* token may skip the CSRF check (a junk Bearer header proves nothing).

/** The Bearer token of the request, or null when there is none. */
export function bearerToken(c: Context<AppEnv>): string | null {
  const auth = c.req.header('authorization')
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null
}

/**
 * Mount after sessionMiddleware: a request with a valid, unrevoked deploy token becomes its
 * deployer (`deployer`, `deployParts`) and loses whatever person its session cookie named.
 * Requests without one are left as they are; the deployment routes refuse a wrong token (401).
 */
export const deployTokenAuth = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c)
  if (token !== null) {
    const { db, deployToken, now } = c.get('deps')
    const who = await identifyDeployer(db, now(), token, deployToken)
    if (who) {
      c.set('user', null)
      c.set('deployer', who.name)
      c.set('deployParts', who.parts)
    }
  }
  await next()
})
