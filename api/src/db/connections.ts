import { AsyncLocalStorage } from 'node:async_hooks'
import type Database from 'better-sqlite3'

/**
 * The two SQLite connections of one database and the rule that picks between them, statement by
 * statement (decision 016, "one writer, one reader"):
 *
 * - inside `transaction()` (an AsyncLocalStorage context), every statement runs on the **writer**,
 *   whichever handle the code called it through;
 * - outside, a statement that only reads runs on the **reader**, which sees what is committed and
 *   nothing of a transaction still open on the writer;
 * - outside, a statement that writes runs on the writer by itself (SQLite's autocommit), but only
 *   when no transaction is open there. While one is open it is refused with `WriteOutsideTransaction`,
 *   since it would otherwise land inside another request's transaction and be undone with it.
 *   Writes therefore belong in `transaction()`; the few that stand alone find the writer free
 *   unless they interleave with a transaction, and a test (connections.test.ts) holds the rule.
 *
 * A statement is prepared on a connection the first time it runs there and kept. `:memory:` has one
 * connection serving as both (a second connection would open a second, empty database).
 */
export class RoutedClient {
  readonly #writer: Database.Database
  readonly #reader: Database.Database
  readonly #inside = new AsyncLocalStorage<OpenTransaction>()

  constructor(writer: Database.Database, reader: Database.Database) {
    this.#writer = writer
    this.#reader = reader
  }

  get writer(): Database.Database {
    return this.#writer
  }

  /**
   * The transaction the running code is inside, if it is still open. A promise started inside a
   * body and left running after it (a delivery kicked off before the commit) carries the context
   * but no longer the transaction: its statements go by the rules for outside.
   */
  get openTransaction(): OpenTransaction | undefined {
    const store = this.#inside.getStore()
    return store?.open ? store : undefined
  }

  /** Runs `fn` with every statement it makes going to the writer, where the caller has begun `transaction`. */
  runInside<T>(transaction: OpenTransaction, fn: () => T): T {
    return this.#inside.run(transaction, fn)
  }

  prepare(source: string): RoutedStatement {
    return new RoutedStatement(this, source)
  }

  /** The connection a statement runs on now; `writes` says whether it changes the database. */
  connectionFor(writes: boolean, source: string): Database.Database {
    if (this.openTransaction) return this.#writer
    if (!writes) return this.#reader
    if (this.#writer.inTransaction) throw new WriteOutsideTransaction(source)
    return this.#writer
  }

  get reader(): Database.Database {
    return this.#reader
  }

  close(): void {
    if (this.#reader !== this.#writer && this.#reader.open) this.#reader.close()
    if (this.#writer.open) this.#writer.close()
  }
}

/** One transaction begun on the writer: whether it is still open, and how many savepoints nested calls have taken. */
export interface OpenTransaction {
  open: boolean
  savepoints: number
  /** What runs once the transaction has ended, committed or not (`whenTransactionEnds` of client.ts). */
  ended: (() => void)[]
}

/** A write was made outside `transaction()` while another request's transaction was open: a bug to fix where it was made. */
export class WriteOutsideTransaction extends Error {
  constructor(source: string) {
    super(`A write outside transaction() met an open transaction; wrap it in transaction(): ${source.slice(0, 120)}`)
    this.name = 'WriteOutsideTransaction'
  }
}

/** The part of better-sqlite3's Statement that drizzle's session uses, run on the connection the rule picks. */
class RoutedStatement {
  readonly #client: RoutedClient
  readonly #source: string
  readonly #prepared = new Map<Database.Database, Database.Statement>()
  #raw = false
  /** Whether the statement changes the database, learnt from SQLite when first prepared. */
  #writes: boolean | undefined

  constructor(client: RoutedClient, source: string) {
    this.#client = client
    this.#source = source
  }

  raw(toggle = true): this {
    this.#raw = toggle
    return this
  }

  run(...params: unknown[]): Database.RunResult {
    return this.#on().run(...params)
  }

  all(...params: unknown[]): unknown[] {
    return this.#on().all(...params)
  }

  get(...params: unknown[]): unknown {
    return this.#on().get(...params)
  }

  #on(): Database.Statement {
    if (this.#writes === undefined) this.#writes = !this.#statementOn(this.#client.writer).readonly
    const statement = this.#statementOn(this.#client.connectionFor(this.#writes, this.#source))
    // raw() toggles a mode on the statement; set it every time, as one statement serves both modes' callers.
    if (statement.reader) statement.raw(this.#raw)
    return statement
  }

  #statementOn(connection: Database.Database): Database.Statement {
    let statement = this.#prepared.get(connection)
    if (!statement) {
      statement = connection.prepare(this.#source)
      this.#prepared.set(connection, statement)
    }
    return statement
  }
}
