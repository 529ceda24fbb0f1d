import { addWorkingHours } from '@hall/workflow'
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm'
import { transaction, type Db } from '../db/client.ts'
import { skippingLocked } from '../db/portable-sql.ts'
import { applications, people, serviceVersions, tasks } from '../db/schema/index.ts'
import type { Deps } from '../lib/context.ts'
import { HallError } from '../lib/errors.ts'
import { enqueueNotification } from '../notifications/enqueue.ts'
import { actIn } from './act.ts'
import { workingCalendar } from './calendar.ts'
import { composeMessage, links } from './messages.ts'

// The deadline scan (办理时限): a reminder to the assignee when a task's deadline is near
// (`deadline_near`), and, once it has passed, the engine's `timeout` — the assignee is told it is
// overdue and the step's escalation contacts are told too (`overdue`, `escalated`), as the step's
// definition says.
//
// Several API nodes may run the scan at the same moment (DESIGN rule 10). Each task is handled in
// its own transaction that first claims it with a conditional UPDATE
// (`SET reminded_at = now WHERE id = ? AND reminded_at IS NULL`, the same for
// `overdue_notified_at`) and writes the message in the same transaction: a node that loses the
// race changes no row and writes nothing, a node that crashes mid-way commits nothing, so no
// reminder is sent twice and none is skipped. Before the UPDATE, the task row is selected with
// `skippingLocked` (PostgreSQL: FOR UPDATE SKIP LOCKED): a task another node is handling right
// now is passed over at once, where the UPDATE would wait for that node's transaction and then,
// at SERIALIZABLE, fail and run again. The transaction stays SERIALIZABLE: the overdue notice
// runs the engine, which reads the application to decide what to write. When a deadline moves (an answered question), act.ts
// clears the claims with it.

/** Tasks whose deadline clock runs (the engine's `isOverdue` counts these). */
const RUNNING = ['open', 'waiting'] as const
/** Engine refusals that mean "nothing to do for this task any more": the claim stays, the task is done with. */
const STALE = new Set(['not_overdue', 'already_decided', 'already_escalated', 'application_closed', 'wrong_status', 'task_not_found'])
/** At most this many tasks per kind and scan; the next scan takes the rest. */
const BATCH = 500

export interface DueTasks {
  near: number[]
  overdue: number[]
}

/** The tasks a scan at `now` would handle (read only; another node may take them first). */
export async function findDueTasks(deps: Deps, now = deps.now()): Promise<DueTasks> {
  const { db, env } = deps
  const remindFrom = addWorkingHours(now, env.deadlineRemindHours, workingCalendar(env))
  const running = and(eq(tasks.box, 'todo'), inArray(tasks.status, [...RUNNING]))
  const near = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(running, isNull(tasks.remindedAt), gt(tasks.dueAt, now), lte(tasks.dueAt, remindFrom)))
    .orderBy(tasks.dueAt)
    .limit(BATCH)
  const overdue = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(running, isNull(tasks.overdueNotifiedAt), lte(tasks.dueAt, now)))
    .orderBy(tasks.dueAt)
    .limit(BATCH)
  return { near: near.map((r) => r.id), overdue: overdue.map((r) => r.id) }
}

/**
 * Sends the "deadline near" reminder of one task, unless another scan did; true if this one did.
 *
 * Worded by the same `composeMessage` as the engine's effects, but not an engine effect itself:
 * a reminder changes nothing in the application's state, and every engine transition bumps
 * `stateVersion`, so a reminder sent through the engine would make the reviewer's open page stale
 * (their next action a 409) for a message that only says "soon". The overdue notice, which does
 * change the state (the task is marked overdue, escalation contacts told), is the engine's `timeout`.
 */
export async function remindTask(deps: Deps, taskId: number, now = deps.now()): Promise<boolean> {
  return await transaction(deps.db, async (tx) => {
    const free = and(eq(tasks.id, taskId), isNull(tasks.remindedAt), eq(tasks.box, 'todo'), inArray(tasks.status, [...RUNNING]), gt(tasks.dueAt, now))
    if (!(await skippingLocked(tx.select({ id: tasks.id }).from(tasks).where(free))).length) return false
    const claimed = (await tx.update(tasks).set({ remindedAt: now }).where(free).returning())[0]
    if (!claimed) return false
    const facts = await factsOf(tx, claimed.applicationId)
    if (!facts) return true
    const step = { zh: claimed.stepNameZh, en: claimed.stepNameEn }
    const words = composeMessage('deadline_near', { ...facts.names, stepZh: step.zh, stepEn: step.en, dueAt: claimed.dueAt }, claimed.applicationId)
    await enqueueNotification(
      tx,
      {
        recipient: claimed.assigneeCardNumber,
        kind: 'deadline_near',
        ...words,
        link: links.task(claimed.id),
        applicationId: claimed.applicationId,
        referenceNumber: facts.referenceNumber,
        taskId: claimed.id,
        payload: {
          serviceCode: facts.serviceCode,
          serviceNameZh: facts.names.serviceZh,
          serviceNameEn: facts.names.serviceEn,
          stepNameZh: step.zh,
          stepNameEn: step.en,
          dueAt: claimed.dueAt?.toISOString() ?? null,
        },
      },
      now,
    )
    return true
  })
}

