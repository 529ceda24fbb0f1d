import { OpenAPIHono, type z } from '@hono/zod-openapi'
import type { AppEnv } from './context.ts'
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

/** An OpenAPI request with a required JSON body of `schema`. */
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })
