import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { testApp } from '../test-support.ts'
import { JSON_COMPRESS_MIN_BYTES, KeptJson } from './compress.ts'

// JSON above a size goes compressed to a browser that offers it (issue 14: the API's JSON was sent
// as it is); small answers and clients that offer nothing get the bytes as they are, which keeps
// the trivial routes as cheap as before (a global compress() cost 3× their throughput).

describe('JSON compression', () => {
  it('compresses a large JSON answer with brotli, or gzip when only that is offered, to the same JSON', async () => {
    const { app } = await testApp()
    const plain = await app.request('/api/services')
    expect(plain.headers.get('content-encoding')).toBeNull()
    const text = await plain.text()
    expect(text.length).toBeGreaterThan(JSON_COMPRESS_MIN_BYTES)

    const br = await app.request('/api/services', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/)
    const packed = Buffer.from(await br.arrayBuffer())
    expect(Number(br.headers.get('content-length'))).toBe(packed.length)
    expect(packed.length).toBeLessThan(text.length / 2)
    expect(brotliDecompressSync(packed).toString('utf8')).toBe(text)

    const gz = await app.request('/api/services', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(text)
  })

  it('leaves a small answer, a refused encoding and the ETag-revalidated import map as they are', async () => {
    const { app } = await testApp()
    const small = await app.request('/healthz', { headers: { 'accept-encoding': 'br' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toEqual({ ok: true })

    const refused = await app.request('/api/services', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } })
    expect(refused.headers.get('content-encoding')).toBeNull()

    const map = await app.request('/importmap.json', { headers: { 'accept-encoding': 'br' } })
    expect(map.headers.get('etag')).toMatch(/^"/)
    expect(map.headers.get('content-encoding')).toBeNull()
  })

  it('keeps the status and the headers of an error answer', async () => {
    const { app } = await testApp()
    const res = await app.request(`/api/services?q=${'x'.repeat(JSON_COMPRESS_MIN_BYTES)}`, { headers: { 'accept-encoding': 'br' } })
    // Whatever the route answers to a long query, it arrives whole and decodable.
    const body = res.headers.get('content-encoding') === 'br' ? brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8') : await res.text()
    expect((): unknown => JSON.parse(body)).not.toThrow()
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
  })
})

describe('a kept JSON answer (KeptJson)', () => {
  const large = JSON.stringify({ items: Array.from({ length: 60 }, (_, i) => ({ i, name: `第${i}项 item ${i}` })) })

  it('is compressed once per encoding: a second request gets the very bytes the first made', async () => {
    const kept = new KeptJson(large)
    const first = await kept.bodyFor('gzip, deflate, br')
    expect(first.encoding).toBe('br')
    expect(brotliDecompressSync(first.body).toString('utf8')).toBe(large)
    expect((await kept.bodyFor('br')).body).toBe(first.body)
    const gz = await kept.bodyFor('gzip')
    expect([gz.encoding, gunzipSync(gz.body).toString('utf8')]).toEqual(['gzip', large])
    expect((await kept.bodyFor('gzip')).body).toBe(gz.body)
  })

  it('goes as it is to a client that offers nothing, and when small', async () => {
    const kept = new KeptJson(large)
    expect(await kept.bodyFor(undefined)).toEqual({ body: kept.bytes, encoding: null })
    expect(await kept.bodyFor('identity')).toEqual({ body: kept.bytes, encoding: null })
    const small = new KeptJson('{"items":[]}')
    expect((await small.bodyFor('br')).encoding).toBeNull()
  })
})
