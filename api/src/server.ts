import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { createGuards } from './floods/index.ts'
import { createSamlServiceProvider } from './auth/index.ts'
import { ensureSpKeys } from './auth/sp-keys.ts'
import { openBlobStore } from './blobs/index.ts'
import { closeDb } from './db/client.ts'
import { openDatabase } from './db/open.ts'
import { loadEnv } from './env.ts'
import type { Deps } from './lib/context.ts'
import { createLogger } from './lib/logger.ts'
import { startNotifications } from './notifications/index.ts'
import { prepareData } from './startup.ts'
import { ensureConfiguredAdmins } from './routes/org/org.service.ts'
import { startOrgSync } from './routes/org/org.sync.ts'
import { workingCalendar } from './workflow/calendar.ts'
import { startDeadlineScan } from './workflow/deadlines.ts'

// Boot: configuration, database (migrated), in demo mode the demo university on a fresh file and
// the built parts of the working tree registered, then one HTTP server for the API, the page and
// the static store.

// A refused configuration is a message for whoever starts the hall, not a stack trace.
const env = (() => {
  try {
    return loadEnv()
  } catch (err) {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  }
})()
const log = createLogger(env.logLevel)
mkdirSync(env.dataDir, { recursive: true })

/** The deploy scripts' secret: from the environment, else made once and kept in the data folder. */
function deployToken(): string {
  if (env.deployToken) return env.deployToken
  const file = path.join(env.dataDir, 'deploy-token')
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

// A bad HALL_CALENDAR_FILE stops the start here rather than at the first deadline.
workingCalendar(env)
const db = await openDatabase(env)
const blobs = openBlobStore(env)
log.info({ blobs: blobs.description }, 'blob store')
const deps: Deps = { db, env, log, blobs, now: () => new Date(), deployToken: deployToken() }
await prepareData(deps)
// HALL_ADMINS: the first administrators, granted once they are known (and at login before that).
const admins = await ensureConfiguredAdmins(db, deps)
if (admins.length) log.info({ admins }, 'granted admin to HALL_ADMINS')

const sp = await ensureSpKeys({ keyFile: env.spSigningKeyFile, certFile: env.spSigningCertFile, dataDir: env.dataDir, entityId: env.spEntityId })
if (sp.created)
  log.info(
    { metadata: `${env.publicUrl}/auth/saml/metadata` },
    "made the hall's SAML signing key (an IdP that trusted an earlier key needs our metadata again)",
  )
const saml = createSamlServiceProvider(env, db, { signingKeys: sp.keys })
const guards = createGuards(deps)
const app = createApp(deps, saml, guards)
// Repeated denials are gathered into one audit row per minute; their final counts land by this
// (or at the next denial), so a flood that stops is still counted in full.
const auditFlush = setInterval(
  () => void guards.audit.flush().catch((err: unknown) => deps.log.warn({ err }, 'audit: flushing repeated denials failed')),
  30_000,
)
auditFlush.unref()
// Progress messages: the delivery worker (and, in development without an SMTP server, the catcher).
const notifications = await startNotifications(deps)
const server = serve({ fetch: app.fetch, port: env.port }, (info) => {
  log.info({ port: info.port, url: env.publicUrl, idp: env.idpMetadataPath }, 'Service Hall API listening')
})
// Idle keep-alive connections stay open longer than a proxy's or a browser's pool keeps them (Node's
// 5 s default let a client reuse a socket the server was closing: ECONNRESET on a plain GET).
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
}
const stopDeadlineScan = startDeadlineScan(deps)
// The organisation from the data platform every HALL_ORG_SYNC_MINUTES (0: never).
const orgSync = startOrgSync(deps)

const stop = async (signal: string) => {
  log.info({ signal }, 'stopping')
  stopDeadlineScan()
  clearInterval(auditFlush)
  // The last denials' counts: a failure is logged, and stopping goes on.
  await guards.audit.flush().catch((err: unknown) => log.warn({ err }, 'audit: flushing repeated denials failed'))
  orgSync.stop()
  // server.close does not await its callback: a failed stop is logged here, and the process
  // exits either way (the timer below is the backstop for a stop that hangs).
  server.close(() => {
    void notifications
      .stop()
      .catch((err: unknown) => log.error({ err }, 'notifications did not stop cleanly'))
      .finally(() => {
        void closeDb(db).finally(() => process.exit(0))
      })
  })
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
