import type { z } from '@hono/zod-openapi'
import { asksInPerson, type Task } from '@hall/workflow'
import type { Db } from '../../db/client.ts'
import type { Deps, SessionUser } from '../../lib/context.ts'
import { badInput, HallError } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { act, type EngineAction } from '../../workflow/act.ts'
import { processOf } from '../../workflow/definitions.ts'
import { applicationDetail, applicationRow } from '../applications/applications.service.ts'
import { requirePeople, taskWithSummary } from '../tasks/tasks.service.ts'
import type { EscalationActionBody, EscalationDetail } from './escalations.schemas.ts'

// An overdue task as its step's escalation contact sees it (超时处理): the application read-only,
// and what they may do about the delay — take the task over, give it to someone else, urge its
// assignee. Each is an engine action (packages/workflow), stored by act() as every other.

const notFound = (id: number) => new HallError(404, 'not_found', `There is no overdue task ${id} for you to handle`, `没有需要您处理的超时待办 ${id}`)

/** The task, its application and the engine's copy of it, if `user` may handle it (404 otherwise). */
async function escalationOf(db: Db, user: SessionUser, taskId: number, now: Date) {
  const found = await taskWithSummary(db, taskId, now)
  const application = found ? await applicationRow(db, found.row.applicationId) : undefined
  const engineTask: Task | undefined = application?.state?.tasks.find((t) => t.id === found?.row.engineTaskId)
  const authority = engineTask ? policy.escalationAuthority(user, engineTask) : null
  if (!found || !application || !engineTask || !authority) throw notFound(taskId)
  return { ...found, application, engineTask, authority }
}

export async function escalationDetail(db: Db, user: SessionUser, taskId: number, now: Date): Promise<z.infer<typeof EscalationDetail>> {
  const { summary, application, engineTask, authority } = await escalationOf(db, user, taskId, now)
  // Within its time limit a task is its assignee's alone (an administrator may still look).
  const live = engineTask.status !== 'closed' && application.app.status === 'in_review' && (engineTask.escalatedAt !== null || summary.overdue)
  // A confirmation is the named person's alone: it can be urged, never taken over or handed on.
  const inHand = engineTask.status === 'open' && !asksInPerson(processOf(application.version), engineTask.stepId)
  return {
    task: { ...summary, escalatedAt: engineTask.escalatedAt, urgedAt: engineTask.urgedAt },
    application: await applicationDetail(db, user, application, now),
    authority,
    // Take-over and reassign need the task in its assignee's hands (not waiting for the applicant's answer or a signer).
    allowed: live ? [...(inHand ? (['takeOver', 'reassign'] as const) : []), 'urge' as const] : [],
  }
}

export async function actOnEscalation(deps: Deps, user: SessionUser, taskId: number, body: z.infer<typeof EscalationActionBody>) {
  const { row, engineTask, authority } = await escalationOf(deps.db, user, taskId, deps.now())
  const opinion = body.opinion?.trim()
  let action: EngineAction
  switch (body.action) {
    case 'takeOver':
      action = { type: 'takeOver', taskId: engineTask.id, authority, ...(opinion ? { opinion } : {}) }
      break
    case 'reassign':
      if (!body.to) throw badInput('to', 'to: name the person (card number) to give the task to', 'to：请指定改派对象（校园卡号）')
      await requirePeople(deps.db, [body.to], 'to')
      action = { type: 'reassign', taskId: engineTask.id, to: body.to, authority, ...(opinion ? { opinion } : {}) }
      break
    case 'urge':
      action = { type: 'urgeAssignee', taskId: engineTask.id, authority }
      break
  }
  return await act(deps, { applicationId: row.applicationId, expectedVersion: body.stateVersion, actor: user.cardNumber, action })
}
