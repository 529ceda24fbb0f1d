#!/usr/bin/env node
// `npm start`: install what is missing, build, then run the development IdP and the API (which
// migrates and seeds the SQLite file and serves the shell, the micro-frontends and the import map).
// Ctrl-C or SIGTERM stops every process started here.
import { banner, buildAll, ensureInstalled, startHall, StartRefused } from '../lib/index.mjs'

await ensureInstalled()
if (!process.argv.includes('--no-build')) await buildAll()

let hall
try {
  hall = await startHall()
} catch (err) {
  // A busy port and the like: a sentence saying what to do, not a stack trace.
  if (!(err instanceof StartRefused)) throw err
  console.error(`\n✗ ${err.message}`)
  process.exit(1)
}
let stopping = false
const shutdown = async (signal) => {
  if (stopping) return
  stopping = true
  console.log(`\n• ${signal}: stopping the hall…`)
  await hall.stop()
  process.exit(0)
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
for (const child of hall.children) {
  child.on('exit', (code) => {
    if (stopping) return
    stopping = true
    console.error(`\n✗ a process of the hall exited (${code}); stopping the rest`)
    void hall.stop().then(() => process.exit(1))
  })
}

let accounts = ''
if (hall.idpUrl) {
  try {
    const people = await (await fetch(`${hall.idpUrl}/accounts.json`)).json()
    accounts = people.map((p) => `    ${p.cardNumber.padEnd(12)} ${p.name}  (${p.role})`).join('\n')
  } catch {
    accounts = `    see ${hall.idpUrl}`
  }
}
console.log(banner(hall, accounts))
if (process.env.HALL_DEMO === '0') {
  // Without the demo the hall registers no build of its own: the page needs the parts deployed.
  console.log(`  HALL_DEMO=0: an empty hall. Deploy its parts once with: npm run deploy:mf -- --all --no-build --url ${hall.url}\n`)
}
