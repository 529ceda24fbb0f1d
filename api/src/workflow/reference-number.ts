import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { applications, serviceVersions, services } from '../db/schema/index.ts'
import { beijingYear, nextInSequence } from './act.ts'

// Reference numbers (受理编号) a person can read out on the phone or type into a search:
// 2026-宿舍-000123. The sequence is hall-wide per Beijing year, so the number is unique whatever
// the short name (two services may share one); the database's unique index holds it anyway.

const SEQUENCE = 'reference-number'

/** The short name of a service in its numbers: its own, or the first two characters of its Chinese name. */
export function shortNameOf(shortName: string | null | undefined, nameZh: string): string {
  const own = shortName?.trim()
  if (own) return own
  // Characters, not UTF-16 units; no hyphen, which separates the parts of the number.
  const chars = Array.from(nameZh.replace(/[\s\-()（）]/g, ''))
  return chars.slice(0, 2).join('') || 'X'
}

export const formatReferenceNumber = (year: number, shortName: string, n: number) => `${year}-${shortName}-${String(n).padStart(6, '0')}`

/** Gives the application its reference number, in the caller's transaction (the submission's). */
export async function assignReferenceNumber(tx: Db, applicationId: number, at: Date): Promise<string> {
  const row = (
    await tx
      .select({ shortName: services.shortName, nameZh: serviceVersions.nameZh })
      .from(applications)
      .innerJoin(services, eq(services.code, applications.serviceCode))
      .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
      .where(eq(applications.id, applicationId))
  )[0]
  if (!row) throw new Error(`application ${applicationId} vanished inside its own transaction`)
  const year = beijingYear(at)
  const number = formatReferenceNumber(year, shortNameOf(row.shortName, row.nameZh), await nextInSequence(tx, SEQUENCE, year))
  await tx.update(applications).set({ referenceNumber: number }).where(eq(applications.id, applicationId))
  return number
}

/**
 * Numbers the submitted applications that have none (the demo's past applications, rows written
 * before numbers existed), in the order they were submitted, each in the year of its submission.
 * Returns how many it numbered.
 */
export async function backfillReferenceNumbers(tx: Db): Promise<number> {
  const rows = await tx
    .select({ id: applications.id, submittedAt: applications.submittedAt })
    .from(applications)
    .where(and(isNull(applications.referenceNumber), isNotNull(applications.submittedAt)))
    .orderBy(asc(applications.submittedAt), asc(applications.id))
  for (const r of rows) await assignReferenceNumber(tx, r.id, r.submittedAt!)
  return rows.length
}
