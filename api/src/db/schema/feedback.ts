import { sql } from 'drizzle-orm'
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { applications } from './applications.ts'
import { services } from './catalog.ts'

// Feedback: the applicant's rating of a finished application (满意度评价), the hall's online Q&A
// (在线答疑) with the FAQ it publishes, and the statistics' Excel export jobs.

const now = sql`(unixepoch('subsec') * 1000)`

/**
 * One rating per application (the unique index makes a second one impossible even when two
 * requests race), by its applicant, after it was completed or rejected.
 */
export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    /** Copied from the application so that statistics per service need no join. */
    serviceCode: text('service_code').notNull(),
    raterCardNumber: text('rater_card_number').notNull(),
    /** 1–5: the service itself (what was obtained, the guide, the staff). */
    serviceScore: integer('service_score').notNull(),
    /** 1–5: the process (steps, speed, materials asked for). */
    processScore: integer('process_score').notNull(),
    /** Codes of the fixed tag list (`RATING_TAGS` in routes/feedback). */
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    comment: text('comment'),
    /** The step the applicant thinks most needs improving (an engine step id), if they named one. */
    stepKey: text('step_key'),
    /** Hidden from reviewers and owners; administrators always see who rated. */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [
    uniqueIndex('ratings_application').on(t.applicationId),
    index('ratings_service').on(t.serviceCode, t.createdAt),
    index('ratings_rater').on(t.raterCardNumber),
  ],
)

// The hall's online Q&A (在线答疑).
export const questions = sqliteTable(
  'questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    askerCardNumber: text('asker_card_number').notNull(),
    serviceCode: text('service_code').references(() => services.code),
    /** Who answers: the owning department of the service, or the network centre. Null on rows from before routing. */
    departmentCode: text('department_code'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['open', 'answered', 'closed'] })
      .notNull()
      .default('open'),
    /** Published as a FAQ on the service's guide: the texts shown (editable by the owners), when and by whom. */
    faqQuestion: text('faq_question'),
    faqAnswer: text('faq_answer'),
    /** The FAQ in English, where its owners (or the demo data) give one; the Chinese is shown otherwise. */
    faqQuestionEn: text('faq_question_en'),
    faqAnswerEn: text('faq_answer_en'),
    faqPublishedAt: integer('faq_published_at', { mode: 'timestamp_ms' }),
    faqPublishedBy: text('faq_published_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('questions_asker').on(t.askerCardNumber),
    index('questions_department').on(t.departmentCode, t.status),
    index('questions_faq').on(t.serviceCode, t.faqPublishedAt),
  ],
)

/** The thread of a question: the asker's follow-ups and the staff's answers, in order. */
export const questionMessages = sqliteTable(
  'question_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id),
    authorCardNumber: text('author_card_number').notNull(),
    /** `asker` (a follow-up) or `staff` (an answer). */
    side: text('side', { enum: ['asker', 'staff'] }).notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [index('question_messages_question').on(t.questionId, t.id)],
)

/**
 * An Excel export of the statistics: the page starts one, polls its progress, then downloads the
 * file. The file lives in the row, so any node can serve it.
 */
export const statisticsExports = sqliteTable('statistics_exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  requestedBy: text('requested_by').notNull(),
  /** `figures` (the statistics as tables) or `applications` (the rows under them). */
  kind: text('kind', { enum: ['figures', 'applications'] }).notNull(),
  filters: text('filters', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  status: text('status', { enum: ['running', 'done', 'failed'] })
    .notNull()
    .default('running'),
  /** Rows written so far, of `total`. */
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  file: blob('file', { mode: 'buffer' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
})
