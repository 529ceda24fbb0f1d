import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dataErrorReports } from '../../db/schema/index.ts'

// What a person already reported (报错): the form marks those values "已报错 · 待核实 / Reported"
// on every visit until the owning department resolves the report, not only right after sending it.

/** The pre-fill sources with `reportedAt` on each value the person has an open report about (matched by record path). */
export function withOpenReports<S extends { path: string }>(
  db: Db,
  cardNumber: string,
  sources: Record<string, S>,
): Record<string, S & { reportedAt?: string }> {
  const open = new Map(
    db
      .select({ path: dataErrorReports.path, createdAt: dataErrorReports.createdAt })
      .from(dataErrorReports)
      .where(and(eq(dataErrorReports.reporterCardNumber, cardNumber), eq(dataErrorReports.status, 'open')))
      .all()
      .map((r) => [r.path, r.createdAt.toISOString()]),
  )
  return Object.fromEntries(
    Object.entries(sources).map(([key, source]) => {
      const reportedAt = open.get(source.path)
      return [key, reportedAt ? { ...source, reportedAt } : source]
    }),
  )
}
