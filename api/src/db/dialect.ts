/** The database this process runs on: SQLite (the default) or PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres'

/** Whether a database URL names PostgreSQL (`postgres://…` or `postgresql://…`). */
export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//i.test(url)

/**
 * Read once, when the schema is first imported: the one reading of process.env outside env.ts
 * (which validates the same variable). It cannot wait for env.ts: the tables that schema/index.ts
 * exports are chosen when the module loads, before any code runs, and ES modules cannot change
 * what they export afterwards. So one process runs on one dialect for its whole life; a test of
 * the PostgreSQL layer that needs both imports schema-pg/tables.ts directly.
 */
export const dialect: Dialect = isPostgresUrl(process.env.HALL_DATABASE_URL) ? 'postgres' : 'sqlite'
