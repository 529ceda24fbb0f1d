import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../lib/context.ts'
import { requestEntry } from './record.ts'

// Every refusal worth an administrator's eye, written to the audit log in one place (after the
// response is made, whoever made it: a route's 404, the policy's 403, the CSRF guard, a rate
// limit): `access.denied`, gathered per actor, address, route and status per minute with a count
// (AuditThrottle), so a flood of refusals writes one row a minute, not one per request.
//
// What counts:
// - 403 and 429, always (a CSRF refusal is a 403);
// - 401 and 404 on an object of the API (a route with a path parameter: `/api/applications/:id`),
//   and 401 for a request that carried a token (a wrong deploy token). A 401 from `/api/me` when
//   someone simply is not logged in yet, or a 404 for a mistyped URL, is not an event.

/** The route that answers this request: the first non-middleware route matched, e.g. `/api/applications/:id`. */
function endpointOf(c: Context): string | null {
  return matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? null
}

function worthAuditing(c: Context, status: number, endpoint: string | null): boolean {
  if (status === 403 || status === 429) return true
  const onObject = endpoint !== null && endpoint.startsWith('/api/') && endpoint.includes(':')
  if (status === 404) return onObject
  if (status === 401) return onObject || c.req.header('authorization') !== undefined
  return false
}

/** The error code of the hall's JSON error body, when the response has one. */
async function errorCode(res: Response): Promise<string | undefined> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return undefined
  try {
    const body = (await res.clone().json()) as { error?: { code?: unknown } }
    return typeof body.error?.code === 'string' ? body.error.code : undefined
  } catch {
    return undefined
  }
}

/** Mount first (before the session and CSRF middleware), so it sees every refusal they make too. */
export const auditDenials = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const status = c.res.status
  if (status !== 401 && status !== 403 && status !== 404 && status !== 429) return
  const endpoint = endpointOf(c)
  if (!worthAuditing(c, status, endpoint)) return
  const route = `${c.req.method} ${endpoint ?? c.req.path}`
  const applicationId = endpoint?.startsWith('/api/applications/:id') ? Number(/^\/api\/applications\/(\d{1,12})/.exec(c.req.path)?.[1]) : NaN
  // A refusal that says what it was (a rate limit) spares reading its body back.
  const code = typeof c.get('auditDetail')?.code === 'string' ? undefined : await errorCode(c.res)
  const entry = requestEntry(c, {
    action: 'access.denied',
    outcome: 'denied',
    targetKind: 'route',
    targetId: route,
    ...(Number.isInteger(applicationId) && applicationId > 0 ? { applicationId } : {}),
    detail: { status, ...(code ? { code } : {}), ...c.get('auditDetail') },
  })
  const key = ['access.denied', status, entry.actor, entry.ip, route].join('|')
  await c.get('guards').audit.note(c.get('deps').now(), key, entry, c.req.path)
})
