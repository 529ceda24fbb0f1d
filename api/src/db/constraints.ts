// Constraint violations in one shape for both dialects (decision 016, item 3), so that the API's
// 409s and idempotent replays read the same on SQLite and on PostgreSQL: the invariants live in
// the database (unique and partial unique indexes, foreign keys), and a request that breaks one
// must be told which, not get a 500.

/** What a violated constraint was, whichever database refused the write. */
export interface ConstraintViolation {
  kind: 'unique' | 'foreign-key' | 'check' | 'not-null'
  /**
   * The constraint or index name where the database says it (PostgreSQL always does:
   * `applications_one_in_progress`); on SQLite, which names columns rather than indexes, the
   * `table.column` list of its message (`applications.applicant_card_number, applications.service_code`),
   * and nothing for a foreign key, which SQLite does not name at all.
   */
  constraint?: string
}

/** SQLite's extended result codes (better-sqlite3's `err.code`). */
const SQLITE: Record<string, ConstraintViolation['kind']> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign-key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not-null',
}

/** PostgreSQL's SQLSTATEs of class 23 (integrity_constraint_violation). */
const POSTGRES: Record<string, ConstraintViolation['kind']> = {
  '23505': 'unique',
  '23503': 'foreign-key',
  '23514': 'check',
  '23502': 'not-null',
}

/**
 * The constraint violation `err` reports, from better-sqlite3 or from the `postgres` driver,
 * directly or wrapped by drizzle (its DrizzleQueryError keeps the driver's error as `cause`);
 * undefined for any other error. A bare `SQLITE_CONSTRAINT` (a trigger's RAISE, or an older
 * library) is not classified: better to answer 500 than to call it a duplicate.
 */
export function constraintViolation(err: unknown): ConstraintViolation | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, message } = e as { code?: unknown; constraint_name?: unknown; message?: unknown }
    if (typeof code !== 'string') continue
    const pgKind = POSTGRES[code]
    if (pgKind) return typeof constraint_name === 'string' ? { kind: pgKind, constraint: constraint_name } : { kind: pgKind }
    const sqliteKind = SQLITE[code]
    if (sqliteKind) {
      // "UNIQUE constraint failed: ratings.application_id", "CHECK constraint failed: score_range"
      const named = typeof message === 'string' ? /constraint failed: (.+)$/.exec(message)?.[1]?.trim() : undefined
      return named ? { kind: sqliteKind, constraint: named } : { kind: sqliteKind }
    }
  }
  return undefined
}

/**
 * Whether `err` is a violation of the unique index `name` on `table`'s `columns`, on either
 * dialect: PostgreSQL names the index, SQLite lists its columns (`table.column, …`).
 */
export function isUniqueViolationOf(err: unknown, index: { name: string; table: string; columns: readonly string[] }): boolean {
  const violation = constraintViolation(err)
  if (violation?.kind !== 'unique') return false
  return violation.constraint === index.name || violation.constraint === index.columns.map((c) => `${index.table}.${c}`).join(', ')
}
