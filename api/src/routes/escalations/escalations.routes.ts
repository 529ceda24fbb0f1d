import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { ActionResult } from '../applications/applications.schemas.ts'
import { TaskParams } from '../tasks/tasks.schemas.ts'
import { EscalationActionBody, EscalationDetail } from './escalations.schemas.ts'
import { actOnEscalation, escalationDetail } from './escalations.service.ts'

// The escalation contact's side of an overdue task (the "超时提醒" message links here): see the
// application, take the task over, reassign it, urge its assignee. For the step's escalation
// contacts and administrators only; anyone else gets 404.

const router = createRouter()
router.use('/api/escalations/*', requireUser)

export const escalationsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/escalations/{id}',
      tags: ['Tasks'],
      summary: 'An overdue task for its escalation contact: the application read-only and what they may do',
      request: { params: TaskParams },
      responses: { 200: json(EscalationDetail, 'The overdue task'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => c.json(await escalationDetail(c.get('deps').db, c.get('user')!, c.req.valid('param').id, c.get('deps').now()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/escalations/{id}/actions',
      tags: ['Tasks'],
      summary: 'Takes an overdue task over, reassigns it, or urges its assignee',
      description:
        'Send the `stateVersion` you saw: 409 when someone acted first (two take-overs at once advance the application once). 400 when `to` is missing or unknown for reassign; 404 when the task is not one you may handle.',
      request: { params: TaskParams, body: { content: { 'application/json': { schema: EscalationActionBody } }, required: true } },
      responses: { 200: json(ActionResult, 'Done: where the application is now'), ...errorsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json({ application: await actOnEscalation(c.get('deps'), c.get('user')!, c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
