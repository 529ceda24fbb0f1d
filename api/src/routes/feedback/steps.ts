import { stepName, type ProcessDefinition } from '@hall/workflow'
import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { serviceVersions } from '../../db/schema/index.ts'

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
export function stepNames(db: Db, versionIds: number[]) {
  const processes = new Map<number, ProcessDefinition | null>()
  const unique = [...new Set(versionIds)]
  for (let i = 0; i < unique.length; i += 500) {
    for (const v of db.select({ id: serviceVersions.id, process: serviceVersions.process }).from(serviceVersions).where(inArray(serviceVersions.id, unique.slice(i, i + 500))).all()) {
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
