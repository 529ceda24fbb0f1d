import { createRoute, z } from '@hono/zod-openapi'
import { and, asc, desc, eq, inArray, isNotNull, like, or, type SQL } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { requireUser } from '../../auth/index.ts'
import { transaction, type Db } from '../../db/client.ts'
import { questionMessages, questions } from '../../db/schema/index.ts'
import type { AppEnv, SessionUser } from '../../lib/context.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { clientAddress } from '../../lib/client-address.ts'
import { rateLimit, tooMany } from '../../floods/index.ts'
import { enqueueNotification } from '../../notifications/enqueue.ts'
import { policy } from '../../policy/index.ts'
import { HALL_DEPARTMENT, ServiceRef, body, departmentNames, iso, json, personNames, serviceFacts } from './shared.ts'

// 在线答疑: anyone logged in asks, optionally about a service; the question reaches the service's
// owning department (its service owners), or the network centre when it names no service. Staff
// answer (the asker is notified), the asker follows up or closes, and the owners may publish an
// answered question as a FAQ on the service's guide (GET /api/faqs, no login needed).

const Id = z.coerce.number({ error: 'the question id is a number' }).int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 7 })
const Text = (what: string, max: number) => z.string({ error: `${what} is required` }).trim().min(1, `${what} must not be empty`).max(max, `${what} is at most ${max} characters`)

const NewQuestion = z
  .object({
    title: Text('title', 120),
    body: Text('body', 4000),
    serviceCode: z.string().regex(/^[a-z0-9-]{2,60}$/, 'serviceCode is a service code such as dorm-change').optional(),
  })
  .openapi('NewQuestion')

const Summary = z
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

const Message = z.object({ id: z.number(), side: z.enum(['asker', 'staff']), author: z.object({ cardNumber: z.string(), name: z.string() }), body: z.string(), createdAt: z.string() })

const Detail = Summary.extend({
  body: z.string(),
  messages: z.array(Message),
  faqQuestion: z.string().nullable(),
  faqAnswer: z.string().nullable(),
  /** What I may do with it. */
  can: z.object({ answer: z.boolean(), followUp: z.boolean(), close: z.boolean(), publish: z.boolean() }),
}).openapi('QuestionDetail')

const Faq = z
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

type QuestionRow = typeof questions.$inferSelect

function summaries(db: Db, rows: QuestionRow[]) {
  const services = serviceFacts(db)
  const depts = departmentNames(db)
  const names = personNames(db)
  return rows.map((q) => {
    const s = q.serviceCode ? services.get(q.serviceCode) : undefined
    const d = q.departmentCode ? depts.get(q.departmentCode) : undefined
    return {
      id: q.id,
      title: q.title,
      status: q.status,
      serviceCode: q.serviceCode,
      service: s ? { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn } : null,
      department: d && q.departmentCode ? { code: q.departmentCode, ...d } : null,
      asker: { cardNumber: q.askerCardNumber, name: names.get(q.askerCardNumber)?.name ?? q.askerCardNumber },
      faq: q.faqPublishedAt !== null,
      createdAt: q.createdAt.toISOString(),
      updatedAt: iso(q.updatedAt),
    }
  })
}

const notFound = (id: number) => new HallError(404, 'not_found', `There is no question ${id} that you can see`, `没有你可以查看的问题 ${id}`)

/** The question, or a 404 when it does not exist or is not `user`'s to read. */
function readable(db: Db, user: SessionUser, id: number): QuestionRow {
  const q = db.select().from(questions).where(eq(questions.id, id)).get()
  if (!q || !policy.canReadQuestion(user, q)) throw notFound(id)
  return q
}

function detail(db: Db, user: SessionUser, q: QuestionRow): z.infer<typeof Detail> {
  const names = personNames(db)
  const messages = db.select().from(questionMessages).where(eq(questionMessages.questionId, q.id)).orderBy(asc(questionMessages.id)).all()
  const staff = policy.canAnswerQuestion(user, q.departmentCode)
  return {
    ...summaries(db, [q])[0]!,
    body: q.body,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side,
      author: { cardNumber: m.authorCardNumber, name: names.get(m.authorCardNumber)?.name ?? m.authorCardNumber },
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    faqQuestion: q.faqQuestion,
    faqAnswer: q.faqAnswer,
    can: {
      answer: staff && q.status !== 'closed',
      followUp: q.askerCardNumber === user.cardNumber && q.status !== 'closed',
      close: policy.canCloseQuestion(user, q) && q.status !== 'closed',
      publish: policy.canPublishFaq(user, q.departmentCode) && q.serviceCode !== null && messages.some((m) => m.side === 'staff'),
    },
  }
}

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

/**
 * Floods: the asker's follow-up counts as a question (per person and per address); the staff's
 * answers are their work and are not limited. Whether it is the asker's is known from the
 * question itself (an id that is not a number, or not readable, is left to the route's 400/404).
 */
