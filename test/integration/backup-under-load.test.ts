import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { root, startHall, type RunningHall } from '@hall/cli'
import { buildSamlResponse, generateIdpKeys, idpMetadata, parseAuthnRequest, type IdpKeys } from '@hall/dev-idp'

// The promise of `npm run backup`: taken while applications are being submitted to a running hall,
// the backup restores (stop, replace the file, start) to a hall that has every application the
// hall had acknowledged (201) before the backup began, and each one it has is whole.

const IDP = 'https://sso.backup-test.example/idp'
const STUDENT = '2023010101'
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-backup-'))
let hall: RunningHall | undefined
afterAll(async () => {
  await hall?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function start(keys: IdpKeys, metadataFile: string) {
  // A development start whatever NODE_ENV the test runner's process has (the demo is refused in
  // production); the write load is one student submitting fast, which the flood limits would stop.
  return startHall({
    port: await freePort(),
    idpPort: await freePort(),
    dataDir,
    quiet: true,
    env: {
      NODE_ENV: 'development',
      HALL_IDP_METADATA: metadataFile,
      HALL_LOG_LEVEL: 'warn',
      HALL_DEMO: '1',
      HALL_DEMO_SITE: '0',
      HALL_RATE_LIMITS: 'submit.person=100000/60,submit.address=100000/60',
    },
  })
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!)

/** Plays the university IdP: answers the hall's AuthnRequest with a signed response; returns the session cookie. */
async function login(h: RunningHall, keys: IdpKeys): Promise<string> {
  const begin = await fetch(`${h.url}/auth/login?returnTo=/`, { redirect: 'manual' })
  const location = new URL(begin.headers.get('location')!)
  const request = parseAuthnRequest(location.searchParams.get('SAMLRequest')!)
  const { samlResponse } = buildSamlResponse({
    signingKey: keys.privateKeyPem,
    certPem: keys.certPem,
    issuer: IDP,
    destination: `${h.url}/auth/saml/acs`,
    audience: `${h.url}/auth/saml/metadata`,
    inResponseTo: request.id,
    nameId: STUDENT,
    attributes: { displayName: '李明轩', kind: 'undergraduate' },
  })
  const relayState = location.searchParams.get('RelayState')
  const acs = await fetch(`${h.url}/auth/saml/acs`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(begin).join('; '), origin: new URL(IDP).origin },
    body: new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) }),
  })
  const session = cookiesOf(acs).find((c) => c.startsWith('hall_sid='))
  if (!session) throw new Error(`login failed: ${acs.status} ${await acs.text()}`)
  return session
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
/** A valid two-day personal leave of the demo student, starting next week. */
const leave = () => ({
  serviceCode: 'undergrad-leave',
  values: {
    name: '李明轩',
    phone: '13800002101',
    leaveType: 'personal',
    period: { start: day(7), end: day(8) },
    leavesCampus: false,
    reason: '回家处理家中事务，需离校数日',
    emergencyContact: '李建国',
    emergencyPhone: '13800009999',
    pledge: true,
  },
})

/** Runs the backup command; `copying` is when it said it starts copying (after its own start-up). */
function runBackup(file: string): Promise<{ code: number | null; out: string; copying: number }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [path.join(root, 'packages/cli/bin/backup.mjs'), file], {
      cwd: root,
      env: { ...process.env, HALL_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let copying = Number.POSITIVE_INFINITY
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (copying === Number.POSITIVE_INFINITY && out.includes('copying')) copying = Date.now()
    })
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()))
    proc.once('exit', (code) => resolve({ code, out, copying }))
  })
}

describe('npm run backup under write load', () => {
  it('restores to a hall with every application acknowledged before the backup began', async () => {
    const keys = await generateIdpKeys('Backup test IdP')
    const metadataFile = path.join(dataDir, 'idp.xml')
    writeFileSync(metadataFile, idpMetadata({ entityId: IDP, ssoUrl: `${IDP}/sso`, sloUrl: `${IDP}/slo`, certPem: keys.certPem }))
    hall = await start(keys, metadataFile)
    const cookie = await login(hall, keys)
    const h = hall

    const acknowledged: { id: number; at: number }[] = []
    let writing = true
    let failure: Error | undefined
    const headers = { cookie, origin: h.url, 'content-type': 'application/json' }
    // One applicant may have one leave in progress: the writer submits, then withdraws it to
    // submit the next, as fast as the hall acknowledges (two write transactions per round).
    const writer = async () => {
      for (let n = 1; writing; n++) {
        const res = await fetch(`${h.url}/api/applications`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': `backup-load-${n}` },
          body: JSON.stringify(leave()),
        })
        const body = (await res.json()) as { id?: number; stateVersion?: number }
        if (res.status !== 201) throw new Error(`submission refused: ${res.status} ${JSON.stringify(body)}`)
        acknowledged.push({ id: body.id!, at: Date.now() })
        const withdrawn = await fetch(`${h.url}/api/applications/${body.id}/withdraw`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ stateVersion: body.stateVersion }),
        })
        if (withdrawn.status !== 200) throw new Error(`withdrawal refused: ${withdrawn.status} ${await withdrawn.text()}`)
      }
    }
    const writers = writer().catch((err: Error) => {
      failure = err
    })
    // Let the load build up before the backup starts.
    while (acknowledged.length < 10 && !failure) await new Promise((r) => setTimeout(r, 50))
    expect(failure).toBeUndefined()

    const file = path.join(dataDir, 'backup.sqlite')
    const launched = Date.now()
    const backup = await runBackup(file)
    const exited = Date.now()
    // "Began" is when the command said it starts copying, not when it was launched: a copy of the
    // file alone (without the WAL's recent transactions) would then miss the last acknowledged ones.
    const began = backup.copying
    const before = acknowledged.filter((a) => a.at < began).map((a) => a.id)
    const duringBackup = acknowledged.filter((a) => a.at >= launched && a.at <= exited).length
    writing = false
    await writers
    expect(failure).toBeUndefined()
    expect(backup, backup.out).toMatchObject({ code: 0 })
    expect(backup.out).toContain('integrity_check on the copy: ok')
    // The backup really ran under load: the hall acknowledged submissions while the command ran.
    expect(duringBackup).toBeGreaterThan(0)

    // Restore as the README says: stop, replace the file, start.
    await h.stop()
    hall = undefined
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dataDir, `hall.sqlite${suffix}`), { force: true })
    renameSync(file, path.join(dataDir, 'hall.sqlite'))
    expect(existsSync(path.join(dataDir, 'hall.sqlite-wal'))).toBe(false)
    hall = await start(keys, metadataFile)
    expect((await fetch(`${hall.url}/readyz`)).status).toBe(200)

    const restoredCookie = await login(hall, keys)
    for (const id of before) {
      const res = await fetch(`${hall.url}/api/applications/${id}`, { headers: { cookie: restoredCookie } })
      expect(res.status, `application ${id} was acknowledged before the backup`).toBe(200)
      expect(await res.json()).toMatchObject({ id })
    }
    // Those acknowledged while it ran are each there whole or not at all: every one the restored
    // hall has opens like the others.
    for (const { id } of acknowledged.filter((a) => a.at >= began)) {
      const res = await fetch(`${hall.url}/api/applications/${id}`, { headers: { cookie: restoredCookie } })
      expect([200, 404]).toContain(res.status)
    }
  }, 300_000)
})
