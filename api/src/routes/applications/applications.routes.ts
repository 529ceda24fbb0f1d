import { createHash } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { and, eq } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { transaction, type Db } from '../../db/client.ts'
import { formDrafts, idempotencyKeys, serviceVersions, tasks } from '../../db/schema/index.ts'
import { lockedValues, platformRecordForEligibility, prefillFor } from '../../data-platform/index.ts'
import type { Deps, SessionUser } from '../../lib/context.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json, body } from '../../lib/router.ts'
import { rateLimit } from '../../floods/index.ts'
import { act, actIn, submitIn, type EngineAction } from '../../workflow/act.ts'
import { formOf } from '../../workflow/definitions.ts'
import { staleVersion } from '../../workflow/errors.ts'
import { applicantFacts } from '../../workflow/organisation.ts'
import { MAX_VALUES_BYTES, badInput, checkPeopleNamed, checkValues } from '../../workflow/values.ts'
import { eligibilityFor, listedServices } from '../catalog/catalog.service.ts'
import { ActionResult, ApplicationDetail, ApplicationList, ApplicationRef, Values, formErrorResponse } from './applications.schemas.ts'
import { STATUS_FILTERS, applicationDetail, listMine, readableApplication } from './applications.service.ts'
import { checkAnswerFiles, linkAnswerFiles, linkFiles, resolveFiles } from './files.ts'

// An applicant's side of the hall: submit (idempotent), my applications, one application's page,
// and what the applicant may do to it (withdraw, resubmit after a return, urge, answer a question,
// comment). Every change goes through the engine (api/src/workflow/act.ts).

const Id = z.coerce
  .number({ error: 'the application id is a number' })
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' }, example: 42 })
const StateVersion = z
  .number({ error: 'stateVersion (the version you saw) is required' })
  .int()
  .min(0)
  .openapi({ description: 'The `stateVersion` of the application as you saw it; a stale one gets a 409' })

const SubmitBody = z.object({
  serviceCode: z.string().regex(/^[a-z0-9-]{2,60}$/, 'serviceCode is a service code such as undergrad-leave'),
  values: Values,
})

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'the Idempotency-Key header is required: a unique string per submission (e.g. a UUID), the same when retrying' })
    .min(8, 'Idempotency-Key must be at least 8 characters')
    .max(200, 'Idempotency-Key must be at most 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be printable ASCII without spaces')
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, example: '6f1c2a8e-3b7d-4c1e-9a55-0d2f7e8b9c10' }),
})

/** The same JSON for the same value whatever the order of keys: what an idempotency key is compared by. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

const keyReused = () =>
  new HallError(
    409,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different submission; use a new key for a new submission',
    '此幂等键已用于另一份不同的提交，新的提交请使用新的键',
  )

/** The stored answer to an earlier request with this key, or null; 409 when the body differs. */
function replay(deps: Deps, cardNumber: string, key: string, hash: string) {
  const row = deps.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.cardNumber, cardNumber), eq(idempotencyKeys.key, key)))
    .get()
  if (!row) return null
  if (row.requestHash !== hash) throw keyReused()
  return row.response as z.infer<typeof ApplicationRef>
}

async function submit(deps: Deps, user: SessionUser, key: string, input: z.infer<typeof SubmitBody>) {
  const { db } = deps
  const now = deps.now()
  const hash = createHash('sha256').update(canonical(input)).digest('hex')
  const earlier = replay(deps, user.cardNumber, key, hash)
  if (earlier) return earlier

  const row = listedServices(db).find((r) => r.service.code === input.serviceCode)
  if (!row) {
    throw new HallError(404, 'not_found', `There is no service "${input.serviceCode}" in the catalog`, `服务目录中没有“${input.serviceCode}”这项服务`)
  }
  const record = await platformRecordForEligibility(deps, user.cardNumber)
  const requireEligible = (from: Db) => {
    const eligibility = eligibilityFor(from, user, row, now, record)
    if (eligibility.canApply) return
    const failed = eligibility.checks.filter((c) => !c.ok)
    throw new HallError(
      422,
      'not_eligible',
      `You cannot apply for ${row.version.nameEn}: ${failed.map((c) => c.labelEn).join('; ')}`,
      `您暂不能申请“${row.version.nameZh}”：${failed.map((c) => c.labelZh).join('；')}`,
    )
  }
  requireEligible(db)
  const applicant = applicantFacts(db, user.cardNumber)
  if (!applicant) {
    throw new HallError(422, 'not_eligible', 'The data platform has no record of you yet', '学校数据中心尚无您的信息')
  }
  const version = db.select().from(serviceVersions).where(eq(serviceVersions.id, row.version.id)).get()!
  // Authoritative pre-filled values (一表通) are the platform's, whatever the browser sent.
  const form = formOf(version)
  const prefilled = form ? lockedValues(await prefillFor(deps, form, user.cardNumber)) : undefined
  const values = checkValues(version, resolveFiles(db, user.cardNumber, form, input.values), now, prefilled)
  checkPeopleNamed(db, form, values, user.cardNumber)

  return transaction(db, (tx) => {
    // Again inside the write lock: two requests with one key on two nodes make one application.
    const raced = replay({ ...deps, db: tx }, user.cardNumber, key, hash)
    if (raced) return raced
    // And eligibility again: another submission may have been committed meanwhile (one in progress at a time).
    requireEligible(tx)
    const result = submitIn(tx, deps, { serviceVersionId: row.version.id, serviceCode: row.service.code, applicant, values })
    linkFiles(tx, result.id, form, values)
    // The draft became this application: gone with it, or neither (a failed submit keeps the draft).
    tx.delete(formDrafts)
      .where(and(eq(formDrafts.cardNumber, user.cardNumber), eq(formDrafts.serviceCode, row.service.code)))
      .run()
    tx.insert(idempotencyKeys).values({ cardNumber: user.cardNumber, key, requestHash: hash, status: 201, response: result, createdAt: now }).run()
    return result
  })
}

