import { and, asc, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { applications, questionMessages, questions, ratings, serviceVersions } from '../db/schema/index.ts'
import { demoQuestions as DEMO_QUESTIONS, ratingComments } from '@hall/demo-university'

// The demo's feedback, so that every feedback screen has something to show right after
// `npm start`: ratings of most finished past applications (scores that follow how long each took
// against its time limit), and a few questions to the online Q&A — answered and published as
// FAQ, answered, followed up, open, closed. Deterministic, like the rest of the demo history.

const HOUR = 3_600_000

function sequence(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x / 2 ** 31
  }
}

const { good: GOOD_COMMENTS, mixed: MIXED_COMMENTS, bad: BAD_COMMENTS } = ratingComments

/** Ratings for the finished past applications and the demo's questions. Returns how many of each. */
export async function seedFeedback(tx: Db, now: Date) {
  const random = sequence(20261127)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  const limits = new Map(
    (await tx.select({ code: serviceVersions.serviceCode, days: serviceVersions.timeLimitDays }).from(serviceVersions)).map((v) => [v.code, v.days]),
  )
  const finished = await tx
    .select()
    .from(applications)
    .where(and(inArray(applications.status, ['completed', 'rejected']), isNotNull(applications.finishedAt)))
    .orderBy(asc(applications.id))
  const rows: Array<typeof ratings.$inferInsert> = []
  for (const app of finished) {
    if (random() < 0.25 || !app.submittedAt || !app.finishedAt) continue
    const days = (app.finishedAt.getTime() - app.submittedAt.getTime()) / 864e5
    const limit = limits.get(app.serviceCode) ?? 5
    // Slower than most and rejected applications are rated lower; a little noise on top.
    const pace = days / Math.max(limit, 1)
    const base = app.status === 'rejected' ? 2.6 : pace < 0.3 ? 4.7 : pace < 0.7 ? 4.1 : 3.2
    const score = (shift: number) => Math.max(1, Math.min(5, Math.round(base + shift + (random() - 0.5) * 1.6)))
    const serviceScore = score(0.2)
    const processScore = score(-0.2)
    // A low process score names the step that took longest (from the engine state's decided tasks).
    const steps = ((app.state as { tasks?: Array<{ stepId: string; status: string; createdAt: string; closedAt: string | null }> } | null)?.tasks ?? []).filter(
      (t) => t.status === 'closed' && t.closedAt,
    )
    const took = (t: (typeof steps)[number]) => Date.parse(t.closedAt!) - Date.parse(t.createdAt)
    const slowest = [...steps].sort((a, b) => took(b) - took(a))[0]
    const tags =
      processScore >= 4
        ? [pick(['fast', 'fully-online', 'clear-guide', 'helpful-staff'] as const), ...(random() < 0.4 ? [pick(['fully-online', 'clear-guide'] as const)] : [])]
        : processScore <= 2
          ? [pick(['slow', 'too-many-materials', 'unclear-guide', 'repeated-filling'] as const)]
          : random() < 0.5
            ? [pick(['slow', 'too-many-materials'] as const)]
            : []
    const at = Math.min(app.finishedAt.getTime() + (1 + random() * 47) * HOUR, now.getTime() - HOUR)
    rows.push({
      applicationId: app.id,
      serviceCode: app.serviceCode,
      raterCardNumber: app.applicantCardNumber,
      serviceScore,
      processScore,
      tags: [...new Set(tags)],
      comment: pick(processScore >= 4 ? GOOD_COMMENTS : processScore >= 3 ? MIXED_COMMENTS : BAD_COMMENTS) || null,
      stepKey: processScore <= 3 && slowest ? slowest.stepId : null,
      anonymous: random() < 0.3,
      createdAt: new Date(Math.max(at, app.finishedAt.getTime())),
    })
  }
  if (rows.length) await tx.insert(ratings).values(rows)
  return { ratings: rows.length, questions: await seedQuestions(tx, now) }
}

async function seedQuestions(tx: Db, now: Date) {
  for (const q of DEMO_QUESTIONS) {
    const asked = new Date(now.getTime() - q.daysAgo * 24 * HOUR)
    const last = q.thread.length ? new Date(asked.getTime() + q.thread[q.thread.length - 1]!.hoursLater * HOUR) : asked
    const firstAnswer = q.thread.find((m) => m.side === 'staff')
    const row = (
      await tx
        .insert(questions)
        .values({
          askerCardNumber: q.asker,
          serviceCode: q.serviceCode,
          departmentCode: q.department,
          title: q.title,
          body: q.body,
          status: q.status,
          createdAt: asked,
          updatedAt: last,
          ...(q.faq && firstAnswer
            ? {
                faqQuestion: q.faq.question ?? q.title,
                faqAnswer: firstAnswer.body,
                faqQuestionEn: q.faq.questionEn ?? null,
                faqAnswerEn: q.faq.answerEn ?? null,
                faqPublishedAt: new Date(last.getTime() + HOUR),
                faqPublishedBy: q.faq.by,
              }
            : {}),
        })
        .returning({ id: questions.id })
    )[0]!
    for (const m of q.thread) {
      await tx
        .insert(questionMessages)
        .values({ questionId: row.id, authorCardNumber: m.by, side: m.side, body: m.body, createdAt: new Date(asked.getTime() + m.hoursLater * HOUR) })
    }
  }
  return DEMO_QUESTIONS.length
}
