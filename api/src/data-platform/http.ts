import { z } from 'zod'
import type { Logger } from '../lib/logger.ts'
import { DataPlatformUnavailable, type DataPlatform, type DataSource, type PlatformRecord, type PlatformValue } from './types.ts'

// The university's own data platform over HTTP. The hall asks one question,
//
//   GET {HALL_DATA_PLATFORM_URL}/people/{cardNumber}      (Accept: application/json)
//   {HALL_DATA_PLATFORM_TOKEN_HEADER}: Bearer {token}     (or the bare token under another header name)
//
// and expects 404 for someone the platform does not know, or 200 with `WireRecord` below (the
// README's "Plugging in the university's data platform" shows an example). Anything else — a
// timeout, a refused token, a 5xx, a body that does not parse — is `DataPlatformUnavailable`:
// the form opens without pre-filled values and says why, rather than failing.

const PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/
/** A record larger than this is not a person's record. */
const MAX_BODY_BYTES = 1024 * 1024

const WireSystemSchema = z.object({
  nameZh: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(100),
  /** The department that owns the system: the one a correction goes to. */
  department: z.object({ code: z.string().min(1).max(64), nameZh: z.string().min(1).max(100), nameEn: z.string().min(1).max(200) }),
  /** Whether the system is the authority on its values (default true); a value may say otherwise. */
  authoritative: z.boolean().default(true),
})

const WireValueSchema = z.object({
  value: z.union([z.string().max(4000), z.number(), z.boolean()]),
  /** A key of `systems`. */
  system: z.string().min(1),
  authoritative: z.boolean().optional(),
})

export const WireRecordSchema = z.object({
  cardNumber: z.string().min(1).max(64),
  kind: z.enum(['staff', 'undergraduate', 'graduate', 'international']),
  /** Dotted paths, as the forms' pre-fill bindings name them (`student.dormitory.label`). */
  values: z.record(z.string().regex(PATH).max(200), WireValueSchema),
  systems: z.record(z.string().min(1).max(64), WireSystemSchema),
})
export type WireRecord = z.input<typeof WireRecordSchema>

/** A record as the HTTP platform sends it (the embedded platform's record serves as an example and a test fixture). */
export function toWireRecord(record: PlatformRecord): WireRecord {
  const systems: WireRecord['systems'] = {}
  const values: WireRecord['values'] = {}
  for (const [path, { value, source }] of Object.entries(record.values)) {
    systems[source.systemCode] ??= {
      nameZh: source.systemZh,
      nameEn: source.systemEn,
      department: { code: source.departmentCode, nameZh: source.departmentZh, nameEn: source.departmentEn },
      authoritative: true,
    }
    values[path] = { value, system: source.systemCode, ...(source.authoritative ? {} : { authoritative: false }) }
  }
  return { cardNumber: record.cardNumber, kind: record.kind, values, systems }
}

export function fromWireRecord(wire: z.output<typeof WireRecordSchema>, log?: Logger): PlatformRecord {
  const values: Record<string, PlatformValue> = {}
  for (const [path, v] of Object.entries(wire.values)) {
    const system = wire.systems[v.system]
    // A value that names no known system cannot say whom to ask about it: leave it out.
    if (!system) {
      log?.warn({ path, system: v.system }, 'data platform value names an unknown system; left out')
      continue
    }
    const source: DataSource = {
      systemCode: v.system,
      systemZh: system.nameZh,
      systemEn: system.nameEn,
      departmentCode: system.department.code,
      departmentZh: system.department.nameZh,
      departmentEn: system.department.nameEn,
      authoritative: v.authoritative ?? system.authoritative,
    }
    values[path] = { value: v.value, source }
  }
  return { cardNumber: wire.cardNumber, kind: wire.kind, values }
}

export interface HttpPlatformOptions {
  url: string
  token?: string | undefined
  /** `Authorization` (sent as `Bearer <token>`) or a header of the platform's own, sent the token as is. */
  tokenHeader?: string
  timeoutMs: number
  log?: Logger
  fetch?: typeof fetch
}

export function createHttpPlatform(opts: HttpPlatformOptions): DataPlatform {
  const base = opts.url.replace(/\/$/, '')
  const doFetch = opts.fetch ?? fetch
  const headerName = opts.tokenHeader ?? 'Authorization'
  const headers: Record<string, string> = { accept: 'application/json' }
  if (opts.token) headers[headerName] = headerName.toLowerCase() === 'authorization' ? `Bearer ${opts.token}` : opts.token

  return {
    kind: 'http',
    async person(cardNumber) {
      const url = `${base}/people/${encodeURIComponent(cardNumber)}`
      let res: Response
      let text: string
      try {
        res = await doFetch(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'error' })
        if (res.status === 404) {
          await res.body?.cancel()
          return null
        }
        if (!res.ok) {
          await res.body?.cancel()
          throw new DataPlatformUnavailable(
            res.status === 401 || res.status === 403
              ? `the data platform refused the hall's token (HTTP ${res.status}): check HALL_DATA_PLATFORM_TOKEN`
              : `the data platform answered HTTP ${res.status}`,
          )
        }
        const length = Number(res.headers.get('content-length') ?? 0)
        if (length > MAX_BODY_BYTES) throw new DataPlatformUnavailable(`the data platform's answer is too large (${length} bytes)`)
        text = await res.text()
      } catch (err) {
        if (err instanceof DataPlatformUnavailable) throw err
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        throw new DataPlatformUnavailable(
          timedOut ? `the data platform did not answer within ${opts.timeoutMs} ms` : `the data platform could not be reached (${(err as Error).message})`,
          err,
        )
      }
      if (text.length > MAX_BODY_BYTES) throw new DataPlatformUnavailable("the data platform's answer is too large")
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (err) {
        throw new DataPlatformUnavailable('the data platform answered something that is not JSON', err)
      }
      const parsed = WireRecordSchema.safeParse(json)
      if (!parsed.success) {
        const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        throw new DataPlatformUnavailable(`the data platform's record does not have the documented shape (${where.join('; ')})`)
      }
      if (parsed.data.cardNumber !== cardNumber) {
        throw new DataPlatformUnavailable(`asked for ${cardNumber}, the data platform answered with the record of ${parsed.data.cardNumber}`)
      }
      return fromWireRecord(parsed.data, opts.log)
    },
  }
}
