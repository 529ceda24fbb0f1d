import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { seedDemo } from '../demo/index.ts'
import { testApp, testDeps } from '../test-support.ts'
import { createHttpPlatform, DataPlatformUnavailable, embeddedRecord, fromWireRecord, toWireRecord, WireRecordSchema } from './index.ts'

// The HTTP adapter against a small data platform started on 127.0.0.1 for each test: the
// documented request (path, token header), the documented answers, and every way it can fail.

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections()
      return new Promise((resolve) => s.close(resolve))
    }),
  )
})

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

async function platformServer(handler: Handler): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = []
  const server = createServer((req, res) => {
    requests.push(req)
    // A handler that fails answers 500, as a platform with a bug would.
    void Promise.resolve(handler(req, res)).catch(() => res.writeHead(500).end())
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, requests }
}

/** The demo university's records, served the way a university's platform would. */
async function demoPlatform(token = 'platform-secret'): Promise<Handler> {
  const { deps } = await testDeps()
  await seedDemo(deps.db, deps.now())
  return async (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end()
      return
    }
    const card = decodeURIComponent(req.url!.replace(/^\/api\/v1\/people\//, ''))
    const record = await embeddedRecord(deps.db, card)
    if (!record) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(toWireRecord(record)))
  }
}

const json =
  (body: unknown): Handler =>
  (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))

describe('HTTP data platform', () => {
  it('asks GET {url}/people/{cardNumber} with the token, and reads the same record the embedded platform has', async () => {
    const { url, requests } = await platformServer(await demoPlatform())
    const platform = createHttpPlatform({ url, token: 'platform-secret', timeoutMs: 2000 })
    const record = await platform.person('2023010101')
    expect(requests[0]?.url).toBe('/api/v1/people/2023010101')
    expect(requests[0]?.headers.accept).toBe('application/json')
    const { deps } = await testDeps()
    await seedDemo(deps.db, deps.now())
    expect(record).toEqual(await embeddedRecord(deps.db, '2023010101'))
    expect(record?.values['student.dormitory.label']?.source).toMatchObject({ systemZh: '公寓管理系统', departmentZh: '后勤公寓管理中心', authoritative: true })
  })

  it('sends the token under the configured header, as is', async () => {
    const { url, requests } = await platformServer((_req, res) => res.writeHead(404).end())
    await createHttpPlatform({ url, token: 'abc123', tokenHeader: 'X-Api-Key', timeoutMs: 2000 }).person('x')
    expect(requests[0]?.headers['x-api-key']).toBe('abc123')
    expect(requests[0]?.headers.authorization).toBeUndefined()
  })

  it('answers null when the platform answers 404', async () => {
    const { url } = await platformServer(await demoPlatform())
    expect(await createHttpPlatform({ url, token: 'platform-secret', timeoutMs: 2000 }).person('0031907')).toBeNull()
  })

  it('leaves out a value that names a system the record does not describe', async () => {
    const { url } = await platformServer(
      json({
        cardNumber: 'u1',
        kind: 'staff',
        values: { name: { value: '张三', system: 'hr' }, phone: { value: '138', system: 'nowhere' } },
        systems: { hr: { nameZh: '人事系统', nameEn: 'HR system', department: { code: 'hr', nameZh: '人事处', nameEn: 'HR Office' } } },
      }),
    )
    const record = await createHttpPlatform({ url, timeoutMs: 2000 }).person('u1')
    expect(Object.keys(record!.values)).toEqual(['name'])
    expect(record!.values.name?.source).toMatchObject({ systemCode: 'hr', departmentCode: 'hr', authoritative: true })
  })

  // Each way the platform can fail is "unavailable", with a reason for the log, never a crash.
  it.each<[string, Handler, RegExp]>([
    ['a refused token', (_req, res) => res.writeHead(401).end(), /refused the hall's token/],
    ['a server error', (_req, res) => res.writeHead(500).end('boom'), /HTTP 500/],
    ['a body that is not JSON', (_req, res) => res.writeHead(200).end('<html>'), /not JSON/],
    ['JSON of another shape', json({ person: 'someone' }), /documented shape/],
    ['the record of someone else', json({ cardNumber: 'other', kind: 'staff', values: {}, systems: {} }), /answered with the record of other/],
    ['no answer in time', () => undefined, /did not answer within 200 ms/],
  ])('treats %s as unavailable', async (_name, handler, message) => {
    const { url } = await platformServer(handler)
    const failure = createHttpPlatform({ url, timeoutMs: 200 }).person('u1')
    await expect(failure).rejects.toBeInstanceOf(DataPlatformUnavailable)
    await expect(failure).rejects.toThrow(message)
  })

  // The README shows universities what to send; the example there must be what the adapter reads.
  it("reads the README's example record", () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf("### Plugging in the university's data platform"))
    const example = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7))
    const record = fromWireRecord(WireRecordSchema.parse(JSON.parse(example)))
    expect(record.values['student.dormitory.label']?.source).toMatchObject({ departmentZh: '后勤公寓管理中心', authoritative: true })
    expect(record.values.phone?.source.authoritative).toBe(false)
  })

  it('treats a platform that is not there as unavailable', async () => {
    const { url } = await platformServer(() => undefined)
    await new Promise((resolve) => servers.pop()!.close(resolve))
    await expect(createHttpPlatform({ url, timeoutMs: 500 }).person('u1')).rejects.toThrow(/could not be reached/)
  })
})

describe('GET /api/services/{code}/form with HALL_DATA_PLATFORM=http', () => {
  it('pre-fills from the university platform', async () => {
    const { url } = await platformServer(await demoPlatform('tok'))
    const { app, loginAs } = await testApp({ HALL_DATA_PLATFORM: 'http', HALL_DATA_PLATFORM_URL: url, HALL_DATA_PLATFORM_TOKEN: 'tok' })
    const res = await app.request('/api/services/dorm-change/form', { headers: { cookie: await loginAs('2023010101') } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { prefill: { values: Record<string, unknown>; available: boolean; warning: unknown } }
    expect(body.prefill).toMatchObject({ available: true, warning: null, values: { dormitory: '明湖苑3号楼 412室 2号床' } })
  })

  // A slow platform must not take the hall down with it: the form opens, empty, and says why.
  it('opens the form with nothing pre-filled and a warning when the platform does not answer in time', async () => {
    const { url } = await platformServer(() => undefined)
    const { app, loginAs } = await testApp({ HALL_DATA_PLATFORM: 'http', HALL_DATA_PLATFORM_URL: url, HALL_DATA_PLATFORM_TIMEOUT_MS: '200' })
    const res = await app.request('/api/services/dorm-change/form', { headers: { cookie: await loginAs('2023010101') } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      definition: unknown
      prefill: { values: object; sources: object; available: boolean; warning: { code: string; messageZh: string } }
    }
    expect(body.definition).toBeTruthy()
    expect(body.prefill.values).toEqual({})
    expect(body.prefill.sources).toEqual({})
    expect(body.prefill.available).toBe(false)
    expect(body.prefill.warning.code).toBe('data_platform_unavailable')
    expect(body.prefill.warning.messageZh).toContain('请手动填写')
  })

  it('refuses HALL_DATA_PLATFORM=http without a URL at start', async () => {
    await expect(testApp({ HALL_DATA_PLATFORM: 'http' })).rejects.toThrow(/HALL_DATA_PLATFORM_URL: required/)
  })
})
