import { createRoute } from '@hono/zod-openapi'
import type { z } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json, body } from '../../lib/router.ts'
import { limitBody } from '../../lib/body-limit.ts'
import { rateLimit } from '../../floods/index.ts'
import { MAX_VALUES_BYTES } from '../../workflow/values.ts'
import {
  ActionResult,
  AnswerBody,
  ApplicationDetail,
  ApplicationList,
  ApplicationRef,
  CommentBody,
  IdParams,
  IdempotencyHeaders,
  MyApplicationsQuery,
  ResubmitBody,
  SubmitBody,
  UrgeBody,
  WithdrawBody,
  formErrorResponse,
} from './applications.schemas.ts'
import { applicationDetail, listMine, readableApplication } from './applications.service.ts'
import { answer, applicantAction, resubmit, submit } from './submission.service.ts'

// An applicant's side of the hall: submit (idempotent), my applications, one application's page,
// and what the applicant may do to it (withdraw, resubmit after a return, urge, answer a question,
// comment). Every change goes through the engine (api/src/workflow/act.ts).

/** The body of a submission is at most its values' limit and a little for the rest: refused before it is read whole. */
const submissionLimit = limitBody({
  maxSize: MAX_VALUES_BYTES + 16 * 1024,
  onError: () => {
    throw new HallError(
      413,
      'too_large',
      `The form values are larger than ${MAX_VALUES_BYTES / 1024} KB; attach long documents as files instead`,
      `表单内容超过 ${MAX_VALUES_BYTES / 1024} KB，长文档请以附件上传`,
    )
  },
})

const router = createRouter()
router.use('/api/applications', requireUser)
router.use('/api/applications/*', requireUser)
// Floods: a resubmit counts as a submission (per person and per address, see floods/).
router.post('/api/applications/:id/resubmit', rateLimit('submit'))

// Generic in the name, so that each route keeps its literal path (`/api/applications/{id}/withdraw`)
// in the RPC types and the typed client reaches it without a cast.
const actionRoute = <N extends string, T extends z.ZodObject>(name: N, summary: string, description: string, schema: T) =>
  createRoute({
    method: 'post',
    path: `/api/applications/{id}/${name}`,
    tags: ['Applications'],
    middleware: [submissionLimit] as const,
    summary,
    description,
    request: { params: IdParams, ...body(schema) },
    responses: { 200: json(ActionResult, 'Done: where the application is now'), ...formErrorResponse, ...errorsFor(401, 403, 404, 409, 413, 422) },
  })

export const applicationsRoutes = router
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/applications',
      tags: ['Applications'],
      summary: 'Submits an application (idempotent by the Idempotency-Key header)',
      description:
        'Checks eligibility, validates the values against the form of the service’s current version, and submits the application to its approval process. The same key with the same body answers the same 201 again (a double click or a retry makes one application); the same key with a different body answers 409.',
      middleware: [rateLimit('submit'), submissionLimit] as const,
      request: { headers: IdempotencyHeaders, ...body(SubmitBody) },
      responses: {
        201: json(ApplicationRef, 'Submitted'),
        ...formErrorResponse,
        ...errorsFor(401, 404, 409, 413, 422, 429),
      },
    }),
    async (c) => {
      const result = await submit(c.get('deps'), c.get('user')!, c.req.valid('header')['idempotency-key'], c.req.valid('json'))
      return c.json(result, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/applications',
      tags: ['Applications'],
      summary: 'My applications, newest first',
      request: {
        query: MyApplicationsQuery,
      },
      responses: { 200: json(ApplicationList, 'One page of my applications'), ...errorsFor(400, 401) },
    }),
    async (c) => {
      const { status, q, page, pageSize } = c.req.valid('query')
      return c.json(await listMine(c.get('deps').db, c.get('user')!.cardNumber, { status, q: q || undefined, page, pageSize }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/applications/{id}',
      tags: ['Applications'],
      summary: 'One application: form and values, timeline, where it is and with whom, what I may do',
      description:
        'Readable by the applicant, anyone who has or had a task on it (and their delegates), those copied, the owners of the service and admins; anyone else gets 404.',
      request: { params: IdParams },
      responses: { 200: json(ApplicationDetail, 'The application'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const row = await readableApplication(deps.db, user, c.req.valid('param').id, deps.now())
      return c.json(await applicationDetail(deps.db, user!, row, deps.now()), 200)
    },
  )
  .openapi(
    actionRoute(
      'withdraw',
      'Withdraws my application (撤回)',
      'Until a reviewer has decided anything, or while it is back with me after a return.',
      WithdrawBody,
    ),
    async (c) => {
      const { stateVersion, reason } = c.req.valid('json')
      return c.json(
        await applicantAction(c.get('deps'), c.get('user')!, c.req.valid('param').id, stateVersion, { type: 'withdraw', ...(reason ? { reason } : {}) }),
        200,
      )
    },
  )
  .openapi(
    actionRoute(
      'resubmit',
      'Resubmits my application after a return, with changed values',
      'The values are validated again against the form of the application’s own version.',
      ResubmitBody,
    ),
    async (c) => {
      const { stateVersion, values } = c.req.valid('json')
      return c.json(await resubmit(c.get('deps'), c.get('user')!, c.req.valid('param').id, stateVersion, values), 200)
    },
  )
  .openapi(actionRoute('urge', 'Urges an overdue step (催办)', 'Only once a step is past its time limit, and once a day per task.', UrgeBody), async (c) =>
    c.json(await applicantAction(c.get('deps'), c.get('user')!, c.req.valid('param').id, c.req.valid('json').stateVersion, { type: 'urge' }), 200),
  )
  .openapi(
    actionRoute(
      'answer',
      'Answers a reviewer’s question (补充材料): the step resumes where it was',
      '`taskId` is from `allowed.answer` of the application. `attachments` are ids of the applicant’s own uploads (`POST /api/attachments`); they are linked to the application, so its reviewers can download them. Any other id is a 400 naming it.',
      AnswerBody,
    ),
    async (c) => {
      return c.json(await answer(c.get('deps'), c.get('user')!, c.req.valid('param').id, c.req.valid('json')), 200)
    },
  )
  .openapi(
    actionRoute(
      'comment',
      'Comments on an application (the applicant, reviewers and people copied)',
      'A comment joins the timeline; it changes nothing else.',
      CommentBody,
    ),
    async (c) => {
      const { stateVersion, text } = c.req.valid('json')
      return c.json(await applicantAction(c.get('deps'), c.get('user')!, c.req.valid('param').id, stateVersion, { type: 'comment', text }), 200)
    },
  )
