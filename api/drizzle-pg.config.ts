import { defineConfig } from 'drizzle-kit'

// The PostgreSQL migrations (decision 016), from the twin that src/db/schema-pg/generate.ts writes
// out of the SQLite schema. `pnpm --filter @hall/api db:generate` writes both dialects' migrations;
// the server applies them itself (src/db/postgres.ts), under an advisory lock.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-pg/tables.ts',
  out: './drizzle-pg',
})
