// The machinery behind `npm start`, `npm test` and `npm run deploy:mf`. Plain Node.js on purpose:
// it has to run on a fresh clone before a single dependency is installed.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PNPM_VERSION = '12.4.2'
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

const bin = (name) => path.join(root, 'node_modules', '.bin', name)

/**
 * Runs a command and resolves with its exit code. Output goes to ours unless `quiet`.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} [opts]
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? root,
      env: { ...process.env, ...opts.env },
      stdio: opts.quiet ? 'ignore' : 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Runs the pinned pnpm; `npx -y` beats a `yes=false` npmrc and works with an empty HOME. */
export function pnpm(args, opts = {}) {
  return run('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args], opts)
}

async function must(promise, what) {
  const code = await promise
  if (code !== 0) {
    console.error(`\n✗ ${what} failed (exit ${code})`)
    process.exit(code || 1)
  }
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.modules.yaml')
  const lock = path.join(root, 'pnpm-lock.yaml')
  const fresh = existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs
  if (fresh) return
  console.log('• installing dependencies (pnpm %s)…', PNPM_VERSION)
  const frozen = existsSync(lock) ? ['--frozen-lockfile'] : []
  await must(pnpm(['install', ...frozen, '--reporter=append-only']), 'pnpm install')
}

/** Builds every package that has something to build (the shell, the micro-frontends, vendor). */
export async function buildAll() {
  console.log('• building the shell, shared libraries and micro-frontends…')
  await must(pnpm(['-r', '--workspace-concurrency=2', 'build']), 'build')
}

/** Polls a URL until it answers (any status below 500). */
export async function waitFor(url, { timeoutMs = 60_000, child } = {}) {
  const start = Date.now()
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`)
    try {
      const res = await fetch(url, { redirect: 'manual' })
      if (res.status < 500) return
    } catch {
      /* not up yet */
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * The environment the hall's processes get: the caller's, with demo mode on unless HALL_DEMO is
 * set, NODE_ENV=production, or `production` is asked for (see startHall).
 * @param {{ env?: NodeJS.ProcessEnv, production?: boolean | { idpMetadata?: string } }} [opts]
 * @param {NodeJS.ProcessEnv} [base]
 */
export function hallEnvironment(opts = {}, base = process.env) {
  const production = opts.production ? (opts.production === true ? {} : opts.production) : null
  const env = {
    ...base,
    ...(production
      ? { NODE_ENV: 'production', HALL_DEMO: '0', HALL_DEMO_SITE: '0', ...(production.idpMetadata ? { HALL_IDP_METADATA: production.idpMetadata } : {}) }
      : {}),
    ...opts.env,
  }
  // `npm start` is the demo unless asked otherwise; production never is (the API refuses it).
  if (env.HALL_DEMO === undefined && env.NODE_ENV !== 'production') env.HALL_DEMO = '1'
  return { env, production }
}

/**
 * Whether a server could listen on `port` now. Probed on all interfaces (`::`, which on Linux
 * covers IPv4 too), so a program holding the port on any address counts as taking it.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
}

/** A port the system has free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address())
      probe.close(() => resolve(port))
    })
  })
}

/** Thrown when the hall cannot start as asked; its message says what to do. start.mjs prints it. */
export class StartRefused extends Error {}

/**
 * The port a helper of the hall listens on: the wanted one, or a free one when that is taken
 * (the helpers' ports appear in no URL anyone keeps, so moving them is harmless; the banner says
 * where they went). 0 means any free port.
 */
async function portOrFree(wanted, what, notices) {
  if (wanted !== 0 && (await portIsFree(wanted))) return wanted
  const port = await freePort()
  if (wanted !== 0) notices.push(`${what}: port ${wanted} is taken by another program; using ${port} instead`)
  return port
}

/**
 * Refuses a port that is taken when the hall's URLs are built on it (the hall's own, the IdP's):
 * falling back would change addresses that people and the IdP's configuration hold.
 */
async function mustBeFree(port, variable, what) {
  if (await portIsFree(port)) return
  throw new StartRefused(
    `Port ${port} (${variable}) is taken by another program, so ${what} cannot listen there. ` +
      `Stop that program (another \`npm start\`?), or choose another port: ${variable}=<port> npm start`,
  )
}

/**
 * Starts the development IdP (unless a real IdP is configured) and the API, which migrates and, in
 * demo mode, seeds the demo university and registers the built micro-frontends, then serves
 * everything. Used by `npm start` and by the tests. Demo mode (HALL_DEMO=1) is on unless the
 * caller sets HALL_DEMO=0, runs NODE_ENV=production, or asks for `production`.
 * Outside production it also serves the demo department site (packages/widgets/demo) on another
 * origin, and lets that origin use the widget routes unless HALL_WIDGET_ORIGINS says otherwise.
 *
 * `production` starts a hall as a university goes live with it: NODE_ENV=production, no demo (an
 * empty database), its IdP from a metadata file (`production.idpMetadata`; without one the
 * development IdP is run as if it were the university's, outside the hall), no demo site, and
 * every part deployed through the registry as `npm run deploy:mf -- --all --no-build` would (the
 * parts must be built already).
 * @param {{ port?: number, idpPort?: number, demoSitePort?: number, dataDir?: string, env?: NodeJS.ProcessEnv, quiet?: boolean, production?: boolean | { idpMetadata?: string } }} [opts]
 */
export async function startHall(opts = {}) {
  const { env, production } = hallEnvironment(opts)
  const port = opts.port ?? Number(env.PORT ?? 3000)
  const idpPort = opts.idpPort ?? Number(env.DEV_IDP_PORT ?? 3001)
  const dataDir = path.resolve(root, opts.dataDir ?? env.HALL_DATA_DIR ?? 'data')
  mkdirSync(dataDir, { recursive: true })
  const publicUrl = env.HALL_PUBLIC_URL ?? `http://localhost:${port}`
  const common = { ...env, PORT: String(port), HALL_DATA_DIR: dataDir, HALL_PUBLIC_URL: publicUrl }
  // Checked before anything starts: with a busy port a child would die with EADDRINUSE, or worse,
  // the health check below would be answered by the other program.
  const notices = []
  await mustBeFree(port, 'PORT', 'the hall')
  const devIdp = !env.HALL_IDP_METADATA
  if (devIdp && (production || env.NODE_ENV !== 'production')) await mustBeFree(idpPort, 'DEV_IDP_PORT', 'the development IdP')
  // The development SMTP catcher runs inside the API (never in production, nor with a real server).
  let smtpCatcherPort
  if (env.NODE_ENV !== 'production' && !env.HALL_SMTP_HOST) {
    smtpCatcherPort = await portOrFree(Number(env.HALL_SMTP_CATCHER_PORT ?? 1025), 'the development SMTP catcher (HALL_SMTP_CATCHER_PORT)', notices)
    common.HALL_SMTP_CATCHER_PORT = String(smtpCatcherPort)
  }
  const stdio = opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit'
  const children = []
  // Each child leads its own process group, so stopping kills whatever it started too.
  const launch = (script, childEnv) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      env: childEnv,
      stdio,
      detached: true,
    })
    children.push(child)
    return child
  }

  let idpUrl
  if (production && devIdp) {
    // Stands in for the university's IdP: a separate process the hall only knows by its metadata
    // file (no HALL_DEV_IDP), started outside production since it logs anyone in.
    idpUrl = env.DEV_IDP_URL ?? `http://localhost:${idpPort}`
    const idp = launch('packages/dev-idp/src/server.ts', { ...common, NODE_ENV: 'development', DEV_IDP_PORT: String(idpPort), DEV_IDP_URL: idpUrl })
    await waitFor(`${idpUrl}/metadata`, { child: idp })
    common.HALL_IDP_METADATA = path.join(dataDir, 'dev-idp', 'metadata.xml')
  } else if (devIdp) {
    if (env.NODE_ENV === 'production') {
      throw new Error('NODE_ENV=production needs HALL_IDP_METADATA: the development IdP is refused there')
    }
    idpUrl = env.DEV_IDP_URL ?? `http://localhost:${idpPort}`
    const idp = launch('packages/dev-idp/src/server.ts', {
      ...common,
      DEV_IDP_PORT: String(idpPort),
      DEV_IDP_URL: idpUrl,
    })
    await waitFor(`${idpUrl}/metadata`, { child: idp })
    common.HALL_IDP_METADATA = path.join(dataDir, 'dev-idp', 'metadata.xml')
    common.HALL_DEV_IDP = '1'
  }
  // The demo department site: another origin (another port) that embeds the widgets.
  let demoSiteUrl
  if (env.NODE_ENV !== 'production' && env.HALL_DEMO_SITE !== '0') {
    const demoSitePort = await portOrFree(
      opts.demoSitePort ?? Number(env.HALL_DEMO_SITE_PORT ?? 3002),
      'the demo department site (HALL_DEMO_SITE_PORT)',
      notices,
    )
    demoSiteUrl = `http://localhost:${demoSitePort}`
    common.HALL_WIDGET_ORIGINS ??= demoSiteUrl
    const site = launch('packages/widgets/demo/server.mjs', { ...common, HALL_DEMO_SITE_PORT: String(demoSitePort) })
    await waitFor(`${demoSiteUrl}/healthz`, { child: site })
  }
  const api = launch('api/src/server.ts', common)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve()
            c.once('exit', resolve)
            try {
              process.kill(-c.pid, 'SIGTERM')
            } catch {
              resolve()
            }
            setTimeout(() => {
              try {
                process.kill(-c.pid, 'SIGKILL')
              } catch {
                /* already gone */
              }
            }, 5000).unref()
          }),
      ),
    )
  }
  try {
    await waitFor(`http://localhost:${port}/healthz`, { child: api, timeoutMs: 120_000 })
    if (production) {
      // A production hall serves only registered parts: deploy each, as a first install does.
      const { deployPart, PARTS } = await import('./deploy.mjs')
      const tokenFile = path.join(dataDir, 'deploy-token')
      const token = common.HALL_DEPLOY_TOKEN ?? readFileSync(tokenFile, 'utf8').trim()
      for (const part of PARTS) await deployPart(part, { url: `http://localhost:${port}`, token, build: false, log: opts.quiet ? () => {} : undefined })
    }
  } catch (err) {
    await stop()
    throw err
  }
  return { url: publicUrl, idpUrl, demoSiteUrl, smtpCatcherPort, notices, dataDir, port, children, stop }
}

