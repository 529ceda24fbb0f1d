import {
  initialState,
  stepName,
  transition,
  type Action,
  type ApplicantFacts,
  type ApplicationState,
  type Effect,
  type MessageAbout,
  type ProcessDefinition,
} from '@hall/workflow'
import { and, eq, sql } from 'drizzle-orm'
import { isSqliteHandle, transaction, type Db } from '../db/client.ts'
import { applications, auditEvents, documentSequences, people, serviceVersions, tasks } from '../db/schema/index.ts'
import { enqueueNotification } from '../notifications/enqueue.ts'
import type { Deps } from '../lib/context.ts'
import { HallError } from '../lib/errors.ts'
import { processOf, stateOf } from './definitions.ts'
import { engineCall, staleVersion } from './errors.ts'
import { composeMessage, links, toApplicant, type MessageFacts, type MessageKind } from './messages.ts'
import { tasksChanged } from '../notifications/feed.ts'
import { workingCalendar } from './calendar.ts'
import { OrganisationAnswers, withAnswers } from './organisation.ts'
import { assignReferenceNumber } from './reference-number.ts'

// The one way an application's state changes (DESIGN rule 5): load the state, let the engine
// compute the transition, and store the new state together with everything it caused — tasks,
// audit events, outbox rows and in-app notifications, document numbers — in ONE transaction,
// written only if the state is still the version the caller saw. Two reviewers acting on the same
// version, or one double click, advance the application once; the other request gets a 409 and
// nothing of it is stored.

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** An engine action without `by`: the actor comes from the session, never from a request body. */
export type EngineAction = DistributiveOmit<Action, 'by'>

export interface ActInput {
  applicationId: number
  /** The `stateVersion` the caller saw; the change is stored only if it is still current. */
  expectedVersion: number
  /** The card number of the person acting (from the session). */
  actor: string
  action: EngineAction
  /** New form values to store with the change (a resubmission), already validated. */
  formValues?: Record<string, unknown>
}

export interface ActResult {
  id: number
  status: ApplicationState['status']
  stateVersion: number
}

const notFound = (id: number) => new HallError(404, 'not_found', `There is no application ${id} that you can see`, `没有您可以查看的申请 ${id}`)

/** Applies one action to one application, in its own IMMEDIATE transaction. */

/** The application's history row of an engine's audit effect (the past-application generator stores the same). */
export function auditEventRow(applicationId: number, effect: Extract<Effect, { type: 'audit' }>): typeof auditEvents.$inferInsert {
  return {
    applicationId,
    at: new Date(effect.at),
    actor: effect.who,
    onBehalfOf: effect.onBehalfOf,
    action: effect.what,
    opinion: effect.opinion,
    stepId: effect.stepId,
    taskId: effect.taskId,
    detail: effect.detail,
  }
}
export async function act(deps: Deps, input: ActInput): Promise<ActResult> {
  // Only PostgreSQL reads the hint (SQLite's one writer queues every transaction): no query for it on SQLite.
  const takesNumber = !isSqliteHandle(deps.db) && (await mayNumber(deps.db, input.applicationId))
  return await transaction(deps.db, async (tx) => await actIn(tx, deps, input), { takesNumber })
}

/** Whether an action on the application may complete it with a document number (its version's process says so). */
async function mayNumber(db: Db, applicationId: number): Promise<boolean> {
  const row = (
    await db
      .select({ process: serviceVersions.process })
      .from(applications)
      .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
      .where(eq(applications.id, applicationId))
  )[0]
  // Stored as the definition validated at publication (definitions.ts reads it the same way).
  const process = row?.process as ProcessDefinition | null | undefined
  return process?.onComplete?.some((c) => c.kind === 'documentNumber') ?? false
}

/**
 * Creates the application and submits it, inside the caller's transaction (so that the caller can
 * store its idempotency record in the same one).
 */
