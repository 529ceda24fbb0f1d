import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { root } from '@hall/cli'

// `npm start` when other programs hold its ports: the README promises a free port for the SMTP
// catcher (1025) and the demo department site (3002), and the banner must print what really runs.
// Before, a busy 1025 crashed the API with an uncaught EADDRINUSE and a busy 3002 killed the demo
// site, and with it the whole start. The real command runs here, as a person would start it, with
// the wanted ports held by servers of the test (never the real 1025/3002: a developer's hall may
// be running on this machine).

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** Holds a port on all interfaces, as another program would. */
const hold = () =>
  new Promise<{ server: Server; port: number }>((resolve) => {
    const server = createServer((socket) => socket.end('not the hall\n')).listen(0, () =>
      resolve({ server, port: (server.address() as { port: number }).port }),
    )
  })
const freePort = () => hold().then(({ server, port }) => new Promise<number>((resolve) => server.close(() => resolve(port))))

/** Runs `npm start --no-build` (its script, directly) and collects what it prints. */
function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-start-ports-'))
  const child = spawn(process.execPath, ['packages/cli/bin/start.mjs', '--no-build'], {
    cwd: root,
    // A development start (the test runner may set NODE_ENV); HALL_DEMO asks for the demo data
    // and its department site where the start command makes them optional.
    env: { ...process.env, NODE_ENV: 'development', HALL_DATA_DIR: dataDir, HALL_LOG_LEVEL: 'warn', HALL_DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (d) => (out.stdout += d))
  child.stderr.on('data', (d) => (out.stderr += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  })
  return { child, out, exited }
}

async function untilPrinted(run: ReturnType<typeof start>, text: string) {
  for (;;) {
    if (run.out.stdout.includes(text)) return
    if (run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}):\n${run.out.stdout}\n${run.out.stderr}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The first line the SMTP server at `port` says. */
const smtpGreeting = (port: number) =>
  new Promise<string>((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('data', (d) => {
      resolve(d.toString('utf8'))
      socket.end()
    })
    socket.once('error', reject)
  })

describe('npm start with its ports taken', () => {
  it('moves the SMTP catcher and the demo site to free ports, and the banner names the ones that answer', async () => {
    const smtp = await hold()
    const site = await hold()
    cleanups.push(
      () => void smtp.server.close(),
      () => void site.server.close(),
    )
    const run = start({
      PORT: String(await freePort()),
      DEV_IDP_PORT: String(await freePort()),
      HALL_SMTP_CATCHER_PORT: String(smtp.port),
      HALL_DEMO_SITE_PORT: String(site.port),
    })
    await untilPrinted(run, 'Ctrl-C stops everything.')
    const banner = run.out.stdout

    expect(banner).toContain(`port ${smtp.port} is taken`)
    expect(banner).toContain(`port ${site.port} is taken`)
    const catcherPort = Number(/SMTP catcher:\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1])
    const siteUrl = /Demo department site:\s+(\S+)/.exec(banner)?.[1]
    expect(catcherPort).not.toBe(smtp.port)
    expect(siteUrl).toBeDefined()
    expect(new URL(siteUrl!).port).not.toBe(String(site.port))
    expect(await smtpGreeting(catcherPort)).toMatch(/^220 /)
    expect((await fetch(`${siteUrl}/healthz`)).status).toBe(200)
    // The banner says who may read the mailbox.
    expect(banner).toMatch(/dev\/mail.*administrator/)
  }, 180_000) // migrating and seeding a fresh hall on two shared cores takes a while

  it('stops with a sentence that says what to do when the hall’s own port is taken', async () => {
    const busy = await hold()
    cleanups.push(() => void busy.server.close())
    const run = start({ PORT: String(busy.port), DEV_IDP_PORT: String(await freePort()) })
    expect(await run.exited).toBe(1)
    expect(run.out.stderr).toContain(`Port ${busy.port} (PORT) is taken by another program`)
    expect(run.out.stderr).not.toMatch(/EADDRINUSE|\n\s+at /)
  })
})
