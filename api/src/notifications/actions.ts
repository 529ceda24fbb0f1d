import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { ratings } from '../db/schema/index.ts'
import type { NotificationAction } from '../db/schema/index.ts'

// A message's further links are written when it is sent; some stop making sense later. "Rate the
// service" on a completed application is dropped once its reader rated it (issue 14): asked of the
// reader's own ratings only, so it tells nobody else whether an anonymous rating exists (007).

const RATE = /^\/feedback\/rate\/(\d+)$/

/** A filter for the actions of `cardNumber`'s messages, reading their ratings once for the whole page. */
export async function liveActionsFor(
  db: Db,
  cardNumber: string,
  pages: Array<NotificationAction[] | null>,
): Promise<(actions: NotificationAction[] | null) => NotificationAction[]> {
  const ids = [
    ...new Set(
      pages
        .flatMap((a) => a ?? [])
        .flatMap((a) => RATE.exec(a.link)?.[1] ?? [])
        .map(Number),
    ),
  ]
  const rated = new Set(
    ids.length
      ? (
          await db
            .select({ id: ratings.applicationId })
            .from(ratings)
            .where(and(eq(ratings.raterCardNumber, cardNumber), inArray(ratings.applicationId, ids)))
        ).map((r) => r.id)
      : [],
  )
  return (actions) => (actions ?? []).filter((a) => !rated.has(Number(RATE.exec(a.link)?.[1] ?? NaN)))
}
