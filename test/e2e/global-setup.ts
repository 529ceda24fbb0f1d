import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startHall } from '@hall/cli'
import { createDatabase, startPgServer, type PgServer } from '../../api/src/db/pg-server.ts'

// Starts a whole hall, as `npm start` does, on free ports and a fresh data folder, so browser
// tests never touch a developer's data and can run beside a running hall.
//
// HALL_E2E_DATABASE=postgres runs the same hall on PostgreSQL (issue 15): a throwaway cluster of
// Debian's server programs (api/src/db/pg-server.ts) and an empty database, which the hall
// migrates and seeds as it starts, as it would on a university's server.

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-e2e-'))
  const database = process.env.HALL_E2E_DATABASE ?? 'sqlite'
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`HALL_E2E_DATABASE is sqlite (the default) or postgres, not ${database}`)
  let pg: PgServer | undefined
  const env: Record<string, string> = {}
  if (database === 'postgres') {
    pg = await startPgServer()
    const url = await createDatabase(pg.url(), null)
    env.HALL_DATABASE_URL = url
    process.env.HALL_E2E_DATABASE_URL = url
    // A test that starts a hall of its own (going-live) takes another database on this server.
    process.env.HALL_E2E_PG_ADMIN_URL = pg.url()
  }
  const [port, idpPort, demoSitePort] = [await freePort(), await freePort(), await freePort()]
  let hall
  try {
    hall = await startHall({
      port,
      idpPort,
      demoSitePort,
      dataDir,
      quiet: true,
      env: { HALL_LOG_LEVEL: 'warn', HALL_DEPLOY_TOKEN: 'e2e-deploy-token-0123456789abcdef', HALL_SMTP_CATCHER_PORT: '0', ...env },
    })
  } catch (err) {
    await pg?.stop()
    throw err
  }
  process.env.HALL_E2E_URL = hall.url
  process.env.HALL_E2E_IDP_URL = hall.idpUrl
  process.env.HALL_E2E_DEMO_SITE_URL = hall.demoSiteUrl
  process.env.HALL_E2E_DATA_DIR = dataDir
  process.env.HALL_E2E_DEPLOY_TOKEN = 'e2e-deploy-token-0123456789abcdef'
  return async () => {
    try {
      await hall.stop()
    } finally {
      await pg?.stop()
    }
  }
}
