import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { idpMetadata, type IdpKeys } from '@hall/dev-idp'
import type { Logger } from 'drizzle-orm'
import { inject, onTestFinished } from 'vitest'
import { createApp } from './app.ts'
import { createSamlServiceProvider } from './auth/saml.ts'
import { SESSION_COOKIE, createSession } from './auth/sessions.ts'
import { resolveUser } from './auth/user.ts'
import { openBlobStore } from './blobs/index.ts'
import { closeDb, handleOn, openDb, type Db } from './db/client.ts'
import { dialect } from './db/dialect.ts'
import { freshPgUrl } from './db/pg-test-support.ts'
import { openPostgresHandle, type TransactionOptions } from './db/postgres.ts'
import { seedDemo, storeSeededFiles } from './demo/index.ts'
import { loadEnv } from './env.ts'
import { createGuards } from './floods/index.ts'
import type { Deps } from './lib/context.ts'
import { createBellFeed, createPollingFeed } from './notifications/feed.ts'
import { createLogger } from './lib/logger.ts'
import { START, imageOf, testIdpKeys } from '../vitest.global-setup.ts'

/**
 * This file's copies of the databases every test starts from: the run's (vitest.global-setup.ts),
 * or made here once per test file when none was handed over (watch mode). Each test still gets a
 * private database, a copy of an image (`new Database(buffer)` deserializes it into memory of its own).
 */
const images: { migrated?: Buffer; seeded?: Buffer } = {}
const fromRun = inject('hallTestImages')

/** Tells whoever listens of each statement a test's handle runs: drizzle's logger of that handle. */
class StatementTap implements Logger {
  listener: ((sql: string, params: unknown[]) => void) | undefined
  logQuery(sql: string, params: unknown[]): void {
    this.listener?.(sql, params)
  }
}
const taps = new WeakMap<Db, StatementTap>()

/**
 * A private in-memory database copied from `image`. The image holds the data only, not a
 * connection's settings; better-sqlite3's defaults are what `openDb` sets (foreign keys on, a
 * 5 s busy timeout, synchronous FULL, an in-memory journal), which test-support.test.ts checks
 * pragma for pragma.
 */
function copyOf(image: Buffer): Db {
  const tap = new StatementTap()
  const db = handleOn(new Database(image), undefined, { logger: tap })
  taps.set(db, tap)
  return db
}

/**
 * Records every statement the services run on a test's database (`testDeps`, `testApp`), on
 * either dialect, with its parameters: what drizzle sends, which is all the services send (no
 * service touches the driver itself).
 */
export function recordStatements(db: Db) {
  const tap = taps.get(db)
  if (!tap) throw new Error('recordStatements needs a database that testDeps or testApp made')
  const seen: { sql: string; params: unknown[] }[] = []
  tap.listener = (sql, params) => seen.push({ sql, params: params.flat() })
  return {
    /** Statements since the mark that carried `value` as a parameter. */
    about: (value: unknown, since = 0) => seen.slice(since).filter((q) => q.params.includes(value)),
    /** A mark for `about`: the statements recorded so far. */
    mark: () => seen.length,
    stop: () => {
      tap.listener = undefined
    },
  }
}

/** A fresh migrated database, or one already seeded with the demo university at `START`. */
async function freshDb(seeded: boolean): Promise<Db> {
  if (dialect === 'postgres') return freshPostgresDb(seeded)
  return copyOf(await sqliteImage(seeded))
}

/** The migrated or the seeded SQLite image (a database file's bytes). */
async function sqliteImage(seeded: boolean): Promise<Buffer> {
  const kind = seeded ? 'seeded' : 'migrated'
  const provided = fromRun?.[kind]
  return (images[kind] ??= provided ? Buffer.from(provided, 'base64') : await imageOf(seeded))
}

/**
 * The same on the run's PostgreSQL server (vitest.postgres.config.ts): a database
 * of its own, copied from the migrated or the seeded template. Its pool keeps at most two
 * connections and closes idle ones after a second, so the many databases of a run do not hold
 * the server's connections.
 */
async function freshPostgresDb(seeded: boolean): Promise<Db> {
  const url = await freshPgUrl({ seeded })
  const tap = new StatementTap()
  const db = await openPostgresHandle(url, { migrate: false, max: 2, idleTimeoutSeconds: 1, logger: tap })
  taps.set(db, tap)
  // Closed with the test that made it; one made outside a test (in beforeAll) closes when idle.
  try {
    onTestFinished(() => closeDb(db))
  } catch {
    // not inside a test
  }
  return db
}

/** One database that several handles open: see `sharedDatabase`. */
export interface SharedDatabase {
  /**
   * A handle on the database, as another API node (or one node restarted) has: on PostgreSQL a
   * pool of its own, whose runner tells `onRetry` of each transaction it runs again.
   */
  open(o?: Pick<TransactionOptions, 'onRetry'>): Promise<Db>
}

/**
 * One migrated database that several handles open, as several API nodes (or one node restarted)
 * would: a SQLite file of its own, or a database of its own on the run's PostgreSQL server; with
 * `seeded`, holding the demo university seeded at `START` already (copied, as `testApp`'s are).
 * Every handle `open` gives is closed when the test ends; closing one earlier (`closeDb`, a node
 * that stops) is the test's to do. This is how a test sets the scene of two nodes on either database.
 *
 * `concurrent`: the nodes run transactions at the same moment. On SQLite they then share one
 * handle (until it is closed): two handles in one process are not two processes, since one's
 * BEGIN IMMEDIATE, made while the other's transaction awaits a query, waits synchronously (the
 * busy timeout) for a lock only this blocked process could release. Without it, each `open` on
 * SQLite is a handle of its own (its own connections and its own in-memory caches, as a node's).
 */
