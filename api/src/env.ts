import path from 'node:path'
import { z } from 'zod'
import { parseRateLimits } from './floods/limits-config.ts'

// The only place that reads process.env. Every setting has a safe default for `npm start` on a
// developer's machine; production-only values (a real IdP's metadata, secrets) come from here too.
const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HALL_PUBLIC_URL: z.url().optional(),
  HALL_DATA_DIR: z.string().min(1).default('./data'),
  // Unset: the SQLite file in the data folder. postgres://…: that PostgreSQL database (decision 016).
  HALL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i, 'HALL_DATABASE_URL is a postgres:// URL (leave it unset for the SQLite file in HALL_DATA_DIR)')
    .optional(),
  HALL_IDP_METADATA: z.string().min(1).optional(),
  HALL_DEV_IDP: bool,
  HALL_DEMO: bool,
  HALL_SP_ENTITY_ID: z.string().min(1).optional(),
  HALL_SP_SIGNING_KEY: z.string().min(1).optional(),
  HALL_SP_SIGNING_CERT: z.string().min(1).optional(),
  HALL_SAML_ATTR_CARD_NUMBER: z.string().default(''),
  HALL_SAML_ATTR_NAME: z.string().default('displayName'),
  HALL_SAML_ATTR_KIND: z.string().default('kind'),
  HALL_SAML_ATTR_DEPARTMENT: z.string().default('department'),
  HALL_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  HALL_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  HALL_MEMORY_SECONDS: z.coerce.number().min(0, 'HALL_MEMORY_SECONDS is 0 (off) or more').max(60, 'HALL_MEMORY_SECONDS is at most 60').default(5),
  HALL_DEPLOY_TOKEN: z.string().min(24, 'HALL_DEPLOY_TOKEN must be at least 24 characters').optional(),
  HALL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALL_SOURCE_ROOT: z.string().optional(),
  HALL_DATA_PLATFORM: z.enum(['embedded', 'http'], { error: 'HALL_DATA_PLATFORM is embedded or http' }).default('embedded'),
  HALL_DATA_PLATFORM_URL: z.url({ protocol: /^https?$/, error: 'HALL_DATA_PLATFORM_URL must be an http(s) URL' }).optional(),
  HALL_DATA_PLATFORM_TOKEN: z.string().min(1).optional(),
  HALL_DATA_PLATFORM_TOKEN_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'HALL_DATA_PLATFORM_TOKEN_HEADER is a header name')
    .default('Authorization'),
  HALL_DATA_PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  HALL_UPLOAD_MAX_MB: z.coerce.number().positive().max(200, 'HALL_UPLOAD_MAX_MB is at most 200').default(20),
  // Uploads and published bundles: the data folder (default) or an S3-compatible bucket.
  HALL_BLOB_STORE: z
    .string()
    .regex(/^(folder|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9._-]+)*\/?)$/, 'HALL_BLOB_STORE is folder or s3://<bucket>[/<prefix>]')
    .default('folder'),
  HALL_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'HALL_S3_ENDPOINT must be an http(s) URL' }).optional(),
  HALL_S3_REGION: z.string().min(1).default('us-east-1'),
  HALL_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  HALL_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  HALL_DRAFT_MAX_KB: z.coerce.number().int().min(8).max(4096).default(256),
  // Progress messages: the delivery worker, e-mail (SMTP) and the campus app's push gateway (webhook).
  HALL_NOTIFY_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  HALL_NOTIFY_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  HALL_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(6),
  HALL_NOTIFY_BACKOFF_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  HALL_NOTIFY_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  HALL_SMTP_HOST: z.string().min(1).optional(),
  HALL_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  HALL_SMTP_SECURE: bool,
  HALL_SMTP_USER: z.string().min(1).optional(),
  HALL_SMTP_PASS: z.string().min(1).optional(),
  HALL_SMTP_FROM: z.string().min(3).default('明湖大学网上办事大厅 <hall@localhost>'),
  HALL_SMTP_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  HALL_PUSH_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'HALL_PUSH_WEBHOOK_URL must be an http(s) URL' }).optional(),
  HALL_PUSH_WEBHOOK_SECRET: z.string().min(16, 'HALL_PUSH_WEBHOOK_SECRET must be at least 16 characters').optional(),
  HALL_PUSH_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  HALL_DEADLINE_SCAN_SECONDS: z.coerce.number().int().min(0).max(86_400, 'HALL_DEADLINE_SCAN_SECONDS is at most 86400 (a day)').default(60),
  HALL_DEADLINE_REMIND_HOURS: z.coerce.number().min(0).max(70, 'HALL_DEADLINE_REMIND_HOURS is at most 70 working hours').default(3.5),
  HALL_CALENDAR_FILE: z.string().min(1).optional(),
  HALL_WIDGET_ORIGINS: z.string().optional(),
  HALL_IMPORT_MAP_OVERRIDES: z.enum(['0', '1', 'true', 'false'], { error: 'HALL_IMPORT_MAP_OVERRIDES is 1 or 0' }).optional(),
  HALL_ADMINS: z
    .string()
    .regex(/^[^\s,]*(\s*,\s*[^\s,]+)*\s*$/, 'HALL_ADMINS is a comma-separated list of campus card numbers')
    .optional(),
  HALL_ORG_SYNC_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60, 'HALL_ORG_SYNC_MINUTES is at most 10080 (a week)')
    .default(0),
  HALL_TRUST_PROXY: z
    .string()
    .regex(/^(|0|[1-9]|true|false)$/, 'HALL_TRUST_PROXY is the number of reverse proxies in front of the hall (0 to 9), or true for one')
    .optional(),
  // Floods: rate limits per client address and per person, caps on live-notification streams and
  // on outstanding login requests. Defaults in floods/limits.ts; see the README's "Floods".
  HALL_RATE_LIMITS: z
    .string()
    .max(2000)
    .default('')
    .transform((text, ctx) => {
      const parsed = parseRateLimits(text)
      if ('limits' in parsed) return parsed.limits
      for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }),
  HALL_STREAMS_PER_PERSON: z.coerce.number().int().min(1).max(1000).default(8),
  HALL_STREAMS_PER_NODE: z.coerce.number().int().min(1).max(100_000).default(1000),
  HALL_LOGIN_PENDING_MAX: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
})

