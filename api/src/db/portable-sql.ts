import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm'
import { unionAll } from 'drizzle-orm/sqlite-core'
import { dialect } from './dialect.ts'

// The few SQL expressions that the two databases spell differently, written once for both
// (decision 016): a service that needs one of these takes it from here, never writes SQLite's or
// PostgreSQL's spelling itself.

const onPostgres = dialect === 'postgres'
type Expr = SQL | AnyColumn

/** A moment as milliseconds since 1970 (a number on both: SQLite keeps them so, PostgreSQL a timestamp). */
export const epochMs = (moment: Expr): SQL => (onPostgres ? sql`(extract(epoch from ${moment}) * 1000)::float8` : sql`${moment}`)

/** A JSON value as its text (SQLite keeps JSON as text; PostgreSQL's jsonb is cast). */
export const jsonAsText = (value: Expr): SQL => (onPostgres ? sql`(${value})::text` : sql`${value}`)

/** A JSON object of `pairs`, as text. */
export function jsonObjectText(pairs: Record<string, Expr>): SQL {
  // PostgreSQL cannot tell a bound key's type inside json_build_object: it is told.
  const args = sql.join(
    Object.entries(pairs).map(([k, v]) => (onPostgres ? sql`${k}::text, ${v}` : sql`${k}, ${v}`)),
    sql`, `,
  )
  return onPostgres ? sql`json_build_object(${args})::text` : sql`json_object(${args})`
}

/** The JSON text of `json` with `key` set to `value`, as text. */
export const jsonSetText = (json: Expr, key: string, value: Expr): SQL =>
  onPostgres ? sql`jsonb_set((${json})::jsonb, ${`{${key}}`}::text[], to_jsonb(${value}))::text` : sql`json_set(${json}, ${`$.${key}`}, ${value})`

/** The text at `path` (keys) inside a JSON column, or null. */
export const jsonText = (json: Expr, path: readonly string[]): SQL =>
  onPostgres ? sql`(${json})::jsonb #>> ${`{${path.join(',')}}`}::text[]` : sql`json_extract(${json}, ${`$.${path.join('.')}`})`

/**
 * `text LIKE pattern`, ignoring the case of ASCII letters on both (SQLite's LIKE does; PostgreSQL's
 * ILIKE), with `\` escaping `%` and `_` in the pattern.
 */
export const likeIgnoringCase = (text: Expr, pattern: string): SQL =>
  onPostgres ? sql`${text} ILIKE ${pattern} ESCAPE '\\'` : sql`${text} LIKE ${pattern} ESCAPE '\\'`

/**
 * `column IN (the values of a JSON array)`, the array bound as one parameter (its JSON text): a
 * statement prepared once serves lists of any length, where `inArray` makes new SQL for each
 * length. `as` is the column's type on PostgreSQL, where the array's elements are cast to it.
 */
export const inJsonArray = (column: AnyColumn, jsonArray: Placeholder | string, as: 'integer' | 'text'): SQL =>
  onPostgres
    ? sql`${column} IN (SELECT (jsonb_array_elements_text(${jsonArray}::jsonb))::${sql.raw(as)})`
    : sql`${column} IN (SELECT value FROM json_each(${jsonArray}))`

/**
 * UNION ALL of SELECTs of one shape. SQLite refuses a parenthesised SELECT in a compound one, so
 * there it is drizzle's flat `unionAll`; PostgreSQL's builders chain it (and parenthesise).
 */
export function unionAllOf<S>(first: S, ...rest: S[]): S {
  // drizzle types its set operators per dialect; the parts here are the one builder type S.
  if (!onPostgres) return (unionAll as unknown as (...parts: S[]) => S)(first, ...rest)
  type Chain = { unionAll(other: unknown): Chain }
  return rest.reduce<Chain>((all, next) => all.unionAll(next), first as Chain) as S
}

/**
 * A claim's SELECT: on PostgreSQL `… FOR UPDATE SKIP LOCKED`, which locks the rows it returns and
 * passes over rows another transaction holds, so two nodes claiming at once take disjoint rows and
 * neither waits for nor aborts the other. Run it in a transaction at `isolation: 'read committed'`
 * (client.ts), where a row another node claimed and committed meanwhile is read anew and left out
 * by the WHERE; at SERIALIZABLE, such a row fails the whole transaction (40001). On SQLite the
 * query is left as it is: the claim's transaction holds the one write lock from BEGIN IMMEDIATE.
 */
export function skippingLocked<Q>(query: Q): Q {
  // drizzle's pg-core SELECT has `.for()`; the query is typed as SQLite's builder, which has not.
  if (!onPostgres) return query
  return (query as unknown as { for(strength: 'update', config: { skipLocked: true }): Q }).for('update', { skipLocked: true })
}
