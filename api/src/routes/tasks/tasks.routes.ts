import { createRoute, type z } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { badInput, errorsFor, HallError } from '../../lib/errors.ts'
import { createRouter, json, keptJson } from '../../lib/router.ts'
import { ActionResult } from '../applications/applications.schemas.ts'
import { applicationDetail, readableApplication } from '../applications/applications.service.ts'
import { BatchBody, BatchResult, TaskActionBody, TaskCounts, TaskDetail, TaskList, TaskListQuery, TaskParams } from './tasks.schemas.ts'
import { PHRASES, actOnTask, countTasks, readableTask, taskListJson } from './tasks.service.ts'

// The reviewer's side (mf-todo): to do, done, copied to me; a task's page; acting on a task,
// alone or in a batch.

const router = createRouter()
router.use('/api/tasks', requireUser)
router.use('/api/tasks/*', requireUser)

export const tasksRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks',
      tags: ['Tasks'],
      summary: 'My tasks in one box: to do (with those of people I stand in for), done, or copied to me',
      request: {
        query: TaskListQuery,
      },
      responses: { 200: json(TaskList, 'One page of the box, newest first (done: most recently decided first)'), ...errorsFor(400, 401) },
    }),
    async (c) => {
      const { box, q, service, overdue, applicant, from, to, sort, order, page, pageSize } = c.req.valid('query')
      const deps = c.get('deps')
      const user = c.get('user')
      if (from && to && from > to) throw badInput('to', 'to: the end date is before the start date', 'to：结束日期早于开始日期')
      const query = { box, q: q || undefined, service, overdue: overdue === '1', applicant, from, to, sort, order, page, pageSize }
      return keptJson<z.infer<typeof TaskList>>(c, await taskListJson(deps.db, user!, query, deps.now()))
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks/counts',
      tags: ['Tasks'],
      summary: 'How many tasks each of my boxes holds (the header’s badge)',
      responses: { 200: json(TaskCounts, 'Counts'), ...errorsFor(401) },
    }),
    async (c) => c.json(await countTasks(c.get('deps').db, c.get('user')!, c.get('deps').now()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks/{id}',
      tags: ['Tasks'],
      summary: 'One task: the application read-only with its history, the actions allowed, common opinions',
      request: { params: TaskParams },
      responses: { 200: json(TaskDetail, 'The task'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const now = deps.now()
      const { row, summary } = await readableTask(deps.db, user!, c.req.valid('param').id, now)
      const application = await applicationDetail(deps.db, user!, await readableApplication(deps.db, user, row.applicationId, now), now)
      const mine = application.allowed.tasks.find((t) => t.taskId === row.id)
      return c.json(
        {
          task: summary,
          application,
          allowed: {
            actions: mine?.actions ?? [],
            returnTargets: mine?.returnTargets ?? [],
            comment: application.allowed.comment,
            confirmation: mine?.confirmation ?? false,
          },
          phrases: PHRASES,
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/tasks/{id}/actions',
      tags: ['Tasks'],
      summary: 'Acts on a task: approve, reject, return, ask, transfer, add a signer, comment',
      description:
        'Send the `stateVersion` you saw. 409 when someone acted first (a stale version) or the task was already decided; 400 when an opinion is missing for reject or return; 404 when the task is not yours (nor your delegator’s).',
      request: { params: TaskParams, body: { content: { 'application/json': { schema: TaskActionBody } }, required: true } },
      responses: { 200: json(ActionResult, 'Done: where the application is now'), ...errorsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const application = await actOnTask(c.get('deps'), c.get('user')!, c.req.valid('param').id, c.req.valid('json'))
      return c.json({ application }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/tasks/batch',
      tags: ['Tasks'],
      summary: 'Approves several tasks, each on its own: one result per item',
      description: 'Each item is one action in its own transaction, so one refusal (a stale version, a task already decided) does not hold up the others.',
      request: { body: { content: { 'application/json': { schema: BatchBody } }, required: true } },
      responses: { 200: json(BatchResult, 'One result per item, in order'), ...errorsFor(400, 401) },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const { items, opinion } = c.req.valid('json')
      // One after the other, in order: each item is its own transaction.
      const results = []
      for (const { taskId, stateVersion } of items) {
        try {
          const application = await actOnTask(deps, user!, taskId, { action: 'approve', stateVersion, ...(opinion ? { opinion } : {}) })
          results.push({ taskId, ok: true, status: 200, application })
        } catch (err) {
          if (err instanceof HallError) {
            results.push({ taskId, ok: false, status: err.status, error: { code: err.code, message: err.message, messageZh: err.messageZh } })
            continue
          }
          deps.log.error({ err, taskId }, 'batch approve failed')
          results.push({
            taskId,
            ok: false,
            status: 500,
            error: { code: 'internal', message: 'Something went wrong on our side; it has been logged', messageZh: '服务器出错，已记录' },
          })
        }
      }
      const succeeded = results.filter((r) => r.ok).length
      return c.json({ results, succeeded, failed: results.length - succeeded }, 200)
    },
  )
