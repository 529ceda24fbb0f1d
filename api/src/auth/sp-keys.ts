import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generate } from 'selfsigned'

/** The hall's SAML signing key and the certificate its metadata publishes (both PEM). */
export interface SpSigningKeys {
  privateKeyPem: string
  certPem: string
}

/**
 * Makes an RSA-2048 key and a self-signed certificate for it (SHA-256, ten years). SAML service
 * providers customarily publish a self-signed certificate: the IdP trusts the key because its
 * administrators registered our metadata, not because of a certificate authority.
 */
export async function generateSpKeys(commonName: string): Promise<SpSigningKeys> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000)
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyPair: { privateKey, publicKey },
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 3650 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
    ],
  })
  return { privateKeyPem: privateKey, certPem: pems.cert }
}

/**
 * The signing key of the hall: the files named by HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT
 * when set (a university that registers its own key with the IdP), else a pair made once and kept
 * under the data folder. A kept pair that has expired or does not match is replaced — the IdP
 * then needs the new metadata, which is what the log line says.
 */
export async function ensureSpKeys(opts: {
  keyFile?: string
  certFile?: string
  dataDir: string
  entityId: string
}): Promise<{ keys: SpSigningKeys; created: boolean }> {
  if (opts.keyFile && opts.certFile) {
    const keys = { privateKeyPem: readFileSync(opts.keyFile, 'utf8'), certPem: readFileSync(opts.certFile, 'utf8') }
    if (!new X509Certificate(keys.certPem).checkPrivateKey(createPrivateKey(keys.privateKeyPem))) {
      throw new Error(`HALL_SP_SIGNING_CERT (${opts.certFile}) does not belong to the key in HALL_SP_SIGNING_KEY (${opts.keyFile})`)
    }
    return { keys, created: false }
  }
  const dir = path.join(opts.dataDir, 'sp')
  const keyFile = path.join(dir, 'sp-signing-key.pem')
  const certFile = path.join(dir, 'sp-signing-cert.pem')
  if (existsSync(keyFile) && existsSync(certFile)) {
    const keys = { privateKeyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') }
    const cert = new X509Certificate(keys.certPem)
    if (new Date(cert.validTo).getTime() > Date.now() && cert.checkPrivateKey(createPrivateKey(keys.privateKeyPem))) {
      return { keys, created: false }
    }
  }
  mkdirSync(dir, { recursive: true })
  const keys = await generateSpKeys(`Service Hall SP ${opts.entityId}`.slice(0, 64))
  writeFileSync(keyFile, keys.privateKeyPem, { mode: 0o600 })
  writeFileSync(certFile, keys.certPem)
  return { keys, created: true }
}