export async function submitIn(
  tx: Db,
  deps: Deps,
  input: {
    serviceVersionId: number
    serviceCode: string
    applicant: ApplicantFacts
    values: Record<string, unknown>
    /** The version allows one application in progress per applicant: the database's unique index holds it (decision 016). */
    oneInProgress?: boolean
  },
): Promise<ActResult> {
  const now = deps.now()
  const { id } = (
    await tx
      .insert(applications)
      .values({
        serviceCode: input.serviceCode,
        serviceVersionId: input.serviceVersionId,
        applicantCardNumber: input.applicant.cardNumber,
        status: 'draft',
        oneInProgress: input.oneInProgress ?? false,
        formData: input.values,
        stateVersion: 0,
        createdAt: now,
      })
      .returning({ id: applications.id })
  )[0]!
  await tx
    .update(applications)
    .set({ state: initialState(String(id)) })
    .where(eq(applications.id, id))
  // Numbered before the transition, so that its messages carry the number; in the submission's
  // transaction, so that a failed submission takes no number.
  await assignReferenceNumber(tx, id, now)
  return await actIn(tx, deps, {
    applicationId: id,
    expectedVersion: 0,
    actor: input.applicant.cardNumber,
    action: { type: 'submit', applicant: input.applicant, form: input.values },
  })
}

/** `act` inside a transaction the caller holds. */
export async function actIn(tx: Db, deps: Deps, input: ActInput): Promise<ActResult> {
  const now = deps.now()
  const row = (
    await tx
      .select({ app: applications, version: serviceVersions })
      .from(applications)
      .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
      .where(eq(applications.id, input.applicationId))
  )[0]
  if (!row) throw notFound(input.applicationId)
  const state = stateOf(row.app.state)
  if (!state) {
    throw new HallError(
      409,
      'not_in_workflow',
      'This application was handled before the online process; nothing more can be done to it here',
      '此申请在网上流程启用之前办理，不能在此继续操作',
    )
  }
  // Checked here as well as in the UPDATE below: a stale request fails before the engine runs.
  if (row.app.stateVersion !== input.expectedVersion) throw staleVersion()
  const definition = processOf(row.version)
  const action: Action = input.action.type === 'timeout' ? input.action : { ...input.action, by: input.actor }
  const answers = new OrganisationAnswers(tx)
  const { state: next, effects } = await withAnswers(answers, () =>
    engineCall(() => transition(definition, state, action, { now, resolver: answers.resolver, calendar: workingCalendar(deps.env) })),
  )

  const current = whereNow(definition, next, row.app.status, row.app.waitingSince, now)
  const updated = await tx
    .update(applications)
    .set({
      state: next,
      stateVersion: next.version,
      status: next.status,
      submittedAt: row.app.submittedAt ?? (next.submittedAt ? new Date(next.submittedAt) : null),
      finishedAt: next.finishedAt ? new Date(next.finishedAt) : null,
      ...current,
      ...(input.formValues ? { formData: input.formValues } : {}),
    })
    .where(and(eq(applications.id, row.app.id), eq(applications.stateVersion, input.expectedVersion)))
    // The rows it changed, read the same on both dialects (a run result's `changes` is SQLite's alone).
    .returning({ id: applications.id })
  if (updated.length === 0) throw staleVersion()

  const applicant = (await tx.select({ name: people.name, nameEn: people.nameEn }).from(people).where(eq(people.cardNumber, row.app.applicantCardNumber)))[0]
  await persistEffects(tx, {
    applicationId: row.app.id,
    referenceNumber: row.app.referenceNumber,
    serviceCode: row.app.serviceCode,
    definition,
    state: next,
    now,
    facts: {
      serviceZh: row.version.nameZh,
      serviceEn: row.version.nameEn,
      applicantZh: applicant?.name ?? row.app.applicantCardNumber,
      applicantEn: applicant?.nameEn ?? row.app.applicantCardNumber,
    },
    effects,
  })
  return { id: row.app.id, status: next.status, stateVersion: next.version }
}