/**
 * Resubmits after a return: the values are checked as on submit — files must be the applicant's
 * own, authoritative pre-filled values are read again from the data platform and put back — and
 * stored with the transition and the links to their files, in one transaction.
 */
async function resubmit(deps: Deps, user: SessionUser, id: number, stateVersion: number, input: Record<string, unknown>) {
  const row = readableApplication(deps.db, user, id, deps.now())
  if (row.app.applicantCardNumber !== user.cardNumber) {
    throw new HallError(403, 'not_applicant', 'Only the applicant can do this', '只有申请人本人可以执行此操作')
  }
  // Stale: say so before complaining about the values of an old page.
  if (row.app.stateVersion !== stateVersion) throw staleVersion()
  const form = formOf(row.version)
  const prefilled = form ? lockedValues(await prefillFor(deps, form, user.cardNumber)) : undefined
  const values = checkValues(row.version, resolveFiles(deps.db, user.cardNumber, form, input), deps.now(), prefilled)
  checkPeopleNamed(deps.db, form, values, user.cardNumber)
  const application = transaction(deps.db, (tx) => {
    const result = actIn(tx, deps, {
      applicationId: id,
      expectedVersion: stateVersion,
      actor: user.cardNumber,
      action: { type: 'resubmit', form: values },
      formValues: values,
    })
    linkFiles(tx, id, form, values)
    return result
  })
  return { application }
}

