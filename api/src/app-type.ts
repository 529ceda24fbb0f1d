// The API's route types: the contract the micro-frontends' typed client (Hono RPC) is built on.
// Import it with `import type` only; nothing of the API runs in a browser.
import type { z } from '@hono/zod-openapi'
import type { VersionSchema } from './routes/admin-services/admin-services.schemas.ts'

export type { App as AppType } from './app.ts'

// Named shapes a micro-frontend keeps in a store: inferred from the API's own schemas, so no part
// writes a copy by hand (a type derived through the RPC client is too deep for vue-tsc once pinia
// unwraps it).
export type ServiceVersionFull = z.infer<typeof VersionSchema>
