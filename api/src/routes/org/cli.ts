import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openBlobStore } from '../../blobs/index.ts'
import { closeDb } from '../../db/client.ts'
import { openDatabase } from '../../db/open.ts'
import { loadEnv } from '../../env.ts'
import { createLogger } from '../../lib/logger.ts'
import { recordFailedImport, runImport, type ImportReport } from './org.service.ts'
import { readOrganisationFile, UnreadableFile } from './org.sheets.ts'

// `npm run import:org -- FILE [--dry-run] [--partial]`: the console's import from a shell, on the
// hall's own database (HALL_DATA_DIR) through the same code, with the report kept in the same
// history. SQLite takes the write lock for the one transaction, so the hall may keep running.
// Exit code: 0 imported (or dry run) with nothing refused, 1 some rows refused, 2 unreadable.

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, partial: { type: 'boolean' } } })
const file = positionals[0]
if (!file) {
  console.error('usage: npm run import:org -- FILE.xlsx|FILE.csv [--dry-run] [--partial]')
  process.exit(2)
}
const env = loadEnv()
const db = await openDatabase(env)
const deps = { db, env, blobs: openBlobStore(env), log: createLogger(env.logLevel === 'info' ? 'warn' : env.logLevel), now: () => new Date(), deployToken: '' }
const mode = values.partial ? 'partial' : 'full'
const dryRun = !!values['dry-run']
const base = { mode, dryRun, source: 'cli', origin: path.basename(file), actor: 'cli' } as const

function print(report: ImportReport) {
  const c = report.counts
  console.log(
    `${dryRun ? 'Dry run (nothing imported)' : 'Imported'} from ${file} (${mode} list): ${c.added} added, ${c.changed} changed, ${c.removed} removed, ${c.transfers} open tasks handed over, ${c.refused} refused`,
  )
  for (const a of report.added) console.log(`  + ${a.sheet} ${a.key}`)
  for (const a of report.changed) console.log(`  ~ ${a.sheet} ${a.key} (${a.detail})`)
  for (const a of report.removed) console.log(`  - ${a.sheet} ${a.key} (${a.detail})`)
  for (const t of report.transfers) console.log(`  → application ${t.applicationId}: task ${t.taskId} from ${t.from} to ${t.to} (${t.via})`)
  for (const r of report.refused) console.log(`  ✗ ${r.sheet}${r.row === null ? '' : ` row ${r.row}`}: ${r.reason}`)
}

try {
  const read = await readOrganisationFile(new Uint8Array(await readFile(file)), file)
  const run = await runImport(deps, { ...base, rows: read.rows, readRefused: read.refused })
  print(run.report)
  console.log(`Report kept as import run ${run.id} (administration console → 导入 / Imports).`)
  process.exitCode = run.report.counts.refused > 0 ? 1 : 0
} catch (err) {
  if (!(err instanceof UnreadableFile) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  const reason = err instanceof UnreadableFile ? err.message : `${file} does not exist`
  await recordFailedImport(deps, { ...base, reason, reasonZh: err instanceof UnreadableFile ? err.messageZh : `${file} 不存在` })
  console.error(`✗ ${reason}`)
  process.exitCode = 2
} finally {
  await closeDb(db)
}
