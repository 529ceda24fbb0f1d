import { Param, sql, type DriverValueEncoder } from 'drizzle-orm'
import type { Db } from './client.ts'

/**
 * A feature's prepared statements, built on first use once per database handle and kept as long
 * as the handle lives (a WeakMap: a test's in-memory database takes its statements with it).
 * Building a query through drizzle and preparing it in SQLite cost more than running it on the
 * request paths (issue 15.5), so those queries are built here once, with `sql.placeholder` for
 * what changes per request. drizzle's `.prepare()` exists on its PostgreSQL drivers too, so the
 * same statements carry over to the async data layer (decision 016, item 5).
 *
 * Each feature keeps its statements in one `*.statements.ts` file: `export const statementsOf = preparedPerDb((db) => ({ … }))`.
 * A transaction runs on the same handle (see `transaction` in client.ts), so its statements serve inside one too.
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>()
  return (db) => {
    let statements = built.get(db)
    if (!statements) {
      statements = build(db)
      built.set(db, statements)
    }
    return statements
  }
}

/**
 * A named placeholder bound through `column`'s encoder, as a plain value compared with the column
 * would be (a Date becomes a timestamp column's milliseconds on SQLite). drizzle passes a bare
 * `sql.placeholder` to the driver as given, which is right for text and numbers only.
 */
export function placeholderFor(name: string, column: DriverValueEncoder<unknown, unknown>): Param {
  return new Param(sql.placeholder(name), column)
}
