import { timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../lib/context.ts'

// Deploy scripts authenticate with the deploy token as `Authorization: Bearer …`. Such a request
// is the deployer and nobody else: a browser that also sends a session cookie (a page of another
// site making the request with the user's cookies) must not borrow the cookie's person, and only
// a request with the *right* token may skip the CSRF check (a junk Bearer header proves nothing).

/** Constant-time comparison, so the token cannot be guessed a byte at a time from timings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The Bearer token of the request, or null when there is none. */
export function bearerToken(c: Context<AppEnv>): string | null {
  const auth = c.req.header('authorization')
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null
}

/** Whether the request carries the deploy token (not merely some Bearer header). */
export function hasDeployToken(c: Context<AppEnv>): boolean {
  const token = bearerToken(c)
  return token !== null && sameSecret(token, c.var.deps.deployToken)
}

/**
 * Mount after sessionMiddleware: a request with the valid deploy token becomes the deployer and
 * loses whatever person its session cookie named. Requests without it are left as they are.
 */
export const deployTokenAuth = createMiddleware<AppEnv>(async (c, next) => {
  if (hasDeployToken(c)) {
    c.set('user', null)
    c.set('deployer', 'deploy-token')
  }
  await next()
})
