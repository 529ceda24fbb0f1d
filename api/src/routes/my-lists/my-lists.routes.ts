import { createRoute, z } from '@hono/zod-openapi'
import { desc, eq } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { questions } from '../../db/schema/index.ts'
import { errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'

// What is left of the foundation's minimal lists: my questions to the online Q&A, which
// mf-feedback reads until the feedback issue replaces this route with its own. Applications,
// tasks and the unread count moved to routes/applications, routes/tasks and routes/notifications.

const QuestionItem = z.object({ id: z.number(), title: z.string(), status: z.string(), serviceCode: z.string().nullable(), createdAt: z.string() }).openapi('QuestionSummary')

const router = createRouter()
router.use('/api/questions', requireUser)

export const myListsRoutes = router.openapi(
  createRoute({
    method: 'get',
    path: '/api/questions',
    tags: ['Feedback'],
    summary: 'My questions to the online Q&A',
    request: { query: z.object({ mine: z.literal('1') }) },
    responses: {
      200: { description: 'My questions', content: { 'application/json': { schema: z.object({ items: z.array(QuestionItem), total: z.number().int() }) } } },
      ...errorsFor(400, 401),
    },
  }),
  (c) => {
    const rows = c.var.deps.db.select().from(questions).where(eq(questions.askerCardNumber, c.var.user!.cardNumber)).orderBy(desc(questions.id)).all()
    const items = rows.map((r) => ({ id: r.id, title: r.title, status: r.status, serviceCode: r.serviceCode, createdAt: r.createdAt.toISOString() }))
    return c.json({ items, total: items.length }, 200)
  },
)
