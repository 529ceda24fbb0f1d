import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * The address of the client that sent this request, as rate limits and the audit log key it.
 *
 * X-Forwarded-For is only believed as far as HALL_TRUST_PROXY says: with N trusted proxies, the
 * Nth address from the right is the one the outermost trusted proxy saw; anything further left
 * was written by the client itself and proves nothing. Without a socket (in-process tests) the
 * address is `unknown`, so every such request shares one bucket, which is the safe direction.
 */
export function clientAddress(c: Context, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const seen = chain[chain.length - trustProxyHops]
    if (seen) return seen
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
