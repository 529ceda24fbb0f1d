import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { z } from 'zod'

// The development IdP's process. It is refused in production before anything else happens: a
// login page without passwords must never face real users.
if (process.env.NODE_ENV === 'production') {
  console.error(
    'dev-idp: refusing to start because NODE_ENV=production. The development IdP logs anyone in without a password; configure a real IdP with HALL_IDP_METADATA instead.',
  )
  process.exit(1)
}

const { accountsFromFile, createIdpApp, demoUniversityGroups, ensureIdpKeys, hallServiceProvider, idpMetadata, idpUrls, spSigningCertFromMetadata } =
  await import('./index.ts')

const parsed = z
  .object({
    DEV_IDP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    DEV_IDP_URL: z.url().optional(),
    HALL_DATA_DIR: z.string().min(1).default('./data'),
    HALL_PUBLIC_URL: z.url().default('http://localhost:3000'),
    HALL_SP_ENTITY_ID: z.string().min(1).optional(),
    /** An organisation file (.xlsx or .csv, as for `npm run import:org`): log in its people instead of the demo university's. */
    DEV_IDP_ACCOUNTS_FILE: z.string().min(1).optional(),
  })
  .safeParse(process.env)
if (!parsed.success) {
  console.error(`dev-idp: invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`)
  process.exit(1)
}
const env = parsed.data
const baseUrl = (env.DEV_IDP_URL ?? `http://localhost:${env.DEV_IDP_PORT}`).replace(/\/$/, '')
const dir = path.resolve(env.HALL_DATA_DIR, 'dev-idp')

const keys = await ensureIdpKeys(dir)
const urls = idpUrls(baseUrl)
// The metadata file is written before the port opens: whoever waits for /metadata may read it.
mkdirSync(dir, { recursive: true })
writeFileSync(path.join(dir, 'metadata.xml'), idpMetadata({ entityId: urls.entityId, ssoUrl: urls.ssoUrl, sloUrl: urls.sloUrl, certPem: keys.certPem }))

// The hall's signing certificate comes from its metadata, read when the first request arrives (the
// hall starts after the IdP) and again after a failure or every minute (a new data folder, a new key).
const spMetadataUrl = `${env.HALL_PUBLIC_URL.replace(/\/$/, '')}/auth/saml/metadata`
let spCert: { pem: string | null; at: number } | null = null
async function signingCert(): Promise<string | null> {
  if (spCert && Date.now() - spCert.at < 60_000) return spCert.pem
  const res = await fetch(spMetadataUrl, { signal: AbortSignal.timeout(3000) })
  if (!res.ok) throw new Error(`dev-idp: the hall's metadata at ${spMetadataUrl} answered ${res.status}`)
  spCert = { pem: spSigningCertFromMetadata(await res.text()), at: Date.now() }
  return spCert.pem
}

const app = createIdpApp({
  baseUrl,
  keys,
  sp: { ...hallServiceProvider(env.HALL_PUBLIC_URL, env.HALL_SP_ENTITY_ID), signingCert },
  groups: env.DEV_IDP_ACCOUNTS_FILE ? await accountsFromFile(path.resolve(env.DEV_IDP_ACCOUNTS_FILE)) : demoUniversityGroups(),
})

const server = serve({ fetch: app.fetch, port: env.DEV_IDP_PORT }, () => {
  console.log(`dev-idp: development SAML IdP at ${baseUrl} (metadata ${urls.entityId}), for ${env.HALL_PUBLIC_URL}`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    process.exit(0)
  })
}
