import { createMiddleware } from 'hono/factory'
import type { Db } from '../db/client.ts'
import type { Env } from '../env.ts'
import type { Guards } from '../floods/index.ts'
import type { Logger } from './logger.ts'

export type UserKind = 'staff' | 'undergraduate' | 'graduate' | 'international'

/** The logged-in person as the session knows them (set by the auth middleware). */
export interface SessionUser {
  cardNumber: string
  name: string
  nameEn: string
  kind: UserKind | null
  departmentCode: string | null
  roles: { role: string; scope: string }[]
  knownToDataPlatform: boolean
}

/** What every route handler can rely on. */
export interface Deps {
  db: Db
  env: Env
  log: Logger
  /** The clock, injectable so tests can move time instead of sleeping. */
  now: () => Date
  /** The secret a deploy script sends as a Bearer token (HALL_DEPLOY_TOKEN, or generated in the data folder). */
  deployToken: string
}

export type AppEnv = {
  Variables: {
    deps: Deps
    user: SessionUser | null
    /** Set when the request carried the deployment token (scripts, not browsers). */
    deployer?: string
    /** This node's rate limiters, stream caps and audit gathering (set by createApp). */
    guards: Guards
    /** What a refusal adds to its audit row (e.g. which rate limit), read by the denial audit. */
    auditDetail?: Record<string, unknown>
    /** The parts the request's deploy token may touch (`*`: the bootstrap token, or an administrator); set with `deployer`. */
    deployParts?: '*' | string[]
  }
}

/** Hands every request the hall's dependencies and this node's guards, with no user yet (the session middleware sets one). */
export const provideContext = (deps: Deps, guards: Guards) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps)
    c.set('user', null)
    c.set('guards', guards)
    await next()
  })
