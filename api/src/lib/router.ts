import { OpenAPIHono } from '@hono/zod-openapi'
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
