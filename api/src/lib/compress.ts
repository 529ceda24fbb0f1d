import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

// Answers made per request (JSON, and the shell's page) are compressed only above a size: a global compress() (a CompressionStream on every
// response) cut the trivial GET's throughput about 3× (STACK.md), and below one packet compression
// saves no round trip. Static files are compressed once when they are stored (deployments service).

/** Below this many bytes a JSON answer goes as it is (about one TCP packet). */
export const JSON_COMPRESS_MIN_BYTES = 1400

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null
  const offered = new Map<string, number>()
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    offered.set(name!.trim(), q === undefined ? 1 : Number(q))
  }
  if ((offered.get('br') ?? 0) > 0) return 'br'
  if ((offered.get('gzip') ?? 0) > 0) return 'gzip'
  return null
}

const JSON_TYPE = /^application\/(.+\+)?json\b/i

export function compressJson(minBytes = JSON_COMPRESS_MIN_BYTES): MiddlewareHandler {
  return compressAnswers(JSON_TYPE, minBytes)
}

/**
 * The same for other answers made per request (the shell's page: its nonce makes every copy
 * different, so it cannot be compressed ahead of time like the static files).
 */
export function compressAnswers(contentType: RegExp, minBytes = JSON_COMPRESS_MIN_BYTES): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const res = c.res
    const encoding = chooseEncoding(c.req.header('accept-encoding'))
    // Cheap refusals first: no encoding offered, not JSON, encoded already, or revalidated by an
    // ETag (the import map: its strong tag stays true to the bytes, and its 304s have no body).
    if (!encoding || c.req.method === 'HEAD' || !res.body) return
    if (!contentType.test(res.headers.get('content-type') ?? '')) return
    if (res.headers.has('content-encoding') || res.headers.has('etag') || /no-transform/i.test(res.headers.get('cache-control') ?? '')) return
    const declared = res.headers.get('content-length')
    if (declared !== null && Number(declared) < minBytes) return
    const body = Buffer.from(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    headers.append('Vary', 'Accept-Encoding')
    // Hono merges the old response's headers into a new one unless it is cleared first.
    c.res = undefined
    if (body.length < minBytes) {
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers })
      return
    }
    const packed = await pack(encoding, body)
    headers.set('Content-Encoding', encoding)
    headers.set('Content-Length', String(packed.length))
    c.res = new Response(packed, { status: res.status, statusText: res.statusText, headers })
  }
}

/** `body` compressed: brotli at quality 4 is faster than gzip at its default and smaller; both run off the event loop. */
function pack(encoding: 'br' | 'gzip', body: Buffer) {
  return encoding === 'br' ? brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gz(body)
}

/**
 * A JSON answer a service keeps and serves again (a reviewer's 待办 page: tasks.service.ts): its
 * UTF-8 bytes, and its compressed forms, each made the first time a request accepts it and kept
 * with it, where `compressJson` would compress the same bytes again on every request.
 */
export class KeptJson {
  readonly bytes: Buffer<ArrayBuffer>
  readonly #packed = new Map<'br' | 'gzip', ReturnType<typeof pack>>()

  constructor(json: string) {
    this.bytes = Buffer.from(json)
  }

  /** The body for a request's Accept-Encoding, and its encoding: as it is when small or when nothing is offered. */
  async bodyFor(acceptEncoding: string | undefined): Promise<{ body: Buffer<ArrayBuffer>; encoding: 'br' | 'gzip' | null }> {
    const encoding = this.bytes.length < JSON_COMPRESS_MIN_BYTES ? null : chooseEncoding(acceptEncoding)
    if (!encoding) return { body: this.bytes, encoding }
    let packed = this.#packed.get(encoding)
    if (!packed) {
      packed = pack(encoding, this.bytes)
      this.#packed.set(encoding, packed)
      // A failed compression is not kept: the next request tries again.
      packed.catch(() => this.#packed.delete(encoding))
    }
    return { body: await packed, encoding }
  }
}
