import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { prefillFor } from '../../data-platform/index.ts'
import { withOpenReports } from './data-errors.service.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { limitBody } from '../../lib/body-limit.ts'
import { discardDraft, draftTooLarge, findDraft, requireForm, saveDraft } from './forms.service.ts'
import { CodeParams, DiscardedDraft, DraftBody, DraftSchema, FormResponse, SavedDraft, ServiceCodeParams } from './forms.schemas.ts'

// Starting a service: its form with the person's data pre-filled (and where each value came
// from), and the draft they left. Drafts autosave: one per person and service, last write wins.

const router = createRouter()

export const formRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/services/{code}/form',
      tags: ['Forms'],
      summary: 'Start a service: its form, my pre-filled data with its sources, and my draft',
      description:
        'Each pre-filled value names the system it came from and the department that can correct it. When the data platform cannot be asked, the form still opens, with nothing pre-filled and `prefill.warning` set.',
      middleware: [requireUser] as const,
      request: { params: CodeParams },
      responses: { 200: { description: 'The form', content: { 'application/json': { schema: FormResponse } } }, ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const deps = c.get('deps')
      const user = c.get('user')!
      const form = await requireForm(deps.db, code)
      const prefill = await prefillFor(deps, form.definition, user.cardNumber)
      const draft = await findDraft(deps.db, user.cardNumber, code)
      return c.json(
        {
          service: { code: form.code, nameZh: form.nameZh, nameEn: form.nameEn, version: form.version, status: form.status },
          definition: form.definition,
          prefill: {
            values: prefill.values,
            sources: await withOpenReports(deps.db, user.cardNumber, prefill.sources),
            missing: prefill.missing,
            available: prefill.available,
            warning: prefill.warning,
          },
          draft,
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/drafts/{serviceCode}',
      tags: ['Forms'],
      summary: 'Autosave my draft of a service (last write wins)',
      description: 'The values as typed so far, unvalidated (validation happens on submit). At most HALL_DRAFT_MAX_KB (256 KB) of JSON.',
      middleware: [
        requireUser,
        // Refuse a huge body before reading it; the exact limit (of the values' JSON) is checked below.
        limitBody({
          maxSize: 4 * 1024 * 1024 + 1024,
          onError: () => {
            throw draftTooLarge()
          },
        }),
      ] as const,
      request: { params: ServiceCodeParams, body: { required: true, content: { 'application/json': { schema: DraftBody } } } },
      responses: {
        200: {
          description: 'Saved',
          content: { 'application/json': { schema: SavedDraft } },
        },
        ...errorsFor(400, 401, 404, 413),
      },
    }),
    async (c) => {
      const { serviceCode } = c.req.valid('param')
      const { values } = c.req.valid('json')
      const { db, env, now } = c.get('deps')
      return c.json(await saveDraft(db, { cardNumber: c.get('user')!.cardNumber, serviceCode, values, at: now(), maxBytes: env.draftMaxBytes }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/drafts/{serviceCode}',
      tags: ['Forms'],
      summary: 'My draft of a service',
      middleware: [requireUser] as const,
      request: { params: ServiceCodeParams },
      responses: { 200: { description: 'The draft', content: { 'application/json': { schema: DraftSchema } } }, ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const { serviceCode } = c.req.valid('param')
      const draft = await findDraft(c.get('deps').db, c.get('user')!.cardNumber, serviceCode)
      if (!draft) throw new HallError(404, 'no_draft', `You have no draft of "${serviceCode}"`, `您没有“${serviceCode}”的草稿`)
      return c.json(draft, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/drafts/{serviceCode}',
      tags: ['Forms'],
      summary: 'Discard my draft of a service (doing it twice is fine)',
      middleware: [requireUser] as const,
      request: { params: ServiceCodeParams },
      responses: {
        200: { description: 'Discarded', content: { 'application/json': { schema: DiscardedDraft } } },
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const { serviceCode } = c.req.valid('param')
      return c.json({ serviceCode, deleted: await discardDraft(c.get('deps').db, c.get('user')!.cardNumber, serviceCode) }, 200)
    },
  )
