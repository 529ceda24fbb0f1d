import { z } from '@hono/zod-openapi'

// Every request and response shape of the feedback routes (ratings, the Q&A and its FAQ,
// statistics and their exports), in one place; the routes validate with these and the
// micro-frontends are typed from the routes (Hono RPC), never from a copy.

export const ServiceRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).openapi('FeedbackServiceRef')

// ------------------------------------------------------------------------------ the Q&A and FAQ

export const QuestionId = z.coerce
  .number({ error: 'the question id is a number' })
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' }, example: 7 })
export const Text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is at most ${max} characters`)

export const NewQuestion = z
  .object({
    title: Text('title', 120),
    body: Text('body', 4000),
    serviceCode: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/, 'serviceCode is a service code such as dorm-change')
      .optional(),
  })
  .openapi('NewQuestion')

export const QuestionSummary = z
  .object({
    id: z.number(),
    title: z.string(),
    status: z.enum(['open', 'answered', 'closed']),
    serviceCode: z.string().nullable(),
    service: ServiceRef.nullable(),
    department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    asker: z.object({ cardNumber: z.string(), name: z.string() }),
    faq: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi('QuestionSummary')

export const QuestionMessage = z.object({
  id: z.number(),
  side: z.enum(['asker', 'staff']),
  author: z.object({ cardNumber: z.string(), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
})

export const QuestionDetail = QuestionSummary.extend({
  body: z.string(),
  messages: z.array(QuestionMessage),
  faqQuestion: z.string().nullable(),
  faqAnswer: z.string().nullable(),
  /** The FAQ in English, shown to people reading the hall in English (null: the Chinese is shown). */
  faqQuestionEn: z.string().nullable(),
  faqAnswerEn: z.string().nullable(),
  /** What I may do with it. */
  can: z.object({ answer: z.boolean(), followUp: z.boolean(), close: z.boolean(), publish: z.boolean() }),
}).openapi('QuestionDetail')

/**
 * Publishing a FAQ: the texts shown, edited if the owners like. The English pair is optional and
 * goes together: an English question with a Chinese answer would read as a mistake. An empty
 * English text removes it.
 */
export const PublishFaq = z
  .object({
    published: z.boolean({ error: 'published (true to publish, false to take down) is required' }),
    question: Text('question', 200).optional(),
    answer: Text('answer', 4000).optional(),
    questionEn: z.string().trim().max(200, 'questionEn is at most 200 characters').optional(),
    answerEn: z.string().trim().max(4000, 'answerEn is at most 4000 characters').optional(),
  })
  .refine((b) => (b.questionEn === undefined) === (b.answerEn === undefined) && !b.questionEn === !b.answerEn, {
    message: 'Give the question and the answer in English together (both, or both empty to remove them)',
    path: ['questionEn'],
  })

export const Faq = z
  .object({
    id: z.number(),
    service: ServiceRef.nullable(),
    question: z.string(),
    answer: z.string(),
    questionEn: z.string().nullable().openapi({ description: 'The question in English, where there is one' }),
    answerEn: z.string().nullable().openapi({ description: 'The answer in English, where there is one' }),
    publishedAt: z.string(),
  })
  .openapi('Faq')

export const QuestionParams = z.object({ id: QuestionId })
export const NewMessage = z.object({ body: Text('body', 4000) })
export const QuestionsQuery = z.object({
  mine: z.literal('1').optional(),
  box: z.literal('inbox').optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
  q: z.string().trim().max(100).optional(),
})
export const QuestionList = z.object({ items: z.array(QuestionSummary), total: z.number().int() })
export const FaqQuery = z.object({
  serviceCode: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, 'serviceCode is a service code such as dorm-change')
    .optional(),
  q: z.string().trim().max(100).optional(),
})
export const FaqList = z.object({ items: z.array(Faq) })

// ------------------------------------------------------------------------------ ratings

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

export const Score = (what: string) =>
  z
    .number({ error: `${what} is a whole number from 1 to 5` })
    .int(`${what} is a whole number from 1 to 5`)
    .min(1, `${what} is at least 1`)
    .max(5, `${what} is at most 5`)

export const NewRating = z
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

export const Tag = z.object({ code: z.string(), zh: z.string(), en: z.string(), tone: z.enum(['good', 'bad']) })
export const Step = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() })

export const RatingPage = z
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

export const MyRatings = z
  .object({
    /** My finished applications not rated yet, newest first. */
    toRate: z.array(z.object({ applicationId: z.number(), service: ServiceRef, status: z.string(), finishedAt: z.string().nullable() })),
    rated: z.array(RatingView.extend({ service: ServiceRef })),
    tags: z.array(Tag),
  })
  .openapi('MyRatings')

export const AppId = z.coerce
  .number({ error: 'the application id is a number' })
  .int()
  .positive()
  .openapi({ param: { name: 'applicationId', in: 'path' }, example: 42 })
export const RatingParams = z.object({ applicationId: AppId })
export const MyRatingsQuery = z.object({ mine: z.literal('1', { error: 'mine=1 is required: this list is yours' }) })

// ------------------------------------------------------------------------------ statistics

export const Day = (what: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what} is a date YYYY-MM-DD`)
export const Code = z.string().regex(/^[a-z0-9-]{2,60}$/, 'a code such as student-affairs')

