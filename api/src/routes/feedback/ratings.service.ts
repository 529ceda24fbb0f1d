import type { z } from '@hono/zod-openapi'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { applications, ratings } from '../../db/schema/index.ts'
import type { SessionUser } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { readableApplication } from '../applications/applications.service.ts'
import { RATING_TAGS, type NewRating, type RatingView } from './feedback.schemas.ts'
import { beijingMonth, decidedTasks, iso, personNames, serviceFacts, stepNames } from './feedback.service.ts'

// 满意度评价: after an application is completed or rejected, its applicant rates the service and
// the process (1–5 each), with tags from a fixed list, a comment and, if they like, the step that
// most needs improving. Once per application (a unique index).
//
// Anonymous means anonymous (issue 13): an owner also has the applications export (numbers,
// applicants, dates, steps), so hiding the name is not enough. To anyone but an administrator and
// the rater, an anonymous rating comes without its id, application, exact time and step (the
// month only), is left off the application's own rating page, and is listed in an order that says
// nothing about when it was given (statistics.service.ts).

type RatingRow = typeof ratings.$inferSelect

/** Whether `user` may see everything of the rating, including what links it to its application. */
export const linkable = (row: RatingRow, user: SessionUser | null) => policy.canSeeRater(user, row)

/**
 * A rating as `user` may see it. Anonymous, to anyone but an administrator and the rater: no
 * author, and nothing an applications export could join on (id, application, exact time, step).
 */
export function ratingView(row: RatingRow, user: SessionUser | null, names: Map<string, { name: string }>): z.infer<typeof RatingView> {
  const month = beijingMonth(row.createdAt)
  if (!linkable(row, user)) {
    return {
      id: null,
      applicationId: null,
      serviceCode: row.serviceCode,
      serviceScore: row.serviceScore,
      processScore: row.processScore,
      tags: row.tags,
      comment: row.comment,
      stepKey: null,
      anonymous: true,
      rater: null,
      createdAt: null,
      month,
    }
  }
  return {
    id: row.id,
    applicationId: row.applicationId,
    serviceCode: row.serviceCode,
    serviceScore: row.serviceScore,
    processScore: row.processScore,
    tags: row.tags,
    comment: row.comment,
    stepKey: row.stepKey,
    anonymous: row.anonymous,
    rater: policy.canSeeRater(user, row) ? { cardNumber: row.raterCardNumber, name: names.get(row.raterCardNumber)?.name ?? row.raterCardNumber } : null,
    createdAt: row.createdAt.toISOString(),
    month,
  }
}

/** The steps an application went through (decided in its engine state), for "which step could be better". */
export async function stepsOf(db: Db, app: { serviceVersionId: number; state: unknown }) {
  const nameOf = await stepNames(db, [app.serviceVersionId])
  const seen = new Set<string>()
  return decidedTasks(app.state)
    .filter((t) => (seen.has(t.stepId) ? false : (seen.add(t.stepId), true)))
    .map((t) => ({ key: t.stepId, ...nameOf(app.serviceVersionId, t.stepId) }))
}

const refusalError = (refusal: 'not_yours' | 'not_finished' | 'already_rated', id: number) =>
  refusal === 'not_yours'
    ? new HallError(404, 'not_found', `There is no application ${id} of yours to rate`, `没有您可以评价的申请 ${id}`)
    : refusal === 'not_finished'
      ? new HallError(409, 'not_finished', 'You can rate an application once it is completed or rejected', '申请办结（或未通过）后才能评价')
      : new HallError(409, 'already_rated', 'You have already rated this application; a rating cannot be changed', '您已评价过此申请，评价提交后不能修改')

/** My ratings, and my finished applications still to rate. */
export async function myRatings(db: Db, user: SessionUser) {
  const services = await serviceFacts(db)
  const ref = (code: string) => {
    const s = services.get(code)
    return { code, nameZh: s?.nameZh ?? code, nameEn: s?.nameEn ?? code }
  }
  const mine = await db.select().from(ratings).where(eq(ratings.raterCardNumber, user.cardNumber)).orderBy(desc(ratings.id))
  const ratedIds = new Set(mine.map((r) => r.applicationId))
  const finished = await db
    .select({ id: applications.id, serviceCode: applications.serviceCode, status: applications.status, finishedAt: applications.finishedAt })
    .from(applications)
    .where(and(eq(applications.applicantCardNumber, user.cardNumber), inArray(applications.status, ['completed', 'rejected'])))
    .orderBy(desc(applications.finishedAt), desc(applications.id))
  const names = await personNames(db)
  return {
    toRate: finished
      .filter((a) => !ratedIds.has(a.id))
      .map((a) => ({ applicationId: a.id, service: ref(a.serviceCode), status: a.status, finishedAt: iso(a.finishedAt) })),
    rated: mine.map((r) => ({ ...ratingView(r, user, names), service: ref(r.serviceCode) })),
    tags: [...RATING_TAGS],
  }
}

/** An application's rating page: the rating if `user` may see it, and whether they may rate it. */
export async function ratingPage(db: Db, user: SessionUser, id: number, now: Date) {
  const row = await readableApplication(db, user, id, now)
  const existing = (await db.select().from(ratings).where(eq(ratings.applicationId, id)))[0] ?? null
  const refusal = policy.ratingRefusal(user, row.app, !!existing)
  return {
    application: {
      id,
      service: { code: row.service.code, nameZh: row.version.nameZh, nameEn: row.version.nameEn },
      status: row.app.status,
      finishedAt: iso(row.app.finishedAt),
    },
    steps: await stepsOf(db, row.app),
    tags: [...RATING_TAGS],
    // On the application's own page a rating is linked by its place: an anonymous one is
    // not there for those who may not link it, and its absence looks like no rating at all.
    rating: existing && linkable(existing, user) ? ratingView(existing, user, await personNames(db)) : null,
    canRate: refusal === null,
    refusal,
  }
}

/** Rates a completed or rejected application of `user`'s, once. */
export async function rate(db: Db, user: SessionUser, input: z.infer<typeof NewRating>, now: Date): Promise<z.infer<typeof RatingView>> {
  const stored = await transaction(db, async (tx) => {
    const app = (await tx.select().from(applications).where(eq(applications.id, input.applicationId)))[0]
    const rated = !!app && !!(await tx.select({ id: ratings.id }).from(ratings).where(eq(ratings.applicationId, app.id)))[0]
    const refusal = app ? policy.ratingRefusal(user, app, rated) : 'not_yours'
    if (refusal) throw refusalError(refusal, input.applicationId)
    if (input.stepKey && !(await stepsOf(tx, app!)).some((s) => s.key === input.stepKey)) {
      throw new HallError(
        400,
        'bad_request',
        `stepKey: "${input.stepKey}" is not a step this application went through`,
        `stepKey：“${input.stepKey}”不是此申请经过的环节`,
      )
    }
    return (
      await tx
        .insert(ratings)
        .values({
          applicationId: app!.id,
          serviceCode: app!.serviceCode,
          raterCardNumber: user.cardNumber,
          serviceScore: input.serviceScore,
          processScore: input.processScore,
          tags: input.tags,
          comment: input.comment || null,
          stepKey: input.stepKey ?? null,
          anonymous: input.anonymous,
          createdAt: now,
        })
        .returning()
    )[0]!
  })
  return ratingView(stored, user, await personNames(db))
}
