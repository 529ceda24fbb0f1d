import type { ApplicantFacts, AssigneeResolver, ResolvableRule } from '@hall/workflow'
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { placeholderFor, preparedPerDb } from '../db/prepared.ts'
import { delegations, departments, people, roleGrants } from '../db/schema/index.ts'

// The engine asks who holds a role for an applicant; the answer comes from the organisation tables
// of the embedded data platform (role_grants, people) and from delegations. The engine is pure and
// synchronous (packages/workflow) and asks while it runs; the database answers asynchronously (on
// PostgreSQL it cannot answer at once). So the engine runs against what is known, the questions it
// asked that were not known are fetched, and it runs again, until it asks nothing new
// (`withAnswers`). Every other lookup here is awaited like the rest of the API.

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
  return delegatorsAmong(
    db,
    delegate,
    rows.map((r) => r.cardNumber),
    at,
  )
}

/**
 * Of `named` (the people with a delegation to `delegate` live at `at`, read by the caller), those
 * whose substitute `delegate` is: a person with two overlapping delegations has one, the newest.
 */
export async function delegatorsAmong(db: Db, delegate: string, named: string[], at: Date): Promise<string[]> {
  const delegators: string[] = []
  for (const p of new Set(named)) if ((await delegateOf(db, p, at)) === delegate) delegators.push(p)
  return delegators
}

/**
 * What the engine and the definition validator ask about the organisation while they run,
 * answered from what was fetched before; a question not known yet gets a stand-in answer (nobody,
 * no substitute, does not exist) and is remembered, for `withAnswers` to fetch before the next
 * run. One set of answers may serve many runs (seeding plans hundreds of applications with one).
 */
export class OrganisationAnswers {
  readonly #db: Db
  readonly #known = new Map<string, unknown>()
  readonly #asked = new Map<string, () => Promise<unknown>>()

  constructor(db: Db) {
    this.#db = db
  }

  #ask<T>(key: string, fetch: () => Promise<T>, meanwhile: T): T {
    if (this.#known.has(key)) return this.#known.get(key) as T
    if (!this.#asked.has(key)) this.#asked.set(key, fetch)
    return meanwhile
  }

  /** Fetches the answers the last runs asked for and did not have; false when they asked nothing new. */
  async fetchAsked(): Promise<boolean> {
    if (this.#asked.size === 0) return false
    const asked = [...this.#asked]
    this.#asked.clear()
    for (const [key, fetch] of asked) this.#known.set(key, await fetch())
    return true
  }

  /** Whether the person is in the organisation now (known and not left): only they can be assigned. */
  isAssignable(cardNumber: string): boolean {
    return this.#ask(`assignable\u0000${cardNumber}`, async () => (await existsQuery(this.#db, cardNumber)).length > 0, false)
  }

  /** Whether the card number is known at all (the definition validator's question). */
  personExists(cardNumber: string): boolean {
    const db = this.#db
    return this.#ask(
      `person\u0000${cardNumber}`,
      async () => (await db.select({ c: people.cardNumber }).from(people).where(eq(people.cardNumber, cardNumber))).length > 0,
      false,
    )
  }

  departmentExists(code: string): boolean {
    const db = this.#db
    return this.#ask(
      `department\u0000${code}`,
      async () => (await db.select({ c: departments.code }).from(departments).where(eq(departments.code, code))).length > 0,
      false,
    )
  }

  holders(role: string, scope: string): string[] {
    return this.#ask(`holders\u0000${role}\u0000${scope}`, () => holders(this.#db, role, scope), [])
  }

  delegateOf(cardNumber: string, at: Date): string | null {
    return this.#ask(`delegate\u0000${cardNumber}\u0000${at.getTime()}`, () => delegateOf(this.#db, cardNumber, at), null)
  }

  /** The engine's resolver over these answers. */
  readonly resolver: AssigneeResolver = {
    resolveAssignees: (rule: ResolvableRule, applicant: ApplicantFacts): string[] => {
      if ('person' in rule) return this.isAssignable(rule.person) ? [rule.person] : []
      if ('applicant' in rule) return applicant.supervisor && this.isAssignable(applicant.supervisor) ? [applicant.supervisor] : []
      const scope = rule.scope
      const where =
        scope === 'applicant.class'
          ? applicant.class
          : scope === 'applicant.college'
            ? applicant.college
            : scope === 'applicant.department'
              ? applicant.department
              : scope.department
      return where ? this.holders(rule.role, where) : []
    },
    delegateOf: (cardNumber, at) => this.delegateOf(cardNumber, at),
  }
}

/**
 * Runs `run`, a pure and synchronous use of the engine or the validator that asks `answers`,
 * again after fetching what it asked and was not known, until a run asks nothing new; that run's
 * result (or error) is the answer. A run that met a stand-in answer may have failed for it (no
 * assignee), so an error counts only from a run that knew everything it asked.
 */
export async function withAnswers<T>(answers: OrganisationAnswers, run: () => T): Promise<T> {
  for (let round = 1; ; round++) {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown }
    try {
      outcome = { ok: true, value: run() }
    } catch (error) {
      outcome = { ok: false, error }
    }
    if (!(await answers.fetchAsked())) {
      if (outcome.ok) return outcome.value
      throw outcome.error
    }
    // Each round learns at least one new answer, and a definition asks finitely many questions.
    if (round >= 100) throw new Error('the workflow engine kept asking new questions of the organisation')
  }
}

/** Names of people by card number (unknown ones are left out: callers fall back to the number). */
export async function namesOf(db: Db, cardNumbers: Iterable<string>): Promise<Map<string, { name: string; nameEn: string }>> {
  const list = [...new Set(cardNumbers)].filter((c) => c && c !== 'system')
  if (list.length === 0) return new Map()
  const rows = await db.select({ cardNumber: people.cardNumber, name: people.name, nameEn: people.nameEn }).from(people).where(inArray(people.cardNumber, list))
  return new Map(rows.map((r) => [r.cardNumber, { name: r.name, nameEn: r.nameEn }]))
}
