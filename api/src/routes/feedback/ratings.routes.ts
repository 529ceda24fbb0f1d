import { createRoute, z } from '@hono/zod-openapi'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { transaction, type Db } from '../../db/client.ts'
import { applications, ratings } from '../../db/schema/index.ts'
import type { SessionUser } from '../../lib/context.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { readableApplication } from '../applications/applications.service.ts'
import { ServiceRef, beijingMonth, body, iso, json, personNames, serviceFacts } from './shared.ts'
import { decidedTasks, stepNames } from './steps.ts'

// 满意度评价: after an application is completed or rejected, its applicant rates the service and
// the process (1–5 each), with tags from a fixed list, a comment and, if they like, the step that
// most needs improving. Once per application (a unique index).
//
// Anonymous means anonymous (issue 13): an owner also has the applications export (numbers,
// applicants, dates, steps), so hiding the name is not enough. To anyone but an administrator and
// the rater, an anonymous rating comes without its id, application, exact time and step (the
// month only), is left off the application's own rating page, and is listed in an order that says
// nothing about when it was given (statistics.service.ts).

/** The fixed tag list: codes are stored, the texts are shown. */
export const RATING_TAGS = [
  { code: 'fast', zh: '办理快捷', en: 'Fast', tone: 'good' },
  { code: 'clear-guide', zh: '指南清晰', en: 'Clear guide', tone: 'good' },
  { code: 'helpful-staff', zh: '工作人员热情', en: 'Helpful staff', tone: 'good' },
  { code: 'fully-online', zh: '全程网办', en: 'Fully online', tone: 'good' },
  { code: 'slow', zh: '办理太慢', en: 'Too slow', tone: 'bad' },
  { code: 'too-many-materials', zh: '材料太多', en: 'Too many materials', tone: 'bad' },
  { code: 'unclear-guide', zh: '指南不清楚', en: 'Unclear guide', tone: 'bad' },
  { code: 'repeated-filling', zh: '重复填报', en: 'Same data asked again', tone: 'bad' },
] as const
const TAG_CODES = RATING_TAGS.map((t) => t.code) as [string, ...string[]]

const Score = (what: string) => z.number({ error: `${what} is a whole number from 1 to 5` }).int(`${what} is a whole number from 1 to 5`).min(1, `${what} is at least 1`).max(5, `${what} is at most 5`)

const NewRating = z
  .object({
    applicationId: z.number({ error: 'applicationId (the application rated) is required' }).int().positive(),
    serviceScore: Score('serviceScore'),
    processScore: Score('processScore'),
    tags: z
      .array(z.enum(TAG_CODES, { error: `each tag is one of ${TAG_CODES.join(', ')}` }))
      .max(TAG_CODES.length)
      .default([])
      .transform((tags) => [...new Set(tags)]),
    comment: z.string().trim().max(1000, 'the comment is at most 1000 characters').optional(),
    stepKey: z.string().max(60).optional(),
    anonymous: z.boolean().default(false),
  })
  .openapi('NewRating')

export const RatingView = z
  .object({
    /** This and the other nullable fields below are null for an anonymous rating the reader may not link (see above). */
    id: z.number().nullable(),
    applicationId: z.number().nullable(),
    serviceCode: z.string(),
    serviceScore: z.number(),
    processScore: z.number(),
    tags: z.array(z.string()),
    comment: z.string().nullable(),
    stepKey: z.string().nullable(),
    anonymous: z.boolean(),
    /** Null when anonymous and the reader is not an administrator. */
    rater: z.object({ cardNumber: z.string(), name: z.string() }).nullable(),
    /** The exact time; null when anonymous to the reader. */
    createdAt: z.string().nullable(),
    /** The Beijing month it was given in (`2026-10`), always. */
    month: z.string(),
  })
  .openapi('Rating')

const Tag = z.object({ code: z.string(), zh: z.string(), en: z.string(), tone: z.enum(['good', 'bad']) })
const Step = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() })

const RatingPage = z
  .object({
    application: z.object({ id: z.number(), service: ServiceRef, status: z.string(), finishedAt: z.string().nullable() }),
    steps: z.array(Step),
    tags: z.array(Tag),
    rating: RatingView.nullable(),
    /** Whether I may rate it now; `refusal` says why not. */
    canRate: z.boolean(),
    refusal: z.enum(['not_yours', 'not_finished', 'already_rated']).nullable(),
  })
  .openapi('RatingPage')

const MyRatings = z
  .object({
    /** My finished applications not rated yet, newest first. */
    toRate: z.array(z.object({ applicationId: z.number(), service: ServiceRef, status: z.string(), finishedAt: z.string().nullable() })),
    rated: z.array(RatingView.extend({ service: ServiceRef })),
    tags: z.array(Tag),
  })
  .openapi('MyRatings')

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
    return { id: null, applicationId: null, serviceCode: row.serviceCode, serviceScore: row.serviceScore, processScore: row.processScore, tags: row.tags, comment: row.comment, stepKey: null, anonymous: true, rater: null, createdAt: null, month }
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
export function stepsOf(db: Db, app: { serviceVersionId: number; state: unknown }) {
  const nameOf = stepNames(db, [app.serviceVersionId])
  const seen = new Set<string>()
  return decidedTasks(app.state)
    .filter((t) => (seen.has(t.stepId) ? false : (seen.add(t.stepId), true)))
    .map((t) => ({ key: t.stepId, ...nameOf(app.serviceVersionId, t.stepId) }))
}