/**
 * What `npm start` prints once the hall answers: every address of what really runs (after any
 * port fallback), and who may read what.
 * @param {Awaited<ReturnType<typeof startHall>>} hall
 * @param {string} accounts the demo accounts, one a line (empty without the development IdP)
 */
export function banner(hall, accounts = '') {
  const lines = ['', ...hall.notices.map((n) => `  ! ${n}`), `  Service Hall is running:  ${hall.url}`, `  API reference:            ${hall.url}/api/docs`]
  if (hall.smtpCatcherPort) {
    lines.push(`  Development mailbox:      ${hall.url}/dev/mail  (the e-mails the hall sent; log in as an administrator)`)
    lines.push(`  SMTP catcher:             smtp://127.0.0.1:${hall.smtpCatcherPort}`)
  }
  if (hall.demoSiteUrl) lines.push(`  Demo department site:     ${hall.demoSiteUrl}  (the hall's widgets embedded from another origin)`)
  lines.push(`  Data:                     ${hall.dataDir}`)
  if (hall.idpUrl) {
    lines.push(`  Development IdP:          ${hall.idpUrl}  (pick a person, no password)`)
    if (accounts) lines.push('  Demo accounts:', accounts)
  }
  lines.push('', '  Ctrl-C stops everything.', '')
  return lines.join('\n')
}

export { bin }
