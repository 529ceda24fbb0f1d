import { createRoute } from '@hono/zod-openapi'
import type { AppEnv } from '../../lib/context.ts'
import { clientAddress } from '../../lib/client-address.ts'
import { errorBody, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { limitBody } from '../../lib/body-limit.ts'
import { requireServiceAdmin } from '../../auth/index.ts'
import {
  AuditList,
  AvailabilityBody,
  CreateServiceBody,
  Done,
  DraftPatch,
  InvalidDraftSchema,
  ManagedServiceList,
  OptionsSchema,
  Params,
  ServiceDetailSchema,
  ShortNameBody,
  ValidationSchema,
} from './admin-services.schemas.ts'
import {
  auditOf,
  createService,
  discardDraft,
  editDraft,
  listManaged,
  options,
  publish,
  retire,
  serviceDetail,
  setAvailability,
  setShortName,
  startDraft,
  validateDraft,
} from './admin-services.service.ts'

// Service administration: service owners manage their department's services, admins all of them
// (policy.canManageService). Anyone else is refused the whole area with 403; a service of another
// department is 404 (policy.managedDepartments). Every write is audited in its own transaction.

// A form with many sections, and its process, fit comfortably; anything bigger is a mistake.
const limit = limitBody({
  maxSize: 512 * 1024,
  onError: (c) => c.json(errorBody('too_large', 'A draft change may be at most 512 KiB', '一次草稿修改不能超过 512 KiB'), 413),
})

const errors = errorsFor(400, 401, 403, 404)

const router = createRouter()
router.use('/api/admin/services', requireServiceAdmin)
router.use('/api/admin/services/*', requireServiceAdmin)
router.use('/api/admin/service-options', requireServiceAdmin)

/** The service's state after a change, as every write answers. */
async function done(c: { get(key: 'deps'): AppEnv['Variables']['deps']; get(key: 'user'): AppEnv['Variables']['user'] }, code: string) {
  const { service, revision } = await serviceDetail(c.get('deps').db, c.get('user')!, code)
  return { code, version: service.draftVersion ?? service.currentVersion, status: service.status, revision }
}

export const adminServicesRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/services',
      tags: ['Service administration'],
      summary: 'The services I manage (service owners: their department’s; admins: all), with status',
      responses: { 200: json(ManagedServiceList, 'Managed services'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ items: await listManaged(c.get('deps').db, c.get('user')!) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/service-options',
      tags: ['Service administration'],
      summary: 'What the editors offer: my departments, categories, the organisation’s roles, pre-fill paths',
      responses: { 200: json(OptionsSchema, 'Options'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json(await options(c.get('deps').db, c.get('user')!), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/services',
      tags: ['Service administration'],
      summary: 'Creates a service as a draft (version 1, unpublished)',
      request: { body: { content: { 'application/json': { schema: CreateServiceBody } }, required: true } },
      responses: { 201: json(Done, 'Created'), ...errors, ...errorsFor(409, 422) },
    }),
    async (c) => {
      const code = await createService(c.get('deps').db, c.get('user')!, c.req.valid('json'), c.get('deps').now())
      return c.json(await done(c, code), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/services/{code}',
      tags: ['Service administration'],
      summary: 'One service I manage: its current version, its draft, its versions',
      request: { params: Params },
      responses: { 200: json(ServiceDetailSchema, 'The service'), ...errors },
    }),
    async (c) => c.json(await serviceDetail(c.get('deps').db, c.get('user')!, c.req.valid('param').code), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/services/{code}/audit',
      tags: ['Service administration'],
      summary: 'Every change to the service: who, when, what (newest first)',
      request: { params: Params },
      responses: { 200: json(AuditList, 'Audit history'), ...errors },
    }),
    async (c) => c.json({ items: await auditOf(c.get('deps').db, c.get('user')!, c.req.valid('param').code) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/services/{code}/draft',
      tags: ['Service administration'],
      summary: 'Starts the next version as a copy of the current one',
      request: { params: Params },
      responses: { 201: json(Done, 'Draft started'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      await startDraft(c.get('deps').db, c.get('user')!, code, c.get('deps').now())
      return c.json(await done(c, code), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/services/{code}/draft',
      tags: ['Service administration'],
      summary: 'Changes parts of the draft: details, the bilingual guide, the form definition, the process definition',
      description: 'A draft may be incomplete: only the shape of each part is checked here. Validate (or publish) checks the form and the process in full.',
      middleware: [limit] as const,
      request: { params: Params, body: { content: { 'application/json': { schema: DraftPatch } }, required: true } },
      responses: { 200: json(Done, 'Saved'), ...errors, ...errorsFor(409, 413) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      await editDraft(c.get('deps').db, c.get('user')!, code, c.req.valid('json'), c.get('deps').now())
      return c.json(await done(c, code), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/services/{code}/draft',
      tags: ['Service administration'],
      summary: 'Discards the draft of a published service',
      request: { params: Params },
      responses: { 200: json(Done, 'Discarded'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      await discardDraft(c.get('deps').db, c.get('user')!, code, c.get('deps').now())
      return c.json(await done(c, code), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/services/{code}/draft/validate',
      tags: ['Service administration'],
      summary: 'Every reason the draft cannot be published yet, each saying where (part, path, step or field), in both languages',
      request: { params: Params },
      responses: { 200: json(ValidationSchema, 'The issues (none: it can be published)'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const issues = await validateDraft(c.get('deps').db, c.get('user')!, c.req.valid('param').code)
      return c.json({ ok: issues.length === 0, issues }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/services/{code}/publish',
      tags: ['Service administration'],
      summary: 'Publishes the draft as the service’s new current version',
      description:
        'New applications use the new version at once; applications already started keep theirs. A service published for the first time goes online. Refused with 422 and every issue when the draft does not validate.',
      request: { params: Params },
      responses: { 200: json(Done, 'Published'), 422: json(InvalidDraftSchema, 'The draft has issues; nothing was published'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const result = await publish(c.get('deps').db, c.get('user')!, code, c.get('deps').now())
      if (!result.ok) {
        const n = result.issues.length
        return c.json(
          {
            ...errorBody(
              'invalid_draft',
              `The draft has ${n} issue(s) to fix before it can be published: ${result.issues[0]!.message.en}`,
              `草稿还有 ${n} 处问题，修正后才能发布：${result.issues[0]!.message.zh}`,
            ),
            issues: result.issues,
          },
          422,
        )
      }
      return c.json(await done(c, code), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/services/{code}/availability',
      tags: ['Service administration'],
      summary: 'Switches the service online, online and offline (hybrid), or offline (listed, closed to new applications)',
      request: { params: Params, body: { content: { 'application/json': { schema: AvailabilityBody } }, required: true } },
      responses: { 200: json(Done, 'Switched'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      await setAvailability(c.get('deps').db, c.get('user')!, code, c.req.valid('json').availability, c.get('deps').now())
      return c.json(await done(c, code), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/services/{code}/short-name',
      tags: ['Service administration'],
      summary: 'Sets the short name new reference numbers carry (宿舍 in 2026-宿舍-000123); numbers already given keep theirs',
      description:
        '1–4 Chinese characters, Latin letters or digits; null or empty goes back to the default (the first two characters of the Chinese name). Not unique: the number is unique by its hall-wide sequence. Audited.',
      request: { params: Params, body: { content: { 'application/json': { schema: ShortNameBody } }, required: true } },
      responses: { 200: json(Done, 'Set'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const deps = c.get('deps')
      await setShortName(deps.db, c.get('user')!, code, c.req.valid('json').shortName, deps.now(), clientAddress(c, deps.env.trustProxyHops))
      return c.json(await done(c, code), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/services/{code}/retire',
      tags: ['Service administration'],
      summary: 'Retires the service: gone from the catalog; applications in progress finish on their version',
      request: { params: Params },
      responses: { 200: json(Done, 'Retired'), ...errors, ...errorsFor(409) },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      await retire(c.get('deps').db, c.get('user')!, code, c.get('deps').now())
      return c.json(await done(c, code), 200)
    },
  )
