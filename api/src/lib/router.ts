import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { AppEnv } from './context.ts'
import { JSON_COMPRESS_MIN_BYTES, type KeptJson } from './compress.ts'
import { validationBody } from './errors.ts'

/**
 * A router whose invalid inputs answer 400 with a message naming each input and why, in the
 * hall's error shape, instead of zod's raw dump.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(validationBody(result.error.issues, result.target), 400)
    },
  })
}

/** An OpenAPI response whose body is `schema` as JSON (one helper for every feature's routes). */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } })

/**
 * A 200 JSON answer its service keeps between requests (`KeptJson`), in the encoding the request
 * accepts, typed as `c.json` of a `T` would be, so the route's client types stay those of its schema.
 */
export async function keptJson<T>(c: Context, kept: KeptJson) {
  const { body, encoding } = await kept.bodyFor(c.req.header('accept-encoding'))
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) }
  if (kept.bytes.length >= JSON_COMPRESS_MIN_BYTES) headers.Vary = 'Accept-Encoding'
  if (encoding) headers['Content-Encoding'] = encoding
  return c.body(body, 200, headers) as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>
}

/** The media type of an Excel workbook (.xlsx), which the exports hand out. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** An OpenAPI response whose body is an Excel workbook (bytes: no schema to check). */
export const workbook = (description: string) => ({ description, content: { [XLSX]: { schema: z.any() } } })

/** An OpenAPI request with a required JSON body of `schema`. */
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })

/** The page of a list query (`?page=2&pageSize=50`), spread into each list's query schema. */
export const paging = {
  page: z.coerce.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page starts at 1').default(1),
  pageSize: z.coerce
    .number({ error: 'pageSize must be a number' })
    .int('pageSize must be a whole number')
    .min(1, 'pageSize is at least 1')
    .max(100, 'pageSize is at most 100')
    .default(20),
}
