import { seedDemo, storeSeededFiles } from './demo/index.ts'
import type { Deps } from './lib/context.ts'
import { syncLocalBuilds } from './routes/deployments/deployments.service.ts'

/**
 * What a start does to the data before serving. In demo mode (HALL_DEMO=1, which `npm start`
 * sets) a fresh database gets the fictional university and the working tree's builds are
 * registered. Otherwise nothing: a production hall starts with no people, no services and no
 * applications, and its parts come only from the deployment registry, so a restarted node never
 * puts its own build of a part over one a team deployed (issue #12, DESIGN rule 11).
 */
export async function prepareData(deps: Deps): Promise<{ demo: boolean }> {
  if (!deps.env.demo) {
    deps.log.info('production data: no demo; parts come from the deployment registry (npm run deploy:mf)')
    return { demo: false }
  }
  const seeded = await seedDemo(deps.db)
  if (seeded) deps.log.info(seeded, 'seeded the demo university and the first-batch services')
  await storeSeededFiles(deps.blobs)
  await syncLocalBuilds(deps)
  return { demo: true }
}