/**
 * Runs the engine's `timeout` on one overdue task (notices to the assignee and the escalation
 * contacts, an audit event), unless another scan did; true if this one did.
 */
export async function timeoutTask(deps: Deps, taskId: number, now = deps.now()): Promise<boolean> {
  return await transaction(deps.db, async (tx) => {
    const free = and(eq(tasks.id, taskId), isNull(tasks.overdueNotifiedAt), eq(tasks.box, 'todo'), inArray(tasks.status, [...RUNNING]), lte(tasks.dueAt, now))
    if (!(await skippingLocked(tx.select({ id: tasks.id }).from(tasks).where(free))).length) return false
    const claimed = (
      await tx.update(tasks).set({ overdueNotifiedAt: now }).where(free).returning({ applicationId: tasks.applicationId, engineTaskId: tasks.engineTaskId })
    )[0]
    if (!claimed?.engineTaskId) return false
    const app = (await tx.select({ version: applications.stateVersion }).from(applications).where(eq(applications.id, claimed.applicationId)))[0]
    if (!app) return false
    try {
      await actIn(
        tx,
        { ...deps, now: () => now },
        {
          applicationId: claimed.applicationId,
          expectedVersion: app.version,
          actor: 'system',
          action: { type: 'timeout', taskId: claimed.engineTaskId },
        },
      )
      return true
    } catch (e) {
      // Refused before anything was written (every refusal comes before the first write): the
      // task was decided or its deadline moved — or the application cannot be run at all (from
      // before the engine, a broken process), which a retry every minute would not mend. Keep the
      // claim so no scan tries again; say so when it is not the ordinary case.
      if (!(e instanceof HallError)) throw e
      if (!STALE.has(e.code)) deps.log.warn({ taskId, code: e.code, err: e.message }, 'deadline scan: the overdue notice could not be sent for this task')
      return false
    }
  })
}

export interface ScanResult {
  reminded: number
  overdue: number
  failed: number
}

/** One pass of the deadline scan. A task that fails is logged and left for the next pass. */
export async function scanDeadlines(deps: Deps): Promise<ScanResult> {
  const now = deps.now()
  const due = await findDueTasks(deps, now)
  const result: ScanResult = { reminded: 0, overdue: 0, failed: 0 }
  const each = async (ids: number[], handle: (id: number) => Promise<boolean>, key: 'reminded' | 'overdue') => {
    for (const id of ids) {
      try {
        if (await handle(id)) result[key] += 1
      } catch (err) {
        result.failed += 1
        deps.log.error({ err, taskId: id }, `deadline scan: ${key} failed`)
      }
    }
  }
  await each(due.near, (id) => remindTask(deps, id, now), 'reminded')
  await each(due.overdue, (id) => timeoutTask(deps, id, now), 'overdue')
  return result
}

/** Runs the scan every `HALL_DEADLINE_SCAN_SECONDS` (not at all when 0); returns a stop function. */
export function startDeadlineScan(deps: Deps): () => void {
  const seconds = deps.env.deadlineScanSeconds
  if (seconds === 0) return () => {}
  const run = async () => {
    try {
      const r = await scanDeadlines(deps)
      if (r.reminded || r.overdue || r.failed) deps.log.info(r, 'deadline scan')
    } catch (err) {
      deps.log.error({ err }, 'deadline scan failed; it runs again at the next interval')
    }
  }
  const timer = setInterval(() => void run(), seconds * 1000)
  timer.unref()
  setTimeout(() => void run(), 1000).unref()
  return () => clearInterval(timer)
}

async function factsOf(tx: Db, applicationId: number) {
  const row = (
    await tx
      .select({
        serviceCode: applications.serviceCode,
        referenceNumber: applications.referenceNumber,
        version: { nameZh: serviceVersions.nameZh, nameEn: serviceVersions.nameEn },
        applicantName: people.name,
        applicantNameEn: people.nameEn,
        applicant: applications.applicantCardNumber,
      })
      .from(applications)
      .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
      .leftJoin(people, eq(people.cardNumber, applications.applicantCardNumber))
      .where(eq(applications.id, applicationId))
  )[0]
  if (!row) return null
  return {
    serviceCode: row.serviceCode,
    referenceNumber: row.referenceNumber,
    names: {
      serviceZh: row.version.nameZh,
      serviceEn: row.version.nameEn,
      applicantZh: row.applicantName ?? row.applicant,
      applicantEn: row.applicantNameEn ?? row.applicant,
    },
  }
}