const refusalError = (refusal: 'not_yours' | 'not_finished' | 'already_rated', id: number) =>
  refusal === 'not_yours'
    ? new HallError(404, 'not_found', `There is no application ${id} of yours to rate`, `没有你可以评价的申请 ${id}`)
    : refusal === 'not_finished'
      ? new HallError(409, 'not_finished', 'You can rate an application once it is completed or rejected', '申请办结（或未通过）后才能评价')
      : new HallError(409, 'already_rated', 'You have already rated this application; a rating cannot be changed', '你已评价过此申请，评价提交后不能修改')

const router = createRouter()
router.use('/api/ratings', requireUser)
router.use('/api/ratings/*', requireUser)

const AppId = z.coerce.number({ error: 'the application id is a number' }).int().positive().openapi({ param: { name: 'applicationId', in: 'path' }, example: 42 })

export const ratingsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/ratings',
      tags: ['Feedback'],
      summary: 'My ratings, and my finished applications still to rate',
      request: { query: z.object({ mine: z.literal('1', { error: 'mine=1 is required: this list is yours' }) }) },
      responses: { 200: json(MyRatings, 'Mine'), ...errorsFor(400, 401) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const services = serviceFacts(db)
      const ref = (code: string) => {
        const s = services.get(code)
        return { code, nameZh: s?.nameZh ?? code, nameEn: s?.nameEn ?? code }
      }
      const mine = db.select().from(ratings).where(eq(ratings.raterCardNumber, user.cardNumber)).orderBy(desc(ratings.id)).all()
      const ratedIds = new Set(mine.map((r) => r.applicationId))
      const finished = db
        .select({ id: applications.id, serviceCode: applications.serviceCode, status: applications.status, finishedAt: applications.finishedAt })
        .from(applications)
        .where(and(eq(applications.applicantCardNumber, user.cardNumber), inArray(applications.status, ['completed', 'rejected'])))
        .orderBy(desc(applications.finishedAt), desc(applications.id))
        .all()
      const names = personNames(db)
      return c.json(
        {
          toRate: finished.filter((a) => !ratedIds.has(a.id)).map((a) => ({ applicationId: a.id, service: ref(a.serviceCode), status: a.status, finishedAt: iso(a.finishedAt) })),
          rated: mine.map((r) => ({ ...ratingView(r, user, names), service: ref(r.serviceCode) })),
          tags: [...RATING_TAGS],
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/ratings/{applicationId}',
      tags: ['Feedback'],
      summary: "An application's rating page: the rating if there is one, and whether I may rate it",
      description: 'For whoever may read the application. The applicant sees the form; reviewers and owners see the rating unless it is anonymous (administrators see every rating).',
      request: { params: z.object({ applicationId: AppId }) },
      responses: { 200: json(RatingPage, 'The rating page'), ...errorsFor(400, 401, 404) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const id = c.req.valid('param').applicationId
      const row = readableApplication(db, user, id, c.var.deps.now())
      const existing = db.select().from(ratings).where(eq(ratings.applicationId, id)).get() ?? null
      const refusal = policy.ratingRefusal(user, row.app, !!existing)
      return c.json(
        {
          application: {
            id,
            service: { code: row.service.code, nameZh: row.version.nameZh, nameEn: row.version.nameEn },
            status: row.app.status,
            finishedAt: iso(row.app.finishedAt),
          },
          steps: stepsOf(db, row.app),
          tags: [...RATING_TAGS],
          // On the application's own page a rating is linked by its place: an anonymous one is
          // not there for those who may not link it, and its absence looks like no rating at all.
          rating: existing && linkable(existing, user) ? ratingView(existing, user, personNames(db)) : null,
          canRate: refusal === null,
          refusal,
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/ratings',
      tags: ['Feedback'],
      summary: 'Rate a completed or rejected application of mine (once)',
      request: body(NewRating),
      responses: { 201: json(RatingView, 'Rated'), ...errorsFor(400, 401, 404, 409) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const input = c.req.valid('json')
      const now = c.var.deps.now()
      const stored = transaction(db, (tx) => {
        const app = tx.select().from(applications).where(eq(applications.id, input.applicationId)).get()
        const rated = !!app && !!tx.select({ id: ratings.id }).from(ratings).where(eq(ratings.applicationId, app.id)).get()
        const refusal = app ? policy.ratingRefusal(user, app, rated) : 'not_yours'
        if (refusal) throw refusalError(refusal, input.applicationId)
        if (input.stepKey && !stepsOf(tx, app!).some((s) => s.key === input.stepKey)) {
          throw new HallError(400, 'bad_request', `stepKey: "${input.stepKey}" is not a step this application went through`, `stepKey：“${input.stepKey}”不是此申请经过的环节`)
        }
        return tx
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
          .get()
      })
      return c.json(ratingView(stored, user, personNames(db)), 201)
    },
  )
