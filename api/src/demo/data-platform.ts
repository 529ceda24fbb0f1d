import { fieldSources, fieldSourcesByKind, sourceSystems as demoSystems } from '@hall/demo-university'
import type { Db } from '../db/client.ts'
import { sourceFields, sourceSystems } from '../db/schema/index.ts'

// The embedded platform's own tables, filled from the demo university: its source systems, and
// which system holds which field of a person's record. Idempotent: a database seeded before these
// tables existed gets them on the next start, and nothing already there is overwritten.

/** Paths the demo university's map leaves out. The card number is issued with the unified login account. */
const extraFields: Record<string, string> = { cardNumber: 'identity-card' }

/**
 * Values the person may legitimately give differently in a form: the mobile number bound to the
 * login account is a starting point, not the authority on how to reach someone today.
 */
const notAuthoritative = new Set(['phone'])

export async function seedDataPlatform(db: Db) {
  await db
    .insert(sourceSystems)
    .values(demoSystems.map((s) => ({ code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, departmentCode: s.ownerDepartmentCode })))
    .onConflictDoNothing()
  const rows = [
    ...Object.entries({ ...fieldSources, ...extraFields }).map(([path, systemCode]) => ({ path, kind: '*', systemCode })),
    ...Object.entries(fieldSourcesByKind).flatMap(([kind, map]) => Object.entries(map ?? {}).map(([path, systemCode]) => ({ path, kind, systemCode }))),
  ].map((r) => ({ ...r, authoritative: !notAuthoritative.has(r.path) }))
  await db.insert(sourceFields).values(rows).onConflictDoNothing()
}
