import { LRUCache } from 'lru-cache'
import { listenerOf, whenTransactionEnds, type Db } from '../db/client.ts'
import type { Logger } from '../lib/logger.ts'
import type { SessionUser } from '../lib/context.ts'

// What a node remembers of the sessions it read (decision 024). A GET may be answered from a
// session this node read from the database within the last HALL_SESSION_MEMORY_SECONDS, provided
// nothing it heard of has changed or ended that session since. It hears:
// - at once, of every change made through this node (`forgetSessions`, called by each writer,
//   again when its transaction has ended, so that a read made before the commit is not kept);
// - on PostgreSQL, of every change made anywhere: a trigger on `sessions` (migration 0002) sends
//   the session's id hash on the channel `hall_sessions`, which every node listens to. No writer can
//   forget to say it. Until this node listens, and after its listener connected again, it
//   remembers nothing from before.
// Requests that may change something (anything but GET and HEAD) always read the database.
//
// `/api/me`, which every page asks, adds to the session the person's department (its names) and
// the language they chose. The node remembers those too, by card number, under the same rules:
// `forgetLanguage` and `forgetDepartments` from their writers, and on PostgreSQL the triggers of
// `notification_preferences` and `departments` (`language:<card>`, `departments`).

/** The channel of migration 0002's triggers: the id hash of a session ended or changed, `language:<card>` or `departments`. */
export const SESSIONS_CHANNEL = 'hall_sessions'

/** What `/api/me` adds to the session: the person's department as it is named now and the language they chose (null: never chose). */
export interface MeFacts {
  departmentCode: string | null
  department: { code: string; nameZh: string; nameEn: string } | null
  language: 'zh-CN' | 'en' | null
}

/** What a request learns from its session: the person as of login (or the last organisation import) and the two clocks. */
export interface LiveSession {
  user: SessionUser
  createdAt: Date
  lastSeenAt: Date
}

interface Remembered<T> {
  value: T
  /** When this node read it from the database (the node's clock: `deps.now`). */
  readAt: number
}

function recalled<T>(entries: LRUCache<string, Remembered<T>>, key: string, now: number, maxAgeMs: number): T | undefined {
  const entry = entries.get(key)
  if (!entry) return undefined
  if (now - entry.readAt < maxAgeMs && now >= entry.readAt) return entry.value
  entries.delete(key)
  return undefined
}

/** A node's memory of sessions, one per database handle. */
export class SessionMemory {
  readonly #entries = new LRUCache<string, Remembered<LiveSession>>({ max: 50_000 })
  /** `/api/me`'s facts by card number. */
  readonly #facts = new LRUCache<string, Remembered<MeFacts>>({ max: 50_000 })
  /** Moves with every forgetting: a read that began before it is not kept (`remember`). */
  #generation = 0
  /** False on PostgreSQL until the node listens on `SESSIONS_CHANNEL`. */
  #hearing: boolean

  /** Settles once the node hears every change (at once on SQLite; on PostgreSQL when it first listens). */
  readonly hearing: Promise<void>
  #heard!: () => void

  constructor(hearsEverything: boolean) {
    this.#hearing = hearsEverything
    this.hearing = new Promise((resolve) => (this.#heard = resolve))
    if (hearsEverything) this.#heard()
  }

  /** The generation to hand back to `remember` after reading from the database. */
  get generation(): number {
    return this.#generation
  }

  /** The session behind `idHash` if read within `maxAgeMs` of `now` and not forgotten since. */
  recall(idHash: string, now: number, maxAgeMs: number): LiveSession | undefined {
    return recalled(this.#entries, idHash, now, maxAgeMs)
  }

  /** Keeps a session just read from the database, unless something was forgotten since the read began. */
  remember(idHash: string, session: LiveSession, now: number, generation: number): void {
    if (!this.#hearing || generation !== this.#generation) return
    this.#entries.set(idHash, { value: session, readAt: now })
  }

  /** `/api/me`'s facts of this person, if read within `maxAgeMs` of `now` and not forgotten since. */
  recallFacts(card: string, now: number, maxAgeMs: number): MeFacts | undefined {
    return recalled(this.#facts, card, now, maxAgeMs)
  }

  rememberFacts(card: string, facts: MeFacts, now: number, generation: number): void {
    if (!this.#hearing || generation !== this.#generation) return
    this.#facts.set(card, { value: facts, readAt: now })
  }

  /** Forgets these sessions (by their id hashes), or all of them. */
  forget(idHashes: readonly string[] | 'all'): void {
    this.#generation++
    if (idHashes === 'all') {
      this.#entries.clear()
      this.#facts.clear()
    } else for (const idHash of idHashes) this.#entries.delete(idHash)
  }

  /** Forgets `/api/me`'s facts of these people, or of everyone (a department changed). */
  forgetFacts(cards: readonly string[] | 'all'): void {
    this.#generation++
    if (cards === 'all') this.#facts.clear()
    else for (const card of cards) this.#facts.delete(card)
  }

  /** A notice of migration 0002's triggers. */
  heard(payload: string): void {
    if (payload === 'departments') this.forgetFacts('all')
    else if (payload.startsWith('language:')) this.forgetFacts([payload.slice('language:'.length)])
    else this.forget([payload])
  }

  /** The listener is (again) connected: what was sent while it was not is lost, so nothing from before counts. */
  listening(): void {
    this.forget('all')
    this.#hearing = true
    this.#heard()
  }
}

const memories = new WeakMap<Db, SessionMemory>()

/** This node's memory of the sessions of `db`; on PostgreSQL it starts listening with the first use. */
export function sessionMemoryOf(db: Db, log: Logger): SessionMemory {
  let memory = memories.get(db)
  if (memory) return memory
  const listen = listenerOf(db)
  memory = new SessionMemory(!listen)
  memories.set(db, memory)
  if (listen) {
    const m = memory
    listen(
      SESSIONS_CHANNEL,
      (payload) => m.heard(payload),
      () => m.listening(),
    ).catch((err: unknown) => {
      // Sessions are then read from the database on every request, as before decision 024.
      log.warn({ err }, 'sessions: LISTEN failed; every request reads its session from the database')
    })
  }
  return memory
}

/**
 * Every writer that ends or changes sessions says so: this node forgets them now and once the
 * writer's transaction has ended. (On PostgreSQL the other nodes hear it from the trigger.)
 */
export function forgetSessions(db: Db, idHashes: readonly string[]): void {
  const memory = memories.get(db)
  if (!memory || idHashes.length === 0) return
  memory.forget(idHashes)
  whenTransactionEnds(db, () => memory.forget(idHashes))
}

/** The language a person chose changed: as `forgetSessions`, for `/api/me`'s facts. */
export function forgetLanguage(db: Db, card: string): void {
  const memory = memories.get(db)
  if (!memory) return
  memory.forgetFacts([card])
  whenTransactionEnds(db, () => memory.forgetFacts([card]))
}

/** A department was added or renamed: as `forgetSessions`, for everyone's `/api/me` facts. */
export function forgetDepartments(db: Db): void {
  const memory = memories.get(db)
  if (!memory) return
  memory.forgetFacts('all')
  whenTransactionEnds(db, () => memory.forgetFacts('all'))
}
