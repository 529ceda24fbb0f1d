import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startHall } from '@hall/cli'

// Starts a whole hall, as `npm start` does, on free ports and a fresh data folder, so browser
// tests never touch a developer's data and can run beside a running hall.

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
  const [port, idpPort, demoSitePort] = [await freePort(), await freePort(), await freePort()]
  const hall = await startHall({
    port,
    idpPort,
    demoSitePort,
    dataDir,
    quiet: true,
    env: { HALL_LOG_LEVEL: 'warn', HALL_DEPLOY_TOKEN: 'e2e-deploy-token-0123456789abcdef', HALL_SMTP_CATCHER_PORT: '0' },
  })
  process.env.HALL_E2E_URL = hall.url
  process.env.HALL_E2E_IDP_URL = hall.idpUrl
  process.env.HALL_E2E_DEMO_SITE_URL = hall.demoSiteUrl
  process.env.HALL_E2E_DATA_DIR = dataDir
  process.env.HALL_E2E_DEPLOY_TOKEN = 'e2e-deploy-token-0123456789abcdef'
  return async () => {
    await hall.stop()
  }
}
