import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { rateLimit } from '../../floods/index.ts'
import { policy } from '../../policy/index.ts'
import { listDataErrors, reportDataError } from './data-errors.service.ts'
import { DataErrorList, DataErrorListQuery, ReportBody, ReportReceipt, unavailable } from './forms.schemas.ts'

// "This pre-filled value is wrong" (报错): the report goes to the department that owns the source
// system — an in-app notification to each of its reviewers, and a message in the outbox for
// e-mail and app push — which corrects the value at the source. The hall never edits it itself.

const router = createRouter()

export const dataErrorRoutes = router
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/data-errors',
      tags: ['Forms'],
      summary: 'Report a wrong pre-filled value to the department that owns it',
      middleware: [requireUser, rateLimit('dataError')] as const,
      request: { body: { required: true, content: { 'application/json': { schema: ReportBody } } } },
      responses: {
        201: {
          description: 'Reported; the owning department was notified',
          content: {
            'application/json': {
              schema: ReportReceipt,
            },
          },
        },
        ...errorsFor(400, 401, 404, 409, 422),
        ...unavailable,
      },
    }),
    async (c) => {
      return c.json(await reportDataError(c.get('deps'), c.get('user')!, c.req.valid('json')), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/data-errors',
      tags: ['Forms'],
      summary: "A department's data-error reports (its reviewers), or my own (mine=1)",
      middleware: [requireUser] as const,
      request: {
        query: DataErrorListQuery,
      },
      responses: {
        200: { description: 'Reports, newest first', content: { 'application/json': { schema: DataErrorList } } },
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const { department, status } = c.req.valid('query')
      const user = c.get('user')!
      if (department && !policy.canReadDataErrors(user, department)) {
        throw new HallError(
          403,
          'forbidden',
          `Only the reviewers of "${department}" see its data-error reports`,
          `只有“${department}”的审核人可以查看其数据纠错报告`,
        )
      }
      return c.json({ items: await listDataErrors(c.get('deps').db, { department, reporter: user.cardNumber, status }) }, 200)
    },
  )
