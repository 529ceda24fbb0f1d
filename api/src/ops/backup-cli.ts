import path from 'node:path'
import { loadEnv } from '../env.ts'
import { backupDatabase } from './backup.ts'

// `npm run backup -- FILE`: an online backup of the running hall's database into FILE, checked.
// The database is the one the hall uses (HALL_DATA_DIR), so run it with the hall's environment.

const target = process.argv[2]
if (!target || target.startsWith('-')) {
  console.error('usage: npm run backup -- FILE   (e.g. npm run backup -- /var/backups/hall/hall-$(date +%F).sqlite)')
  process.exit(2)
}
const env = loadEnv()
try {
  // Said before the copy starts: whatever the hall acknowledged until now is in the backup.
  console.log(`copying ${env.dbFile} while the hall runs…`)
  const r = await backupDatabase(env.dbFile, path.resolve(target))
  console.log(`backed up ${r.source}`)
  console.log(`       to ${r.target}`)
  console.log(`  ${r.pages} pages, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB, ${r.applications} applications, in ${r.ms} ms`)
  console.log(`  integrity_check on the copy: ${r.integrity}`)
  console.log(
    'To restore: stop the hall, replace hall.sqlite in HALL_DATA_DIR with this file (and delete hall.sqlite-wal and hall.sqlite-shm), start the hall.',
  )
} catch (err) {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
