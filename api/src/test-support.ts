import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { idpMetadata, type IdpKeys } from '@hall/dev-idp'
import { inject, onTestFinished } from 'vitest'
import { createApp } from './app.ts'
import { createSamlServiceProvider } from './auth/saml.ts'
import { SESSION_COOKIE, createSession } from './auth/sessions.ts'
import { resolveUser } from './auth/user.ts'
import { openBlobStore } from './blobs/index.ts'
import { closeDb, handleOn, openDb, type Db } from './db/client.ts'
import { dialect } from './db/dialect.ts'
import { createDatabase, MIGRATED_TEMPLATE, SEEDED_TEMPLATE } from './db/pg-server.ts'
import { testPostgresAdminUrl } from './db/pg-test-support.ts'
import { openPostgresHandle, type TransactionOptions } from './db/postgres.ts'
import { seedDemo, storeSeededFiles } from './demo/index.ts'
import { loadEnv } from './env.ts'
import { createGuards } from './floods/index.ts'
import type { Deps } from './lib/context.ts'
import { createBellFeed } from './notifications/feed.ts'
import { createLogger } from './lib/logger.ts'
import { START, imageOf, testIdpKeys } from '../vitest.global-setup.ts'

/**
 * This file's copies of the databases every test starts from: the run's (vitest.global-setup.ts),
 * or made here once per test file when none was handed over (watch mode). Each test still gets a
 * private database, a copy of an image (`new Database(buffer)` deserializes it into memory of its own).
 */
const images: { migrated?: Buffer; seeded?: Buffer } = {}
const fromRun = inject('hallTestImages')

/**
 * A private in-memory database copied from `image`. The image holds the data only, not a
 * connection's settings; better-sqlite3's defaults are what `openDb` sets (foreign keys on, a
 * 5 s busy timeout, synchronous FULL, an in-memory journal), which test-support.test.ts checks
 * pragma for pragma.
 */
function copyOf(image: Buffer): Db {
  return handleOn(new Database(image))
}

/** A fresh migrated database, or one already seeded with the demo university at `START`. */
async function freshDb(seeded: boolean): Promise<Db> {
  if (dialect === 'postgres') return freshPostgresDb(seeded)
  const kind = seeded ? 'seeded' : 'migrated'
  const provided = fromRun?.[kind]
  return copyOf((images[kind] ??= provided ? Buffer.from(provided, 'base64') : await imageOf(seeded)))
}

/**
 * The same on the run's PostgreSQL server (vitest.postgres.config.ts): a database
 * of its own, copied from the migrated or the seeded template. Its pool keeps at most two
 * connections and closes idle ones after a second, so the many databases of a run do not hold
 * the server's connections.
 */
async function freshPostgresDb(seeded: boolean): Promise<Db> {
  const url = await createDatabase(testPostgresAdminUrl(), seeded ? SEEDED_TEMPLATE : MIGRATED_TEMPLATE)
  const db = await openPostgresHandle(url, { migrate: false, max: 2, idleTimeoutSeconds: 1 })
  // Closed with the test that made it; one made outside a test (in beforeAll) closes when idle.
  try {
    onTestFinished(() => closeDb(db))
  } catch {
    // not inside a test
  }
  return db
}

/**
 * One database that several API nodes open: a database of its own on the run's PostgreSQL server,
 * where each `open()` is one node's own pool (whose runner tells `onRetry` of each transaction it
 * runs again), or a SQLite file (the run's image written out). Closed when the test ends.
 */
export async function sharedDatabase(opts: { seeded?: boolean } = {}) {
  const seeded = opts.seeded !== false
  const closing = (db: Db) => {
    onTestFinished(() => closeDb(db))
    return db
  }
  if (dialect === 'postgres') {
    const url = await createDatabase(testPostgresAdminUrl(), seeded ? SEEDED_TEMPLATE : MIGRATED_TEMPLATE)
    return {
      open: async (o: Pick<TransactionOptions, 'onRetry'> = {}) =>
        closing(await openPostgresHandle(url, { migrate: false, max: 4, idleTimeoutSeconds: 1, ...o })),
    }
  }
  // On SQLite every node gets the same handle on one file. Two handles in one process are not two
  // processes: one's BEGIN IMMEDIATE, made while the other's transaction awaits a query, waits
  // synchronously (the busy timeout) for a lock that only this blocked process could release.
  const kind = seeded ? 'seeded' : 'migrated'
  const provided = fromRun?.[kind]
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-nodes-')), 'hall.db')
  // A serialized image is the database file's bytes.
  writeFileSync(file, (images[kind] ??= provided ? Buffer.from(provided, 'base64') : await imageOf(seeded)))
  let db: Db | undefined
  return { open: async (_o: Pick<TransactionOptions, 'onRetry'> = {}) => (db ??= closing(openDb(file))) }
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
export async function testApp(overrides: Record<string, string> = {}, opts: { demo?: boolean; dbFile?: string; db?: Db } = {}) {
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
  const bell = createBellFeed(t.deps)
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