/** The current step (or parallel group) for lists, and since when the application has waited. */
function whereNow(definition: ProcessDefinition, state: ApplicationState, previousStatus: string, previousSince: Date | null, now: Date) {
  if (state.status === 'in_review') {
    const run = state.runs.find((r) => r.id === state.currentRunId)
    const node = definition.steps.find((n) => n.id === run?.nodeId)
    return {
      currentStepId: node?.id ?? null,
      currentStepNameZh: node?.name.zh ?? null,
      currentStepNameEn: node?.name.en ?? null,
      waitingSince: run ? new Date(run.startedAt) : now,
    }
  }
  // Back with the applicant: it waits for them from the moment it was returned.
  const waitingSince = state.status === 'returned' ? (previousStatus === 'returned' && previousSince ? previousSince : now) : null
  return { currentStepId: null, currentStepNameZh: null, currentStepNameEn: null, waitingSince }
}

interface EffectContext {
  applicationId: number
  /** Given on submit before the transition (submitIn), so every message of the application names it. */
  referenceNumber: string | null
  serviceCode: string
  definition: ProcessDefinition
  state: ApplicationState
  now: Date
  facts: Pick<MessageFacts, 'serviceZh' | 'serviceEn' | 'applicantZh' | 'applicantEn'>
  effects: Effect[]
}

