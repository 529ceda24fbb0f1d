import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generate } from 'selfsigned'

/** A signing key and the self-signed certificate that publishes it (both PEM). */
export interface IdpKeys {
  privateKeyPem: string
  certPem: string
}

const KEY_FILE = 'idp-signing-key.pem'
const CERT_FILE = 'idp-signing-cert.pem'

/**
 * Makes a fresh RSA-2048 key and a self-signed X.509 certificate for it (SHA-256, ten years).
 * node:crypto makes the key; it cannot issue a certificate, which is what SAML metadata carries,
 * so `selfsigned` wraps the key in one.
 */
export async function generateIdpKeys(commonName = 'Minghu University development IdP'): Promise<IdpKeys> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000)
  const notAfterDate = new Date(notBeforeDate.getTime() + 3650 * 24 * 3600_000)
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyPair: { privateKey, publicKey },
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
    ],
  })
  return { privateKeyPem: privateKey, certPem: pems.cert }
}

/**
 * Returns the IdP's key and certificate kept in `dir`, creating them on first use. Keeping them
 * means the hall's trust (the metadata it read) survives a restart of the IdP.
 */
export async function ensureIdpKeys(dir: string): Promise<IdpKeys> {
  const keyFile = path.join(dir, KEY_FILE)
  const certFile = path.join(dir, CERT_FILE)
  if (existsSync(keyFile) && existsSync(certFile)) {
    const keys = { privateKeyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') }
    // A certificate that has run out, or that does not match the key, is replaced rather than used.
    const cert = new X509Certificate(keys.certPem)
    if (new Date(cert.validTo).getTime() > Date.now() && cert.checkPrivateKey(createPrivateKey(keys.privateKeyPem))) {
      return keys
    }
  }
  mkdirSync(dir, { recursive: true })
  const keys = await generateIdpKeys()
  writeFileSync(keyFile, keys.privateKeyPem, { mode: 0o600 })
  chmodSync(keyFile, 0o600)
  writeFileSync(certFile, keys.certPem)
  return keys
}

/** The certificate's base64 body, as `<ds:X509Certificate>` holds it. */
export function certBody(certPem: string): string {
  return certPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
}
