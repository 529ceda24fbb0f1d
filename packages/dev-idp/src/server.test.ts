import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The server as `npm start` runs it: a separate process. Its one hard rule is that it never runs
// in production, where a login page without passwords would let anyone in as anyone.

const server = path.join(import.meta.dirname, 'server.ts')

function start(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', server], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs the server to its end and collects what it printed. */
function run(env: Record<string, string>) {
  const child = start(env)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

describe('the dev IdP server', () => {
  it('refuses to start under NODE_ENV=production, with a message saying why', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dev-idp-prod-'))
    const { code, stderr } = await run({ NODE_ENV: 'production', HALL_DATA_DIR: dataDir, DEV_IDP_PORT: String(await freePort()) })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/refusing to start because NODE_ENV=production/)
    expect(stderr).toMatch(/HALL_IDP_METADATA/)
    // It refused before doing anything: no key, no metadata.
    expect(existsSync(path.join(dataDir, 'dev-idp'))).toBe(false)
  })

  it('writes its metadata and keys to HALL_DATA_DIR/dev-idp before it serves /metadata', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dev-idp-dev-'))
    const port = await freePort()
    const child = start({ NODE_ENV: 'development', HALL_DATA_DIR: dataDir, DEV_IDP_PORT: String(port), HALL_PUBLIC_URL: 'http://localhost:3000' })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      await new Promise<void>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d) => {
          out += d
          if (out.includes('development SAML IdP at')) resolve()
        })
        child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)))
      })
      const served = await (await fetch(`http://localhost:${port}/metadata`)).text()
      expect(served).toBe(readFileSync(path.join(dataDir, 'dev-idp', 'metadata.xml'), 'utf8'))
      expect(existsSync(path.join(dataDir, 'dev-idp', 'idp-signing-key.pem'))).toBe(true)
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  })
})
