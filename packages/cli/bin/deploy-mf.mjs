#!/usr/bin/env node
// `npm run deploy:mf -- <part> [options]`: builds one micro-frontend (or the shell, or the shared
// libraries) alone, publishes its files to the hall's static store and registers the new version.
// The shell loads it on the next page load; nothing else is rebuilt.
//
//   npm run deploy:mf -- mf-catalog                 build, upload, register (a version registered
//                                                   already, e.g. rolled back, becomes current again)
//   npm run deploy:mf -- mf-catalog --rollback      back to the version before the current one
//   npm run deploy:mf -- mf-catalog --history       list the registered versions
//   npm run deploy:mf -- mf-catalog --base-url https://cdn.example.edu/mf-catalog/1.2.0/
//                                                   register files already published elsewhere
// Options: --url <hall>  (default $HALL_URL or http://localhost:$PORT or :3000)
//          --token <t>   (default $HALL_DEPLOY_TOKEN, else <HALL_DATA_DIR or ./data>/deploy-token)
//          --no-build    deploy what is in dist/ already
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ensureInstalled, pnpm, root } from '../lib/index.mjs'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    'base-url': { type: 'string' },
    rollback: { type: 'boolean' },
    history: { type: 'boolean' },
    'no-build': { type: 'boolean' },
  },
})
const part = (positionals[0] ?? '').replace(/^@hall\//, '')
const dirs = { vendor: 'packages/vendor', shell: 'shell' }
const dir = dirs[part] ?? part
if (!part || !existsSync(path.join(root, dir, 'package.json'))) {
  console.error('usage: npm run deploy:mf -- <mf-catalog|mf-forms|mf-todo|mf-feedback|shell|vendor> [--rollback|--history] [--url URL] [--token T] [--base-url URL] [--no-build]')
  process.exit(2)
}
const hall = (values.url ?? process.env.HALL_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '')
const tokenFile = path.join(path.resolve(root, process.env.HALL_DATA_DIR ?? 'data'), 'deploy-token')
const token = values.token ?? process.env.HALL_DEPLOY_TOKEN ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '')
if (!token) {
  console.error(`No deploy token: pass --token, set HALL_DEPLOY_TOKEN, or start the hall once so ${tokenFile} exists`)
  process.exit(2)
}
const headers = { Authorization: `Bearer ${token}` }

async function call(method, url, body, contentType = 'application/json') {
  const res = await fetch(`${hall}${url}`, {
    method,
    headers: { ...headers, ...(body ? { 'Content-Type': contentType } : {}) },
    body: body && contentType === 'application/json' ? JSON.stringify(body) : body,
  })
  const text = await res.text()
  const json = text ? JSON.parse(text) : {}
  if (!res.ok) {
    console.error(`✗ ${method} ${url}: ${res.status} ${json.error?.message ?? text}`)
    process.exit(1)
  }
  return json
}

const show = (d) => `${d.name} ${d.version}  (${d.registeredAt} by ${d.registeredBy}${d.rolledBackAt ? `, rolled back ${d.rolledBackAt}` : ''})`

if (values.history) {
  const { items } = await call('GET', `/api/admin/deployments/${part}`)
  items.forEach((d, i) => console.log(`${i === items.findIndex((x) => !x.rolledBackAt) ? '→' : ' '} ${show(d)}`))
  process.exit(0)
}
if (values.rollback) {
  const { from, to } = await call('POST', `/api/admin/deployments/${part}/rollback`)
  console.log(`✓ ${from.name}: ${from.version} → ${to.version}. Users get it on their next page load.`)
  process.exit(0)
}

await ensureInstalled()
if (!values['no-build']) {
  const code = await pnpm(['--filter', `./${dir}`, 'build'])
  if (code !== 0) process.exit(code)
}
const dist = path.join(root, dir, 'dist')
const manifest = JSON.parse(readFileSync(path.join(dist, 'deploy.json'), 'utf8'))
const { items: known } = await call('GET', `/api/admin/deployments/${part}`)
// History lists the last version to go live first: the first one not rolled back is current.
const current = known.find((d) => !d.rolledBackAt)
if (current?.version === manifest.version) {
  console.log(`• ${manifest.name} ${manifest.version} is current already (the build did not change): nothing to deploy.`)
  process.exit(0)
}
// A known version's files are in the store (and never change): registering it again makes it current.
const isKnown = known.some((d) => d.version === manifest.version)
if (!values['base-url'] && !isKnown) {
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
    await call('PUT', `/api/admin/deployments/${part}/${manifest.version}/files/${encodeURIComponent(rel)}`, readFileSync(path.join(dist, rel)), 'application/octet-stream')
  }
  console.log(`• uploaded ${files.length} files of ${manifest.name} ${manifest.version}`)
}
const row = await call('POST', '/api/admin/deployments', { ...manifest, ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}) })
const what = row.outcome === 'reactivated' ? `made current again (it was registered before): ${show(row)}${current ? `, in place of ${current.version}` : ''}` : `registered ${show(row)}`
console.log(`✓ ${what}\n  The shell loads it on the next page load. Roll back with: npm run deploy:mf -- ${part} --rollback`)
