import type { ApplicantFacts, AssigneeResolver, ResolvableRule } from '@hall/workflow'
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { placeholderFor, preparedPerDb } from '../db/prepared.ts'
import { delegations, departments, people, roleGrants } from '../db/schema/index.ts'

// The engine asks who holds a role for an applicant; the answer comes from the organisation tables
// of the embedded data platform (role_grants, people) and from delegations. The engine's resolver
// is synchronous, as the engine needs; every other lookup here is awaited like the rest of the API.

interface StudentProfile {
  klassCode?: string
  supervisorCardNumber?: string
  degree?: 'bachelor' | 'master' | 'doctor'
}
interface StaffProfile {
  cadreLevel?: 'division' | 'bureau'
}

/**
 * What routing may know about the applicant, read from the data platform at submission (the engine
 * keeps it as a snapshot). Null for someone the platform does not know: they cannot apply.
 */
export async function applicantFacts(db: Db, cardNumber: string): Promise<ApplicantFacts | null> {
  const person = (
    await db
      .select({ kind: people.kind, department: people.departmentCode, profile: people.profile, departmentKind: departments.kind })
      .from(people)
      .innerJoin(departments, eq(departments.code, people.departmentCode))
      .where(eq(people.cardNumber, cardNumber))
  )[0]
  if (!person) return null
  const profile = person.profile as { student?: StudentProfile; staff?: StaffProfile }
  const student = profile.student
  return {
    cardNumber,
    kind: person.kind,
    department: person.department,
    ...(person.departmentKind === 'college' ? { college: person.department } : {}),
    ...(student?.klassCode ? { class: student.klassCode } : {}),
    ...(student?.supervisorCardNumber ? { supervisor: student.supervisorCardNumber } : {}),
    ...(student?.degree ? { degree: student.degree } : {}),
    ...(profile.staff?.cadreLevel ? { cadreLevel: profile.staff.cadreLevel } : {}),
  }
}

/**
 * Everyone holding `role` exactly in `scope` (an admin's `*` grant does not make them a reviewer).
 * People who left are never assigned, even if a grant of theirs remained.
 */
export async function holders(db: Db, role: string, scope: string): Promise<string[]> {
  return (await holdersQuery(db, role, scope)).map((r) => r.cardNumber)
}

function holdersQuery(db: Db, role: string, scope: string) {
  return db
    .select({ cardNumber: roleGrants.cardNumber })
    .from(roleGrants)
    .innerJoin(people, eq(people.cardNumber, roleGrants.cardNumber))
    .where(and(eq(roleGrants.role, role), eq(roleGrants.scope, scope), isNull(people.leftAt)))
    .orderBy(asc(roleGrants.cardNumber))
}

/** Whether the person is in the organisation now (known and not left): only they can be assigned. */
function existsQuery(db: Db, cardNumber: string) {
  return db
    .select({ c: people.cardNumber })
    .from(people)
    .where(and(eq(people.cardNumber, cardNumber), isNull(people.leftAt)))
}

/** The substitute `cardNumber` named for the moment `at`, or null. The newest delegation wins. */
export async function delegateOf(db: Db, cardNumber: string, at: Date): Promise<string | null> {
  return (await delegateQuery(db, cardNumber, at))[0]?.delegate ?? null
}

function delegateQuery(db: Db, cardNumber: string, at: Date) {
  return db
    .select({ delegate: delegations.delegate })
    .from(delegations)
    .where(and(eq(delegations.cardNumber, cardNumber), lte(delegations.from, at), gt(delegations.to, at)))
    .orderBy(desc(delegations.createdAt), desc(delegations.id))
    .limit(1)
}

/**
 * `delegateOf` for the workflow engine, which asks its questions synchronously (packages/workflow
 * is pure and has no await). better-sqlite3 answers at once; on PostgreSQL the engine's questions
 * must be answered before it runs (decision 016, what is left).
 */
export function delegateOfNow(db: Db, cardNumber: string, at: Date): string | null {
  return delegateQuery(db, cardNumber, at).get()?.delegate ?? null
}

// Read on every request for a reviewer's 待办 and its count: prepared once per database handle.
const delegatorsStatement = preparedPerDb((db) =>
  db
    .select({ cardNumber: delegations.cardNumber })
    .from(delegations)
    .where(
      and(
        eq(delegations.delegate, sql.placeholder('delegate')),
        lte(delegations.from, placeholderFor('at', delegations.from)),
        gt(delegations.to, placeholderFor('at', delegations.to)),
      ),
    )
    .prepare(),
)

/** The people who have named `delegate` as their substitute at `at` (whose tasks `delegate` may act on). */
export async function delegatorsOf(db: Db, delegate: string, at: Date): Promise<string[]> {
  const rows = await delegatorsStatement(db).execute({ delegate, at })
  // A person with two overlapping delegations has one substitute: the newest.
  const delegators: string[] = []
  for (const p of new Set(rows.map((r) => r.cardNumber))) if ((await delegateOf(db, p, at)) === delegate) delegators.push(p)
  return delegators
}

/**
 * The engine's resolver over the organisation tables and the delegations. The engine calls it
 * synchronously (see `delegateOfNow`): these are the hall's only synchronous queries.
 */
export function createResolver(db: Db): AssigneeResolver {
  return {
    resolveAssignees(rule: ResolvableRule, applicant: ApplicantFacts): string[] {
      const exists = (cardNumber: string) => !!existsQuery(db, cardNumber).get()
      if ('person' in rule) return exists(rule.person) ? [rule.person] : []
      if ('applicant' in rule) return applicant.supervisor && exists(applicant.supervisor) ? [applicant.supervisor] : []
      const scope = rule.scope
      const where =
        scope === 'applicant.class'
          ? applicant.class
          : scope === 'applicant.college'
            ? applicant.college
            : scope === 'applicant.department'
              ? applicant.department
              : scope.department
      return where
        ? holdersQuery(db, rule.role, where)
            .all()
            .map((r) => r.cardNumber)
        : []
    },
    delegateOf: (cardNumber, at) => delegateOfNow(db, cardNumber, at),
  }
}

/** Names of people by card number (unknown ones are left out: callers fall back to the number). */
export async function namesOf(db: Db, cardNumbers: Iterable<string>): Promise<Map<string, { name: string; nameEn: string }>> {
  const list = [...new Set(cardNumbers)].filter((c) => c && c !== 'system')
  if (list.length === 0) return new Map()
  const rows = await db.select({ cardNumber: people.cardNumber, name: people.name, nameEn: people.nameEn }).from(people).where(inArray(people.cardNumber, list))
  return new Map(rows.map((r) => [r.cardNumber, { name: r.name, nameEn: r.nameEn }]))
}
