// Publishing a built part to a running hall: upload its files to the static store (or name where
// they are published already) and register the version. Shared by `npm run deploy:mf` and by
// startHall's production mode, which deploys every part through the registry like a first install.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { pnpm, root } from './index.mjs'

/** Every part the hall serves, in the order a first install deploys them (libraries first). */
export const PARTS = ['vendor', 'shell', 'mf-catalog', 'mf-forms', 'mf-todo', 'mf-feedback']

/** The folder of a part: `vendor` and `shell` are not named like their folders. */
export function partDir(part) {
  return { vendor: 'packages/vendor', shell: 'shell' }[part] ?? part
}

/**
 * A client of the deployment routes.
 * @param {{ url: string, token: string }} hall
 */
export function deployClient(hall) {
  const base = hall.url.replace(/\/$/, '')
  async function call(method, url, body, contentType = 'application/json') {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { Authorization: `Bearer ${hall.token}`, ...(body ? { 'Content-Type': contentType } : {}) },
      body: body && contentType === 'application/json' ? JSON.stringify(body) : body,
    })
    const text = await res.text()
    const json = text ? JSON.parse(text) : {}
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${json.error?.message ?? text}`)
    return json
  }
  return { call }
}

export const showDeployment = (d) =>
  `${d.name} ${d.version}  (${d.registeredAt} by ${d.registeredBy}${d.rolledBackAt ? `, rolled back ${d.rolledBackAt}` : ''})`

/**
 * Builds (unless `build: false`) and deploys one part; resolves with the registered (or made
 * current again) row, or null when that version is current already.
 * @param {string} part
 * @param {{ url: string, token: string, build?: boolean, baseUrl?: string, log?: (line: string) => void }} opts
 */
export async function deployPart(part, opts) {
  const log = opts.log ?? ((line) => console.log(line))
  const dir = partDir(part)
  if (!existsSync(path.join(root, dir, 'package.json'))) throw new Error(`unknown part ${part}`)
  if (opts.build !== false) {
    const code = await pnpm(['--filter', `./${dir}`, 'build'])
    if (code !== 0) throw new Error(`building ${part} failed (exit ${code})`)
  }
  const { call } = deployClient(opts)
  const dist = path.join(root, dir, 'dist')
  const manifest = JSON.parse(readFileSync(path.join(dist, 'deploy.json'), 'utf8'))
  const { items: known } = await call('GET', `/api/admin/deployments/${part}`)
  // History lists the last version to go live first: the first one not rolled back is current.
  const current = known.find((d) => !d.rolledBackAt)
  if (current?.version === manifest.version) {
    log(`• ${manifest.name} ${manifest.version} is current already (the build did not change): nothing to deploy.`)
    return null
  }
  // A known version's files are in the store (and never change): registering it again makes it current.
  const isKnown = known.some((d) => d.version === manifest.version)
  if (!opts.baseUrl && !isKnown) {
    const files = []
    const walk = (d, prefix = '') => {
      for (const name of readdirSync(d)) {
        const rel = prefix ? `${prefix}/${name}` : name
        if (statSync(path.join(d, name)).isDirectory()) walk(path.join(d, name), rel)
        else if (rel !== 'deploy.json') files.push(rel)
      }
    }
    walk(dist)
    for (const rel of files) {
      await call(
        'PUT',
        `/api/admin/deployments/${part}/${manifest.version}/files/${encodeURIComponent(rel)}`,
        readFileSync(path.join(dist, rel)),
        'application/octet-stream',
      )
    }
    log(`• uploaded ${files.length} files of ${manifest.name} ${manifest.version}`)
  }
  const row = await call('POST', '/api/admin/deployments', { ...manifest, ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) })
  const what =
    row.outcome === 'reactivated'
      ? `made current again (it was registered before): ${showDeployment(row)}${current ? `, in place of ${current.version}` : ''}`
      : `registered ${showDeployment(row)}`
  log(`✓ ${what}`)
  return row
}