export async function sharedDatabase(opts: { seeded?: boolean; concurrent?: boolean } = {}): Promise<SharedDatabase> {
  const seeded = opts.seeded ?? false
  const handles: Db[] = []
  // On SQLite, the file's folder (removed with the test).
  const folder = dialect === 'sqlite' ? mkdtempSync(path.join(tmpdir(), 'hall-shared-')) : undefined
  onTestFinished(async () => {
    for (const db of handles.splice(0)) await closeDb(db)
    if (folder) rmSync(folder, { recursive: true, force: true })
  })
  const keep = (db: Db) => {
    handles.push(db)
    return db
  }
  if (!folder) {
    const url = await freshPgUrl({ seeded })
    return { open: async (o = {}) => keep(await openPostgresHandle(url, { migrate: false, max: 4, idleTimeoutSeconds: 1, ...o })) }
  }
  const file = path.join(folder, 'hall.sqlite')
  // An image is a database file's bytes: `openDb` finds every migration applied and turns on WAL.
  writeFileSync(file, await sqliteImage(seeded))
  let shared: Db | undefined
  return {
    open: async () => {
      if (!opts.concurrent) return keep(openDb(file))
      if (!shared?.$client.open) shared = keep(openDb(file))
      return shared
    },
  }
}

/**
 * Dependencies for one test: a private in-memory database with every migration applied (or the
 * SQLite file `dbFile`, or the handle `db`, which several test nodes can share), a data folder of
 * its own, a clock the test can move, and a fixed deploy token.
 */
export async function testDeps(overrides: Record<string, string> = {}, opts: { dbFile?: string; db?: Db } = {}) {
  return depsOver(sharedDb(opts) ?? (await freshDb(false)), overrides)
}

/** The database a test names to share with another app (as two API nodes would), if it names one. */
function sharedDb(opts: { dbFile?: string; db?: Db }): Db | undefined {
  return opts.db ?? (opts.dbFile ? openDb(opts.dbFile) : undefined)
}

function depsOver(db: Db, overrides: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-test-'))
  const env = loadEnv({ NODE_ENV: 'test', HALL_DATA_DIR: dataDir, HALL_LOG_LEVEL: 'silent', ...overrides })
  let now = START
  const deps: Deps = {
    db,
    env,
    log: createLogger('silent'),
    blobs: openBlobStore(env),
    now: () => now,
    deployToken: 'test-deploy-token-0123456789abcdef',
  }
  return {
    deps,
    // Arrow functions, not methods: tests take them apart (`const { deps, advance } = ...`).
    /** Moves the clock forward by `ms`. */
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms)
    },
  }
}

let idpKeys: Promise<IdpKeys> | null = null
/** One development IdP key pair per run (or per test file): generating RSA keys is the slow part. */
const keys = () => (idpKeys ??= Promise.resolve(fromRun?.idpKeys ?? testIdpKeys()))

/**
 * The whole app over a fresh database seeded with the demo university (unless `demo: false`: a
 * production hall's empty database), trusting a test IdP, with `loginAs` that creates a session
 * directly (as a fixture; the SAML round trip itself is tested in auth/).
 */
export async function testApp(overrides: Record<string, string> = {}, opts: { demo?: boolean; dbFile?: string; db?: Db; feed?: 'polling' } = {}) {
  const demo = opts.demo !== false
  const shared = sharedDb(opts)
  const t = depsOver(shared ?? (await freshDb(demo)), overrides)
  if (demo) {
    // A copied image is seeded already; a shared database is seeded here (once: seedDemo skips a seeded one).
    if (shared) await seedDemo(t.deps.db, t.deps.now())
    await storeSeededFiles(t.deps.blobs)
  }
  const { certPem } = await keys()
  const metadataXml = idpMetadata({ entityId: 'https://idp.test/metadata', ssoUrl: 'https://idp.test/sso', sloUrl: 'https://idp.test/slo', certPem })
  const saml = createSamlServiceProvider(t.deps.env, t.deps.db, { metadataXml })
  const guards = createGuards(t.deps)
  // The node's feed (LISTEN/NOTIFY on PostgreSQL), or the poller alone, as a test of it asks.
  const bell = opts.feed === 'polling' ? createPollingFeed(t.deps) : createBellFeed(t.deps)
  const app = createApp(t.deps, saml, guards, bell)
  return {
    ...t,
    app,
    /** The app's rate limiters, stream caps and gathered audit rows (flush them before reading the log). */
    guards,
    /** The app's change feed for the bell's live streams (its counters tell what it looked at and woke). */
    bell,
    /** A session for the person with this card number; returns the Cookie header value. */
    loginAs: async (cardNumber: string) => {
      const login = {
        requestId: 'test',
        assertionId: 'test',
        assertionExpiresAt: t.deps.now(),
        nameId: cardNumber,
        nameIdFormat: null,
        sessionIndex: null,
        attributes: {},
      }
      const user = await resolveUser(t.deps.db, t.deps.env, login)
      const id = await createSession(t.deps.db, { user, nameId: cardNumber, nameIdFormat: null, sessionIndex: null }, t.deps.now())
      return `${SESSION_COOKIE}=${id}`
    },
  }
}
