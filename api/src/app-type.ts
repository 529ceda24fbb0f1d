// The API's route types: the contract the micro-frontends' typed client (Hono RPC) is built on.
// Import it with `import type` only; nothing of the API runs in a browser.
export type { App as AppType } from './app.ts'
