import { readFileSync } from 'node:fs'
import { Column, getTableColumns, is } from 'drizzle-orm'
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { freshPg } from './pg-test-support.ts'
import { generatePgSchema, generatedFiles, sqliteTables, sqlText } from './schema-pg/generate.ts'
import * as pg from './schema-pg/tables.ts'
import type * as sqlite from './schema/sqlite.ts'

// The two schemas must be one schema in two dialects (decision 016, item 2): the services are typed
// against the SQLite tables and, on PostgreSQL, handed the pg-core twins under the same names
// (schema/index.ts). This is what justifies that cast.

// In the type checker (`npm run typecheck`): every table has the same row types in both dialects,
// column by column (drizzle builds its row types as intersections, which a whole-type comparison
// would call different), with the same optional columns on insert.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]
type SameRow<A, B> =
  Equal<keyof A, keyof B> extends true
    ? Equal<RequiredKeys<A>, RequiredKeys<B>> extends true
      ? false extends { [K in keyof A]-?: K extends keyof B ? Equal<A[K], B[K]> : false }[keyof A]
        ? false
        : true
      : false
    : false
type Pg = typeof pg
type Sqlite = typeof sqlite
/** The tables whose select or insert row types differ between the dialects: none. */
type Differing = {
  [K in keyof Pg]: K extends keyof Sqlite
    ? SameRow<Sqlite[K]['$inferSelect'], Pg[K]['$inferSelect']> extends true
      ? SameRow<Sqlite[K]['$inferInsert'], Pg[K]['$inferInsert']> extends true
        ? never
        : K
      : K
    : K
}[keyof Pg]
const sameRowTypes: [Differing] extends [never] ? true : Differing = true
void sameRowTypes

/** A table as both dialects can describe it: columns, keys, indexes, foreign keys. */
function shapeOf(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>, columns: Record<string, Column>) {
  const names = (cols: unknown[]) => cols.map((c) => (c as Column).name)
  return {
    name: config.name,
    columns: Object.entries(columns).map(([key, c]) => ({
      key,
      name: c.name,
      notNull: c.notNull,
      primary: c.primary,
      hasDefault: c.hasDefault,
      enumValues: c.enumValues ?? null,
      // The one custom type of the twin is bytea, SQLite's buffer blob.
      dataType: c.dataType === 'custom' && c.getSQLType() === 'bytea' ? 'buffer' : c.dataType,
    })),
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    indexes: config.indexes
      .map((ix) => ({
        name: ix.config.name,
        unique: ix.config.unique,
        on: names(ix.config.columns),
        where: ix.config.where ? sqlText(ix.config.where, 'index') : null,
      }))
      .sort((a, b) => a.name!.localeCompare(b.name!)),
    foreignKeys: config.foreignKeys.map((fk) => {
      const ref = fk.reference()
      return { columns: names(ref.columns), table: ref.foreignTable[Symbol.for('drizzle:Name') as never], to: names(ref.foreignColumns) }
    }),
  }
}

describe('the PostgreSQL schema', () => {
  it('is what generate.ts writes from the SQLite schema (run `npm run db:generate` in api/ after changing a table)', async () => {
    const texts = await generatePgSchema()
    expect(readFileSync(generatedFiles.tables, 'utf8')).toBe(texts.tables)
    expect(readFileSync(generatedFiles.index, 'utf8')).toBe(texts.index)
  })

  it('has the same tables, columns, nullability, defaults, keys, indexes and foreign keys as the SQLite one', () => {
    const tables = sqliteTables()
    expect(Object.keys(pg).toSorted()).toEqual(tables.map(([name]) => name).toSorted())
    for (const [name, table] of tables) {
      const twin = (pg as Record<string, PgTable>)[name]!
      const mine = shapeOf(sqliteConfig(table), getTableColumns(table))
      const theirs = shapeOf(pgConfig(twin), getTableColumns(twin))
      expect(theirs, name).toEqual(mine)
    }
  })

  it('is what its migrations (drizzle-pg/) build on PostgreSQL: columns, nullability and indexes, partial ones with their condition', async () => {
    const db = await freshPg({ max: 1 })
    const columns = (await db.$client`
      SELECT table_name, column_name, is_nullable = 'NO' AS not_null FROM information_schema.columns WHERE table_schema = 'public'`) as unknown as {
      table_name: string
      column_name: string
      not_null: boolean
    }[]
    const indexes = (await db.$client`
      SELECT c.relname AS table_name, i.relname AS name, x.indisunique AS unique, pg_get_expr(x.indpred, x.indrelid) AS predicate
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT x.indisprimary`) as unknown as { table_name: string; name: string; unique: boolean; predicate: string | null }[]

    const expectedColumns: typeof columns = []
    const expectedIndexes: { table_name: string; name: string; unique: boolean; partial: boolean }[] = []
    for (const twin of Object.values(pg) as PgTable[]) {
      const config = pgConfig(twin)
      for (const c of config.columns) expectedColumns.push({ table_name: config.name, column_name: c.name, not_null: c.notNull })
      for (const ix of config.indexes)
        expectedIndexes.push({ table_name: config.name, name: ix.config.name!, unique: ix.config.unique, partial: !!ix.config.where })
    }
    const byName = <T extends { table_name: string }>(rows: T[], key: (r: T) => string) =>
      rows.toSorted((a, b) => `${a.table_name}.${key(a)}`.localeCompare(`${b.table_name}.${key(b)}`))
    expect(byName(columns, (c) => c.column_name)).toEqual(byName(expectedColumns, (c) => c.column_name))
    expect(
      byName(
        indexes.map(({ predicate, ...ix }) => ({ ...ix, partial: predicate !== null })),
        (i) => i.name,
      ),
    ).toEqual(byName(expectedIndexes, (i) => i.name))
    // The invariants of decision 016 are there, with their conditions.
    const predicate = (name: string) => indexes.find((i) => i.name === name)?.predicate
    expect(predicate('applications_one_in_progress')).toMatch(/one_in_progress AND \(status = ANY/)
    expect(predicate('data_error_reports_open')).toBe("(status = 'open'::text)")
    expect(predicate('deploy_tokens_live_name')).toBe('(revoked_at IS NULL)')
  })

  it('marks no column that the test above could not compare', () => {
    for (const twin of Object.values(pg) as PgTable[]) {
      for (const column of Object.values(getTableColumns(twin))) expect(is(column, Column)).toBe(true)
    }
  })
})
