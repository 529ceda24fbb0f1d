import { createRoute, z } from '@hono/zod-openapi'
import { and, count, eq, isNull } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { notifications } from '../../db/schema/index.ts'
import { errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'

// In-app notifications (the bell). Every notify effect of the engine writes a row here next to its
// outbox row (api/src/workflow/act.ts); listing and marking read come with the notification issue.

const router = createRouter()
router.use('/api/notifications/*', requireUser)

export const notificationsRoutes = router.openapi(
  createRoute({
    method: 'get',
    path: '/api/notifications/unread-count',
    tags: ['Notifications'],
    summary: 'How many of my notifications are unread (the bell)',
    responses: { 200: { description: 'Unread count', content: { 'application/json': { schema: z.object({ count: z.number().int() }) } } }, ...errorsFor(401) },
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
