import { and, desc, eq } from 'drizzle-orm'
import { RECORDS_CONTACT_DEPARTMENT } from '../../auth/user.ts'
import { personOrWarning } from '../../data-platform/index.ts'
import { transaction, type Db } from '../../db/client.ts'
import { dataErrorReports, departments, people, roleGrants } from '../../db/schema/index.ts'
import type { Deps, SessionUser } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { enqueueNotification } from '../../notifications/enqueue.ts'
import type { ReportInput } from './forms.schemas.ts'
import { currentForm, findField, serviceNotFound } from './forms.service.ts'

// Reports of wrong pre-filled data (报错): checked against the form and the person's record, stored,
// and sent to the reviewers of the department that owns the source system, in one transaction.

/** Files a report and notifies the owning department's reviewers; what the 201 answers. */
export async function reportDataError(deps: Deps, user: SessionUser, body: ReportInput) {
  let label = { zh: body.path, en: body.path }
  if (body.serviceCode) {
    const form = await currentForm(deps.db, body.serviceCode)
    if (!form) throw serviceNotFound(body.serviceCode)
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
    const contact = (await deps.db.select().from(departments).where(eq(departments.code, RECORDS_CONTACT_DEPARTMENT)))[0]
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
  const open = (
    await deps.db
      .select({ id: dataErrorReports.id, createdAt: dataErrorReports.createdAt })
      .from(dataErrorReports)
      .where(and(eq(dataErrorReports.reporterCardNumber, user.cardNumber), eq(dataErrorReports.path, body.path), eq(dataErrorReports.status, 'open')))
  )[0]
  const alreadyReported = (at: Date) => {
    const day = at.toISOString().slice(0, 10)
    return new HallError(
      409,
      'already_reported',
      `You reported this value on ${day}; the ${source.departmentEn} is looking into it`,
      `您已于 ${day} 报告过这一项，${source.departmentZh}正在核实`,
    )
  }
  if (open) throw alreadyReported(open.createdAt)
  const reviewers = await deps.db
    .select({ cardNumber: roleGrants.cardNumber })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, 'reviewer'), eq(roleGrants.scope, source.departmentCode)))
  const now = deps.now()
  const id = await transaction(deps.db, async (tx) => {
    const report = (
      await tx
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
        // Another request may have reported it since the check above: the unique index of open
        // reports (data_error_reports_open) keeps one, and this one answers as the check would.
        .onConflictDoNothing()
        .returning({ id: dataErrorReports.id })
    )[0]
    if (!report) {
      const first = (
        await tx
          .select({ createdAt: dataErrorReports.createdAt })
          .from(dataErrorReports)
          .where(and(eq(dataErrorReports.reporterCardNumber, user.cardNumber), eq(dataErrorReports.path, body.path), eq(dataErrorReports.status, 'open')))
      )[0]
      throw alreadyReported(first?.createdAt ?? now)
    }
    const titleZh = `数据纠错：${user.name} 报告${source.systemZh}中的“${label.zh}”有误`
    const titleEn = `Data correction: ${user.nameEn} reports that “${label.en}” in the ${source.systemEn} is wrong`
    const link = `/todo/data-errors?department=${encodeURIComponent(source.departmentCode)}&report=${report.id}`
    for (const r of reviewers) {
      await enqueueNotification(
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
  return {
    id,
    department: { code: source.departmentCode, nameZh: source.departmentZh, nameEn: source.departmentEn },
    system: { code: source.systemCode, nameZh: source.systemZh, nameEn: source.systemEn },
    notified: reviewers.length,
    createdAt: now.toISOString(),
  }
}

export interface DataErrorQuery {
  /** A department's reports; without it, the reporter's own. */
  department?: string | undefined
  reporter: string
  status: 'open' | 'resolved' | 'all'
}

/** Reports, newest first (at most 200). */
export async function listDataErrors(db: Db, query: DataErrorQuery) {
  const { department, status } = query
  const rows = await db
    .select({ report: dataErrorReports, reporterName: people.name, department: departments })
    .from(dataErrorReports)
    .leftJoin(people, eq(people.cardNumber, dataErrorReports.reporterCardNumber))
    .innerJoin(departments, eq(departments.code, dataErrorReports.departmentCode))
    .where(
      and(
        department ? eq(dataErrorReports.departmentCode, department) : eq(dataErrorReports.reporterCardNumber, query.reporter),
        status === 'all' ? undefined : eq(dataErrorReports.status, status),
      ),
    )
    .orderBy(desc(dataErrorReports.createdAt), desc(dataErrorReports.id))
    .limit(200)
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
  return items
}

// What a person already reported (报错): the form marks those values "已报错 · 待核实 / Reported"
// on every visit until the owning department resolves the report, not only right after sending it.

/** The pre-fill sources with `reportedAt` on each value the person has an open report about (matched by record path). */
export async function withOpenReports<S extends { path: string }>(
  db: Db,
  cardNumber: string,
  sources: Record<string, S>,
): Promise<Record<string, S & { reportedAt?: string }>> {
  const open = new Map(
    (
      await db
        .select({ path: dataErrorReports.path, createdAt: dataErrorReports.createdAt })
        .from(dataErrorReports)
        .where(and(eq(dataErrorReports.reporterCardNumber, cardNumber), eq(dataErrorReports.status, 'open')))
    ).map((r) => [r.path, r.createdAt.toISOString()]),
  )
  return Object.fromEntries(
    Object.entries(sources).map(([key, source]) => {
      const reportedAt = open.get(source.path)
      return [key, reportedAt ? { ...source, reportedAt } : source]
    }),
  )
}
