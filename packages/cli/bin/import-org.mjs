#!/usr/bin/env node
// `npm run import:org -- FILE [--dry-run] [--partial]`: imports the university's organisation
// (people, departments, classes, roles) from an .xlsx or .csv into the hall's database, through
// the API's own code (api/src/routes/org/cli.ts). HALL_DATA_DIR (default ./data) names the hall.
import path from 'node:path'
import { ensureInstalled, root, run } from '../lib/index.mjs'

await ensureInstalled()
// Relative paths are the caller's, not the repository root's.
const args = process.argv.slice(2).map((a) => (a.startsWith('-') ? a : path.resolve(process.env.INIT_CWD ?? process.cwd(), a)))
const dataDir = path.resolve(root, process.env.HALL_DATA_DIR ?? 'data')
process.exit(await run(process.execPath, ['--import', 'tsx', 'api/src/routes/org/cli.ts', ...args], { env: { HALL_DATA_DIR: dataDir } }))