/** The body of a submission is at most its values' limit and a little for the rest: refused before it is read whole. */
const submissionLimit = bodyLimit({
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

/** Runs an applicant's action after checking that they may see the application at all (404 otherwise). */
function applicantAction(deps: Deps, user: SessionUser, id: number, stateVersion: number, action: EngineAction) {
  readableApplication(deps.db, user, id, deps.now())
  const application = act(deps, { applicationId: id, expectedVersion: stateVersion, actor: user.cardNumber, action })
  return { application }
}

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
    path: `/api/applications/{id}/${name}` as `/api/applications/{id}/${N}`,
    tags: ['Applications'],
    middleware: [submissionLimit] as const,
    summary,
    description,
    request: { params: z.object({ id: Id }), ...body(schema) },
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
      const result = await submit(c.var.deps, c.var.user!, c.req.valid('header')['idempotency-key'], c.req.valid('json'))
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
        query: z.object({
          mine: z.literal('1', { error: 'mine=1 is required: this list is of your own applications' }),
          status: z
            .enum(STATUS_FILTERS, { error: `status is one of ${STATUS_FILTERS.join(', ')}` })
            .optional()
            .openapi({ description: '`active`: in review or returned' }),
          q: z
            .string()
            .trim()
            .max(50, 'a search is at most 50 characters')
            .optional()
            .openapi({ description: 'Service name (zh/en) or code, document number, or application id' }),
          page: z.coerce.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page starts at 1').default(1),
          pageSize: z.coerce
            .number({ error: 'pageSize must be a number' })
            .int('pageSize must be a whole number')
            .min(1, 'pageSize is at least 1')
            .max(100, 'pageSize is at most 100')
            .default(20),
        }),
      },
      responses: { 200: json(ApplicationList, 'One page of my applications'), ...errorsFor(400, 401) },
    }),
    (c) => {
      const { status, q, page, pageSize } = c.req.valid('query')
      return c.json(listMine(c.var.deps.db, c.var.user!.cardNumber, { status, q: q || undefined, page, pageSize }), 200)
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
      request: { params: z.object({ id: Id }) },
      responses: { 200: json(ApplicationDetail, 'The application'), ...errorsFor(400, 401, 404) },
    }),
    (c) => {
      const { deps, user } = c.var
      const row = readableApplication(deps.db, user, c.req.valid('param').id, deps.now())
      return c.json(applicationDetail(deps.db, user!, row, deps.now()), 200)
    },
  )
  .openapi(
    actionRoute(
      'withdraw',
      'Withdraws my application (撤回)',
      'Until a reviewer has decided anything, or while it is back with me after a return.',
      z.object({ stateVersion: StateVersion, reason: z.string().trim().max(500, 'reason is at most 500 characters').optional() }),
    ),
    (c) => {
      const { stateVersion, reason } = c.req.valid('json')
      return c.json(applicantAction(c.var.deps, c.var.user!, c.req.valid('param').id, stateVersion, { type: 'withdraw', ...(reason ? { reason } : {}) }), 200)
    },
  )
  .openapi(
    actionRoute(
      'resubmit',
      'Resubmits my application after a return, with changed values',
      'The values are validated again against the form of the application’s own version.',
      z.object({ stateVersion: StateVersion, values: Values }),
    ),
    async (c) => {
      const { stateVersion, values } = c.req.valid('json')
      return c.json(await resubmit(c.var.deps, c.var.user!, c.req.valid('param').id, stateVersion, values), 200)
    },
  )
  .openapi(
    actionRoute(
      'urge',
      'Urges an overdue step (催办)',
      'Only once a step is past its time limit, and once a day per task.',
      z.object({ stateVersion: StateVersion }),
    ),
    (c) => c.json(applicantAction(c.var.deps, c.var.user!, c.req.valid('param').id, c.req.valid('json').stateVersion, { type: 'urge' }), 200),
  )
  .openapi(
    actionRoute(
      'answer',
      'Answers a reviewer’s question (补充材料): the step resumes where it was',
      '`taskId` is from `allowed.answer` of the application. `attachments` are ids of the applicant’s own uploads (`POST /api/attachments`); they are linked to the application, so its reviewers can download them. Any other id is a 400 naming it.',
      z.object({
        stateVersion: StateVersion,
        taskId: z.number({ error: 'taskId (from allowed.answer) is required' }).int().positive(),
        answer: z.string().max(2000, 'answer is at most 2000 characters'),
        attachments: z
          .array(z.string().min(1, 'attachments: an id is not empty').max(200, 'attachments: an id is at most 200 characters'))
          .max(20, 'at most 20 attachments')
          .optional()
          .openapi({ description: 'Ids of my uploads (POST /api/attachments) that go with the answer' }),
      }),
    ),
    (c) => {
      const { deps, user } = c.var
      const { stateVersion, taskId, answer, attachments } = c.req.valid('json')
      const id = c.req.valid('param').id
      readableApplication(deps.db, user, id, deps.now())
      const task = deps.db
        .select({ engineTaskId: tasks.engineTaskId })
        .from(tasks)
        .where(and(eq(tasks.id, taskId), eq(tasks.applicationId, id)))
        .get()
      if (!task?.engineTaskId) {
        throw badInput('taskId', `taskId: application ${id} has no task ${taskId} to answer`, `taskId：申请 ${id} 中没有待答复的事项 ${taskId}`)
      }
      // The files must be the applicant's own; they are linked to the application with the answer,
      // in one transaction, so a reviewer can open every file an answer names (and no other).
      const files = [...new Set(attachments ?? [])]
      checkAnswerFiles(deps.db, user!.cardNumber, files)
      const engineTaskId = task.engineTaskId
      const application = transaction(deps.db, (tx) => {
        const result = actIn(tx, deps, {
          applicationId: id,
          expectedVersion: stateVersion,
          actor: user!.cardNumber,
          action: { type: 'answer', taskId: engineTaskId, answer, ...(files.length ? { attachments: files } : {}) },
        })
        linkAnswerFiles(tx, id, files)
        return result
      })
      return c.json({ application }, 200)
    },
  )
  .openapi(
    actionRoute(
      'comment',
      'Comments on an application (the applicant, reviewers and people copied)',
      'A comment joins the timeline; it changes nothing else.',
      z.object({ stateVersion: StateVersion, text: z.string().max(2000, 'text is at most 2000 characters') }),
    ),
    (c) => {
      const { stateVersion, text } = c.req.valid('json')
      return c.json(applicantAction(c.var.deps, c.var.user!, c.req.valid('param').id, stateVersion, { type: 'comment', text }), 200)
    },
  )
