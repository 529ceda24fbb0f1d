import { createRoute, z } from '@hono/zod-openapi'
import { and, count, desc, eq, isNull } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { applications, notifications, questions, tasks } from '../../db/schema/index.ts'
import { errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'

// The user's own lists, as the foundation needs them: each micro-frontend shows real (at first
// empty) data. The forms, workflow, notification and feedback issues replace each with its full route.

const unauthorized = errorsFor(400, 401)
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() })

const ApplicationItem = z
  .object({ id: z.number(), serviceCode: z.string(), status: z.string(), createdAt: z.string(), submittedAt: z.string().nullable() })
  .openapi('ApplicationSummary')
const TaskItem = z.object({ id: z.number(), applicationId: z.number(), stepKey: z.string(), box: z.string(), createdAt: z.string() }).openapi('TaskSummary')
const QuestionItem = z.object({ id: z.number(), title: z.string(), status: z.string(), serviceCode: z.string().nullable(), createdAt: z.string() }).openapi('QuestionSummary')

const router = createRouter()
router.use('/api/applications', requireUser)
router.use('/api/tasks', requireUser)
router.use('/api/questions', requireUser)
router.use('/api/notifications/*', requireUser)

export const myListsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/applications',
      tags: ['Applications'],
      summary: 'My applications, newest first',
      request: { query: z.object({ mine: z.literal('1').openapi({ description: 'Only my own applications (the only list for now)' }) }) },
      responses: { 200: { description: 'My applications', content: { 'application/json': { schema: list(ApplicationItem) } } }, ...unauthorized },
    }),
    (c) => {
      const rows = c.var.deps.db
        .select()
        .from(applications)
        .where(eq(applications.applicantCardNumber, c.var.user!.cardNumber))
        .orderBy(desc(applications.id))
        .all()
      const items = rows.map((r) => ({
        id: r.id,
        serviceCode: r.serviceCode,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        submittedAt: r.submittedAt?.toISOString() ?? null,
      }))
      return c.json({ items, total: items.length }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks',
      tags: ['Tasks'],
      summary: 'My tasks in one box: to do, done, or copied to me',
      request: { query: z.object({ box: z.enum(['todo', 'done', 'cc']).default('todo') }) },
      responses: { 200: { description: 'My tasks', content: { 'application/json': { schema: list(TaskItem) } } }, ...unauthorized },
    }),
    (c) => {
      const { box } = c.req.valid('query')
      const rows = c.var.deps.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.assigneeCardNumber, c.var.user!.cardNumber), eq(tasks.box, box)))
        .orderBy(desc(tasks.id))
        .all()
      const items = rows.map((r) => ({ id: r.id, applicationId: r.applicationId, stepKey: r.stepKey, box: r.box, createdAt: r.createdAt.toISOString() }))
      return c.json({ items, total: items.length }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/questions',
      tags: ['Feedback'],
      summary: 'My questions to the online Q&A',
      request: { query: z.object({ mine: z.literal('1') }) },
      responses: { 200: { description: 'My questions', content: { 'application/json': { schema: list(QuestionItem) } } }, ...unauthorized },
    }),
    (c) => {
      const rows = c.var.deps.db.select().from(questions).where(eq(questions.askerCardNumber, c.var.user!.cardNumber)).orderBy(desc(questions.id)).all()
      const items = rows.map((r) => ({ id: r.id, title: r.title, status: r.status, serviceCode: r.serviceCode, createdAt: r.createdAt.toISOString() }))
      return c.json({ items, total: items.length }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/unread-count',
      tags: ['Notifications'],
      summary: 'How many of my notifications are unread (the bell)',
      responses: { 200: { description: 'Unread count', content: { 'application/json': { schema: z.object({ count: z.number().int() }) } } }, ...unauthorized },
    }),
    (c) => {
      const row = c.var.deps.db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.recipientCardNumber, c.var.user!.cardNumber), isNull(notifications.readAt)))
        .get()
      return c.json({ count: row?.n ?? 0 }, 200)
    },
  )
