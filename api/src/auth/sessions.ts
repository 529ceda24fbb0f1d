import { createHash, randomBytes } from 'node:crypto'
import { and, eq, lt, or } from 'drizzle-orm'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { transaction, type Db } from '../db/client.ts'
import { authStatements } from './auth.statements.ts'
import type { Recall } from '../db/heard.ts'
import { forgetSessions, sessionMemoryOf, type LiveSession } from './session-memory.ts'
import { sessions } from '../db/schema/index.ts'
import type { Env } from '../env.ts'
import type { AppEnv, SessionUser } from '../lib/context.ts'
import { errorBody } from '../lib/errors.ts'
import { policy } from '../policy/index.ts'

// Server-side sessions (DESIGN rule 7). The cookie holds a random id; the table holds its hash,
// the person as of login and two clocks: the idle timeout runs from the last request, the
// absolute one from login.

export const SESSION_COOKIE = 'hall_sid'
/** lastSeen is written at most this often: one write a minute per user, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000

const hashId = (id: string) => createHash('sha256').update(id).digest('hex')

export interface NewSession {
  user: SessionUser
  nameId: string
  nameIdFormat: string | null
  sessionIndex: string | null
}

/** Creates a session and returns its id (the cookie value). Always a new id: no fixation. */
export async function createSession(db: Db, s: NewSession, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url')
  await transaction(db, async (tx) => {
    await tx.insert(sessions).values({
      idHash: hashId(id),
      cardNumber: s.user.cardNumber,
      user: s.user,
      nameId: s.nameId,
      nameIdFormat: s.nameIdFormat,
      sessionIndex: s.sessionIndex,
      createdAt: now,
      lastSeenAt: now,
    })
  })
  return id
}

export interface SessionLimits {
  idleMs: number
  maxMs: number
}

export const limitsOf = (env: Env): SessionLimits => ({
  idleMs: env.sessionIdleMinutes * 60_000,
  maxMs: env.sessionMaxHours * 3600_000,
})

export type SessionRow = typeof sessions.$inferSelect

/**
 * The live session for a cookie value, or null; an expired one is deleted on sight. With `recall`
 * (decision 024) a session this node read a moment ago may answer, if nothing is due on it: expiry
 * and the minute's touch are decided on the database's row.
 */
export async function readSession(db: Db, id: string, limits: SessionLimits, now: Date, recall?: Recall<LiveSession>): Promise<LiveSession | null> {
  const idHash = hashId(id)
  const t = now.getTime()
  const read = async (): Promise<LiveSession | null> => {
    const statements = authStatements(db)
    const row: LiveSession | undefined = (await statements.session.execute({ idHash }))[0]
    if (!row) return null
    if (t - row.lastSeenAt.getTime() >= limits.idleMs || t - row.createdAt.getTime() >= limits.maxMs) {
      await transaction(db, () => statements.deleteSession.execute({ idHash }))
      forgetSessions(db, [idHash])
      return null
    }
    if (t - row.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return row
    await transaction(db, () => statements.touchSession.execute({ idHash, at: now }))
    return { ...row, lastSeenAt: now }
  }
  if (!recall) return read()
  const nothingDue = (s: LiveSession) => t - s.lastSeenAt.getTime() < TOUCH_INTERVAL_MS && t - s.createdAt.getTime() < limits.maxMs
  return recall.memory.through(idHash, t, recall.maxAgeMs, read, nothingDue)
}

export async function endSession(db: Db, id: string): Promise<SessionRow | null> {
  const [row] = await transaction(db, async (tx) => {
    forgetSessions(tx, [hashId(id)])
    return tx
      .delete(sessions)
      .where(eq(sessions.idHash, hashId(id)))
      .returning()
  })
  return row ?? null
}

/** Ends the sessions an IdP logout names: the person's, narrowed to one IdP session when given. */
export async function endSessionsOf(db: Db, nameId: string, sessionIndex: string | null): Promise<number> {
  const where = sessionIndex ? and(eq(sessions.nameId, nameId), eq(sessions.sessionIndex, sessionIndex)) : eq(sessions.nameId, nameId)
  const ended = await transaction(db, async (tx) => tx.delete(sessions).where(where).returning({ idHash: sessions.idHash }))
  forgetSessions(
    db,
    ended.map((s) => s.idHash),
  )
  return ended.length
}

/** Deletes sessions past either timeout (called on login; expired ones are also dropped on sight). */
export async function purgeExpiredSessions(db: Db, limits: SessionLimits, now: Date): Promise<void> {
  const t = now.getTime()
  await transaction(db, async (tx) =>
    tx.delete(sessions).where(or(lt(sessions.lastSeenAt, new Date(t - limits.idleMs)), lt(sessions.createdAt, new Date(t - limits.maxMs)))),
  )
}

export function setSessionCookie(c: Context, id: string, env: Env): void {
  // No Max-Age: the cookie goes when the browser closes (shared campus computers); the server's
  // timeouts bound it in any case.
  setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Lax', secure: env.secureCookies, path: '/' })
}

export function clearSessionCookie(c: Context, env: Env): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', secure: env.secureCookies, path: '/' })
}

/** Sets `user` from the session cookie (or null). Every route runs behind it. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { db, env, log, now } = c.get('deps')
  const id = getCookie(c, SESSION_COOKIE)
  let user: SessionUser | null = null
  if (id) {
    // Anything that may change something reads the database: a session ended a moment ago on
    // another node changes nothing more (decision 024).
    const reads = c.req.method === 'GET' || c.req.method === 'HEAD'
    const recall = { memory: sessionMemoryOf(db, log), maxAgeMs: reads ? env.memorySeconds * 1000 : 0 }
    const row = await readSession(db, id, limitsOf(env), now(), recall)
    if (row) user = row.user
    else clearSessionCookie(c, env)
  }
  c.set('user', user)
  await next()
})

const unauthenticated = () =>
  errorBody('unauthenticated', 'You are not logged in, or your session has expired', '尚未登录，或登录已过期', { loginUrl: '/auth/login' })

/** Answers 401 in the API's error shape when there is no session. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) return c.json(unauthenticated(), 401)
  await next()
})

/** Logged in, and an admin or a service owner somewhere: service administration and its templates (403 otherwise). */
export const requireServiceAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user')
  if (!user) return c.json(unauthenticated(), 401)
  if (!policy.canUseServiceAdmin(user))
    return c.json(errorBody('forbidden', 'Service administration is for service owners and administrators', '服务管理仅对服务负责人和系统管理员开放'), 403)
  await next()
})
