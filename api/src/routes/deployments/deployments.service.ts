import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { and, desc, eq, isNull, max } from 'drizzle-orm'
import { recordAudit } from '../../audit/record.ts'
import { staticKey, type BlobStore } from '../../blobs/index.ts'
import type { Db } from '../../db/client.ts'
import { transaction } from '../../db/client.ts'
import { mfDeployments } from '../../db/schema/index.ts'
import type { Deps } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { bellChanged } from '../../notifications/feed.ts'

// The deployment registry behind the import map (DESIGN rule 3, "deploying is data"): a team
// publishes its built files and registers a version; the shell loads what is current on the next
// page load; a rollback hides the current version so the one before it is current again; a deploy
// of a version registered already makes it current again (after a rollback, or over newer ones).
// Each of these changes writes its row of the hall's audit log in the same transaction.

/** The folder of a part in the static store: its name without the scope. */
export const folderOf = (name: string) => name.replace(/^@hall\//, '')

/** The parts that `npm start` builds and registers from the working tree. */
export const LOCAL_PARTS = [
  { name: '@hall/vendor', dir: 'packages/vendor' },
  { name: '@hall/shell', dir: 'shell' },
  { name: '@hall/mf-catalog', dir: 'mf-catalog' },
  { name: '@hall/mf-forms', dir: 'mf-forms' },
  { name: '@hall/mf-todo', dir: 'mf-todo' },
  { name: '@hall/mf-feedback', dir: 'mf-feedback' },
] as const

export type Deployment = typeof mfDeployments.$inferSelect

/** The manifest every browser build writes to `dist/deploy.json`. */
export interface DeployManifest {
  name: string
  version: string
  /** Specifier → path relative to the version's folder. */
  imports: Record<string, string>
  styles?: string[]
  html?: string
}

/** Newest to go live first; rows from before `activation` existed keep their registration order. */
const liveOrder = [desc(mfDeployments.activation), desc(mfDeployments.id)] as const

/** The current version of each part: the last to go live that was not rolled back since. */
export async function currentDeployments(db: Db): Promise<Deployment[]> {
  const rows = await db
    .select()
    .from(mfDeployments)
    .where(isNull(mfDeployments.rolledBackAt))
    .orderBy(...liveOrder)
  const seen = new Map<string, Deployment>()
  for (const row of rows) if (!seen.has(row.name)) seen.set(row.name, row)
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** Every version of a part, the last to go live first: the first one not rolled back is current. */
export async function history(db: Db, name: string): Promise<Deployment[]> {
  return await db
    .select()
    .from(mfDeployments)
    .where(eq(mfDeployments.name, name))
    .orderBy(...liveOrder)
}

/** The audit actor of a deployer as the route knows it: `deploy:deploy-token`, `deploy:<card number>`, `deploy:npm start`. */
const deployActor = (by: string) => `deploy:${by}`

async function nextActivation(tx: Db, name: string): Promise<number> {
  const row = (
    await tx
      .select({ top: max(mfDeployments.activation) })
      .from(mfDeployments)
      .where(eq(mfDeployments.name, name))
  )[0]
  return (row?.top ?? 0) + 1
}

async function currentOf(tx: Db, name: string): Promise<Deployment | undefined> {
  return (
    await tx
      .select()
      .from(mfDeployments)
      .where(and(eq(mfDeployments.name, name), isNull(mfDeployments.rolledBackAt)))
      .orderBy(...liveOrder)
  )[0]
}

export async function importMap(db: Db) {
  // The shared libraries' styles (element-plus) come first, so the parts' own styles override them.
  const current = (await currentDeployments(db)).sort((a, b) => Number(b.name === '@hall/vendor') - Number(a.name === '@hall/vendor'))
  const imports: Record<string, string> = {}
  for (const d of current) Object.assign(imports, d.imports)
  return { imports, styles: current.flatMap((d) => d.styles) }
}

/**
 * The entity tag of the import map's JSON: the page carries the one it was rendered with, and the
 * shell revalidates /importmap.json with it, so "nothing new" costs a 304 without a body.
 */
export function importMapEtag(imports: Record<string, string>): string {
  return `"${digest(JSON.stringify({ imports })).slice(0, 20)}"`
}

const etagMemo = new WeakMap<Db, { at: number; etag: string }>()

/**
 * The import map's current ETag, read from the database at most once a second per node: every open
 * live stream (the bell's) asks for it on each of its polls, so open pages learn of a deployment
 * within seconds without each stream reading the registry.
 */
export async function currentImportMapEtag(db: Db, now = Date.now()): Promise<string> {
  const memo = etagMemo.get(db)
  if (memo && now - memo.at < 1000 && now >= memo.at) return memo.etag
  const etag = importMapEtag((await importMap(db)).imports)
  etagMemo.set(db, { at: now, etag })
  return etag
}

/** Makes the next `currentImportMapEtag` read the database (another node deployed). */
export function forgetImportMapEtag(db: Db): void {
  etagMemo.delete(db)
}

/** Where a part's version lives in the hall's own static store. */
export function storeUrl(name: string, version: string) {
  return `/static/${folderOf(name)}/${version}/`
}

/** Files a deploy stores compressed copies of (and the static route serves them for). */
export const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|map|txt)$/

/** Writes one file of a version into the static store, with precompressed copies. */
export async function storeFile(blobs: BlobStore, name: string, version: string, relPath: string, bytes: Buffer) {
  const clean = path.posix.normalize(relPath)
  if (clean.startsWith('..') || path.posix.isAbsolute(clean) || clean.includes('\0') || clean === '.' || clean.split('/').includes('..')) {
    throw new HallError(400, 'bad_path', `File path "${relPath}" must stay inside the version folder`, `文件路径“${relPath}”必须位于版本目录内`)
  }
  const key = staticKey(`${folderOf(name)}/${version}/${clean}`)
  // The compressed copies first, the file last: a file that can be found has its copies already.
  if (COMPRESSIBLE.test(clean) && bytes.length > 512) {
    await blobs.put(`${key}.gz`, gzipSync(bytes, { level: 9 }))
    // Quality 9 is within a few per cent of 11 at a fraction of the time: a deploy stays quick.
    await blobs.put(`${key}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }))
  }
  await blobs.put(key, bytes)
}

/**
 * What a registration did: a new version went live (`registered`), a version known already went
 * live again (`reactivated`), or the version asked for was current already (`current`).
 */
export type RegisterOutcome = 'registered' | 'reactivated' | 'current'

/**
 * Registers a version after checking that every file it names answers: in the hall's own store
 * the files must be there; at another URL each import must answer 200. A version registered
 * already is made current again instead (the way back after a rollback), provided it names the
 * same files: a version never changes.
 */
export async function register(
  deps: Deps,
  input: { manifest: DeployManifest; baseUrl?: string; registeredBy: string },
): Promise<{ row: Deployment; outcome: RegisterOutcome }> {
  const { manifest } = input
  const base = input.baseUrl ?? storeUrl(manifest.name, manifest.version)
  const resolve = (p: string) => (/^https?:\/\//.test(p) ? p : new URL(p, new URL(base, deps.env.publicUrl)).href.replace(deps.env.publicOrigin, ''))
  const imports = Object.fromEntries(Object.entries(manifest.imports).map(([k, v]) => [k, resolve(v)]))
  const styles = (manifest.styles ?? []).map(resolve)
  const html = manifest.html ? resolve(manifest.html) : null
  await checkFiles(deps, [...Object.values(imports), ...styles, ...(html ? [html] : [])])

  return await transaction(deps.db, async (tx) => {
    const at = deps.now()
    const actor = deployActor(input.registeredBy)
    const existing = (
      await tx
        .select()
        .from(mfDeployments)
        .where(and(eq(mfDeployments.name, manifest.name), eq(mfDeployments.version, manifest.version)))
    )[0]
    const current = await currentOf(tx, manifest.name)
    if (existing) {
      const same =
        existing.baseUrl === base &&
        JSON.stringify(sortedEntries(existing.imports)) === JSON.stringify(sortedEntries(imports)) &&
        JSON.stringify(existing.styles) === JSON.stringify(styles) &&
        existing.html === html
      if (!same) {
        throw new HallError(
          409,
          'version_exists',
          `${manifest.name} ${manifest.version} is registered already with other files; a version never changes, so build a new version`,
          `${manifest.name} 的版本 ${manifest.version} 已登记，且文件不同；版本登记后不可更改，请构建新版本`,
        )
      }
      if (current?.id === existing.id) return { row: existing, outcome: 'current' as const }
      const row = (
        await tx
          .update(mfDeployments)
          .set({ rolledBackAt: null, rolledBackBy: null, activation: await nextActivation(tx, manifest.name) })
          .where(eq(mfDeployments.id, existing.id))
          .returning()
      )[0]!
      await recordAudit(tx, at, {
        actor,
        action: 'deployment.reactivated',
        outcome: 'success',
        targetKind: 'deployment',
        targetId: `${row.name}@${row.version}`,
        detail: { name: row.name, version: row.version, replaced: current?.version ?? null },
      })
      await bellChanged(tx, { importmap: true })
      return { row, outcome: 'reactivated' as const }
    }
    const row = (
      await tx
        .insert(mfDeployments)
        .values({
          name: manifest.name,
          version: manifest.version,
          imports,
          styles,
          html,
          baseUrl: base,
          registeredBy: input.registeredBy,
          registeredAt: at,
          activation: await nextActivation(tx, manifest.name),
        })
        .returning()
    )[0]!
    await recordAudit(tx, at, {
      actor,
      action: 'deployment.registered',
      outcome: 'success',
      targetKind: 'deployment',
      targetId: `${row.name}@${row.version}`,
      detail: { name: row.name, version: row.version, baseUrl: base, replaced: current?.version ?? null },
    })
    await bellChanged(tx, { importmap: true })
    return { row, outcome: 'registered' as const }
  })
}

const sortedEntries = (record: Record<string, string>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b))

/** Whether a `/static/…` URL names a stored file (a URL that could not be a key names none). */
async function storedStatic(blobs: BlobStore, url: string) {
  let key: string
  try {
    key = staticKey(decodeURIComponent(url.slice('/static/'.length)))
  } catch {
    return false
  }
  return blobs.has(key)
}

async function checkFiles(deps: Deps, urls: string[]) {
  const missing: string[] = []
  for (const url of urls) {
    if (url.startsWith('/static/')) {
      if (!(await storedStatic(deps.blobs, url))) missing.push(url)
    } else {
      const ok = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) })
        .then((r) => r.ok)
        .catch(() => false)
      if (!ok) missing.push(url)
    }
  }
  if (missing.length) {
    throw new HallError(
      422,
      'files_missing',
      `These files of the version do not answer, so it was not registered: ${missing.join(', ')}`,
      `该版本的这些文件无法访问，未登记：${missing.join(', ')}`,
    )
  }
}

/** Hides the current version of a part so the previous one is current again. */
export async function rollback(deps: Deps, name: string, by: string): Promise<{ from: Deployment; to: Deployment }> {
  return await transaction(deps.db, async (tx) => {
    const active = await tx
      .select()
      .from(mfDeployments)
      .where(and(eq(mfDeployments.name, name), isNull(mfDeployments.rolledBackAt)))
      .orderBy(...liveOrder)
      .limit(2)
    const [from, to] = active
    if (!from) throw new HallError(404, 'not_found', `${name} has no registered version`, `${name} 没有已登记的版本`)
    if (!to) {
      throw new HallError(
        409,
        'nothing_to_roll_back_to',
        `${name} ${from.version} is its only version: there is nothing to roll back to`,
        `${name} 只有 ${from.version} 一个版本，无法回滚`,
      )
    }
    const at = deps.now()
    await tx.update(mfDeployments).set({ rolledBackAt: at, rolledBackBy: by }).where(eq(mfDeployments.id, from.id))
    await recordAudit(tx, at, {
      actor: deployActor(by),
      action: 'deployment.rolled_back',
      outcome: 'success',
      targetKind: 'deployment',
      targetId: `${from.name}@${from.version}`,
      detail: { name, from: from.version, to: to.version },
    })
    await bellChanged(tx, { importmap: true })
    return { from, to }
  })
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)))
    else if (entry.name !== 'deploy.json') out.push(rel)
  }
  return out
}

/** Publishes a built `dist/` folder into the static store and registers it, unless that version is known. */
export async function publishDist(deps: Deps, distDir: string, registeredBy: string): Promise<Deployment | null> {
  const manifest = JSON.parse(await readFile(path.join(distDir, 'deploy.json'), 'utf8')) as DeployManifest
  const known = (
    await deps.db
      .select({ id: mfDeployments.id })
      .from(mfDeployments)
      .where(and(eq(mfDeployments.name, manifest.name), eq(mfDeployments.version, manifest.version)))
  )[0]
  // A known version is left as it is: a restart must not undo an administrator's rollback.
  if (known) return null
  for (const rel of await listFiles(distDir)) {
    await storeFile(deps.blobs, manifest.name, manifest.version, rel, await readFile(path.join(distDir, rel)))
  }
  return (await register(deps, { manifest, registeredBy })).row
}

/** At start: registers each part built in the working tree whose version is not registered yet. */
export async function syncLocalBuilds(deps: Deps) {
  const published: string[] = []
  for (const part of LOCAL_PARTS) {
    const dist = path.join(deps.env.sourceRoot, part.dir, 'dist')
    if (!existsSync(path.join(dist, 'deploy.json'))) {
      deps.log.warn({ part: part.name }, 'no build found (dist/deploy.json); run the build first')
      continue
    }
    const row = await publishDist(deps, dist, 'npm start')
    if (row) published.push(`${row.name}@${row.version}`)
  }
  if (published.length) deps.log.info({ published }, 'registered local builds')
}

/** A stable digest of bytes, for content-addressed versions. */
export const digest = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')
