import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDeps } from '../../test-support.ts'
import { currentDeployments, importMap, publishDist, register, rollback, storeFile } from './deployments.service.ts'

async function publish(deps: ReturnType<typeof testDeps>['deps'], name: string, version: string, specifiers: Record<string, string>) {
  for (const file of Object.values(specifiers)) await storeFile(deps.env.staticDir, name, version, file, Buffer.from(`// ${name} ${version}`))
  return register(deps, { manifest: { name, version, imports: specifiers }, registeredBy: 'test' })
}

describe('deployment registry', () => {
  it('builds the import map from the newest version of each part', async () => {
    const { deps } = testDeps()
    await publish(deps, '@hall/mf-todo', '1.0.0', { '@hall/mf-todo': 'main.js' })
    await publish(deps, '@hall/vendor', '1.0.0', { vue: 'vue.js', pinia: 'pinia.js' })
    await publish(deps, '@hall/mf-todo', '1.1.0', { '@hall/mf-todo': 'main.js' })
    expect(importMap(deps.db).imports).toEqual({
      '@hall/mf-todo': '/static/mf-todo/1.1.0/main.js',
      vue: '/static/vendor/1.0.0/vue.js',
      pinia: '/static/vendor/1.0.0/pinia.js',
    })
  })

  it('rolls back to the previous version, and again to the one before', async () => {
    const { deps } = testDeps()
    for (const v of ['1.0.0', '1.1.0', '1.2.0']) await publish(deps, '@hall/mf-todo', v, { '@hall/mf-todo': 'main.js' })
    expect(rollback(deps, '@hall/mf-todo', 'admin').to.version).toBe('1.1.0')
    expect(importMap(deps.db).imports['@hall/mf-todo']).toBe('/static/mf-todo/1.1.0/main.js')
    expect(rollback(deps, '@hall/mf-todo', 'admin').to.version).toBe('1.0.0')
    // The only version left cannot be rolled back: the map never loses a part.
    expect(() => rollback(deps, '@hall/mf-todo', 'admin')).toThrow(/only version/)
    expect(currentDeployments(deps.db).map((d) => d.version)).toEqual(['1.0.0'])
  })

  it('refuses a version whose files are not in the store', async () => {
    const { deps } = testDeps()
    await expect(register(deps, { manifest: { name: '@hall/mf-todo', version: '2.0.0', imports: { '@hall/mf-todo': 'main.js' } }, registeredBy: 't' })).rejects.toThrow(
      /do not answer/,
    )
    expect(currentDeployments(deps.db)).toEqual([])
  })

  it('refuses to register the same version twice', async () => {
    const { deps } = testDeps()
    await publish(deps, '@hall/mf-todo', '1.0.0', { '@hall/mf-todo': 'main.js' })
    await expect(publish(deps, '@hall/mf-todo', '1.0.0', { '@hall/mf-todo': 'main.js' })).rejects.toThrow(/already registered/)
  })

  it('keeps uploaded files inside the version folder', async () => {
    const { deps } = testDeps()
    await expect(storeFile(deps.env.staticDir, '@hall/mf-todo', '1.0.0', '../../escape.js', Buffer.from('x'))).rejects.toThrow(/inside the version folder/)
    expect(existsSync(path.join(deps.env.staticDir, 'escape.js'))).toBe(false)
  })

  it('publishes a built dist folder once, with precompressed copies', async () => {
    const { deps } = testDeps()
    const dist = path.join(deps.env.dataDir, 'dist')
    mkdirSync(path.join(dist, 'chunks'), { recursive: true })
    writeFileSync(path.join(dist, 'main.js'), 'export const x = 1;\n'.repeat(100))
    writeFileSync(path.join(dist, 'chunks', 'a.js'), 'export {}')
    writeFileSync(path.join(dist, 'deploy.json'), JSON.stringify({ name: '@hall/mf-forms', version: '0.1.0-abc', imports: { '@hall/mf-forms': 'main.js' } }))
    expect(await publishDist(deps, dist, 'npm start')).not.toBeNull()
    expect(await publishDist(deps, dist, 'npm start')).toBeNull()
    const stored = path.join(deps.env.staticDir, 'mf-forms', '0.1.0-abc')
    expect(existsSync(path.join(stored, 'chunks', 'a.js'))).toBe(true)
    expect(existsSync(path.join(stored, 'main.js.br'))).toBe(true)
    expect(existsSync(path.join(stored, 'deploy.json'))).toBe(false)
  })
})
