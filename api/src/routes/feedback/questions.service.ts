import type { z } from '@hono/zod-openapi'
import { and, asc, desc, eq, inArray, isNotNull, like, or, type SQL } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { questionMessages, questions } from '../../db/schema/index.ts'
import type { SessionUser } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { enqueueNotification } from '../../notifications/enqueue.ts'
import { policy } from '../../policy/index.ts'
import { bumpCatalogRevision } from '../catalog/catalog.service.ts'
import { HALL_DEPARTMENT, departmentNames, iso, personNames, serviceFacts } from './feedback.service.ts'
import type { Faq, NewQuestion, QuestionDetail, QuestionSummary } from './feedback.schemas.ts'

// 在线答疑: the queries and transactions behind questions.routes.ts. A question reaches the
// service's owning department (its service owners), or the network centre when it names no
// service; staff answer (the asker is notified), the asker follows up or closes, and the owners
// may publish an answered question as a FAQ on the service's guide.

type QuestionRow = typeof questions.$inferSelect

async function summaries(db: Db, rows: QuestionRow[]): Promise<z.infer<typeof QuestionSummary>[]> {
  const services = await serviceFacts(db)
  const depts = await departmentNames(db)
  const names = await personNames(db)
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

const notFound = (id: number) => new HallError(404, 'not_found', `There is no question ${id} that you can see`, `没有您可以查看的问题 ${id}`)

/** The question, or a 404 when it does not exist or is not `user`'s to read. */
async function readable(db: Db, user: SessionUser, id: number): Promise<QuestionRow> {
  const q = (await db.select().from(questions).where(eq(questions.id, id)))[0]
  if (!q || !policy.canReadQuestion(user, q)) throw notFound(id)
  return q
}

async function detail(db: Db, user: SessionUser, q: QuestionRow): Promise<z.infer<typeof QuestionDetail>> {
  const names = await personNames(db)
  const messages = await db.select().from(questionMessages).where(eq(questionMessages.questionId, q.id)).orderBy(asc(questionMessages.id))
  const staff = policy.canAnswerQuestion(user, q.departmentCode)
  return {
    ...(await summaries(db, [q]))[0]!,
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
    faqQuestionEn: q.faqQuestionEn,
    faqAnswerEn: q.faqAnswerEn,
    can: {
      answer: staff && q.status !== 'closed',
      followUp: q.askerCardNumber === user.cardNumber && q.status !== 'closed',
      close: policy.canCloseQuestion(user, q) && q.status !== 'closed',
      publish: policy.canPublishFaq(user, q.departmentCode) && q.serviceCode !== null && messages.some((m) => m.side === 'staff'),
    },
  }
}

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

/** The asker of a question, if it exists (for the follow-up flood limit; no permission check). */
export async function askerOf(db: Db, id: number): Promise<string | undefined> {
  return (await db.select({ asker: questions.askerCardNumber }).from(questions).where(eq(questions.id, id)))[0]?.asker
}

export interface QuestionListQuery {
  mine?: '1' | undefined
  box?: 'inbox' | undefined
  status?: 'open' | 'answered' | 'closed' | undefined
  q?: string | undefined
}

/** My questions, or those my departments answer: newest first, at most 200. */
export async function listQuestions(db: Db, user: SessionUser, query: QuestionListQuery) {
  if (!query.mine === !query.box) {
    throw new HallError(
      400,
      'bad_request',
      'Say which list: mine=1 (your questions) or box=inbox (questions to your departments)',
      '请指定列表：mine=1（我的提问）或 box=inbox（本部门待答）',
    )
  }
  const where: SQL[] = []
  if (query.mine) where.push(eq(questions.askerCardNumber, user.cardNumber))
  else {
    const depts = policy.questionDepartments(user)
    if (depts !== '*') {
      if (!depts.length) return { items: [], total: 0 }
      where.push(inArray(questions.departmentCode, depts))
    }
  }
  if (query.status) where.push(eq(questions.status, query.status))
  if (query.q) where.push(or(like(questions.title, likeText(query.q)), like(questions.body, likeText(query.q)))!)
  const rows = await db
    .select()
    .from(questions)
    .where(and(...where))
    .orderBy(desc(questions.id))
    .limit(200)
  return { items: await summaries(db, rows), total: rows.length }
}

/** Asks a question; it reaches the service's department, or the network centre. */
export async function askQuestion(db: Db, user: SessionUser, input: z.infer<typeof NewQuestion>, now: Date) {
  let departmentCode = HALL_DEPARTMENT
  if (input.serviceCode) {
    const s = (await serviceFacts(db)).get(input.serviceCode)
    if (!s) throw new HallError(404, 'not_found', `There is no service "${input.serviceCode}" in the catalog`, `服务目录中没有“${input.serviceCode}”这项服务`)
    departmentCode = s.ownerDepartmentCode
  }
  const q = (
    await transaction(db, async (tx) =>
      tx
        .insert(questions)
        .values({
          askerCardNumber: user.cardNumber,
          serviceCode: input.serviceCode ?? null,
          departmentCode,
          title: input.title,
          body: input.body,
          status: 'open',
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    )
  )[0]!
  return await detail(db, user, q)
}

export async function questionDetail(db: Db, user: SessionUser, id: number) {
  return await detail(db, user, await readable(db, user, id))
}

/** A staff answer (the question is answered, the asker notified) or the asker's follow-up (open again). */
export async function addMessage(db: Db, user: SessionUser, id: number, text: string, now: Date) {
  const q = await transaction(db, async (tx) => {
    const q = await readable(tx, user, id)
    if (q.status === 'closed') throw new HallError(409, 'question_closed', 'This question is closed; ask a new one', '此问题已关闭，如有疑问请重新提问')
    // The asker's own words are a follow-up even when they are staff of that department too.
    const side = q.askerCardNumber === user.cardNumber ? 'asker' : 'staff'
    if (side === 'staff' && !policy.canAnswerQuestion(user, q.departmentCode)) throw notFound(id)
    await tx.insert(questionMessages).values({ questionId: id, authorCardNumber: user.cardNumber, side, body: text, createdAt: now })
    await tx
      .update(questions)
      .set({ status: side === 'staff' ? 'answered' : 'open', updatedAt: now })
      .where(eq(questions.id, id))
    if (side === 'staff') {
      await enqueueNotification(
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
    return (await tx.select().from(questions).where(eq(questions.id, id)))[0]!
  })
  return await detail(db, user, q)
}

export async function closeQuestion(db: Db, user: SessionUser, id: number, now: Date) {
  const q = await readable(db, user, id)
  if (!policy.canCloseQuestion(user, q))
    throw new HallError(403, 'forbidden', 'Only the asker or the answering staff can close a question', '只有提问人或答疑人员可以关闭问题')
  await transaction(db, async (tx) => tx.update(questions).set({ status: 'closed', updatedAt: now }).where(eq(questions.id, id)))
  return await detail(db, user, await readable(db, user, id))
}

/** Publishes an answered question as a FAQ on its service's guide, or takes it down. */
export async function setFaq(
  db: Db,
  user: SessionUser,
  id: number,
  input: { published: boolean; question?: string | undefined; answer?: string | undefined; questionEn?: string | undefined; answerEn?: string | undefined },
  now: Date,
) {
  await transaction(db, async (tx) => {
    const q = await readable(tx, user, id)
    if (!policy.canPublishFaq(user, q.departmentCode))
      throw new HallError(403, 'forbidden', "Only the service's owners can publish its FAQ", '只有服务的负责部门可以发布常见问题')
    if (!input.published) {
      await tx.update(questions).set({ faqPublishedAt: null, faqPublishedBy: null, updatedAt: now }).where(eq(questions.id, id))
      // The catalog's search covers published FAQs.
      await bumpCatalogRevision(tx)
      return
    }
    if (!q.serviceCode)
      throw new HallError(
        409,
        'no_service',
        'A FAQ is shown on a service’s guide: this question names no service',
        '常见问题显示在服务指南中，此问题未关联服务',
      )
    const answers = await tx
      .select()
      .from(questionMessages)
      .where(and(eq(questionMessages.questionId, id), eq(questionMessages.side, 'staff')))
      .orderBy(desc(questionMessages.id))
    if (!answers.length && !input.answer)
      throw new HallError(409, 'not_answered', 'Answer the question before publishing it as a FAQ', '请先回复问题，再发布为常见问题')
    await tx
      .update(questions)
      .set({
        faqQuestion: input.question ?? q.faqQuestion ?? q.title,
        faqAnswer: input.answer ?? q.faqAnswer ?? answers[0]!.body,
        // Sent: what the owners wrote (empty removes it); not sent: the English kept as it was.
        ...(input.questionEn === undefined ? {} : { faqQuestionEn: input.questionEn || null, faqAnswerEn: input.answerEn || null }),
        faqPublishedAt: now,
        faqPublishedBy: user.cardNumber,
        updatedAt: now,
      })
      .where(eq(questions.id, id))
    await bumpCatalogRevision(tx)
  })
  return await detail(db, user, await readable(db, user, id))
}

/** The published FAQ, of one service or all, newest first. */
export async function listFaqs(db: Db, query: { serviceCode?: string | undefined; q?: string | undefined }): Promise<{ items: z.infer<typeof Faq>[] }> {
  const where: SQL[] = [isNotNull(questions.faqPublishedAt)]
  if (query.serviceCode) where.push(eq(questions.serviceCode, query.serviceCode))
  if (query.q) {
    const text = likeText(query.q)
    where.push(or(like(questions.faqQuestion, text), like(questions.faqAnswer, text), like(questions.faqQuestionEn, text), like(questions.faqAnswerEn, text))!)
  }
  const rows = await db
    .select()
    .from(questions)
    .where(and(...where))
    .orderBy(desc(questions.faqPublishedAt))
    .limit(200)
  const services = await serviceFacts(db)
  return {
    items: rows.map((q) => {
      const s = q.serviceCode ? services.get(q.serviceCode) : undefined
      return {
        id: q.id,
        service: s ? { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn } : null,
        question: q.faqQuestion ?? q.title,
        answer: q.faqAnswer ?? '',
        questionEn: q.faqQuestionEn,
        answerEn: q.faqAnswerEn,
        publishedAt: q.faqPublishedAt!.toISOString(),
      }
    }),
  }
}
