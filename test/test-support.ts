import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort, root, waitFor } from '@hall/cli'
import { generateSpKeys } from '../api/src/auth/sp-keys.ts'
import { createDatabase, startPgServer, type PgServer } from '../api/src/db/pg-server.ts'
import { closePostgres, openPostgres, type PgDb } from '../api/src/db/postgres.ts'

// Several API processes on one PostgreSQL behind a round-robin proxy, as a university would run
// the hall on more than one node (decision 016, item 4): a throwaway PostgreSQL cluster, the
// development IdP, N real `node` processes of api/src/server.ts with HALL_DATABASE_URL and the
// settings many nodes must share (the deploy token, the SAML key), and a proxy in this process
// that sends each request to the next node. Used by integration/many-nodes.test.ts and
// bench/many-nodes.ts (the test helpers of test/, beside both: README, "Test helpers have one name").

/** One API process. */
export interface ApiNode {
  /** 0, 1, …: its place in the proxy's rotation. */
  index: number
  /** Its own address (bypassing the proxy). */
  url: string
  proc: ChildProcess
  /** What it wrote to stdout and stderr (warnings and errors at the level the nodes run with). */
  output(): string
  /** kill -9: no clean stop, no flush. Resolves when the process is gone. */
  kill(): Promise<void>
}

/** Where each request that went through the proxy was sent, in order. */
export interface Routed {
  method: string
  path: string
  node: number
  /** The node's status, or 502 when it could not be reached. */
  status: number
}

export interface ManyNodes {
  pg: PgServer
  /** The hall's database (what every node has as HALL_DATABASE_URL). */
  databaseUrl: string
  /** The proxy: the hall's public address, and what the nodes have as HALL_PUBLIC_URL. */
  url: string
  /** The public origin, for the `origin` header of a state-changing request (the CSRF check). */
  origin: string
  idpUrl: string
  nodes: ApiNode[]
  /** The proxy's log of routed requests. */
  routed: Routed[]
  /** A connection to the hall's database for the test's own reads (one connection, closed by stop). */
  sql: PgDb['$client']
  /** Stops everything: the nodes, the IdP, the proxy and the cluster. Safe to call twice. */
  stop(): Promise<void>
}

/** Settings both tests and benches give every node (on top of `env`). */
const NODE_ENV_DEFAULTS = {
  NODE_ENV: 'development',
  HALL_DEMO: '1',
  HALL_DEMO_SITE: '0',
  HALL_LOG_LEVEL: 'warn',
  // A catcher per node, on a port of its own: the tests count deliveries at the push gateway.
  HALL_SMTP_CATCHER_PORT: '0',
  // Submissions come from few people at a high rate, all from 127.0.0.1.
  HALL_RATE_LIMITS: 'submit.person=1000000/60,submit.address=1000000/60,login.address=100000/10,acs.address=100000/10,stream.person=10000/60',
}

/** Processes still running, stopped with SIGKILL if this process exits without stopping them. */
const running = new Set<ChildProcess>()
let exitHook = false
function track(proc: ChildProcess) {
  running.add(proc)
  proc.once('exit', () => running.delete(proc))
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const p of running) killGroup(p, 'SIGKILL')
  })
}

function killGroup(proc: ChildProcess, signal: NodeJS.Signals) {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return
  try {
    // Each child leads its own process group (detached): whatever it started goes with it.
    process.kill(-proc.pid, signal)
  } catch {
    /* gone already */
  }
}

function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => proc.once('exit', () => resolve()))
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
async function stopProcess(proc: ChildProcess, graceMs = 3000) {
  const gone = exited(proc)
  killGroup(proc, 'SIGTERM')
  const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), graceMs)
  await gone
  clearTimeout(timer)
}

function launch(script: string, env: NodeJS.ProcessEnv) {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  track(proc)
  let output = ''
  const keep = (d: Buffer) => {
    // The last 64 KB is enough to say why a node failed.
    output = (output + d.toString()).slice(-65_536)
  }
  proc.stdout.on('data', keep)
  proc.stderr.on('data', keep)
  return { proc, output: () => output }
}

/**
 * A round-robin HTTP proxy: each request goes to the next node in turn, its answer streams back
 * as it comes (the bell's Server-Sent Events pass through). A node that cannot be reached answers
 * 502 for that request and the proxy does not retry it (a retried POST is the client's decision,
 * with its Idempotency-Key).
 */
function roundRobinProxy(upstreams: string[], routed: Routed[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  let next = 0
  const pick = () => next++ % upstreams.length
  const server: Server = createServer((req, res) => {
    const node = pick()
    const target = new URL(req.url ?? '/', upstreams[node])
    const entry: Routed = { method: req.method ?? 'GET', path: target.pathname, node, status: 0 }
    routed.push(entry)
    const upstream = httpRequest(target, { method: req.method, headers: req.headers, agent }, (answer: IncomingMessage) => {
      entry.status = answer.statusCode ?? 0
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      // Streamed as it arrives: an SSE answer is never "complete".
      answer.pipe(res)
      answer.on('error', () => res.destroy())
    })
    upstream.on('error', (err) => {
      if (res.headersSent) return void res.destroy()
      entry.status = 502
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `node ${node} could not be reached: ${err.message}` } }))
    })
    // The client went away (a closed stream): so does the request to the node.
    res.on('close', () => upstream.destroy())
    req.pipe(upstream)
  })
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        agent.destroy()
        server.close(() => resolve())
      }),
  }
}

