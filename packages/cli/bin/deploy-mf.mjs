#!/usr/bin/env node
// `npm run deploy:mf -- <part> [options]`: builds one micro-frontend (or the shell, or the shared
// libraries) alone, publishes its files to the hall's static store and registers the new version.
// The shell loads it on the next page load; nothing else is rebuilt.
//
//   npm run deploy:mf -- mf-catalog                 build, upload, register (a version registered
//                                                   already, e.g. rolled back, becomes current again)
//   npm run deploy:mf -- --all                      every part (vendor, shell, the four mf-*): a first install
//   npm run deploy:mf -- mf-catalog --rollback      back to the version before the current one
//   npm run deploy:mf -- mf-catalog --history       list the registered versions
//   npm run deploy:mf -- mf-catalog --base-url https://cdn.example.edu/mf-catalog/1.2.0/
//                                                   register files already published elsewhere
// Options: --url <hall>  (default $HALL_URL or http://localhost:$PORT or :3000)
//          --token <t>   (default $HALL_DEPLOY_TOKEN, else <HALL_DATA_DIR or ./data>/deploy-token)
//          --no-build    deploy what is in dist/ already
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { deployClient, deployPart, PARTS, partDir, showDeployment } from '../lib/deploy.mjs'
import { ensureInstalled, root } from '../lib/index.mjs'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    'base-url': { type: 'string' },
    rollback: { type: 'boolean' },
    history: { type: 'boolean' },
    all: { type: 'boolean' },
    'no-build': { type: 'boolean' },
  },
})
const part = (positionals[0] ?? '').replace(/^@hall\//, '')
const usage =
  'usage: npm run deploy:mf -- <mf-catalog|mf-forms|mf-todo|mf-feedback|shell|vendor> [--rollback|--history] [--url URL] [--token T] [--base-url URL] [--no-build]\n       npm run deploy:mf -- --all [--url URL] [--token T] [--no-build]'
const valid = values.all
  ? !part && !values.rollback && !values.history && !values['base-url']
  : part && existsSync(path.join(root, partDir(part), 'package.json'))
if (!valid) {
  console.error(usage)
  process.exit(2)
}
const url = (values.url ?? process.env.HALL_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '')
const tokenFile = path.join(path.resolve(root, process.env.HALL_DATA_DIR ?? 'data'), 'deploy-token')
const token = values.token ?? process.env.HALL_DEPLOY_TOKEN ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '')
if (!token) {
  console.error(`No deploy token: pass --token, set HALL_DEPLOY_TOKEN, or start the hall once so ${tokenFile} exists`)
  process.exit(2)
}
const { call } = deployClient({ url, token })

try {
  if (values.history) {
    const { items } = await call('GET', `/api/admin/deployments/${part}`)
    items.forEach((d, i) => console.log(`${i === items.findIndex((x) => !x.rolledBackAt) ? '→' : ' '} ${showDeployment(d)}`))
    process.exit(0)
  }
  if (values.rollback) {
    const { from, to } = await call('POST', `/api/admin/deployments/${part}/rollback`)
    console.log(`✓ ${from.name}: ${from.version} → ${to.version}. Users get it on their next page load.`)
    process.exit(0)
  }
  await ensureInstalled()
  for (const p of values.all ? PARTS : [part]) {
    await deployPart(p, { url, token, build: !values['no-build'], baseUrl: values['base-url'] })
  }
  console.log(
    values.all
      ? '\n  Every part is deployed: the hall serves its page from now on.'
      : `\n  The shell loads it on the next page load. Roll back with: npm run deploy:mf -- ${part} --rollback`,
  )
} catch (err) {
  console.error(`✗ ${err instanceof Error ? err.message : err}`)
  process.exit(1)
}
