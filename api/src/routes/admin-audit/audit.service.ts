import { and, count, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm'
import { epochMs, jsonAsText, jsonObjectText, jsonSetText, likeIgnoringCase, unionAllOf } from '../../db/portable-sql.ts'
import type { Db } from '../../db/client.ts'
import { auditEvents, auditLog, serviceAuditEvents } from '../../db/schema/index.ts'
import type { AuditFilterInput, AuditItemView } from './audit.schemas.ts'

// Reading the audit log. Each source is one SELECT with the same columns and the same filter
// applied to its own expressions; `all` joins them with UNION ALL and pages the whole, newest
// first. Application and service histories keep their own tables (they are written with each
// transition); here they only get a prefix on their action and a fixed outcome.

// A type, not an interface: Object.entries keeps a type's value types (an interface's are `any`).
type Columns = {
  source: SQL.Aliased<string>
  id: SQL.Aliased<number>
  at: SQL.Aliased<number>
  actor: SQL.Aliased<string>
  action: SQL.Aliased<string>
  outcome: SQL.Aliased<string>
  targetKind: SQL.Aliased<string | null>
  targetId: SQL.Aliased<string | null>
  applicationId: SQL.Aliased<number | null>
  ip: SQL.Aliased<string | null>
  detail: SQL.Aliased<string | null>
}

const hallColumns: Columns = {
  source: sql<string>`'hall'`.as('source'),
  id: sql<number>`${auditLog.id}`.as('id'),
  at: sql<number>`${epochMs(auditLog.at)}`.as('at'),
  actor: sql<string>`${auditLog.actor}`.as('actor'),
  action: sql<string>`${auditLog.action}`.as('action'),
  outcome: sql<string>`${auditLog.outcome}`.as('outcome'),
  targetKind: sql<string | null>`${auditLog.targetKind}`.as('targetKind'),
  targetId: sql<string | null>`${auditLog.targetId}`.as('targetId'),
  applicationId: sql<number | null>`${auditLog.applicationId}`.as('applicationId'),
  ip: sql<string | null>`${auditLog.ip}`.as('ip'),
  detail: sql<string | null>`${jsonAsText(auditLog.detail)}`.as('detail'),
}

const applicationColumns: Columns = {
  source: sql<string>`'application'`.as('source'),
  id: sql<number>`${auditEvents.id}`.as('id'),
  at: sql<number>`${epochMs(auditEvents.at)}`.as('at'),
  actor: sql<string>`${auditEvents.actor}`.as('actor'),
  action: sql<string>`'application.' || ${auditEvents.action}`.as('action'),
  outcome: sql<string>`'success'`.as('outcome'),
  targetKind: sql<string | null>`'application'`.as('targetKind'),
  targetId: sql<string | null>`cast(${auditEvents.applicationId} as text)`.as('targetId'),
  applicationId: sql<number | null>`${auditEvents.applicationId}`.as('applicationId'),
  ip: sql<string | null>`null`.as('ip'),
  detail: sql<string | null>`${jsonObjectText({ opinion: auditEvents.opinion, stepId: auditEvents.stepId, onBehalfOf: auditEvents.onBehalfOf })}`.as('detail'),
}

const serviceColumns: Columns = {
  source: sql<string>`'service'`.as('source'),
  id: sql<number>`${serviceAuditEvents.id}`.as('id'),
  at: sql<number>`${epochMs(serviceAuditEvents.at)}`.as('at'),
  actor: sql<string>`${serviceAuditEvents.actorCardNumber}`.as('actor'),
  action: sql<string>`'service.' || ${serviceAuditEvents.action}`.as('action'),
  outcome: sql<string>`'success'`.as('outcome'),
  targetKind: sql<string | null>`'service'`.as('targetKind'),
  targetId: sql<string | null>`${serviceAuditEvents.serviceCode}`.as('targetId'),
  applicationId: sql<number | null>`null`.as('applicationId'),
  ip: sql<string | null>`null`.as('ip'),
  detail: sql<string | null>`${jsonSetText(serviceAuditEvents.detail, 'version', serviceAuditEvents.version)}`.as('detail'),
}

/** LIKE with the filter's own % and _ taken literally. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

function where(aliased: Columns, f: AuditFilterInput): SQL | undefined {
  // The expressions themselves, not their aliases: in WHERE, SQLite would read `action` as the
  // table's own column, not as the prefixed `'application.' || action`.
  const c = Object.fromEntries(Object.entries(aliased).map(([k, v]) => [k, v.sql])) as { [K in keyof Columns]: SQL }
  return and(
    f.person ? or(eq(c.actor, f.person), and(eq(c.targetKind, 'person'), eq(c.targetId, f.person))) : undefined,
    f.applicationId ? eq(c.applicationId, f.applicationId) : undefined,
    f.action ? (f.action.endsWith('.') ? likeIgnoringCase(c.action, likePrefix(f.action)) : eq(c.action, f.action)) : undefined,
    f.outcome ? eq(c.outcome, f.outcome) : undefined,
    f.from ? gte(c.at, Date.parse(f.from)) : undefined,
    f.to ? lte(c.at, Date.parse(f.to)) : undefined,
  )
}

const sources = (f: AuditFilterInput) =>
  f.source === 'all'
    ? ([
        [hallColumns, auditLog],
        [applicationColumns, auditEvents],
        [serviceColumns, serviceAuditEvents],
      ] as const)
    : ([[hallColumns, auditLog]] as const)

type Raw = {
  source: string
  id: number
  at: number
  actor: string
  action: string
  outcome: string
  targetKind: string | null
  targetId: string | null
  applicationId: number | null
  ip: string | null
  detail: string | null
}

function view(r: Raw): AuditItemView {
  let detail: Record<string, unknown> = {}
  try {
    const parsed: unknown = r.detail ? JSON.parse(r.detail) : {}
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) detail = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null))
  } catch {
    // A detail that is not JSON is shown as text rather than failing the whole page.
    detail = { text: r.detail }
  }
  return {
    key: `${r.source}:${r.id}`,
    source: r.source as AuditItemView['source'],
    at: new Date(Number(r.at)).toISOString(),
    actor: r.actor,
    action: r.action,
    outcome: r.outcome as AuditItemView['outcome'],
    targetKind: r.targetKind,
    targetId: r.targetId,
    applicationId: r.applicationId,
    ip: r.ip,
    detail,
  }
}

/** How many entries the filter matches, over every source it asks for. */
export async function countAudit(db: Db, f: AuditFilterInput): Promise<number> {
  let sum = 0
  for (const [c, table] of sources(f)) sum += (await db.select({ n: count() }).from(table).where(where(c, f)))[0]?.n ?? 0
  return sum
}

/** One page of the entries the filter matches, newest first (ties by source and id, so pages never overlap). */
export async function listAudit(db: Db, f: AuditFilterInput, limit: number, offset: number): Promise<AuditItemView[]> {
  const select = (c: Columns, table: typeof auditLog | typeof auditEvents | typeof serviceAuditEvents) =>
    db
      .select({ ...c })
      .from(table)
      .where(where(c, f))
  const order = [desc(sql`at`), desc(sql`source`), desc(sql`id`)]
  const rows: Raw[] =
    f.source === 'all'
      ? await unionAllOf(select(hallColumns, auditLog), select(applicationColumns, auditEvents), select(serviceColumns, serviceAuditEvents))
          .orderBy(...order)
          .limit(limit)
          .offset(offset)
      : await select(hallColumns, auditLog)
          .orderBy(...order)
          .limit(limit)
          .offset(offset)
  return rows.map(view)
}

/** The actions that occur in the hall's log, for the filter's list (a family is typed as `login.`). */
export async function auditActions(db: Db): Promise<string[]> {
  return (await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)).map((r) => r.action)
}

/** The most rows one export holds: beyond it the administrator narrows the filter. */
export const EXPORT_MAX_ROWS = 50_000

/**
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or CR before
 * one) gets a leading apostrophe, the OWASP advice for CSV injection; quotes are doubled and every
 * cell quoted, so a comma or a line break in a value cannot make a new column or row.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

const HEADER = [
  'time (UTC) 时间',
  'actor 操作人',
  'action 动作',
  'outcome 结果',
  'target kind 对象类型',
  'target 对象',
  'application 申请编号',
  'address 地址',
  'detail 详情',
  'source 来源',
]

/** The filter's entries as CSV (UTF-8 with a BOM, so Excel reads Chinese), newest first. */
export async function auditCsv(db: Db, f: AuditFilterInput): Promise<string> {
  const rows = await listAudit(db, f, EXPORT_MAX_ROWS, 0)
  const lines = [HEADER.map(csvCell).join(',')]
  for (const r of rows) {
    lines.push(
      [r.at, r.actor, r.action, r.outcome, r.targetKind, r.targetId, r.applicationId, r.ip, Object.keys(r.detail).length ? r.detail : '', r.source]
        .map(csvCell)
        .join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
