import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { asc } from 'drizzle-orm'
import { auditLog } from '../../db/schema/index.ts'
import { testDeps } from '../../test-support.ts'
import { currentDeployments, history, importMap, publishDist, register, rollback, storeFile } from './deployments.service.ts'

async function publish(deps: Awaited<ReturnType<typeof testDeps>>['deps'], name: string, version: string, specifiers: Record<string, string>) {
  for (const file of Object.values(specifiers)) await storeFile(deps.blobs, name, version, file, Buffer.from(`// ${name} ${version}`))
  return (await register(deps, { manifest: { name, version, imports: specifiers }, registeredBy: 'test' })).row
}

const audited = async (deps: Awaited<ReturnType<typeof testDeps>>['deps']) =>
  (await deps.db.select({ actor: auditLog.actor, action: auditLog.action, targetId: auditLog.targetId }).from(auditLog).orderBy(asc(auditLog.id))).filter((r) =>
    r.action.startsWith('deployment.'),
  )

describe('deployment registry', () => {
  it('builds the import map from the newest version of each part', async () => {
    const { deps } = await testDeps()
    await publish(deps, '@hall/mf-todo', '1.0.0', { '@hall/mf-todo': 'main.js' })
    await publish(deps, '@hall/vendor', '1.0.0', { vue: 'vue.js', pinia: 'pinia.js' })
    await publish(deps, '@hall/mf-todo', '1.1.0', { '@hall/mf-todo': 'main.js' })
    expect((await importMap(deps.db)).imports).toEqual({
      '@hall/mf-todo': '/static/mf-todo/1.1.0/main.js',
      vue: '/static/vendor/1.0.0/vue.js',
      pinia: '/static/vendor/1.0.0/pinia.js',
    })
  })

  it('rolls back to the previous version, and again to the one before', async () => {
    const { deps } = await testDeps()
    for (const v of ['1.0.0', '1.1.0', '1.2.0']) await publish(deps, '@hall/mf-todo', v, { '@hall/mf-todo': 'main.js' })
    expect((await rollback(deps, '@hall/mf-todo', 'admin')).to.version).toBe('1.1.0')
    expect((await importMap(deps.db)).imports['@hall/mf-todo']).toBe('/static/mf-todo/1.1.0/main.js')
    expect((await rollback(deps, '@hall/mf-todo', 'admin')).to.version).toBe('1.0.0')
    // The only version left cannot be rolled back: the map never loses a part.
    await expect(rollback(deps, '@hall/mf-todo', 'admin')).rejects.toThrow(/only version/)
    expect((await currentDeployments(deps.db)).map((d) => d.version)).toEqual(['1.0.0'])
  })

  it('refuses a version whose files are not in the store', async () => {
    const { deps } = await testDeps()
    await expect(
      register(deps, { manifest: { name: '@hall/mf-todo', version: '2.0.0', imports: { '@hall/mf-todo': 'main.js' } }, registeredBy: 't' }),
    ).rejects.toThrow(/do not answer/)
    expect(await currentDeployments(deps.db)).toEqual([])
  })

  it('refuses the same version with other files: a version never changes', async () => {
    const { deps } = await testDeps()
    await publish(deps, '@hall/mf-todo', '1.0.0', { '@hall/mf-todo': 'main.js' })
    await expect(publish(deps, '@hall/mf-todo', '1.0.0', { '@hall/mf-todo': 'other.js' })).rejects.toThrow(/registered already with other files/)
    expect((await importMap(deps.db)).imports['@hall/mf-todo']).toBe('/static/mf-todo/1.0.0/main.js')
  })

  // The hole found by probing: after a rollback, deploying the same source again answered
  // "registered already" and the rolled-back version stayed live.
  it('makes a rolled-back version current again when it is deployed again', async () => {
    const { deps } = await testDeps()
    const todo = { '@hall/mf-todo': 'main.js' }
    await publish(deps, '@hall/mf-todo', '1.0.0', todo)
    await publish(deps, '@hall/mf-todo', '1.1.0', todo)
    await rollback(deps, '@hall/mf-todo', 'admin')
    expect((await importMap(deps.db)).imports['@hall/mf-todo']).toBe('/static/mf-todo/1.0.0/main.js')

    const again = await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.1.0', imports: todo }, registeredBy: 'deploy-token' })
    expect(again.outcome).toBe('reactivated')
    expect(again.row.rolledBackAt).toBeNull()
    expect((await importMap(deps.db)).imports['@hall/mf-todo']).toBe('/static/mf-todo/1.1.0/main.js')
    // Deploying it once more changes nothing.
    expect((await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.1.0', imports: todo }, registeredBy: 'deploy-token' })).outcome).toBe(
      'current',
    )
    expect((await history(deps.db, '@hall/mf-todo')).map((d) => [d.version, d.rolledBackAt === null])).toEqual([
      ['1.1.0', true],
      ['1.0.0', true],
    ])
  })

  it('makes an older version current over newer ones, and a rollback then returns to the one it replaced', async () => {
    const { deps } = await testDeps()
    const todo = { '@hall/mf-todo': 'main.js' }
    for (const v of ['1.0.0', '1.1.0', '1.2.0']) await publish(deps, '@hall/mf-todo', v, todo)
    expect((await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.0.0', imports: todo }, registeredBy: 't' })).outcome).toBe('reactivated')
    expect((await currentDeployments(deps.db)).map((d) => d.version)).toEqual(['1.0.0'])
    expect(await rollback(deps, '@hall/mf-todo', 'admin')).toMatchObject({ from: { version: '1.0.0' }, to: { version: '1.2.0' } })
    // A newer registration after a reactivation is current again, as any new version is.
    await publish(deps, '@hall/mf-todo', '1.3.0', todo)
    expect((await currentDeployments(deps.db)).map((d) => d.version)).toEqual(['1.3.0'])
  })

  it('writes the audit log: registered, rolled back, reactivated, each with the deployer', async () => {
    const { deps } = await testDeps()
    const todo = { '@hall/mf-todo': 'main.js' }
    for (const v of ['1.0.0', '1.1.0']) await storeFile(deps.blobs, '@hall/mf-todo', v, 'main.js', Buffer.from(v))
    await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.0.0', imports: todo }, registeredBy: 'deploy-token' })
    await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.1.0', imports: todo }, registeredBy: 'deploy-token' })
    await rollback(deps, '@hall/mf-todo', '2010001')
    await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.1.0', imports: todo }, registeredBy: 'deploy-token' })
    // "current already" is no change, so it writes nothing.
    await register(deps, { manifest: { name: '@hall/mf-todo', version: '1.1.0', imports: todo }, registeredBy: 'deploy-token' })
    expect(await audited(deps)).toEqual([
      { actor: 'deploy:deploy-token', action: 'deployment.registered', targetId: '@hall/mf-todo@1.0.0' },
      { actor: 'deploy:deploy-token', action: 'deployment.registered', targetId: '@hall/mf-todo@1.1.0' },
      { actor: 'deploy:2010001', action: 'deployment.rolled_back', targetId: '@hall/mf-todo@1.1.0' },
      { actor: 'deploy:deploy-token', action: 'deployment.reactivated', targetId: '@hall/mf-todo@1.1.0' },
    ])
  })

  it('leaves a rolled-back version alone when npm start finds its build again', async () => {
    const { deps } = await testDeps()
    const dist = path.join(deps.env.dataDir, 'dist')
    mkdirSync(dist, { recursive: true })
    writeFileSync(path.join(dist, 'main.js'), 'export {}')
    writeFileSync(path.join(dist, 'deploy.json'), JSON.stringify({ name: '@hall/mf-forms', version: '2.0.0', imports: { '@hall/mf-forms': 'main.js' } }))
    await publish(deps, '@hall/mf-forms', '1.0.0', { '@hall/mf-forms': 'main.js' })
    await publishDist(deps, dist, 'npm start')
    await rollback(deps, '@hall/mf-forms', 'admin')
    expect(await publishDist(deps, dist, 'npm start')).toBeNull()
    expect((await currentDeployments(deps.db)).map((d) => d.version)).toEqual(['1.0.0'])
  })

  it('keeps uploaded files inside the version folder', async () => {
    const { deps } = await testDeps()
    await expect(storeFile(deps.blobs, '@hall/mf-todo', '1.0.0', '../../escape.js', Buffer.from('x'))).rejects.toThrow(/inside the version folder/)
    expect(existsSync(path.join(deps.env.dataDir, 'static', 'escape.js'))).toBe(false)
  })

  it('publishes a built dist folder once, with precompressed copies', async () => {
    const { deps } = await testDeps()
    const dist = path.join(deps.env.dataDir, 'dist')
    mkdirSync(path.join(dist, 'chunks'), { recursive: true })
    writeFileSync(path.join(dist, 'main.js'), 'export const x = 1;\n'.repeat(100))
    writeFileSync(path.join(dist, 'chunks', 'a.js'), 'export {}')
    writeFileSync(path.join(dist, 'deploy.json'), JSON.stringify({ name: '@hall/mf-forms', version: '0.1.0-abc', imports: { '@hall/mf-forms': 'main.js' } }))
    expect(await publishDist(deps, dist, 'npm start')).not.toBeNull()
    expect(await publishDist(deps, dist, 'npm start')).toBeNull()
    const stored = path.join(deps.env.dataDir, 'static', 'mf-forms', '0.1.0-abc')
    expect(existsSync(path.join(stored, 'chunks', 'a.js'))).toBe(true)
    expect(existsSync(path.join(stored, 'main.js.br'))).toBe(true)
    expect(existsSync(path.join(stored, 'deploy.json'))).toBe(false)
  })
})
