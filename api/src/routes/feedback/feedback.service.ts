import { stepName, type ProcessDefinition } from '@hall/workflow'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { departments, people, serviceVersions, services } from '../../db/schema/index.ts'

// What every part of feedback reads: the names of services, departments and people, and the
// steps an application went through.

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)
/** The Beijing calendar month of an instant (`2026-10`): the only time shown of an anonymous rating. */
export const beijingMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)

export interface ServiceFacts {
  code: string
  nameZh: string
  nameEn: string
  ownerDepartmentCode: string
  /** The id of the current version. */
  versionId: number
}

/** Every service with the names of its current version and its owning department. */
export async function serviceFacts(db: Db): Promise<Map<string, ServiceFacts>> {
  const rows = await db
    .select({
      code: services.code,
      owner: services.ownerDepartmentCode,
      versionId: serviceVersions.id,
      nameZh: serviceVersions.nameZh,
      nameEn: serviceVersions.nameEn,
    })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
  return new Map(rows.map((r) => [r.code, { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, ownerDepartmentCode: r.owner, versionId: r.versionId }]))
}

export async function departmentNames(db: Db): Promise<Map<string, { nameZh: string; nameEn: string }>> {
  return new Map(
    (await db.select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments)).map((d) => [
      d.code,
      { nameZh: d.nameZh, nameEn: d.nameEn },
    ]),
  )
}

/** Names of people by card number (those the data platform knows); others show as their card number. */
export async function personNames(db: Db): Promise<Map<string, { name: string; nameEn: string }>> {
  return new Map(
    (await db.select({ card: people.cardNumber, name: people.name, nameEn: people.nameEn }).from(people)).map((p) => [
      p.card,
      { name: p.name, nameEn: p.nameEn ?? p.name },
    ]),
  )
}

/** The department that answers questions that name no service. */
export const HALL_DEPARTMENT = 'network-centre'

// The steps an application went through, read from its engine state (`state.tasks`): every task
// the engine opened and closed, with when. The state is the record of every application — the
// live ones and the demo's past ones, which have no task rows — so handling times per step and
// "which step could be better" come from it alike.

/** Outcomes that are a decision on the step (not a transfer or a cancellation). */
const DECISIONS = new Set(['approved', 'rejected', 'returned'])

export interface DecidedTask {
  stepId: string
  createdAt: Date
  closedAt: Date
}

/** The decided tasks in a stored state, in the order they were opened; none for a row without state. */
export function decidedTasks(stored: unknown): DecidedTask[] {
  const tasks = (stored as { tasks?: unknown } | null)?.tasks
  if (!Array.isArray(tasks)) return []
  const out: DecidedTask[] = []
  for (const t of tasks as Array<Record<string, unknown>>) {
    if (t.status !== 'closed' || !DECISIONS.has(String(t.outcome)) || typeof t.closedAt !== 'string' || typeof t.createdAt !== 'string') continue
    out.push({ stepId: String(t.stepId), createdAt: new Date(t.createdAt), closedAt: new Date(t.closedAt) })
  }
  return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/** Names of steps by service version: `nameOf(versionId, stepId)`, the step id when unknown. */
export async function stepNames(db: Db, versionIds: number[]) {
  const processes = new Map<number, ProcessDefinition | null>()
  const unique = [...new Set(versionIds)]
  for (let i = 0; i < unique.length; i += 500) {
    for (const v of await db
      .select({ id: serviceVersions.id, process: serviceVersions.process })
      .from(serviceVersions)
      .where(inArray(serviceVersions.id, unique.slice(i, i + 500)))) {
      processes.set(v.id, (v.process as ProcessDefinition | null) ?? null)
    }
  }
  return (versionId: number, stepId: string): { nameZh: string; nameEn: string } => {
    const process = processes.get(versionId)
    let name: { zh: string; en: string } | null = null
    try {
      name = process ? stepName(process, stepId) : null
    } catch {
      // A malformed stored process: show the id.
    }
    return name ? { nameZh: name.zh, nameEn: name.en } : { nameZh: stepId, nameEn: stepId }
  }
}
