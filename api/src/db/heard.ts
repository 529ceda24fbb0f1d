import { LRUCache } from 'lru-cache'
import type { Logger } from '../lib/logger.ts'
import { listenerOf, whenTransactionEnds, type Db } from './client.ts'

// What a node remembers for a moment of what it read, and forgets as soon as it hears of a change
// (decision 024). Each kind of thing remembered is a *topic* (`session`, `me`, `catalog`) with
// keys. A node hears of a change:
// - made through itself: the writer calls `forgetHeard` in its transaction, which forgets at
//   once and again when the transaction has ended, so that a read made before the commit is not
//   kept;
// - made anywhere, on PostgreSQL: triggers (migration drizzle-pg/0002) send `<topic>:<key>` (or
//   `<topic>` for all of its keys) on the channel `hall_heard` when the transaction commits, and
//   every node listens. No writer can forget to say it.
// A counter (the generation) moves with every forgetting: a read keeps what it read only if the
// counter has not moved since the read began. On PostgreSQL a node keeps nothing until it listens,
// and forgets everything each time its listener connects again (notices sent meanwhile are lost).
// What is remembered answers for at most the `maxAgeMs` its reader asks (HALL_MEMORY_SECONDS),
// which bounds what a change nobody heard (another process on a SQLite file) can leave behind.

/** Which memory a reader may answer from, and for how long after its read (HALL_MEMORY_SECONDS; 0: read every time). */
export interface Recall<T extends object | number> {
  memory: Remembered<T>
  maxAgeMs: number
}

/** The channel of the triggers of migration 0002. */
export const HEARD_CHANNEL = 'hall_heard'

export type HeardTopic = 'session' | 'me' | 'catalog'

interface Entry<T> {
  value: T
  /** When this node read it from the database (the node's clock: `deps.now`). */
  readAt: number
}

/** One topic's memory on one node. */
export class Remembered<T extends object | number> {
  readonly #entries: LRUCache<string, Entry<T>>
  readonly #hearing: Hearing

  constructor(hearing: Hearing, max: number) {
    this.#hearing = hearing
    this.#entries = new LRUCache({ max })
  }

  /** The generation to hand back to `remember` once the read is done; take it before the read begins. */
  get generation(): number {
    return this.#hearing.generation
  }

  /** What was kept under `key`, if read within `maxAgeMs` of `now` and not forgotten since. */
  recall(key: string, now: number, maxAgeMs: number): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (now - entry.readAt < maxAgeMs && now >= entry.readAt) return entry.value
    this.#entries.delete(key)
    return undefined
  }

  /** Keeps what was just read from the database, unless something was forgotten since the read began. */
  remember(key: string, value: T, now: number, generation: number): void {
    if (!this.#hearing.listening || generation !== this.#hearing.generation) return
    this.#entries.set(key, { value, readAt: now })
  }

  /**
   * What is kept under `key` if it was read within `maxAgeMs` of `now` (0: never) and is `usable`;
   * else what `read` reads from the database, kept for the next reader unless it is null or
   * something was forgotten while it was read.
   */
  async through<R extends T | null>(
    key: string,
    now: number,
    maxAgeMs: number,
    read: () => Promise<R>,
    usable: (value: T) => boolean = () => true,
  ): Promise<T | R> {
    const known = maxAgeMs > 0 ? this.recall(key, now, maxAgeMs) : undefined
    if (known !== undefined && usable(known)) return known
    const generation = this.generation
    const value = await read()
    if (value !== null) this.remember(key, value, now, generation)
    return value
  }

  forget(keys: readonly string[] | 'all'): void {
    this.#hearing.moved()
    if (keys === 'all') this.#entries.clear()
    else for (const key of keys) this.#entries.delete(key)
  }
}

/** A node's hearing on one database handle: its topics, their generation and its listener. */
class Hearing {
  generation = 0
  /** False on PostgreSQL until the node listens on `HEARD_CHANNEL`. */
  listening: boolean
  /** Settles once the node hears every change (at once on SQLite; on PostgreSQL when it first listens). */
  readonly ready: Promise<void>
  readonly topics = new Map<HeardTopic, Pick<Remembered<never>, 'forget'>>()
  #ready!: () => void

  constructor(listensFromStart: boolean) {
    this.listening = listensFromStart
    this.ready = new Promise((resolve) => (this.#ready = resolve))
    if (listensFromStart) this.#ready()
  }

  moved(): void {
    this.generation++
  }

  /** A notice of the triggers: `<topic>:<key>` or `<topic>`. */
  heard(payload: string): void {
    const colon = payload.indexOf(':')
    const topic = this.topics.get((colon < 0 ? payload : payload.slice(0, colon)) as HeardTopic)
    if (topic) topic.forget(colon < 0 ? 'all' : [payload.slice(colon + 1)])
    else this.moved()
  }

  /** The listener is (again) connected: what was sent while it was not is lost, so nothing from before counts. */
  connected(): void {
    for (const topic of this.topics.values()) topic.forget('all')
    this.listening = true
    this.#ready()
  }
}

const hearings = new WeakMap<Db, Hearing>()

function hearingOf(db: Db, log: Logger): Hearing {
  let hearing = hearings.get(db)
  if (hearing) return hearing
  const listen = listenerOf(db)
  hearing = new Hearing(!listen)
  hearings.set(db, hearing)
  if (listen) {
    const h = hearing
    listen(
      HEARD_CHANNEL,
      (payload) => h.heard(payload),
      () => h.connected(),
    ).catch((err: unknown) => {
      // Nothing is then remembered: every request reads the database, as before decision 024.
      log.warn({ err }, 'heard: LISTEN failed; this node remembers nothing and reads the database every time')
    })
  }
  return hearing
}

/** This node's memory of `topic` on `db`; on PostgreSQL the node starts listening with the first. */
export function rememberedOf<T extends object | number>(db: Db, log: Logger, topic: HeardTopic, max = 50_000): Remembered<T> {
  const hearing = hearingOf(db, log)
  let remembered = hearing.topics.get(topic) as Remembered<T> | undefined
  if (!remembered) {
    remembered = new Remembered<T>(hearing, max)
    hearing.topics.set(topic, remembered)
  }
  return remembered
}

/** Settles once this node hears every change on `db`, listening from now if it did not (tests: a node on PostgreSQL listens first). */
export const heardReady = (db: Db, log: Logger): Promise<void> => hearingOf(db, log).ready

/**
 * A writer changed what `topic` remembers under `keys` (or all of it): this node forgets now and
 * once the writer's transaction has ended. On PostgreSQL the other nodes hear it from the triggers.
 */
export function forgetHeard(db: Db, topic: HeardTopic, keys: readonly string[] | 'all'): void {
  const remembered = hearings.get(db)?.topics.get(topic)
  if (!remembered || (keys !== 'all' && keys.length === 0)) return
  remembered.forget(keys)
  whenTransactionEnds(db, () => remembered.forget(keys))
}
