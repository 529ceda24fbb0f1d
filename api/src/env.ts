import path from 'node:path'
import { z } from 'zod'

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
  HALL_IDP_METADATA: z.string().min(1).optional(),
  HALL_DEV_IDP: bool,
  HALL_SP_ENTITY_ID: z.string().min(1).optional(),
  HALL_SP_SIGNING_KEY: z.string().min(1).optional(),
  HALL_SP_SIGNING_CERT: z.string().min(1).optional(),
  HALL_SAML_ATTR_CARD_NUMBER: z.string().default(''),
  HALL_SAML_ATTR_NAME: z.string().default('displayName'),
  HALL_SAML_ATTR_KIND: z.string().default('kind'),
  HALL_SAML_ATTR_DEPARTMENT: z.string().default('department'),
  HALL_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  HALL_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  HALL_DEPLOY_TOKEN: z.string().min(24, 'HALL_DEPLOY_TOKEN must be at least 24 characters').optional(),
  HALL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALL_SOURCE_ROOT: z.string().optional(),
  HALL_DATA_PLATFORM: z.enum(['embedded', 'http'], { error: 'HALL_DATA_PLATFORM is embedded or http' }).default('embedded'),
  HALL_DATA_PLATFORM_URL: z.url({ protocol: /^https?$/, error: 'HALL_DATA_PLATFORM_URL must be an http(s) URL' }).optional(),
  HALL_DATA_PLATFORM_TOKEN: z.string().min(1).optional(),
  HALL_DATA_PLATFORM_TOKEN_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'HALL_DATA_PLATFORM_TOKEN_HEADER is a header name').default('Authorization'),
  HALL_DATA_PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  HALL_UPLOAD_MAX_MB: z.coerce.number().positive().max(200, 'HALL_UPLOAD_MAX_MB is at most 200').default(20),
  HALL_DRAFT_MAX_KB: z.coerce.number().int().min(8).max(4096).default(256),
})

export type Env = ReturnType<typeof toEnv>

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
    staticDir: path.join(dataDir, 'static'),
    idpMetadataPath: raw.HALL_IDP_METADATA ?? path.join(dataDir, 'dev-idp', 'metadata.xml'),
    devIdp: raw.HALL_DEV_IDP,
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
    /** Uploaded files, stored once per content under `<sha256 prefix>/<sha256>`. */
    uploadsDir: path.join(dataDir, 'uploads'),
    /** The largest upload the hall takes at all; a form field may set a lower limit. */
    uploadMaxBytes: Math.round(raw.HALL_UPLOAD_MAX_MB * 1024 * 1024),
    /** The largest draft (its values as JSON) one user may keep for one service. */
    draftMaxBytes: raw.HALL_DRAFT_MAX_KB * 1024,
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
  if (env.nodeEnv === 'production' && env.devIdp) {
    throw new Error('HALL_DEV_IDP is refused when NODE_ENV=production: configure HALL_IDP_METADATA')
  }
  return env
}
