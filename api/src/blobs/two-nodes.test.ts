import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { people } from '@hall/demo-university'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support.ts'
import { startS3 } from './test-support.ts'

// Two API nodes with one database and one S3-compatible store, and no disk in common (each has its
// own data folder): what one node stored, the other serves. Before the blob store, a file uploaded
// through node A was a 404 on node B (issue 15).

const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
const TOKEN = 'test-deploy-token-0123456789abcdef'

let s3: Awaited<ReturnType<typeof startS3>>
beforeAll(async () => {
  s3 = await startS3()
})
afterAll(() => s3.stop())

async function twoNodes() {
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'hall-two-nodes-')), 'hall.sqlite')
  const settings = { HALL_LOG_LEVEL: 'silent', ...s3.env(`two-${Math.random().toString(36).slice(2)}`) }
  const a = await testApp(settings, { dbFile })
  const b = await testApp(settings, { dbFile, demo: false })
  expect(a.deps.env.dataDir).not.toBe(b.deps.env.dataDir)
  return { a, b }
}

describe('two nodes on one S3-compatible store', () => {
  it('a file uploaded through one node downloads through the other, byte for byte', async () => {
    const { a, b } = await twoNodes()
    const cookie = await a.loginAs(student.cardNumber)
    const pdf = Buffer.from('%PDF-1.4\n% uploaded through node A\n%%EOF\n')
    const form = new FormData()
    form.append('file', new File([pdf], '成绩单.pdf', { type: 'application/pdf' }))
    const up = await a.app.request('/api/attachments', { method: 'POST', headers: { cookie, origin: a.deps.env.publicOrigin }, body: form })
    expect(up.status).toBe(201)
    const { id } = (await up.json()) as { id: string }

    const down = await b.app.request(`/api/attachments/${id}`, { headers: { cookie } })
    expect(down.status).toBe(200)
    expect(Buffer.from(await down.arrayBuffer())).toEqual(pdf)
    expect(down.headers.get('content-length')).toBe(String(pdf.length))
  })

  it('a version published through one node is served by the other, compressed as the browser accepts', async () => {
    const { a, b } = await twoNodes()
    const auth = { authorization: `Bearer ${TOKEN}` }
    const source = `export const greeting = '${'你好，明湖大学。'.repeat(80)}'\n`
    const put = await a.app.request('/api/admin/deployments/mf-todo/7.7.7/files/main.js', {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: source,
    })
    expect(put.status).toBe(201)
    const registered = await b.app.request('/api/admin/deployments', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '@hall/mf-todo', version: '7.7.7', imports: { '@hall/mf-todo': 'main.js' } }),
    })
    // Node B checks that the files exist in the store before it registers the version.
    expect(registered.status).toBe(201)

    const br = await b.app.request('/static/mf-todo/7.7.7/main.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('cache-control')).toContain('immutable')
    expect(br.headers.get('content-type')).toMatch(/javascript/)
    const { brotliDecompressSync } = await import('node:zlib')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(source)

    const plain = await b.app.request('/static/mf-todo/7.7.7/main.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(source)
    expect((await b.app.request('/static/mf-todo/7.7.7/missing.js')).status).toBe(404)
  })

  it('a version whose files were never stored is refused by either node', async () => {
    const { b } = await twoNodes()
    const res = await b.app.request('/api/admin/deployments', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '@hall/mf-todo', version: '8.0.0', imports: { '@hall/mf-todo': 'main.js' } }),
    })
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('files_missing')
  })
})
