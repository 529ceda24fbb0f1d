import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { closePostgres, openPostgres } from './postgres.ts'

// A throwaway PostgreSQL cluster for tests (never for the hall itself): initdb into a temporary
// folder, a server on a free port of 127.0.0.1 with durability off, and template databases, so that
// each test gets a fresh migrated database in a few tens of milliseconds (CREATE DATABASE … TEMPLATE)
// instead of migrating one. The API's vitest global setup starts one per run (vitest.global-setup.ts);
// tests get databases through db/pg-test-support.ts.
//
// Without PostgreSQL's server programs this throws, with what to install: the tests that need it
// fail rather than skip, since CI (.ci/run) installs Debian's `postgresql`.

export interface PgServer {
  /** A URL for `database` on this server, as the superuser `postgres` (trust authentication, local only). */
  url(database?: string): string
  port: number
  /** Stops the server at once and removes its folder. */
  stop(): Promise<void>
}

/** Where initdb and pg_ctl are: HALL_PG_BIN alone when set, else the newest /usr/lib/postgresql/<n>/bin, else pg_config's. */
export function findPgBin(): string {
  const candidates: string[] = []
  if (process.env.HALL_PG_BIN) candidates.push(process.env.HALL_PG_BIN)
  const debian = '/usr/lib/postgresql'
  if (process.env.HALL_PG_BIN) {
    // Only there: also how to see what a machine without PostgreSQL does (HALL_PG_BIN=/nowhere).
  } else if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, 'bin'))
  }
  const fromConfig = process.env.HALL_PG_BIN ? null : spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  if (fromConfig?.status === 0) candidates.push(fromConfig.stdout.trim())
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')))
  if (!found) {
    throw new Error(
      'PostgreSQL server programs (initdb, pg_ctl) not found, so the PostgreSQL tests cannot run. ' +
        'Install them with `apt-get install -y postgresql` (as .ci/run does), or set HALL_PG_BIN to their folder.',
    )
  }
  return found
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * initdb refuses to run as root: as root, the cluster belongs to the `postgres` user that Debian's
 * package creates, and its programs run through runuser. Otherwise they run as the current user.
 */
function runnerAs(): { run: (bin: string, args: string[]) => void; chown: (dir: string) => void } {
  const asRoot = process.getuid?.() === 0
  if (!asRoot) return { run: (bin, args) => void execFileSync(bin, args, { stdio: 'pipe' }), chown: () => {} }
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return {
    run: (bin, args) => void execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' }),
    chown: (dir) => chownSync(dir, uid, gid),
  }
}

/** Starts a throwaway cluster: about 2 s for initdb and 0.2 s to start on the machines the suite runs on. */
export async function startPgServer(): Promise<PgServer> {
  const bin = findPgBin()
  const { run, chown } = runnerAs()
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-pg-'))
  chown(dir)
  const data = path.join(dir, 'data')
  const log = path.join(dir, 'server.log')
  const port = await freePort()
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'])
    // A test server: nothing in it must survive a crash, so no fsync; the socket in its own folder
    // (/var/run/postgresql may not exist or belong to another cluster).
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'])
  } catch (err) {
    const detail = existsSync(log) ? `\n${readFileSync(log, 'utf8').slice(-2000)}` : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`the test PostgreSQL server did not start: ${(err as Error).message}${detail}`, { cause: err })
  }
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** The template every test database is copied from: the hall's migrations applied. */
export const MIGRATED_TEMPLATE = 'hall_migrated'

/**
 * Makes `name` on the server a migrated database that others can be copied from. It must have no
 * connection left afterwards: CREATE DATABASE … TEMPLATE refuses a template someone is connected to.
 */
export async function createMigratedTemplate(server: PgServer, name = MIGRATED_TEMPLATE): Promise<void> {
  const admin = postgres(server.url(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`)
    const db = await openPostgres(server.url(name), { max: 1 })
    await closePostgres(db)
    await admin.unsafe(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

/** The template the PostgreSQL run of the API tests copies a demo database from (migrated and seeded). */
export const SEEDED_TEMPLATE = 'hall_seeded'

/**
 * Makes `SEEDED_TEMPLATE` on the server: a database migrated and seeded with the demo university at
 * `at`, by pg-seed-template.ts in a process of its own (the schema picks PostgreSQL's tables by
 * HALL_DATABASE_URL as it loads).
 */
export async function createSeededTemplate(server: PgServer, at: Date): Promise<void> {
  const admin = postgres(server.url(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`CREATE DATABASE "${SEEDED_TEMPLATE}" TEMPLATE "${MIGRATED_TEMPLATE}"`)
    execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'pg-seed-template.ts'), at.toISOString()], {
      env: { ...process.env, HALL_DATABASE_URL: server.url(SEEDED_TEMPLATE) },
      stdio: 'pipe',
      cwd: path.join(import.meta.dirname, '..', '..'),
    })
    await admin.unsafe(`ALTER DATABASE "${SEEDED_TEMPLATE}" WITH IS_TEMPLATE true`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

let counter = 0

/**
 * A new database copied from `template` (an empty one with `null`), with a name of its own;
 * returns its URL. CREATE DATABASE takes a lock per template, so concurrent copies wait in turn
 * (briefly); the copy is retried when another session happens to be on the template (55006).
 */
export async function createDatabase(adminUrl: string, template: string | null = MIGRATED_TEMPLATE): Promise<string> {
  const name = `hall_${process.pid}_${Date.now().toString(36)}_${counter++}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        // FILE_COPY: copying the files beats writing every page to the WAL (15's default) for a seeded template.
        await admin.unsafe(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY = FILE_COPY` : `CREATE DATABASE "${name}"`)
        break
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80))
      }
    }
  } finally {
    await admin.end({ timeout: 5 })
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
