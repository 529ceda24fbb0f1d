import { createRoute, z } from '@hono/zod-openapi'
import { and, desc, eq } from 'drizzle-orm'
import { requireUser } from '../../auth/index.ts'
import { RECORDS_CONTACT_DEPARTMENT } from '../../auth/user.ts'
import { personOrWarning } from '../../data-platform/index.ts'
import { transaction } from '../../db/client.ts'
import { dataErrorReports, departments, people, roleGrants } from '../../db/schema/index.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { rateLimit } from '../../floods/index.ts'
import { enqueueNotification } from '../../notifications/enqueue.ts'
import { policy } from '../../policy/index.ts'
import { currentForm, findField } from './forms.service.ts'
import { ServiceCode, unavailable } from './schemas.ts'

// "This pre-filled value is wrong" (报错): the report goes to the department that owns the source
// system — an in-app notification to each of its reviewers, and a message in the outbox for
// e-mail and app push — which corrects the value at the source. The hall never edits it itself.

const DepartmentCode = z.string().regex(/^[a-z0-9-]{2,40}$/, 'a department is a code such as housing')
const RecordPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, 'a path names a value of the record, such as student.dormitory.label')

const ReportBody = z.object({
  serviceCode: ServiceCode.optional().openapi({ description: 'The service whose form showed the value' }),
  fieldKey: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'fieldKey is a field key')
    .max(64),
  path: RecordPath,
  note: z
    .string()
    .trim()
    .min(2, 'say what is wrong (at least 2 characters)')
    .max(500, 'a note is at most 500 characters')
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'a note has no control characters')
    .openapi({ example: '我已于 11 月调到 5 号楼 219 室' }),
})

