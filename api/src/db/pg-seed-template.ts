// Run by vitest.global-setup.ts in a process of its own, with HALL_DATABASE_URL naming an empty
// database of the run's PostgreSQL server: migrates it and seeds the demo university at the test
// clock, so the PostgreSQL tests copy it as the SQLite tests copy their seeded image. A process of
// its own because the schema's tables are chosen by HALL_DATABASE_URL when they first load.
import { seedDemo } from '../demo/index.ts'
import { closeDb } from './client.ts'
import { openPostgresHandle } from './postgres.ts'

const url = process.env.HALL_DATABASE_URL
const at = process.argv[2]
if (!url || !at) throw new Error('usage: HALL_DATABASE_URL=postgres://… pg-seed-template.ts <ISO time>')
const db = await openPostgresHandle(url, { max: 2 })
try {
  await seedDemo(db, new Date(at))
} finally {
  await closeDb(db)
}