const limitFollowUps = createMiddleware<AppEnv>(async (c, next) => {
  const { db, env } = c.var.deps
  const user = c.var.user!
  const id = Number(c.req.param('id'))
  const asker = Number.isSafeInteger(id) && id > 0 ? db.select({ asker: questions.askerCardNumber }).from(questions).where(eq(questions.id, id)).get()?.asker : undefined
  if (asker === user.cardNumber) {
    const refusal = await c.var.guards.rateLimits.take('question', clientAddress(c, env.trustProxyHops), user.cardNumber)
    if (refusal) return tooMany(c, refusal)
  }
  await next()
})

const router = createRouter()
router.use('/api/questions', requireUser)
router.use('/api/questions/*', requireUser)

export const questionsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/questions',
      tags: ['Feedback'],
      summary: 'My questions (mine=1), or the questions my departments answer (box=inbox)',
      request: {
        query: z.object({
          mine: z.literal('1').optional(),
          box: z.literal('inbox').optional(),
          status: z.enum(['open', 'answered', 'closed']).optional(),
          q: z.string().trim().max(100).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(Summary), total: z.number().int() }), 'The questions, newest first'), ...errorsFor(400, 401) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const query = c.req.valid('query')
      if (!query.mine === !query.box) {
        throw new HallError(400, 'bad_request', 'Say which list: mine=1 (your questions) or box=inbox (questions to your departments)', '请指定列表：mine=1（我的提问）或 box=inbox（本部门待答）')
      }
      const where: SQL[] = []
      if (query.mine) where.push(eq(questions.askerCardNumber, user.cardNumber))
      else {
        const depts = policy.questionDepartments(user)
        if (depts !== '*') {
          if (!depts.length) return c.json({ items: [], total: 0 }, 200)
          where.push(inArray(questions.departmentCode, depts))
        }
      }
      if (query.status) where.push(eq(questions.status, query.status))
      if (query.q) where.push(or(like(questions.title, likeText(query.q)), like(questions.body, likeText(query.q)))!)
      const rows = db.select().from(questions).where(and(...where)).orderBy(desc(questions.id)).limit(200).all()
      return c.json({ items: summaries(db, rows), total: rows.length }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/questions',
      tags: ['Feedback'],
      summary: 'Ask a question, optionally about a service',
      middleware: [rateLimit('question')] as const,
      request: body(NewQuestion),
      responses: { 201: json(Detail, 'Asked: it reaches the service’s department, or the network centre'), ...errorsFor(400, 401, 404, 429) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const input = c.req.valid('json')
      let departmentCode = HALL_DEPARTMENT
      if (input.serviceCode) {
        const s = serviceFacts(db).get(input.serviceCode)
        if (!s) throw new HallError(404, 'not_found', `There is no service "${input.serviceCode}" in the catalog`, `服务目录中没有“${input.serviceCode}”这项服务`)
        departmentCode = s.ownerDepartmentCode
      }
      const now = c.var.deps.now()
      const q = db
        .insert(questions)
        .values({ askerCardNumber: user.cardNumber, serviceCode: input.serviceCode ?? null, departmentCode, title: input.title, body: input.body, status: 'open', createdAt: now, updatedAt: now })
        .returning()
        .get()
      return c.json(detail(db, user, q), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/questions/{id}',
      tags: ['Feedback'],
      summary: 'A question with its thread (for its asker and the staff who answer it)',
      request: { params: z.object({ id: Id }) },
      responses: { 200: json(Detail, 'The question'), ...errorsFor(400, 401, 404) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      return c.json(detail(db, user, readable(db, user, c.req.valid('param').id)), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/questions/{id}/messages',
      tags: ['Feedback'],
      summary: 'Answer (staff) or follow up (the asker)',
      description: 'An answer marks the question answered and notifies the asker; a follow-up opens it again for the staff.',
      middleware: [limitFollowUps] as const,
      request: { params: z.object({ id: Id }), ...body(z.object({ body: Text('body', 4000) })) },
      responses: { 201: json(Detail, 'Added'), ...errorsFor(400, 401, 403, 404, 409, 429) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const id = c.req.valid('param').id
      const text = c.req.valid('json').body
      const now = c.var.deps.now()
      const q = transaction(db, (tx) => {
        const q = readable(tx, user, id)
        if (q.status === 'closed') throw new HallError(409, 'question_closed', 'This question is closed; ask a new one', '此问题已关闭，如有疑问请重新提问')
        // The asker's own words are a follow-up even when they are staff of that department too.
        const side = q.askerCardNumber === user.cardNumber ? 'asker' : 'staff'
        if (side === 'staff' && !policy.canAnswerQuestion(user, q.departmentCode)) throw notFound(id)
        tx.insert(questionMessages).values({ questionId: id, authorCardNumber: user.cardNumber, side, body: text, createdAt: now }).run()
        tx.update(questions).set({ status: side === 'staff' ? 'answered' : 'open', updatedAt: now }).where(eq(questions.id, id)).run()
        if (side === 'staff') {
          enqueueNotification(
            tx,
            {
              recipient: q.askerCardNumber,
              kind: 'question_answered',
              titleZh: `您的提问“${q.title}”有了回复`,
              titleEn: `Your question "${q.title}" has an answer`,
              link: `/feedback/questions/${id}`,
              payload: { questionId: id, serviceCode: q.serviceCode },
            },
            now,
          )
        }
        return tx.select().from(questions).where(eq(questions.id, id)).get()!
      })
      return c.json(detail(db, user, q), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/questions/{id}/close',
      tags: ['Feedback'],
      summary: 'Close a question (its asker, or the staff who answer it)',
      request: { params: z.object({ id: Id }) },
      responses: { 200: json(Detail, 'Closed (closing twice is harmless)'), ...errorsFor(401, 403, 404) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const id = c.req.valid('param').id
      const q = readable(db, user, id)
      if (!policy.canCloseQuestion(user, q)) throw new HallError(403, 'forbidden', 'Only the asker or the answering staff can close a question', '只有提问人或答疑人员可以关闭问题')
      db.update(questions).set({ status: 'closed', updatedAt: c.var.deps.now() }).where(eq(questions.id, id)).run()
      return c.json(detail(db, user, readable(db, user, id)), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/questions/{id}/faq',
      tags: ['Feedback'],
      summary: "Publish an answered question as a FAQ on its service's guide, or take it down",
      request: {
        params: z.object({ id: Id }),
        ...body(
          z.object({
            published: z.boolean({ error: 'published (true to publish, false to take down) is required' }),
            question: Text('question', 200).optional(),
            answer: Text('answer', 4000).optional(),
          }),
        ),
      },
      responses: { 200: json(Detail, 'Done'), ...errorsFor(400, 401, 403, 404, 409) },
    }),
    (c) => {
      const { db } = c.var.deps
      const user = c.var.user!
      const id = c.req.valid('param').id
      const input = c.req.valid('json')
      const now = c.var.deps.now()
      transaction(db, (tx) => {
        const q = readable(tx, user, id)
        if (!policy.canPublishFaq(user, q.departmentCode)) throw new HallError(403, 'forbidden', "Only the service's owners can publish its FAQ", '只有服务的负责部门可以发布常见问题')
        if (!input.published) {
          tx.update(questions).set({ faqPublishedAt: null, faqPublishedBy: null, updatedAt: now }).where(eq(questions.id, id)).run()
          return
        }
        if (!q.serviceCode) throw new HallError(409, 'no_service', 'A FAQ is shown on a service’s guide: this question names no service', '常见问题显示在服务指南中，此问题未关联服务')
        const answers = tx.select().from(questionMessages).where(and(eq(questionMessages.questionId, id), eq(questionMessages.side, 'staff'))).orderBy(desc(questionMessages.id)).all()
        if (!answers.length && !input.answer) throw new HallError(409, 'not_answered', 'Answer the question before publishing it as a FAQ', '请先回复问题，再发布为常见问题')
        tx.update(questions)
          .set({
            faqQuestion: input.question ?? q.faqQuestion ?? q.title,
            faqAnswer: input.answer ?? q.faqAnswer ?? answers[0]!.body,
            faqPublishedAt: now,
            faqPublishedBy: user.cardNumber,
            updatedAt: now,
          })
          .where(eq(questions.id, id))
          .run()
      })
      return c.json(detail(db, user, readable(db, user, id)), 200)
    },
  )

/** The published FAQ: public like the service guide it is shown on. */
export const faqRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/api/faqs',
    tags: ['Feedback'],
    summary: 'Published FAQ, of one service or all, searchable',
    request: {
      query: z.object({
        serviceCode: z.string().regex(/^[a-z0-9-]{2,60}$/, 'serviceCode is a service code such as dorm-change').optional(),
        q: z.string().trim().max(100).optional(),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(Faq) }), 'Newest first'), ...errorsFor(400) },
  }),
  (c) => {
    const { db } = c.var.deps
    const query = c.req.valid('query')
    const where: SQL[] = [isNotNull(questions.faqPublishedAt)]
    if (query.serviceCode) where.push(eq(questions.serviceCode, query.serviceCode))
    if (query.q) {
      const text = likeText(query.q)
      where.push(or(like(questions.faqQuestion, text), like(questions.faqAnswer, text), like(questions.faqQuestionEn, text), like(questions.faqAnswerEn, text))!)
    }
    const rows = db.select().from(questions).where(and(...where)).orderBy(desc(questions.faqPublishedAt)).limit(200).all()
    const services = serviceFacts(db)
    return c.json(
      {
        items: rows.map((q) => {
          const s = q.serviceCode ? services.get(q.serviceCode) : undefined
          return { id: q.id, service: s ? { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn } : null, question: q.faqQuestion ?? q.title, answer: q.faqAnswer ?? '', questionEn: q.faqQuestionEn, answerEn: q.faqAnswerEn, publishedAt: q.faqPublishedAt!.toISOString() }
        }),
      },
      200,
    )
  },
)
