import { createRoute, z } from '@hono/zod-openapi'
import { and, eq, lt } from 'drizzle-orm'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { transaction, type Db } from '../db/client.ts'
import type { Recall } from '../db/heard.ts'
import { constraintViolation } from '../db/constraints.ts'
import { samlRequests, samlUsedAssertions } from '../db/schema/index.ts'
import { limitBody } from '../lib/body-limit.ts'
import type { AppEnv, SessionUser } from '../lib/context.ts'
import { chosenLanguageOf } from '../notifications/preferences.ts'
import { authStatements } from './auth.statements.ts'
import { meFactsMemoryOf, type MeFacts } from './session-memory.ts'
import { ErrorSchema } from '../lib/errors.ts'
import { createRouter } from '../lib/router.ts'
import { auditRequest, requestEntry } from '../audit/record.ts'
import { rateLimit } from '../floods/index.ts'
import { setPolicy } from '../web/csp.ts'
import { AUTH_PAGE_POLICY, loggedOutPage, loginRefusedPage, sloRefusedPage, tooManyPage } from './pages.ts'
import { bindingCookieName, LoginRefused, REQUEST_TTL_MS, type LoginRule, type SamlServiceProvider, type VerifiedLogin } from './saml.ts'
import {
  clearSessionCookie,
  createSession,
  endSession,
  endSessionsOf,
  limitsOf,
  purgeExpiredSessions,
  readSession,
  requireUser,
  SESSION_COOKIE,
  setSessionCookie,
} from './sessions.ts'
import { resolveUser, unknownPersonMessage } from './user.ts'

/**
 * Where to land after login: a same-origin path, or `/`. Anything that a browser could read as
 * another origin (`//evil`, `/\evil`, `https://…`, control characters that browsers strip) is
 * refused rather than repaired.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || value.length > 2048) return '/'
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/'
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/'
  try {
    const base = 'http://hall.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return '/'
    const path = url.pathname + url.search + url.hash
    return path.startsWith('//') ? '/' : path
  } catch {
    return '/'
  }
}

const DepartmentRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })

const MeSchema = z
  .object({
    cardNumber: z.string().openapi({ description: 'The campus card number: a string, it may start with 0', example: '0012345' }),
    name: z.string().openapi({ example: '李明轩' }),
    nameEn: z.string().openapi({ example: 'Li Mingxuan' }),
    kind: z.enum(['staff', 'undergraduate', 'graduate', 'international']).nullable(),
    department: DepartmentRef.nullable(),
    roles: z.array(z.object({ role: z.string(), scope: z.string() })),
    knownToDataPlatform: z.boolean().openapi({ description: 'False for someone the IdP knows but the data platform does not' }),
    language: z
      .enum(['zh-CN', 'en'])
      .nullable()
      .openapi({ description: 'The language the person chose with the language switch (it wins over the browser’s); null: never chose, follow the browser' }),
    message: z.string().optional().openapi({ description: 'Why there is nothing to apply for, and whom to contact' }),
    messageZh: z.string().optional(),
  })
  .openapi('Me')

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['Auth'],
  summary: 'The logged-in person',
  middleware: [requireUser] as const,
  responses: {
    200: { description: 'The person of the session', content: { 'application/json': { schema: MeSchema } } },
    401: { description: 'No session: log in at loginUrl', content: { 'application/json': { schema: ErrorSchema } } },
  },
})

/** 401 for an answer that is not to be trusted; 400 for one that could not even be read. */
const statusOf = (rule: LoginRule) => (rule === 'malformed' ? 400 : 401)

const bindingCookieOptions = (secure: boolean) =>
  ({
    httpOnly: true,
    path: '/auth/saml/acs',
    // The ACS POST comes from the IdP's page: from another site, only a SameSite=None cookie is
    // sent with it, and browsers take None only with Secure. Over http (development on
    // localhost) the IdP is on the same site, where Lax is sent. See docs/decisions/002.
    sameSite: secure ? 'None' : 'Lax',
    secure,
  }) as const

const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json')

/**
 * The person's department as named now and the language they chose: remembered by the node for a
 * moment, as their session is (decision 024), else in one statement (one round trip); a person
 * without a department (or whose department is gone) has their language read alone.
 */
