import { createRoute, z } from '@hono/zod-openapi'
import { and, eq } from 'drizzle-orm'
import { bodyLimit } from 'hono/body-limit'
import { requireUser } from '../../auth/index.ts'
import { prefillFor } from '../../data-platform/index.ts'
import { withOpenReports } from './data-errors.service.ts'
import { formDrafts } from '../../db/schema/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { currentForm, requireForm, serviceNotFound } from './forms.service.ts'
import { FormDefinitionDoc, PrefillSourceSchema, ServiceCode } from './schemas.ts'

// Starting a service: its form with the person's data pre-filled (and where each value came
// from), and the draft they left. Drafts autosave: one per person and service, last write wins.

const WarningSchema = z
  .object({ code: z.literal('data_platform_unavailable'), message: z.string(), messageZh: z.string() })
  .openapi('PlatformWarning', { description: 'Why nothing is pre-filled although the person may be known: the data platform could not be asked' })

const DraftSchema = z
  .object({
    serviceCode: z.string(),
    /** The service version the draft was typed against. */
    serviceVersion: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    updatedAt: z.string().openapi({ example: '2026-11-27T02:00:00.000Z' }),
  })
  .openapi('Draft')

const FormResponse = z
  .object({
    service: z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      version: z.number().int(),
      status: z.enum(['draft', 'online', 'offline', 'retired']).openapi({ description: 'offline: listed, but not accepting applications now' }),
    }),
    definition: FormDefinitionDoc,
    prefill: z.object({
      values: z.record(z.string(), z.unknown()).openapi({ description: 'Field key → pre-filled value; start the form with initialValues(definition, values)' }),
      sources: z
        .record(z.string(), PrefillSourceSchema)
        .openapi({ description: 'Field key → where its value came from; readOnly fields cannot be changed (report an error instead)' }),
      missing: z.array(z.string()).openapi({ description: 'Fields with a pre-fill binding that the record had no value for' }),
      available: z.boolean().openapi({ description: 'false when the data platform could not be asked (see warning)' }),
      warning: WarningSchema.nullable(),
    }),
    draft: DraftSchema.nullable(),
  })
  .openapi('ServiceForm')

const Values = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a value is keyed by a field key')
      .max(64),
    z.unknown(),
  )
  .refine((v) => Object.keys(v).length <= 500, 'a draft has at most 500 values')

const draftOf = (row: typeof formDrafts.$inferSelect) => ({
  serviceCode: row.serviceCode,
  serviceVersion: row.serviceVersion,
  values: row.values,
  updatedAt: row.updatedAt.toISOString(),
})

const codeParam = z.object({ serviceCode: ServiceCode })

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
      request: { params: z.object({ code: ServiceCode }) },
      responses: { 200: { description: 'The form', content: { 'application/json': { schema: FormResponse } } }, ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const deps = c.var.deps
      const user = c.var.user!
      const form = requireForm(deps.db, code)
      const prefill = await prefillFor(deps, form.definition, user.cardNumber)
      const draft = deps.db
        .select()
        .from(formDrafts)
        .where(and(eq(formDrafts.cardNumber, user.cardNumber), eq(formDrafts.serviceCode, code)))
        .get()
      return c.json(
        {
          service: { code: form.code, nameZh: form.nameZh, nameEn: form.nameEn, version: form.version, status: form.status },
          definition: form.definition,
          prefill: {
            values: prefill.values,
            sources: withOpenReports(deps.db, user.cardNumber, prefill.sources),
            missing: prefill.missing,
            available: prefill.available,
            warning: prefill.warning,
          },
          draft: draft ? draftOf(draft) : null,
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
        bodyLimit({
          maxSize: 4 * 1024 * 1024 + 1024,
          onError: () => {
            throw tooLarge()
          },
        }),
      ] as const,
      request: { params: codeParam, body: { required: true, content: { 'application/json': { schema: z.object({ values: Values }) } } } },
      responses: {
        200: {
          description: 'Saved',
          content: { 'application/json': { schema: z.object({ serviceCode: z.string(), serviceVersion: z.number().int(), updatedAt: z.string() }) } },
        },
        ...errorsFor(400, 401, 404, 413),
      },
    }),
    (c) => {
      const { serviceCode } = c.req.valid('param')
      const { values } = c.req.valid('json')
      const { db, env, now } = c.var.deps
      const form = currentForm(db, serviceCode)
      if (!form) throw serviceNotFound(serviceCode)
      const size = Buffer.byteLength(JSON.stringify(values))
      if (size > env.draftMaxBytes) throw tooLarge(size, env.draftMaxBytes)
      const row = { cardNumber: c.var.user!.cardNumber, serviceCode, serviceVersion: form.version, values, updatedAt: now() }
      db.insert(formDrafts)
        .values(row)
        .onConflictDoUpdate({
          target: [formDrafts.cardNumber, formDrafts.serviceCode],
          set: { values, serviceVersion: row.serviceVersion, updatedAt: row.updatedAt },
        })
        .run()
      return c.json({ serviceCode, serviceVersion: row.serviceVersion, updatedAt: row.updatedAt.toISOString() }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/drafts/{serviceCode}',
      tags: ['Forms'],
      summary: 'My draft of a service',
      middleware: [requireUser] as const,
      request: { params: codeParam },
      responses: { 200: { description: 'The draft', content: { 'application/json': { schema: DraftSchema } } }, ...errorsFor(400, 401, 404) },
    }),
    (c) => {
      const { serviceCode } = c.req.valid('param')
      const row = c.var.deps.db
        .select()
        .from(formDrafts)
        .where(and(eq(formDrafts.cardNumber, c.var.user!.cardNumber), eq(formDrafts.serviceCode, serviceCode)))
        .get()
      if (!row) throw new HallError(404, 'no_draft', `You have no draft of "${serviceCode}"`, `您没有“${serviceCode}”的草稿`)
      return c.json(draftOf(row), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/drafts/{serviceCode}',
      tags: ['Forms'],
      summary: 'Discard my draft of a service (doing it twice is fine)',
      middleware: [requireUser] as const,
      request: { params: codeParam },
      responses: {
        200: { description: 'Discarded', content: { 'application/json': { schema: z.object({ serviceCode: z.string(), deleted: z.boolean() }) } } },
        ...errorsFor(400, 401),
      },
    }),
    (c) => {
      const { serviceCode } = c.req.valid('param')
      const result = c.var.deps.db
        .delete(formDrafts)
        .where(and(eq(formDrafts.cardNumber, c.var.user!.cardNumber), eq(formDrafts.serviceCode, serviceCode)))
        .run()
      return c.json({ serviceCode, deleted: result.changes > 0 }, 200)
    },
  )

function tooLarge(size?: number, max?: number) {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`
  return new HallError(
    413,
    'draft_too_large',
    size && max
      ? `The draft is ${kb(size)}; a draft may be at most ${kb(max)}. Attach long texts as files.`
      : 'The draft is too large. Attach long texts as files.',
    size && max ? `草稿有 ${kb(size)}，超过 ${kb(max)} 的上限，长文本请以附件形式上传。` : '草稿过大，长文本请以附件形式上传。',
  )
}
