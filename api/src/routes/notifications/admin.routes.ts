import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { listDeliveries, retryDelivery } from './admin.service.ts'
import { DeliveryItem, DeliveryList, DeliveryQuery, IdParam } from './notifications.schemas.ts'

// What the delivery worker could not send: administrators see parked deliveries (and pending or
// sent ones, to follow a retry) and send a parked one again.

const router = createRouter()
router.use('/api/admin/notifications/*', requireUser)
router.use('/api/admin/notifications/*', async (c, next) => {
  if (!policy.canManageNotifications(c.get('user'))) {
    throw new HallError(403, 'forbidden', 'Only administrators see and retry message deliveries', '只有系统管理员可以查看和重发消息投递')
  }
  await next()
})

export const notificationsAdminRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/notifications/deliveries',
      tags: ['Notifications'],
      summary: 'Deliveries of progress messages by status (parked by default: what finally failed)',
      request: { query: DeliveryQuery },
      responses: { 200: json(DeliveryList, 'A page of deliveries, newest first'), ...errorsFor(400, 401, 403) },
    }),
    async (c) => {
      return c.json(await listDeliveries(c.get('deps').db, c.req.valid('query')), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/notifications/deliveries/{id}/retry',
      tags: ['Notifications'],
      summary: 'Send a parked delivery again (from the first attempt, now)',
      request: { params: IdParam },
      responses: { 200: json(DeliveryItem, 'Queued again'), ...errorsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      return c.json(await retryDelivery(c.get('deps').db, c.req.valid('param').id, c.get('deps').now()), 200)
    },
  )
