import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { placeholderFor, preparedPerDb } from '../db/prepared.ts'
import { departments, notificationPreferences, sessions } from '../db/schema/index.ts'
import type { Language } from '../notifications/preferences.ts'

/**
 * The queries a logged-in request runs (the session behind its cookie) and `/api/me`'s, prepared
 * once per database handle. A GET may be answered for a moment from what the node read before,
 * until it hears of a change (session-memory.ts, decision 024); writes always read the table.
 */
export const authStatements = preparedPerDb((db) => ({
  /** Only what a request needs: the person and the two clocks. */
  session: db
    .select({ user: sessions.user, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
  deleteSession: db
    .delete(sessions)
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
  touchSession: db
    .update(sessions)
    .set({ lastSeenAt: sql`${placeholderFor('at', sessions.lastSeenAt)}` })
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
  /** `/api/me`'s department and the language the person chose (null: never chose), one row, one statement (on PostgreSQL, one round trip). */
  departmentAndLanguage: db
    .select({
      code: departments.code,
      nameZh: departments.nameZh,
      nameEn: departments.nameEn,
      language: sql<Language | null>`(${db
        .select({ language: notificationPreferences.language })
        .from(notificationPreferences)
        .where(and(eq(notificationPreferences.cardNumber, sql.placeholder('cardNumber')), isNotNull(notificationPreferences.languageChosenAt)))})`,
    })
    .from(departments)
    .where(eq(departments.code, sql.placeholder('code')))
    .prepare(),
}))
