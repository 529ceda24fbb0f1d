import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applications, ratings } from '../../db/schema/index.ts'
import { hall, who } from '../applications/test-support.ts'

// The rating rules of issue 7: only the applicant, only once the application ended, only once;
// anonymous to reviewers and owners, never to administrators.

const rate = (over: Record<string, unknown> = {}) => ({ serviceScore: 5, processScore: 4, tags: ['fast'], comment: '很方便', ...over })

describe('POST /api/ratings', () => {
  it('lets the applicant rate once, and only after the application ended', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)

    // In review: too early.
    const early = await h.post(who.student, '/api/ratings', rate({ applicationId: id }))
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('not_finished')
    expect((await h.get(who.student, `/api/ratings/${id}`)).body).toMatchObject({ canRate: false, refusal: 'not_finished', rating: null })

    expect((await h.approve(who.counsellor, id)).status).toBe('completed')
    const page = await h.get(who.student, `/api/ratings/${id}`)
    expect(page.body).toMatchObject({ canRate: true, refusal: null, application: { id, status: 'completed', service: { code: 'undergrad-leave' } } })
    expect(page.body.steps.map((s: { key: string }) => s.key)).toEqual(['counsellor'])

    // Nobody else: a classmate, the reviewer who approved it, the service's owner, an admin.
    for (const card of [who.classmate, who.counsellor, who.studentAffairsOwner, who.admin]) {
      const res = await h.post(card, '/api/ratings', rate({ applicationId: id }))
      expect(res.status, card).toBe(404)
    }
    expect((await h.post(null, '/api/ratings', rate({ applicationId: id }))).status).toBe(401)

    const ok = await h.post(who.student, '/api/ratings', rate({ applicationId: id, stepKey: 'counsellor', tags: ['fast', 'fast', 'fully-online'] }))
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body).toMatchObject({
      applicationId: id,
      serviceCode: 'undergrad-leave',
      serviceScore: 5,
      processScore: 4,
      tags: ['fast', 'fully-online'],
      stepKey: 'counsellor',
      anonymous: false,
    })

    const twice = await h.post(who.student, '/api/ratings', rate({ applicationId: id, serviceScore: 1 }))
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('already_rated')
    const stored = await h.deps.db.select().from(ratings).where(eq(ratings.applicationId, id))
    expect(stored.map((r) => r.serviceScore)).toEqual([5])

    const mine = await h.get(who.student, '/api/ratings?mine=1')
    expect(mine.body.rated.map((r: { applicationId: number }) => r.applicationId)).toContain(id)
    expect(mine.body.toRate.map((r: { applicationId: number }) => r.applicationId)).not.toContain(id)
  })

  it('takes a rejected application too, and refuses bad input with a message per field', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const task = await h.taskOf(who.counsellor, id)
    expect((await h.act(who.counsellor, task.id, { action: 'reject', stateVersion: task.stateVersion, opinion: '理由不充分' })).status).toBe(200)

    const bad = await h.post(who.student, '/api/ratings', { applicationId: id, serviceScore: 6, processScore: 0, tags: ['wonderful'] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['processScore', 'serviceScore', 'tags.0'])
    const wrongStep = await h.post(who.student, '/api/ratings', rate({ applicationId: id, stepKey: 'president' }))
    expect(wrongStep.status).toBe(400)
    expect(wrongStep.body.error.message).toContain('president')

    expect((await h.post(who.student, '/api/ratings', rate({ applicationId: id, serviceScore: 2, processScore: 1 }))).status).toBe(201)
    expect((await h.post(who.student, '/api/ratings', rate({ applicationId: 999999 }))).status).toBe(404)
  })

  it('shows an anonymous rating on its application’s page to administrators and the rater only', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    await h.approve(who.counsellor, id)
    expect((await h.post(who.student, '/api/ratings', rate({ applicationId: id, anonymous: true }))).status).toBe(201)

    const seenBy = async (card: string) => (await h.get(card, `/api/ratings/${id}`)).body
    // The page is the application's: a rating there is linked by its place, so readers who may
    // not link it see the page as if nobody had rated (anonymity.api.test.ts covers the lists).
    expect(await seenBy(who.counsellor)).toMatchObject({ rating: null, canRate: false, refusal: 'not_yours' })
    expect(await seenBy(who.studentAffairsOwner)).toMatchObject({ rating: null, canRate: false, refusal: 'not_yours' })
    expect((await seenBy(who.admin)).rating).toMatchObject({
      applicationId: id,
      serviceScore: 5,
      anonymous: true,
      rater: { cardNumber: who.student, name: '李明轩' },
    })
    expect((await seenBy(who.student)).rating).toMatchObject({ applicationId: id, rater: { cardNumber: who.student } })
    // A stranger learns nothing, not even that the application exists.
    expect((await h.get(who.classmate, `/api/ratings/${id}`)).status).toBe(404)
  })

  it('takes a rating of a past application of the demo history, which has no engine state', async () => {
    const h = await hall()
    const rated = new Set((await h.deps.db.select({ id: ratings.applicationId }).from(ratings)).map((r) => r.id))
    const past = (await h.deps.db.select().from(applications).where(eq(applications.status, 'completed'))).find((a) => !rated.has(a.id))
    expect(past, 'the seed leaves some finished applications to rate').toBeDefined()
    const page = await h.get(past!.applicantCardNumber, `/api/ratings/${past!.id}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ canRate: true, application: { id: past!.id, status: 'completed' } })
    expect((await h.get(past!.applicantCardNumber, '/api/ratings?mine=1')).body.toRate.map((a: { applicationId: number }) => a.applicationId)).toContain(
      past!.id,
    )
    expect((await h.post(past!.applicantCardNumber, '/api/ratings', rate({ applicationId: past!.id }))).status).toBe(201)
  })
})
