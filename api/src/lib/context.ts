import type { BlobStore } from '../blobs/index.ts'
import { createMiddleware } from 'hono/factory'
import type { Db } from '../db/client.ts'
import type { Env } from '../env.ts'
import type { Guards } from '../floods/index.ts'
import type { Logger } from './logger.ts'
import type { BellFeed } from '../notifications/feed.ts'

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
  /** Uploaded files and published bundles (HALL_BLOB_STORE): what every node must see alike. */
  blobs: BlobStore
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
    /** This node's change feed for the bell's live streams (set by createApp). */
    bell: BellFeed
    /** What a refusal adds to its audit row (e.g. which rate limit), read by the denial audit. */
    auditDetail?: Record<string, unknown>
    /** The parts the request's deploy token may touch (`*`: the bootstrap token, or an administrator); set with `deployer`. */
    deployParts?: '*' | string[]
  }
}

/** Hands every request the hall's dependencies and this node's guards, with no user yet (the session middleware sets one). */
export const provideContext = (deps: Deps, guards: Guards, bell: BellFeed) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps)
    c.set('user', null)
    c.set('guards', guards)
    c.set('bell', bell)
    await next()
    // A request that may have written has committed by now: the bell looks at once instead of at
    // its next period, and the person who acted (a read mark, a decision) hears of it on their
    // other pages without waiting for a cursor.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') bell.poke(c.get('user')?.cardNumber)
  })