export const FiltersQuery = z.object({
  from: Day('from').optional().openapi({ description: 'First day (Beijing), default 180 days ago' }),
  to: Day('to').optional().openapi({ description: 'Last day (Beijing), inclusive; default today' }),
  granularity: z.enum(['month', 'week'], { error: 'granularity is month or week' }).default('month'),
  departmentCode: Code.optional(),
  serviceCode: Code.optional(),
})
export type FiltersInput = z.infer<typeof FiltersQuery>
export const ExportBody = FiltersQuery.extend({ kind: z.enum(['figures', 'applications'], { error: 'kind is figures or applications' }) })

export const Num = z.number().nullable()
export const StepRow = z.object({ serviceCode: z.string(), stepKey: z.string(), nameZh: z.string(), nameEn: z.string() })

export const Statistics = z
  .object({
    filters: z.object({
      from: z.string(),
      to: z.string(),
      granularity: z.enum(['month', 'week']),
      departmentCode: z.string().nullable(),
      serviceCode: z.string().nullable(),
    }),
    scope: z.object({
      all: z.boolean(),
      departments: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      services: z.array(ServiceRef.extend({ departmentCode: z.string() })),
    }),
    totals: z.object({
      submitted: z.number(),
      completed: z.number(),
      rejected: z.number(),
      withdrawn: z.number(),
      inProgress: z.number(),
      completionRate: Num,
      ratings: z.number(),
      avgService: Num,
      avgProcess: Num,
      overdueNow: z.number(),
    }),
    periods: z.array(
      z.object({
        period: z.string(),
        submitted: z.number(),
        completed: z.number(),
        rejected: z.number(),
        withdrawn: z.number(),
        ratings: z.number(),
        avgService: Num,
        avgProcess: Num,
      }),
    ),
    steps: z.array(StepRow.extend({ count: z.number(), medianHours: Num, p90Hours: Num })),
    overdue: z.array(StepRow.extend({ count: z.number() })),
    worstSteps: z.array(StepRow.extend({ ratings: z.number(), avgProcess: z.number() })),
    byService: z.array(
      z.object({
        serviceCode: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        departmentCode: z.string(),
        submitted: z.number(),
        completed: z.number(),
        completionRate: Num,
        ratings: z.number(),
        avgService: Num,
        avgProcess: Num,
      }),
    ),
    recentRatings: z.array(RatingView.extend({ service: ServiceRef })),
  })
  .openapi('Statistics')

export const ExportJob = z
  .object({
    id: z.number(),
    kind: z.enum(['figures', 'applications']),
    status: z.enum(['running', 'done', 'failed']),
    done: z.number(),
    total: z.number(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** Where to download the file once `status` is `done`. */
    fileUrl: z.string().nullable(),
  })
  .openapi('StatisticsExport')

export const ExportId = z.coerce
  .number({ error: 'the export id is a number' })
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' }, example: 3 })
export const ExportParams = z.object({ id: ExportId })
