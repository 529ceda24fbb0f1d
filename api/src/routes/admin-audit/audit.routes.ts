import { createRoute } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { auditRequest } from '../../audit/record.ts'
import { requireUser } from '../../auth/index.ts'
import type { AppEnv } from '../../lib/context.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { AuditActions, AuditCsv, AuditFilter, AuditPage, AuditQuery } from './audit.schemas.ts'
import { EXPORT_MAX_ROWS, auditActions, auditCsv, countAudit, listAudit } from './audit.service.ts'

// The audit log for administrators: search it by person, application, action and time, page
// through it, and export what a filter matches. Reading it is itself a privilege: an export is
// audited, so who took a copy of the log is in the log.

const router = createRouter()
router.use('/api/admin/audit', requireUser)
router.use('/api/admin/audit/*', requireUser)
const onlyAdmins = createMiddleware<AppEnv>(async (c, next) => {
  if (!policy.canReadAuditLog(c.get('user'))) {
    throw new HallError(403, 'forbidden', 'Only administrators read the audit log', '只有系统管理员可以查看审计日志')
  }
  await next()
})
router.use('/api/admin/audit', onlyAdmins)
router.use('/api/admin/audit/*', onlyAdmins)

export const adminAuditRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/audit',
      tags: ['Audit'],
      summary: 'Audit entries matching a filter, newest first, a page at a time',
      request: { query: AuditQuery },
      responses: { 200: json(AuditPage, 'A page of entries and how many match'), ...errorsFor(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const { db } = c.get('deps')
      const total = await countAudit(db, q)
      return c.json({ items: await listAudit(db, q, q.pageSize, (q.page - 1) * q.pageSize), total, page: q.page, pageSize: q.pageSize }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/audit/actions',
      tags: ['Audit'],
      summary: 'The actions that occur in the hall’s log, for the filter',
      responses: { 200: json(AuditActions, 'Distinct actions, sorted'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ actions: await auditActions(c.get('deps').db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/audit/export',
      tags: ['Audit'],
      summary: 'Every entry matching a filter as CSV (UTF-8; no cell can run as a formula)',
      request: { query: AuditFilter },
      responses: {
        200: { description: 'The CSV file', content: { 'text/csv': { schema: AuditCsv } } },
        ...errorsFor(400, 401, 403, 422),
      },
    }),
    async (c) => {
      const f = c.req.valid('query')
      const { db } = c.get('deps')
      const total = await countAudit(db, f)
      if (total > EXPORT_MAX_ROWS) {
        throw new HallError(
          422,
          'too_many_rows',
          `${total} entries match; an export holds at most ${EXPORT_MAX_ROWS}. Narrow the dates or add a person or an action.`,
          `共有 ${total} 条记录符合条件，一次最多导出 ${EXPORT_MAX_ROWS} 条；请缩小时间范围，或按人员、动作筛选`,
        )
      }
      await auditRequest(c, { action: 'audit.exported', outcome: 'success', targetKind: 'audit_log', detail: { filter: f, rows: total } })
      const stamp = c.get('deps').now().toISOString().slice(0, 10)
      c.header('Content-Disposition', `attachment; filename="hall-audit-${stamp}.csv"`)
      c.header('Cache-Control', 'no-store')
      return c.body(await auditCsv(db, f), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
    },
  )