export type Env = ReturnType<typeof toEnv>

/** Where blobs go (api/src/blobs): the data folder, or the bucket and prefix of `s3://bucket/prefix`. */
function blobStoreOf(raw: z.infer<typeof schema>, dataDir: string) {
  if (raw.HALL_BLOB_STORE === 'folder') return { kind: 'folder' as const, dir: dataDir }
  const [bucket = '', ...prefix] = raw.HALL_BLOB_STORE.slice('s3://'.length).split('/').filter(Boolean)
  const key = raw.HALL_S3_ACCESS_KEY_ID
  const secret = raw.HALL_S3_SECRET_ACCESS_KEY
  return {
    kind: 's3' as const,
    bucket,
    prefix: prefix.join('/'),
    endpoint: raw.HALL_S3_ENDPOINT,
    region: raw.HALL_S3_REGION,
    credentials: key && secret ? { accessKeyId: key, secretAccessKey: secret } : undefined,
  }
}

function toEnv(raw: z.infer<typeof schema>) {
  const publicUrl = (raw.HALL_PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '')
  const dataDir = path.resolve(raw.HALL_DATA_DIR)
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    /** The origin users reach the hall at; SAML URLs and the CSRF check derive from it. */
    publicUrl,
    publicOrigin: new URL(publicUrl).origin,
    /** Cookies are Secure whenever the hall is served over https (always, outside development). */
    secureCookies: publicUrl.startsWith('https:'),
    dataDir,
    dbFile: path.join(dataDir, 'hall.sqlite'),
    /** PostgreSQL instead of the SQLite file, when set (HALL_DATABASE_URL). */
    databaseUrl: raw.HALL_DATABASE_URL,
    /** Uploads (`uploads/…`) and published bundles (`static/…`): HALL_BLOB_STORE. */
    blobStore: blobStoreOf(raw, dataDir),
    idpMetadataPath: raw.HALL_IDP_METADATA ?? path.join(dataDir, 'dev-idp', 'metadata.xml'),
    devIdp: raw.HALL_DEV_IDP,
    /**
     * Demo mode: a fresh database is filled with the fictional university (people, services,
     * history) and the working tree's builds are registered at start. Off: the hall starts empty
     * and its parts come only from the deployment registry (`npm run deploy:mf`).
     */
    demo: raw.HALL_DEMO,
    spEntityId: raw.HALL_SP_ENTITY_ID ?? `${publicUrl}/auth/saml/metadata`,
    /** PEM files of the key that signs our AuthnRequests and logout messages; unset: made once under the data folder. */
    spSigningKeyFile: raw.HALL_SP_SIGNING_KEY,
    spSigningCertFile: raw.HALL_SP_SIGNING_CERT,
    samlAttributes: {
      /** Empty: the card number is the NameID. */
      cardNumber: raw.HALL_SAML_ATTR_CARD_NUMBER,
      name: raw.HALL_SAML_ATTR_NAME,
      kind: raw.HALL_SAML_ATTR_KIND,
      department: raw.HALL_SAML_ATTR_DEPARTMENT,
    },
    sessionIdleMinutes: raw.HALL_SESSION_IDLE_MINUTES,
    sessionMaxHours: raw.HALL_SESSION_MAX_HOURS,
    /** How long a node may answer a GET from a session it read, unless it heard of a change (decision 024); 0: never. */
    memorySeconds: raw.HALL_MEMORY_SECONDS,
    deployToken: raw.HALL_DEPLOY_TOKEN,
    logLevel: raw.HALL_LOG_LEVEL,
    /** Where pre-filled data comes from: the embedded tables (demo university) or the university's platform over HTTP. */
    dataPlatform: {
      kind: raw.HALL_DATA_PLATFORM,
      url: raw.HALL_DATA_PLATFORM_URL?.replace(/\/$/, ''),
      token: raw.HALL_DATA_PLATFORM_TOKEN,
      tokenHeader: raw.HALL_DATA_PLATFORM_TOKEN_HEADER,
      timeoutMs: raw.HALL_DATA_PLATFORM_TIMEOUT_MS,
    },
    /** The largest upload the hall takes at all; a form field may set a lower limit. */
    uploadMaxBytes: Math.round(raw.HALL_UPLOAD_MAX_MB * 1024 * 1024),
    /** The largest draft (its values as JSON) one user may keep for one service. */
    draftMaxBytes: raw.HALL_DRAFT_MAX_KB * 1024,
    /** Progress messages: how often and how much the delivery worker sends, and how it retries. */
    notify: {
      intervalMs: raw.HALL_NOTIFY_INTERVAL_MS,
      batch: raw.HALL_NOTIFY_BATCH,
      maxAttempts: raw.HALL_NOTIFY_MAX_ATTEMPTS,
      backoffMs: raw.HALL_NOTIFY_BACKOFF_MS,
      /** A claim older than this is a crashed worker's: another one takes the row. */
      claimMs: raw.HALL_NOTIFY_CLAIM_SECONDS * 1000,
    },
    /**
     * E-mail: a real SMTP server when HALL_SMTP_HOST is set; otherwise, outside production, the
     * embedded catcher (read at /dev/mail); in production without a host, no e-mail at all.
     */
    smtp: {
      host: raw.HALL_SMTP_HOST,
      port: raw.HALL_SMTP_PORT,
      secure: raw.HALL_SMTP_SECURE,
      user: raw.HALL_SMTP_USER,
      pass: raw.HALL_SMTP_PASS,
      from: raw.HALL_SMTP_FROM,
      catcher: !raw.HALL_SMTP_HOST && raw.NODE_ENV !== 'production',
      catcherPort: raw.HALL_SMTP_CATCHER_PORT,
    },
    /** The campus app's push gateway; no URL, no push channel. */
    pushWebhook: raw.HALL_PUSH_WEBHOOK_URL
      ? { url: raw.HALL_PUSH_WEBHOOK_URL, secret: raw.HALL_PUSH_WEBHOOK_SECRET ?? '', timeoutMs: raw.HALL_PUSH_WEBHOOK_TIMEOUT_MS }
      : null,
    /** How often the deadline scan runs (seconds; 0: never, e.g. on nodes that only serve requests). */
    deadlineScanSeconds: raw.HALL_DEADLINE_SCAN_SECONDS,
    /** A "deadline near" reminder goes out this many working hours before a task falls due. */
    deadlineRemindHours: raw.HALL_DEADLINE_REMIND_HOURS,
    /** A JSON file with the university's own closed and working days on top of China's public holidays. */
    calendarFile: raw.HALL_CALENDAR_FILE ? path.resolve(raw.HALL_CALENDAR_FILE) : null,
    /**
     * Department sites whose pages may call the widget routes with the visitor's cookies (CORS).
     * Default outside production: the demo department site that `npm start` serves on :3002.
     */
    widgetOrigins: (raw.HALL_WIDGET_ORIGINS ?? (raw.NODE_ENV === 'production' ? '' : 'http://localhost:3002'))
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    /** Lets a developer point one import-map entry at a local build (import-map-overrides); off in production unless set. */
    importMapOverrides:
      raw.HALL_IMPORT_MAP_OVERRIDES === undefined
        ? raw.NODE_ENV !== 'production'
        : raw.HALL_IMPORT_MAP_OVERRIDES === '1' || raw.HALL_IMPORT_MAP_OVERRIDES === 'true',
    /**
     * How many reverse proxies stand in front of the hall. 0 (the default): the client address is
     * the TCP peer and X-Forwarded-For is ignored, since anyone can send it. N: the address is the
     * Nth entry from the right of X-Forwarded-For (each proxy appends the address it saw).
     */
    trustProxyHops: raw.HALL_TRUST_PROXY === 'true' ? 1 : raw.HALL_TRUST_PROXY === 'false' || !raw.HALL_TRUST_PROXY ? 0 : Number(raw.HALL_TRUST_PROXY),
    /** Rate limits per client address and per person, the defaults with HALL_RATE_LIMITS' overrides. */
    rateLimits: raw.HALL_RATE_LIMITS,
    /** Open live-notification streams (SSE) one person may hold, and one API node serves, at once. */
    streamsPerPerson: raw.HALL_STREAMS_PER_PERSON,
    streamsPerNode: raw.HALL_STREAMS_PER_NODE,
    /** Outstanding login requests kept at most (the oldest go first when a flood starts more). */
    loginPendingMax: raw.HALL_LOGIN_PENDING_MAX,
    /** Card numbers of the first administrators: granted `admin` at every start when missing (HALL_ADMINS). */
    admins: (raw.HALL_ADMINS ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    /** How often the organisation is synchronised from the data platform (minutes; 0: never). Needs HALL_DATA_PLATFORM=http. */
    orgSyncMinutes: raw.HALL_ORG_SYNC_MINUTES,
    /** The repository root: where the built parts are found for the start sync. */
    sourceRoot: path.resolve(raw.HALL_SOURCE_ROOT ?? path.join(import.meta.dirname, '..', '..')),
  }
}

