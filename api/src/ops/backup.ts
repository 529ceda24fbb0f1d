import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'

export interface BackupReport {
  source: string
  target: string
  pages: number
  bytes: number
  ms: number
  /** `ok`, or SQLite's list of what is wrong with the copy. */
  integrity: string
  applications: number
}

/**
 * Copies the hall's database while the hall runs, with SQLite's online backup API (what
 * better-sqlite3's `backup()` drives): it copies pages in steps and starts over when a writer
 * changes a page already copied, so the copy is one consistent moment of the database, never a
 * half-written transaction. Nothing stops: submissions go on while it runs.
 *
 * The copy is written next to the target and renamed only after `PRAGMA integrity_check` says
 * `ok`, so a failed or interrupted backup never leaves a file that looks like a good one.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupReport> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source} (is HALL_DATA_DIR right?)`)
  if (existsSync(target)) throw new Error(`${target} exists already: choose a new file name, a backup never overwrites one`)
  const started = Date.now()
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  const db = new Database(source, { fileMustExist: true })
  // The hall holds the write lock only briefly per transaction; wait for it rather than fail.
  db.pragma('busy_timeout = 10000')
  let pages = 0
  try {
    const result = await db.backup(partial, {
      // Everything in one step. In WAL mode a step only holds a read snapshot, so writers go on
      // meanwhile; copying in small steps would start over each time another process writes,
      // and under steady submissions could never finish.
      progress: ({ totalPages }) => {
        pages = totalPages
        return 0x7fffffff
      },
    })
    pages = result.totalPages
  } finally {
    db.close()
  }
  const copy = new Database(partial)
  let integrity: string
  let applications = 0
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[]
    integrity = rows.map((r) => r.integrity_check).join('; ')
    if (integrity === 'ok') {
      applications = (copy.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n
      // One self-contained file: no -wal beside it to forget when copying the backup elsewhere.
      copy.pragma('journal_mode = DELETE')
    }
  } finally {
    copy.close()
  }
  if (integrity !== 'ok') {
    rmSync(partial, { force: true })
    throw new Error(`The copy failed its integrity check (${integrity}); nothing was kept. Run the backup again.`)
  }
  renameSync(partial, target)
  return { source, target, pages, bytes: statSync(target).size, ms: Date.now() - started, integrity, applications }
}