/** Stores the effects in the order the engine gave them. */
async function persistEffects(tx: Db, ctx: EffectContext) {
  const { applicationId, now } = ctx
  const taskRow = async (engineTaskId: string) =>
    (
      await tx
        .select({ id: tasks.id, stepKey: tasks.stepKey })
        .from(tasks)
        .where(and(eq(tasks.applicationId, applicationId), eq(tasks.engineTaskId, engineTaskId)))
    )[0]
  const stepOf = (stepId: string | null) => (stepId ? stepName(ctx.definition, stepId) : null)

  const message = async (kind: MessageKind, recipients: string[], taskId: number | null, stepId: string | null, about: MessageAbout = {}) => {
    const step = stepOf(stepId)
    const passed = about.passedStepId ? stepOf(about.passedStepId) : null
    const words = composeMessage(
      kind,
      {
        ...ctx.facts,
        stepZh: step?.zh ?? null,
        stepEn: step?.en ?? null,
        passedZh: passed?.zh ?? about.passedStepId ?? null,
        passedEn: passed?.en ?? about.passedStepId ?? null,
        resubmitted: about.resubmitted ?? false,
        opinion: about.opinion ?? null,
        question: about.question ?? null,
        dueAt: about.dueAt ?? null,
      },
      applicationId,
    )
    const link = toApplicant.has(kind) || taskId === null ? links.application(applicationId) : kind === 'escalated' ? links.overdue(taskId) : links.task(taskId)
    for (const recipient of new Set(recipients)) {
      await enqueueNotification(
        tx,
        {
          recipient,
          kind,
          ...words,
          link,
          applicationId,
          referenceNumber: ctx.referenceNumber,
          taskId,
          payload: {
            serviceCode: ctx.serviceCode,
            serviceNameZh: ctx.facts.serviceZh,
            serviceNameEn: ctx.facts.serviceEn,
            stepNameZh: step?.zh ?? null,
            stepNameEn: step?.en ?? null,
            ...(about.dueAt ? { dueAt: about.dueAt } : {}),
          },
        },
        now,
      )
    }
  }

  for (const effect of ctx.effects) {
    switch (effect.type) {
      case 'createTask': {
        const t = effect.task
        await tx.insert(tasks).values({
          applicationId,
          engineTaskId: t.id,
          serviceCode: ctx.serviceCode,
          stepKey: t.stepId,
          stepNameZh: effect.stepName.zh,
          stepNameEn: effect.stepName.en,
          assigneeCardNumber: t.assignee,
          onBehalfOf: t.onBehalfOf,
          status: t.status,
          box: 'todo',
          round: t.round,
          createdAt: new Date(t.createdAt),
          dueAt: t.dueAt ? new Date(t.dueAt) : null,
        })
        break
      }
      case 'updateTask': {
        const dueAt = effect.dueAt ? new Date(effect.dueAt) : null
        // A deadline that moved (paused for a question, then resumed) deserves its own reminder
        // and overdue notice: the deadline scan's claims are cleared with it.
        // IS DISTINCT FROM (both dialects: null-safe), the value encoded as the column stores it.
        const moved = sql`${tasks.dueAt} IS DISTINCT FROM ${sql.param(dueAt, tasks.dueAt)}`
        await tx
          .update(tasks)
          .set({
            status: effect.status,
            dueAt,
            remindedAt: sql`CASE WHEN ${moved} THEN NULL ELSE ${tasks.remindedAt} END`,
            overdueNotifiedAt: sql`CASE WHEN ${moved} THEN NULL ELSE ${tasks.overdueNotifiedAt} END`,
          })
          .where(and(eq(tasks.applicationId, applicationId), eq(tasks.engineTaskId, effect.taskId)))
        break
      }
      case 'closeTask':
        await tx
          .update(tasks)
          .set({
            status: 'closed',
            outcome: effect.outcome,
            closedBy: effect.by,
            decidedAt: now,
            // A task cancelled before its assignee acted leaves their lists: they did nothing on it.
            box: effect.outcome === 'cancelled' ? 'none' : 'done',
          })
          .where(and(eq(tasks.applicationId, applicationId), eq(tasks.engineTaskId, effect.taskId)))
        break
      case 'scheduleDeadline':
        // The deadline lives on the task row; the deadline scan reads open tasks past `due_at`.
        await tx
          .update(tasks)
          .set({ dueAt: new Date(effect.dueAt) })
          .where(and(eq(tasks.applicationId, applicationId), eq(tasks.engineTaskId, effect.taskId)))
        break
      case 'notify': {
        const row = effect.taskId ? await taskRow(effect.taskId) : undefined
        await message(effect.kind, effect.recipients, row?.id ?? null, row?.stepKey ?? effect.about.stepId ?? null, effect.about)
        break
      }
      case 'copyTo': {
        const stepKey = effect.stepId ?? 'complete'
        const name = stepOf(effect.stepId) ?? { zh: '办结', en: 'Completed' }
        const fresh: string[] = []
        for (const recipient of new Set(effect.recipients)) {
          const already = (
            await tx
              .select({ id: tasks.id })
              .from(tasks)
              .where(and(eq(tasks.applicationId, applicationId), eq(tasks.assigneeCardNumber, recipient), eq(tasks.box, 'cc'), eq(tasks.stepKey, stepKey)))
          )[0]
          if (already) continue
          await tx.insert(tasks).values({
            applicationId,
            serviceCode: ctx.serviceCode,
            stepKey,
            stepNameZh: name.zh,
            stepNameEn: name.en,
            assigneeCardNumber: recipient,
            status: 'closed',
            box: 'cc',
            round: ctx.state.round,
            createdAt: now,
          })
          fresh.push(recipient)
        }
        if (fresh.length) await message('copied', fresh, null, effect.stepId)
        break
      }
      case 'audit':
        await tx.insert(auditEvents).values(auditEventRow(applicationId, effect))
        break
      case 'assignDocumentNumber': {
        const year = beijingYear(now)
        const n = await nextInSequence(tx, effect.sequence, year)
        await tx
          .update(applications)
          .set({ documentNumber: `${effect.prefix}〔${year}〕${n}号` })
          .where(eq(applications.id, applicationId))
        break
      }
      case 'complete':
      case 'reject':
      case 'returnToApplicant':
      case 'withdraw':
        // The application row already took the new status from the state.
        break
    }
  }
  // Every node's bell: the to-do boxes of this application's task holders, and of their deputies.
  await tasksChanged(tx, applicationId)
}

export const beijingYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear()

/** The next number of a document sequence in a year, starting at 1; gap-free because it is allocated in the transaction. */
export async function nextInSequence(tx: Db, name: string, year: number): Promise<number> {
  const row = (
    await tx
      .insert(documentSequences)
      .values({ name, year, next: 2 })
      .onConflictDoUpdate({ target: [documentSequences.name, documentSequences.year], set: { next: sql`${documentSequences.next} + 1` } })
      .returning({ next: documentSequences.next })
  )[0]!
  return row.next - 1
}
