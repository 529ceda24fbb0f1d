import { defineConfig } from 'drizzle-kit'

// `pnpm --filter @hall/api db:generate` writes a new migration from the schema. The server applies
// migrations itself at start, so no one runs drizzle-kit in production.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/sqlite.ts',
  out: './drizzle',
})
