import { createMiddleware } from 'hono/factory'
import { getMimeType } from 'hono/utils/mime'
import { staticKey, type StoredObject } from '../blobs/index.ts'
import type { AppEnv } from '../lib/context.ts'
import { COMPRESSIBLE } from '../routes/deployments/deployments.service.ts'

// The static store's files at /static/…, read from the blob store (the data folder or a bucket),
// so every node serves what any node published. Deploys write a Brotli and a gzip copy beside each
// text file (deployments.service.ts, storeFile); the copy the browser accepts is sent as it is.

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

export const staticFiles = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
  let key: string
  try {
    key = staticKey(decodeURIComponent(c.req.path.slice('/static/'.length)))
  } catch {
    return next() // not a path a file could be at: the hall's 404
  }
  const { blobs } = c.get('deps')
  const accepted = (c.req.header('accept-encoding') ?? '').toLowerCase()
  let found: StoredObject | null = null
  let encoding: string | undefined
  if (COMPRESSIBLE.test(key)) {
    for (const e of ENCODINGS) {
      if (!accepted.includes(e.name)) continue
      found = await blobs.get(key + e.suffix)
      if (found) {
        encoding = e.name
        break
      }
    }
  }
  found ??= await blobs.get(key)
  if (!found) return next()
  const headers: Record<string, string> = {
    'Content-Type': getMimeType(key) ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    // Versioned folders never change, so browsers may keep them for good.
    'Cache-Control': 'public, max-age=31536000, immutable',
  }
  if (COMPRESSIBLE.test(key)) headers.Vary = 'Accept-Encoding'
  if (encoding) headers['Content-Encoding'] = encoding
  if (c.req.method === 'HEAD') {
    await found.body.cancel()
    return c.body(null, 200, headers)
  }
  return c.body(found.body, 200, headers)
})