const ReportSchema = z
  .object({
    id: z.number().int(),
    reporter: z.object({ cardNumber: z.string(), name: z.string() }),
    serviceCode: z.string().nullable(),
    fieldKey: z.string(),
    path: z.string(),
    reportedValue: z.string().nullable(),
    note: z.string(),
    systemCode: z.string(),
    department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    status: z.enum(['open', 'resolved']),
    createdAt: z.string(),
  })
  .openapi('DataErrorReport')

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
              schema: z.object({
                id: z.number().int(),
                department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
                system: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
                notified: z.number().int().openapi({ description: 'How many of its reviewers were notified' }),
                createdAt: z.string(),
              }),
            },
          },
        },
        ...errorsFor(400, 401, 404, 409, 422),
        ...unavailable,
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const deps = c.var.deps
      const user = c.var.user!
      let label = { zh: body.path, en: body.path }
      if (body.serviceCode) {
        const form = currentForm(deps.db, body.serviceCode)
        if (!form)
          throw new HallError(404, 'not_found', `There is no service "${body.serviceCode}" in the catalog`, `服务目录中没有“${body.serviceCode}”这项服务`)
        const field = form.definition ? findField(form.definition, body.fieldKey) : undefined
        if (!field || field.type === 'info' || field.prefill?.path !== body.path) {
          throw new HallError(
            400,
            'bad_request',
            `Field "${body.fieldKey}" of "${form.nameEn}" is not pre-filled from ${body.path}`,
            `“${form.nameZh}”的“${body.fieldKey}”不是由 ${body.path} 预填的`,
          )
        }
        label = field.label
      }
      const { record, warning } = await personOrWarning(deps, user.cardNumber)
      if (warning) throw new HallError(503, warning.code, warning.message, warning.messageZh)
      if (!record) {
        const contact = deps.db.select().from(departments).where(eq(departments.code, RECORDS_CONTACT_DEPARTMENT)).get()
        throw new HallError(
          422,
          'not_in_data_platform',
          `The data platform has no record of you, so there is nothing to correct: ask ${contact ? `the ${contact.nameEn} (${contact.phone})` : 'the information office'} to add you`,
          `学校数据中心还没有您的信息，无从更正：请联系${contact ? `${contact.nameZh}（${contact.phone}）` : '学校信息化管理部门'}补录`,
        )
      }
      const value = record.values[body.path]
      if (!value) {
        throw new HallError(
          422,
          'no_such_value',
          `Your record has no value at ${body.path}: nothing was pre-filled from it`,
          `您的信息中没有 ${body.path} 这一项，没有可更正的预填值`,
        )
      }
      const source = value.source
      const open = deps.db
        .select({ id: dataErrorReports.id, createdAt: dataErrorReports.createdAt })
        .from(dataErrorReports)
        .where(and(eq(dataErrorReports.reporterCardNumber, user.cardNumber), eq(dataErrorReports.path, body.path), eq(dataErrorReports.status, 'open')))
        .get()
      if (open) {
        const day = open.createdAt.toISOString().slice(0, 10)
        throw new HallError(
          409,
          'already_reported',
          `You reported this value on ${day}; the ${source.departmentEn} is looking into it`,
          `您已于 ${day} 报告过这一项，${source.departmentZh}正在核实`,
        )
      }
      const reviewers = deps.db
        .select({ cardNumber: roleGrants.cardNumber })
        .from(roleGrants)
        .where(and(eq(roleGrants.role, 'reviewer'), eq(roleGrants.scope, source.departmentCode)))
        .all()
      const now = deps.now()
      const id = transaction(deps.db, (tx) => {
        const report = tx
          .insert(dataErrorReports)
          .values({
            reporterCardNumber: user.cardNumber,
            serviceCode: body.serviceCode ?? null,
            fieldKey: body.fieldKey,
            path: body.path,
            reportedValue: String(value.value),
            note: body.note,
            systemCode: source.systemCode,
            departmentCode: source.departmentCode,
            createdAt: now,
          })
          .returning({ id: dataErrorReports.id })
          .get()
        const titleZh = `数据纠错：${user.name} 报告${source.systemZh}中的“${label.zh}”有误`
        const titleEn = `Data correction: ${user.nameEn} reports that “${label.en}” in the ${source.systemEn} is wrong`
        const link = `/todo/data-errors?department=${encodeURIComponent(source.departmentCode)}&report=${report.id}`
        for (const r of reviewers) {
          enqueueNotification(
            tx,
            {
              recipient: r.cardNumber,
              kind: 'data_error_reported',
              titleZh,
              titleEn,
              link,
              payload: { reportId: report.id, departmentCode: source.departmentCode, systemCode: source.systemCode, note: body.note },
            },
            now,
          )
        }
        return report.id
      })
      return c.json(
        {
          id,
          department: { code: source.departmentCode, nameZh: source.departmentZh, nameEn: source.departmentEn },
          system: { code: source.systemCode, nameZh: source.systemZh, nameEn: source.systemEn },
          notified: reviewers.length,
          createdAt: now.toISOString(),
        },
        201,
      )
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
        query: z
          .object({
            department: DepartmentCode.optional(),
            mine: z.literal('1').optional(),
            status: z.enum(['open', 'resolved', 'all']).default('open'),
          })
          .refine((q) => !!q.department !== !!q.mine, { message: 'give either department or mine=1', path: ['department'] }),
      },
      responses: {
        200: { description: 'Reports, newest first', content: { 'application/json': { schema: z.object({ items: z.array(ReportSchema) }) } } },
        ...errorsFor(400, 401, 403),
      },
    }),
    (c) => {
      const { department, status } = c.req.valid('query')
      const { db } = c.var.deps
      const user = c.var.user!
      if (department && !policy.canReadDataErrors(user, department)) {
        throw new HallError(
          403,
          'forbidden',
          `Only the reviewers of "${department}" see its data-error reports`,
          `只有“${department}”的审核人可以查看其数据纠错报告`,
        )
      }
      const rows = db
        .select({ report: dataErrorReports, reporterName: people.name, department: departments })
        .from(dataErrorReports)
        .leftJoin(people, eq(people.cardNumber, dataErrorReports.reporterCardNumber))
        .innerJoin(departments, eq(departments.code, dataErrorReports.departmentCode))
        .where(
          and(
            department ? eq(dataErrorReports.departmentCode, department) : eq(dataErrorReports.reporterCardNumber, user.cardNumber),
            status === 'all' ? undefined : eq(dataErrorReports.status, status),
          ),
        )
        .orderBy(desc(dataErrorReports.createdAt), desc(dataErrorReports.id))
        .limit(200)
        .all()
      const items = rows.map(({ report: r, reporterName, department: d }) => ({
        id: r.id,
        reporter: { cardNumber: r.reporterCardNumber, name: reporterName ?? r.reporterCardNumber },
        serviceCode: r.serviceCode,
        fieldKey: r.fieldKey,
        path: r.path,
        reportedValue: r.reportedValue,
        note: r.note,
        systemCode: r.systemCode,
        department: { code: d.code, nameZh: d.nameZh, nameEn: d.nameEn },
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      }))
      return c.json({ items }, 200)
    },
  )