/**
 * What every node of one hall shares and a production hall on PostgreSQL must be given (env.ts): a
 * deploy token and the SAML key, as files named in the environment, written into `dir`.
 */
export async function sharedSecrets(dir: string) {
  const sp = await generateSpKeys('Service Hall (shared by its nodes)')
  const keyFile = path.join(dir, 'sp-key.pem')
  const certFile = path.join(dir, 'sp-cert.pem')
  writeFileSync(keyFile, sp.privateKeyPem, { mode: 0o600 })
  writeFileSync(certFile, sp.certPem)
  return { HALL_DEPLOY_TOKEN: 'deploy-token-shared-by-every-node-0123', HALL_SP_SIGNING_KEY: keyFile, HALL_SP_SIGNING_CERT: certFile }
}

/**
 * Starts `nodes` API processes on one fresh PostgreSQL database behind a round-robin proxy, with
 * the development IdP and the demo university. The nodes start together (two nodes after a
 * deploy): they migrate and seed one database at once.
 */
export async function startManyNodes(opts: { nodes: number; env?: Record<string, string> }): Promise<ManyNodes> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-many-nodes-'))
  const stops: (() => Promise<void>)[] = []
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    // Last started, first stopped; every step runs even if one fails.
    for (const s of stops.reverse()) await s().catch((err: unknown) => console.error('many-nodes: a stop failed', err))
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const pg = await startPgServer()
    stops.push(() => pg.stop())
    const databaseUrl = await createDatabase(pg.url(), null)

    const proxyPort = await freePort()
    const url = `http://localhost:${proxyPort}`
    const routed: Routed[] = []
    const ports = await Promise.all(Array.from({ length: opts.nodes }, () => freePort()))
    const proxy = roundRobinProxy(
      ports.map((p) => `http://127.0.0.1:${p}`),
      routed,
    )
    await new Promise<void>((resolve) => proxy.server.listen(proxyPort, '127.0.0.1', resolve))
    stops.push(() => proxy.close())

    // The SAML key every node signs with, from files named in the environment.
    const secrets = await sharedSecrets(dir)

    const idpPort = await freePort()
    const idpUrl = `http://localhost:${idpPort}`
    const idpDir = path.join(dir, 'idp')
    const idp = launch('packages/dev-idp/src/server.ts', {
      ...process.env,
      NODE_ENV: 'development',
      DEV_IDP_PORT: String(idpPort),
      DEV_IDP_URL: idpUrl,
      HALL_DATA_DIR: idpDir,
      HALL_PUBLIC_URL: url,
    })
    stops.push(() => stopProcess(idp.proc))
    await waitFor(`${idpUrl}/metadata`, { child: idp.proc })

    const common: NodeJS.ProcessEnv = {
      ...process.env,
      ...NODE_ENV_DEFAULTS,
      HALL_PUBLIC_URL: url,
      HALL_DATABASE_URL: databaseUrl,
      HALL_DEV_IDP: '1',
      HALL_IDP_METADATA: path.join(idpDir, 'dev-idp', 'metadata.xml'),
      // Many nodes share the deploy token and the SAML key; each would otherwise make its own in
      // its data folder and the hall would be split (decision 016).
      ...secrets,
      ...opts.env,
    }
    const nodes: ApiNode[] = ports.map((port, index) => {
      // A data folder each: no disk in common (blobs stay in each folder; these tests upload none).
      const dataDir = path.join(dir, `node-${index}`)
      mkdirSync(dataDir)
      const { proc, output } = launch('api/src/server.ts', { ...common, PORT: String(port), HALL_DATA_DIR: dataDir })
      stops.push(() => stopProcess(proc))
      return {
        index,
        url: `http://127.0.0.1:${port}`,
        proc,
        output,
        kill: async () => {
          const gone = exited(proc)
          killGroup(proc, 'SIGKILL')
          await gone
        },
      }
    })
    await Promise.all(
      nodes.map((n) =>
        waitFor(`${n.url}/readyz`, { child: n.proc, timeoutMs: 120_000 }).catch((err: Error) => {
          throw new Error(`node ${n.index} did not start: ${err.message}\n${n.output()}`, { cause: err })
        }),
      ),
    )
    const db = await openPostgres(databaseUrl, { max: 1, migrate: false })
    stops.push(() => closePostgres(db))
    return { pg, databaseUrl, url, origin: new URL(url).origin, idpUrl, nodes, routed, sql: db.$client, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** A cookie jar of one person's session, for fetch: sends the cookies it was given back. */
export function withCookie(cookie: string, origin: string) {
  return (url: string, init: RequestInit = {}) =>
    fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { cookie, origin, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
    })
}
