import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadEnv } from '../env.ts'
import { checkKey, openBlobStore, staticKey, uploadKey, type BlobStore } from './index.ts'
import { startS3 } from './test-support.ts'

const text = async (store: BlobStore, key: string) => {
  const found = await store.get(key)
  return found ? { size: found.size, text: await new Response(found.body).text() } : null
}

let s3: Awaited<ReturnType<typeof startS3>>
beforeAll(async () => {
  s3 = await startS3()
})
afterAll(() => s3.stop())

// The same contract on both stores: what the attachment and static routes rely on.
const stores: [string, () => BlobStore][] = [
  ['folder', () => openBlobStore(loadEnv({ NODE_ENV: 'test', HALL_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hall-blobs-')) }))],
  ['s3', () => openBlobStore(loadEnv({ NODE_ENV: 'test', ...s3.env(`t${Math.random().toString(36).slice(2)}`) }))],
]

describe.each(stores)('the %s blob store', (_kind, open) => {
  it('gives back what was put, with its size, and nothing for a key never written', async () => {
    const store = open()
    const key = uploadKey('a'.repeat(64))
    expect(await store.has(key)).toBe(false)
    expect(await store.get(key)).toBeNull()
    expect(await store.read(key)).toBeNull()
    await store.put(key, Buffer.from('证明材料 bytes'))
    expect(await store.has(key)).toBe(true)
    expect(await text(store, key)).toEqual({ size: Buffer.byteLength('证明材料 bytes'), text: '证明材料 bytes' })
    expect((await store.read(key))?.toString('utf8')).toBe('证明材料 bytes')
    store.close()
  })

  it('replaces an object whole when it is written again', async () => {
    const store = open()
    const key = staticKey('mf-todo/1.0.0/main.js')
    await store.put(key, Buffer.from('first, longer content'))
    await store.put(key, Buffer.from('second'))
    expect(await text(store, key)).toEqual({ size: 6, text: 'second' })
    store.close()
  })

  it('keeps binary content byte for byte', async () => {
    const store = open()
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256)
    await store.put('static/x/1/blob.bin', bytes)
    expect(new Uint8Array((await store.read('static/x/1/blob.bin'))!)).toEqual(bytes)
    store.close()
  })

  it('refuses keys that would leave the store', async () => {
    const store = open()
    for (const key of ['../escape', 'static/../../etc/passwd', '/abs', 'static//x', 'a\0b', 'static\\x', '']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/not a blob key/)
      expect(() => checkKey(key)).toThrow()
    }
    store.close()
  })
})

describe('the folder store', () => {
  it('keeps uploads under uploads/<two hex digits>/<sha256> in the data folder, as before the blob store', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-blobs-'))
    const store = openBlobStore(loadEnv({ NODE_ENV: 'test', HALL_DATA_DIR: dataDir }))
    const sha = 'be'.repeat(32)
    await store.put(uploadKey(sha), Buffer.from('x'))
    expect(readdirSync(path.join(dataDir, 'uploads', 'be'))).toEqual([sha])
  })
})

describe('HALL_BLOB_STORE', () => {
  it('reads a bucket and prefix, and refuses what is not one', () => {
    const env = loadEnv({ NODE_ENV: 'test', HALL_BLOB_STORE: 's3://campus-hall/prod/node-files', HALL_S3_ENDPOINT: 'https://oss.example.edu.cn' })
    expect(env.blobStore).toMatchObject({ kind: 's3', bucket: 'campus-hall', prefix: 'prod/node-files', endpoint: 'https://oss.example.edu.cn' })
    expect(() => loadEnv({ HALL_BLOB_STORE: 'ftp://x' })).toThrow(/HALL_BLOB_STORE is folder or s3/)
    expect(() => loadEnv({ HALL_BLOB_STORE: 's3://Bad_Bucket' })).toThrow(/HALL_BLOB_STORE/)
    expect(() => loadEnv({ HALL_BLOB_STORE: 's3://campus-hall', HALL_S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(/go together/)
    expect(() => loadEnv({ HALL_S3_ENDPOINT: 'https://oss.example.edu.cn' })).toThrow(/need HALL_BLOB_STORE=s3/)
  })

  it('in production, needs the deploy token and the SAML key from the environment, which every node must share', () => {
    const prod = { NODE_ENV: 'production', HALL_IDP_METADATA: '/etc/hall/idp.xml', HALL_BLOB_STORE: 's3://campus-hall' }
    expect(() => loadEnv(prod)).toThrow(/HALL_DEPLOY_TOKEN, HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT: required with HALL_BLOB_STORE/)
    const token = { HALL_DEPLOY_TOKEN: 'a-deploy-token-of-32-characters!' }
    expect(() => loadEnv({ ...prod, ...token })).toThrow(/\n {2}HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT: required/)
    const keys = { HALL_SP_SIGNING_KEY: '/etc/hall/sp.key', HALL_SP_SIGNING_CERT: '/etc/hall/sp.crt' }
    expect(loadEnv({ ...prod, ...token, ...keys }).blobStore.kind).toBe('s3')
    // One node on its data folder makes its own, as before.
    expect(loadEnv({ ...prod, HALL_BLOB_STORE: 'folder' }).blobStore.kind).toBe('folder')
  })
})