async function meFactsOf(db: Db, user: SessionUser, recall: Recall<MeFacts>, now: number): Promise<MeFacts> {
  const read = async (): Promise<MeFacts> => {
    const row = user.departmentCode
      ? (await authStatements(db).departmentAndLanguage.execute({ code: user.departmentCode, cardNumber: user.cardNumber }))[0]
      : undefined
    return {
      departmentCode: user.departmentCode,
      department: row ? { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn } : null,
      language: row ? row.language : await chosenLanguageOf(db, user.cardNumber),
    }
  }
  // Facts kept for a department the session no longer names are read again.
  return recall.memory.through(user.cardNumber, now, recall.maxAgeMs, read, (facts) => facts.departmentCode === user.departmentCode)
}

/**
 * The auth routes: SAML login and logout (`/auth/*`) and `/api/me`. Mount at `/` behind
 * sessionMiddleware and csrfProtection.
 */
export function createAuthRoutes(saml: SamlServiceProvider) {
  /** Consumes the request and the assertion, and creates the session, all in one transaction. */
  async function completeLogin(c: Context<AppEnv>, login: VerifiedLogin) {
    const { db, env, now } = c.get('deps')
    const user = await resolveUser(db, env, login)
    const at = now()
    try {
      return await transaction(db, async (tx) => {
        const [request] = await tx
          .delete(samlRequests)
          .where(and(eq(samlRequests.id, login.requestId), eq(samlRequests.purpose, 'login')))
          .returning()
        if (!request) throw new LoginRefused('replayed', 'the login request was already answered')
        await tx.delete(samlUsedAssertions).where(lt(samlUsedAssertions.expiresAt, at))
        // The primary key is the one-time-use guarantee: a second insert of the same id fails.
        await tx.insert(samlUsedAssertions).values({
          assertionId: login.assertionId,
          inResponseTo: login.requestId,
          cardNumber: user.cardNumber,
          usedAt: at,
          expiresAt: login.assertionExpiresAt,
        })
        await purgeExpiredSessions(tx, limitsOf(env), at)
        const sessionId = await createSession(tx, { user, nameId: login.nameId, nameIdFormat: login.nameIdFormat, sessionIndex: login.sessionIndex }, at)
        return { sessionId, user, returnTo: safeReturnTo(request.returnTo) }
      })
    } catch (err) {
      // The used assertion's primary key refused it (read alike on both dialects).
      if (constraintViolation(err)?.kind === 'unique') {
        throw new LoginRefused('replayed', `assertion ${login.assertionId} was already used`)
      }
      throw err
    }
  }

  const router = createRouter()
  router.use('/auth/*', async (c, next) => {
    await next()
    if (c.res.headers.get('content-type')?.startsWith('text/html')) setPolicy(c, AUTH_PAGE_POLICY)
  })
  return router
    .openapi(meRoute, async (c) => {
      const user = c.get('user')!
      const { db, env, log, now } = c.get('deps')
      const { department, language } = await meFactsOf(db, user, { memory: meFactsMemoryOf(db, log), maxAgeMs: env.memorySeconds * 1000 }, now().getTime())
      c.header('Cache-Control', 'no-store')
      return c.json(
        {
          cardNumber: user.cardNumber,
          name: user.name,
          nameEn: user.nameEn,
          kind: user.kind,
          department,
          roles: user.roles,
          knownToDataPlatform: user.knownToDataPlatform,
          language,
          ...(user.knownToDataPlatform ? {} : await unknownPersonMessage(db)),
        },
        200,
      )
    })

    .get('/auth/login', rateLimit('login', tooManyPage), async (c) => {
      const { env } = c.get('deps')
      const returnTo = safeReturnTo(c.req.query('returnTo'))
      c.header('Cache-Control', 'no-store')
      // Always a new login, even with a session: it is how someone switches accounts, and the
      // ACS ends the old session when the new one starts.
      const { url, binding } = await saml.startLogin(returnTo)
      setCookie(c, binding.name, binding.value, { ...bindingCookieOptions(env.secureCookies), maxAge: REQUEST_TTL_MS / 1000 })
      return c.redirect(url, 302)
    })

    .post('/auth/saml/acs', rateLimit('acs', tooManyPage), limitBody({ maxSize: 1024 * 1024 }), async (c) => {
      const { db, env, log, now } = c.get('deps')
      const form = await c.req.parseBody()
      const samlResponse = typeof form.SAMLResponse === 'string' ? form.SAMLResponse : undefined
      let done
      let login: VerifiedLogin | undefined
      try {
        login = await saml.verifyLoginResponse(samlResponse, (name) => getCookie(c, name))
        done = await completeLogin(c, login)
      } catch (err) {
        if (!(err instanceof LoginRefused)) throw err
        log.warn({ rule: err.rule, reason: err.message, requestId: login?.requestId }, `SAML login refused: ${err.rule}`)
        // Gathered per address and rule per minute, so a stream of forged posts is one row with a count.
        const entry = requestEntry(c, {
          actor: login?.nameId ?? 'anonymous',
          action: 'login.failed',
          outcome: 'failed',
          targetKind: 'saml_request',
          ...(login ? { targetId: login.requestId } : {}),
          detail: { rule: err.rule, reason: err.message },
        })
        await c.get('guards').audit.note(now(), ['login.failed', entry.ip, err.rule, entry.actor].join('|'), entry)
        c.header('Cache-Control', 'no-store')
        return c.html(loginRefusedPage(err.rule), statusOf(err.rule))
      }
      // A new session id at login; whatever session this browser had before is over.
      const previous = getCookie(c, SESSION_COOKIE)
      if (previous) await endSession(db, previous)
      deleteCookie(c, bindingCookieName(login.requestId), bindingCookieOptions(env.secureCookies))
      setSessionCookie(c, done.sessionId, env)
      log.info({ cardNumber: done.user.cardNumber, knownToDataPlatform: done.user.knownToDataPlatform }, 'logged in')
      await auditRequest(c, {
        actor: done.user.cardNumber,
        action: 'login.succeeded',
        outcome: 'success',
        targetKind: 'person',
        targetId: done.user.cardNumber,
        detail: { knownToDataPlatform: done.user.knownToDataPlatform, ...(previous ? { replacedSession: true } : {}) },
      })
      return c.redirect(done.returnTo, 303)
    })

    .get('/auth/saml/metadata', (c) => c.body(saml.metadata(), 200, { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8' }))

    .post('/auth/logout', async (c) => {
      const { db, env, log } = c.get('deps')
      const id = getCookie(c, SESSION_COOKIE)
      const ended = id ? await endSession(db, id) : null
      clearSessionCookie(c, env)
      let redirectTo = '/auth/logged-out'
      if (ended) {
        log.info({ cardNumber: ended.cardNumber }, 'logged out')
        redirectTo = (await saml.logoutUrl({ nameId: ended.nameId, nameIdFormat: ended.nameIdFormat, sessionIndex: ended.sessionIndex })) ?? redirectTo
      }
      // A page's fetch() cannot follow a redirect to the IdP (another origin): it gets the URL.
      if (wantsJson(c)) return c.json({ loggedOut: true, redirectTo }, 200)
      return c.redirect(redirectTo, 303)
    })

    .get('/auth/logged-out', (c) => c.html(loggedOutPage()))

    .get('/auth/saml/slo', async (c) => {
      const { db, env, log, now } = c.get('deps')
      const query = c.req.query()
      const rawQuery = new URL(c.req.url).search.slice(1)
      let result
      try {
        result = await saml.handleSlo(query, rawQuery)
      } catch (err) {
        log.warn({ reason: (err as Error).message }, 'SAML logout message refused')
        if (query.SAMLResponse) {
          // Our own session already ended when the logout started; only the IdP's answer is bad.
          return c.html(loggedOutPage(['统一身份认证的退出确认无法验证。', 'The university login service’s logout confirmation could not be verified.']), 400)
        }
        return c.html(sloRefusedPage(), 400)
      }
      if (result.kind === 'response') return c.redirect('/auth/logged-out', 303)

      const ended = await endSessionsOf(db, result.nameId!, result.sessionIndex ?? null)
      log.info({ nameId: result.nameId, ended }, 'logged out by the IdP')
      const id = getCookie(c, SESSION_COOKIE)
      if (id && !(await readSession(db, id, limitsOf(env), now()))) clearSessionCookie(c, env)
      return c.redirect(result.redirectTo ?? '/auth/logged-out', 302)
    })
}
