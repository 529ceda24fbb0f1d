import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { describe, expect, it } from 'vitest'
import { constraintViolation, type ConstraintViolation } from './constraints.ts'
import { freshPg } from './pg-test-support.ts'
import type { PgDb } from './postgres.ts'

// The same violations, provoked on both databases with the same SQL, read as one shape: what the
// API's 409s rely on whichever database it runs on.

/** Each case: statements that set the scene, the one that breaks a constraint, and what each dialect must report. */
const cases: { name: string; setup: string[]; breaks: string; sqlite: ConstraintViolation; postgres: ConstraintViolation }[] = [
  {
    name: 'a second rating of one application (unique index)',
    setup: ['CREATE TABLE r (application_id integer NOT NULL)', 'CREATE UNIQUE INDEX r_application ON r (application_id)', 'INSERT INTO r VALUES (1)'],
    breaks: 'INSERT INTO r VALUES (1)',
    sqlite: { kind: 'unique', constraint: 'r.application_id' },
    postgres: { kind: 'unique', constraint: 'r_application' },
  },
  {
    name: 'a used SAML assertion id again (primary key)',
    setup: ['CREATE TABLE used (id text PRIMARY KEY)', "INSERT INTO used VALUES ('a')"],
    breaks: "INSERT INTO used VALUES ('a')",
    sqlite: { kind: 'unique', constraint: 'used.id' },
    postgres: { kind: 'unique', constraint: 'used_pkey' },
  },
  {
    name: 'a row naming a parent that does not exist (foreign key)',
    setup: ['CREATE TABLE p (id integer PRIMARY KEY)', 'CREATE TABLE c (p_id integer REFERENCES p (id))'],
    breaks: 'INSERT INTO c VALUES (7)',
    // SQLite does not say which foreign key.
    sqlite: { kind: 'foreign-key' },
    postgres: { kind: 'foreign-key', constraint: 'c_p_id_fkey' },
  },
  {
    name: 'a score out of range (check)',
    setup: ['CREATE TABLE s (score integer CONSTRAINT score_range CHECK (score BETWEEN 1 AND 5))'],
    breaks: 'INSERT INTO s VALUES (9)',
    sqlite: { kind: 'check', constraint: 'score_range' },
    postgres: { kind: 'check', constraint: 'score_range' },
  },
  {
    name: 'a missing required value (not null)',
    setup: ['CREATE TABLE n (v text NOT NULL)'],
    breaks: 'INSERT INTO n VALUES (NULL)',
    sqlite: { kind: 'not-null', constraint: 'n.v' },
    postgres: { kind: 'not-null' },
  },
]

/** The error a statement throws through drizzle (so wrapped as the services will see it). */
async function errorOf(run: () => unknown): Promise<unknown> {
  try {
    await run()
  } catch (err) {
    return err
  }
  throw new Error('the statement did not fail')
}

describe('constraintViolation', () => {
  describe.each(cases)('$name', (c) => {
    it('on SQLite', async () => {
      // Foreign keys on, as openDb sets them; the hall's tables are not needed here.
      const db = drizzle(new Database(':memory:'))
      db.$client.pragma('foreign_keys = ON')
      try {
        for (const stmt of c.setup) db.run(sql.raw(stmt))
        expect(constraintViolation(await errorOf(() => db.run(sql.raw(c.breaks))))).toEqual(c.sqlite)
      } finally {
        db.$client.close()
      }
    })

    it('on PostgreSQL', async () => {
      const db: PgDb = await freshPg({ max: 1 })
      for (const stmt of c.setup) await db.execute(sql.raw(stmt))
      expect(constraintViolation(await errorOf(() => db.execute(sql.raw(c.breaks))))).toEqual(c.postgres)
    })
  })

  it('is undefined for other errors, and for a bare SQLITE_CONSTRAINT it cannot classify', () => {
    expect(constraintViolation(new Error('boom'))).toBeUndefined()
    expect(constraintViolation(Object.assign(new Error('x'), { code: '40001' }))).toBeUndefined()
    expect(constraintViolation(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeUndefined()
    expect(constraintViolation(undefined)).toBeUndefined()
  })

  it('reads the driver error through a wrapper’s cause', () => {
    const driver = Object.assign(new Error('duplicate key'), { code: '23505', constraint_name: 'ratings_application' })
    expect(constraintViolation(new Error('Failed query', { cause: driver }))).toEqual({ kind: 'unique', constraint: 'ratings_application' })
  })
})