/** Parses the configuration once; fails fast with a message naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = toEnv(parsed.data)
  if (env.dataPlatform.kind === 'http' && !env.dataPlatform.url) {
    throw new Error('Invalid configuration:\n  HALL_DATA_PLATFORM_URL: required when HALL_DATA_PLATFORM=http')
  }
  if (!env.spSigningKeyFile !== !env.spSigningCertFile) {
    throw new Error('Invalid configuration:\n  HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT go together: set both, or neither')
  }
  const badOrigins = env.widgetOrigins.filter((o) => !/^https?:\/\/[^/]+$/.test(o) || new URL(o).origin !== o)
  if (badOrigins.length) {
    throw new Error(
      `Invalid configuration:\n  HALL_WIDGET_ORIGINS: each entry is an origin such as https://www.cs.univ.edu.cn (no path, no trailing slash): ${badOrigins.join(', ')}`,
    )
  }
  if (env.pushWebhook && !env.pushWebhook.secret) {
    throw new Error('Invalid configuration:\n  HALL_PUSH_WEBHOOK_SECRET: required when HALL_PUSH_WEBHOOK_URL is set (the gateway checks the signature with it)')
  }
  if (!parsed.data.HALL_S3_ACCESS_KEY_ID !== !parsed.data.HALL_S3_SECRET_ACCESS_KEY) {
    throw new Error(
      'Invalid configuration:\n  HALL_S3_ACCESS_KEY_ID and HALL_S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK then finds credentials itself)',
    )
  }
  if (env.blobStore.kind === 'folder' && (parsed.data.HALL_S3_ENDPOINT || parsed.data.HALL_S3_ACCESS_KEY_ID)) {
    throw new Error(
      'Invalid configuration:\n  HALL_S3_* settings need HALL_BLOB_STORE=s3://<bucket>[/<prefix>]; with HALL_BLOB_STORE=folder they would be ignored',
    )
  }
  // Several nodes (what a bucket and a database server are for) must share the deploy token and
  // the SAML key: made per node in each data folder, they would split the hall (a token one node
  // knows, a key the IdP trusts from one node only).
  const shared = env.blobStore.kind === 's3' ? 'HALL_BLOB_STORE=s3://…' : env.databaseUrl ? 'HALL_DATABASE_URL' : null
  if (env.nodeEnv === 'production' && shared) {
    const missing = [!env.deployToken && 'HALL_DEPLOY_TOKEN', !env.spSigningKeyFile && 'HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT'].filter(Boolean)
    if (missing.length) {
      throw new Error(
        `Invalid configuration:\n  ${missing.join(', ')}: required with ${shared} in production, where several nodes must share them (one node would make its own in its data folder)`,
      )
    }
  }
  if (!env.smtp.user !== !env.smtp.pass) {
    throw new Error('Invalid configuration:\n  HALL_SMTP_USER and HALL_SMTP_PASS go together: set both, or neither')
  }
  if (env.nodeEnv === 'production' && env.demo) {
    throw new Error(
      "HALL_DEMO=1 is refused when NODE_ENV=production: a production hall starts empty and is filled from the university's own IdP, people and services. Unset HALL_DEMO (or set HALL_DEMO=0), or run the demo without NODE_ENV=production",
    )
  }
  if (env.orgSyncMinutes > 0 && env.dataPlatform.kind !== 'http') {
    throw new Error(
      'Invalid configuration:\n  HALL_ORG_SYNC_MINUTES: the organisation is synchronised from the data platform, so it needs HALL_DATA_PLATFORM=http and HALL_DATA_PLATFORM_URL',
    )
  }
  if (env.nodeEnv === 'production' && env.devIdp) {
    throw new Error('HALL_DEV_IDP is refused when NODE_ENV=production: configure HALL_IDP_METADATA')
  }
  // Without it the API would read the development IdP's metadata from the data folder, which a
  // hall once started with `npm start` holds: a production hall trusting an IdP that logs anyone in.
  if (env.nodeEnv === 'production' && !parsed.data.HALL_IDP_METADATA) {
    throw new Error(
      "Invalid configuration:\n  HALL_IDP_METADATA: required when NODE_ENV=production (the path of the university IdP's SAML metadata file); the development IdP is refused there",
    )
  }
  return env
}
