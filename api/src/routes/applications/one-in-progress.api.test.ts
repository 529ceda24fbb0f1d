import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applications, serviceVersions } from '../../db/schema/index.ts'
import { isOneInProgressViolation } from './submission.service.ts'
import { hall, who } from './test-support.ts'

// Issue 15.2: "one application in progress" (a version's noneInProgress rule) is held by the
// database, not only by checking before writing, which on PostgreSQL under concurrent nodes let
// 3-4 applications in progress through where the rule is one. The submission marks the rows the
// rule covers; a partial unique index refuses a second one in progress; the refusal reads the
// same on both dialects and becomes a 409 the applicant can act on.

describe('one application in progress, held by the database', () => {
  it('marks an application of a version with the rule, and not one without it', async () => {
    const h = await hall()
    const marked = async (id: number) => (await h.deps.db.select({ one: applications.oneInProgress }).from(applications).where(eq(applications.id, id)))[0]!.one
    const leave = await h.leave(who.student, 2)
    expect(await marked(leave)).toBe(true)
    // The same service without the rule (its version's eligibility as stored): not marked.
    const [version] = await h.deps.db
      .select()
      .from(serviceVersions)
      .where(eq(serviceVersions.id, (await h.deps.db.select().from(applications).where(eq(applications.id, leave)))[0]!.serviceVersionId))
    const rules = (version!.eligibility as Array<{ type: string }>).filter((r) => r.type !== 'noneInProgress')
    expect(rules.length).toBeLessThan(version!.eligibility.length)
    await h.deps.db.update(serviceVersions).set({ eligibility: rules }).where(eq(serviceVersions.id, version!.id))
    await h.deps.db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, leave))
    expect(await marked(await h.leave(who.student, 3))).toBe(false)
  })

  it('refuses a second marked application in progress by the same applicant for the same service, whatever wrote it', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const [first] = await h.deps.db.select().from(applications).where(eq(applications.id, id))
    const { id: _id, referenceNumber: _ref, ...copy } = first!
    // Another node's write that got past the check (as two nodes checking at once would).
    const second = h.deps.db.insert(applications).values({ ...copy, status: 'in_review' })
    const err = await second.then(
      () => null,
      (e: unknown) => e,
    )
    expect(err, 'the database refused it').not.toBeNull()
    expect(isOneInProgressViolation(err)).toBe(true)
    // Not in progress any more (withdrawn, completed, rejected): the next one is welcome.
    await h.deps.db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, id))
    await h.deps.db.insert(applications).values({ ...copy, status: 'in_review' })
  })

  it('does not take an unrelated unique violation for it', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const [row] = await h.deps.db.select().from(applications).where(eq(applications.id, id))
    const err = await h.deps.db
      .insert(applications)
      .values({ ...row!, status: 'withdrawn' })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(err, 'the same id twice is refused').not.toBeNull()
    expect(isOneInProgressViolation(err)).toBe(false)
  })
})
