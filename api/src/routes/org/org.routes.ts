import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { clientAddress } from '../../lib/client-address.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json, workbook, XLSX } from '../../lib/router.ts'
import { limitBody } from '../../lib/body-limit.ts'
import type { AppEnv } from '../../lib/context.ts'
import { createMiddleware } from 'hono/factory'
import { policy } from '../../policy/index.ts'
import { getImport, listImports, recordFailedImport, runImport, type ImportReport } from './org.service.ts'
import { readOrganisationFile, templateWorkbook, UnreadableFile } from './org.sheets.ts'
import { grantRole, orgUnits, revokeRole, searchAdminPeople } from './people-admin.service.ts'
import {
  AdminPeopleList,
  AdminPeopleQuery,
  CardParam,
  GrantBody,
  Granted,
  IdParam,
  ImportForm,
  ImportRunList,
  ImportRunWithReport,
  Revoked,
  RevokeQuery,
  Units,
  type ImportReportView,
} from './org.schemas.ts'

// The organisation in the administration console (issue 12): the import template, imports (a dry
// run first, then the run) and their history, people and their roles. Administrators only.

const router = createRouter()
for (const path of ['/api/admin/org/*', '/api/admin/people', '/api/admin/people/*']) {
  router.use(path, requireUser)
  router.use(path, async (c, next) => {
    if (!policy.canManageOrganisation(c.get('user'))) {
      throw new HallError(403, 'forbidden', 'Only administrators manage people, roles and organisation imports', '只有系统管理员可以管理人员、角色和组织导入')
    }
    await next()
  })
}

const runView = (r: NonNullable<Awaited<ReturnType<typeof getImport>>>) => ({
  id: r.id,
  source: r.source,
  origin: r.origin,
  mode: r.mode,
  dryRun: r.dryRun,
  status: r.status,
  actor: r.actor,
  at: r.at.toISOString(),
})

export const orgRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/org/template',
      tags: ['Organisation'],
      summary: 'Download the import template (.xlsx): one sheet per kind with its header and an example row, and a notes sheet',
      responses: { 200: workbook('The workbook'), ...errorsFor(401, 403) },
    }),
    async (c) => {
      const file = await templateWorkbook()
      return c.body(new Uint8Array(file), 200, {
        'Content-Type': XLSX,
        'Content-Disposition': 'attachment; filename="organisation-template.xlsx"',
        'Cache-Control': 'no-store',
      })
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/org/imports',
      tags: ['Organisation'],
      summary: 'Import the organisation from an .xlsx or .csv file (a dry run unless dryRun=false)',
      description:
        'A dry run reports what would be added, changed and removed, and every refused row with its sheet, row number and reason, and imports nothing. A run imports the valid rows in one transaction. Both are kept with their report (GET /api/admin/org/imports). A file that cannot be read at all answers 422 and is kept as a failed run.',
      middleware: [
        createMiddleware<AppEnv>(async (c, next) =>
          limitBody({
            maxSize: c.get('deps').env.uploadMaxBytes + 64 * 1024,
            onError: () => {
              throw new HallError(
                413,
                'file_too_large',
                'The file is larger than the hall takes (HALL_UPLOAD_MAX_MB)',
                '文件超过办事大厅的上限（HALL_UPLOAD_MAX_MB）',
              )
            },
          })(c, next),
        ),
      ] as const,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: ImportForm } } } },
      responses: { 200: json(ImportRunWithReport, 'The run and its report'), ...errorsFor(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const form = c.req.valid('form')
      const dryRun = form.dryRun !== 'false'
      const base = {
        mode: form.mode,
        dryRun,
        source: 'file' as const,
        origin: form.file.name || 'upload',
        actor: user!.cardNumber,
        ip: clientAddress(c, deps.env.trustProxyHops),
      }
      let read
      try {
        read = await readOrganisationFile(new Uint8Array(await form.file.arrayBuffer()), form.file.name)
      } catch (err) {
        if (!(err instanceof UnreadableFile)) throw err
        await recordFailedImport(deps, { ...base, reason: err.message, reasonZh: err.messageZh })
        throw new HallError(422, 'unreadable_file', err.message, err.messageZh)
      }
      const run = await runImport(deps, { ...base, rows: read.rows, readRefused: read.refused })
      const row = (await getImport(deps.db, run.id))!
      return c.json({ ...runView(row), report: run.report }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/org/imports',
      tags: ['Organisation'],
      summary: 'The import runs (dry runs too), newest first, with their counts',
      responses: { 200: json(ImportRunList, 'At most 50 runs'), ...errorsFor(401, 403) },
    }),
    async (c) => {
      const items = (await listImports(c.get('deps').db)).map((r) => ({ ...runView(r), counts: (r.report as unknown as ImportReport).counts }))
      return c.json({ items }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/org/imports/{id}',
      tags: ['Organisation'],
      summary: 'One import run with its whole report',
      request: { params: IdParam },
      responses: { 200: json(ImportRunWithReport, 'The run'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const row = await getImport(c.get('deps').db, c.req.valid('param').id)
      if (!row) throw new HallError(404, 'not_found', 'There is no such import run', '没有这次导入记录')
      return c.json({ ...runView(row), report: row.report as unknown as ImportReportView }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/org/units',
      tags: ['Organisation'],
      summary: 'Departments, classes and roles: what a role can be granted in',
      responses: { 200: json(Units, 'Everything a grant may name'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json(await orgUnits(c.get('deps').db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/people',
      tags: ['Organisation'],
      summary: 'Find people (those who left too) by name or card number, with their roles',
      request: { query: AdminPeopleQuery },
      responses: { 200: json(AdminPeopleList, 'At most 50 people; `total` counts every match'), ...errorsFor(400, 401, 403) },
    }),
    async (c) => {
      const { q, role } = c.req.valid('query')
      return c.json(await searchAdminPeople(c.get('deps').db, q, role), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/people/{cardNumber}/roles',
      tags: ['Organisation'],
      summary: 'Grant a role with its scope (audited)',
      request: { params: CardParam, body: { required: true, content: { 'application/json': { schema: GrantBody } } } },
      responses: {
        200: json(Granted, 'Granted (granted=false: it was held already)'),
        ...errorsFor(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const { role, scope } = c.req.valid('json')
      const result = await grantRole(deps.db, deps.now(), {
        cardNumber: c.req.valid('param').cardNumber,
        role,
        scope,
        actor: user!.cardNumber,
        ip: clientAddress(c, deps.env.trustProxyHops),
      })
      return c.json(result, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/people/{cardNumber}/roles',
      tags: ['Organisation'],
      summary: 'Revoke a role held in a scope (audited)',
      request: { params: CardParam, query: RevokeQuery },
      responses: { 200: json(Revoked, 'Revoked'), ...errorsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const { role, scope } = c.req.valid('query')
      const result = await revokeRole(deps.db, deps.now(), {
        cardNumber: c.req.valid('param').cardNumber,
        role,
        scope,
        actor: user!.cardNumber,
        ip: clientAddress(c, deps.env.trustProxyHops),
      })
      return c.json(result, 200)
    },
  )
