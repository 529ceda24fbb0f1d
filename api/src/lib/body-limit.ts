import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './context.ts'

type Options = { maxSize: number; onError?: (c: Context<AppEnv>) => Response | Promise<Response> }

/**
 * hono's bodyLimit, typed for the hall's env. Its own type is a middleware of any env, and a route
 * whose middleware is typed so gives its handler `c.var` as `any`: the handler's types (and the
 * type-aware lint) would see nothing of deps or user.
 */
export const limitBody = ({ maxSize, onError }: Options): MiddlewareHandler<AppEnv> =>
  // The context bodyLimit hands to onError is the request's own, which carries the hall's env.
  bodyLimit({ maxSize, ...(onError ? { onError: (c) => onError(c as Context<AppEnv>) } : {}) })
