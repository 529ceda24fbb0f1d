import { forgetHeard, rememberedOf, type Remembered } from '../db/heard.ts'
import type { Db } from '../db/client.ts'
import type { Logger } from '../lib/logger.ts'
import type { SessionUser } from '../lib/context.ts'

// What a node remembers of the sessions it read, and of what `/api/me` adds to them (decision 024,
// through db/heard.ts). A GET may be answered from a session this node read within the last
// HALL_MEMORY_SECONDS unless it heard since that the session ended or changed; anything but
// GET and HEAD reads the table. The writers of sessions call `forgetSessions`; on PostgreSQL the
// trigger of `sessions` sends `session:<id hash>`. `/api/me`'s facts (the department as named now,
// the chosen language) are remembered by card number: `forgetLanguage` and `forgetDepartments`
// from their writers, `me:<card>` and `me` from the triggers.

/** What a request learns from its session: the person as of login (or the last organisation import) and the two clocks. */
export interface LiveSession {
  user: SessionUser
  createdAt: Date
  lastSeenAt: Date
}

/** What `/api/me` adds to the session: the person's department as it is named now and the language they chose (null: never chose). */
export interface MeFacts {
  departmentCode: string | null
  department: { code: string; nameZh: string; nameEn: string } | null
  language: 'zh-CN' | 'en' | null
}

/** This node's sessions, by id hash. */
export const sessionMemoryOf = (db: Db, log: Logger): Remembered<LiveSession> => rememberedOf<LiveSession>(db, log, 'session')

/** This node's `/api/me` facts, by card number. */
export const meFactsMemoryOf = (db: Db, log: Logger): Remembered<MeFacts> => rememberedOf<MeFacts>(db, log, 'me')

/** Every writer that ends or changes sessions says so (by id hash). */
export const forgetSessions = (db: Db, idHashes: readonly string[]): void => forgetHeard(db, 'session', idHashes)

/** The language a person chose changed. */
export const forgetLanguage = (db: Db, card: string): void => forgetHeard(db, 'me', [card])

/** A department was added or renamed: everyone's `/api/me` facts. */
export const forgetDepartments = (db: Db): void => forgetHeard(db, 'me', 'all')
