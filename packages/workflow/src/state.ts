import { z } from 'zod'
import { applicantFactsSchema, localizedTextSchema } from './definition.ts'

// The state of one application's process, as the API stores it (one JSON column next to the
// application row) and the effects a transition asks the API to persist with it. Zod schemas so
// that the API can parse what it reads back; plain JSON so that it can store it.

const isoSchema = z.iso.datetime()
const cardNumberSchema = z.string().min(1)

/** The pseudo card number of what the engine does on its own (completion, deadline checks). */
export const SYSTEM_ACTOR = 'system'

// ------------------------------------------------------------------------------------ state

export const applicationStatusSchema = z.enum(['draft', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'])
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>

/** Statuses after which nothing can happen to an application any more. */
export const finalStatuses: readonly ApplicationStatus[] = ['completed', 'rejected', 'withdrawn']

/**
 * - `open`: in the assignee's to-do, waiting for their decision;
 * - `asked`: the assignee asked the applicant (补充材料/询问); the deadline is paused until they answer;
 * - `waiting`: the assignee added a signer before themselves and waits for them;
 * - `closed`: decided or cancelled (see `outcome`).
 */
export const taskStatusSchema = z.enum(['open', 'asked', 'waiting', 'closed'])
export type TaskStatus = z.infer<typeof taskStatusSchema>

export const taskOutcomeSchema = z.enum(['approved', 'rejected', 'returned', 'transferred', 'cancelled'])
export type TaskOutcome = z.infer<typeof taskOutcomeSchema>

export const questionSchema = z.strictObject({
  text: z.string(),
  /** Names of the materials asked for, if any. */
  materials: z.array(z.string()),
  askedAt: isoSchema,
  answer: z
    .strictObject({
      text: z.string(),
      /** Ids of the attachments the applicant uploaded with the answer. */
      attachments: z.array(z.string()),
      at: isoSchema,
    })
    .nullable(),
})
export type Question = z.infer<typeof questionSchema>

export const taskOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rule') }),
  z.strictObject({ kind: z.literal('transfer'), fromTaskId: z.string(), by: cardNumberSchema }),
  z.strictObject({ kind: z.literal('addSigner'), position: z.enum(['before', 'after']), fromTaskId: z.string(), by: cardNumberSchema }),
  /** An overdue task taken over or reassigned by the step's escalation contact (or an administrator). */
  z.strictObject({ kind: z.literal('escalation'), fromTaskId: z.string(), by: cardNumberSchema }),
])
export type TaskOrigin = z.infer<typeof taskOriginSchema>

export const taskSchema = z.strictObject({
  /** `t1`, `t2`…: unique within the application; the API keeps it beside its own row id. */
  id: z.string(),
  runId: z.string(),
  stepId: z.string(),
  round: z.number().int().positive(),
  /** Who holds the task now: the delegate, when the person the rule named had one. */
  assignee: cardNumberSchema,
  /** The person the task is for, when `assignee` holds it as their delegate (委托). */
  onBehalfOf: cardNumberSchema.nullable(),
  status: taskStatusSchema,
  outcome: taskOutcomeSchema.nullable(),
  /** Candidate tasks of an `any` step share a set: the first to act takes it, the others close. */
  orSet: z.string().nullable(),
  origin: taskOriginSchema,
  /** The tasks of signers added before this one, which must approve before it reopens. */
  blockedBy: z.array(z.string()),
  createdAt: isoSchema,
  dueAt: isoSchema.nullable(),
  /** Working hours left on the clock while the task waits for an answer (`asked`). */
  pausedHours: z.number().nullable(),
  closedAt: isoSchema.nullable(),
  closedBy: cardNumberSchema.nullable(),
  question: questionSchema.nullable(),
  urgedAt: isoSchema.nullable(),
  escalatedAt: isoSchema.nullable(),
  /**
   * The step's escalation contacts who were told when the task passed its deadline: they may
   * take it over, reassign it or urge its assignee. Absent before the first escalation.
   */
  escalatedTo: z.array(cardNumberSchema).optional(),
})
export type Task = z.infer<typeof taskSchema>

export const runStatusSchema = z.enum(['active', 'approved', 'rejected', 'returned', 'cancelled'])
export type RunStatus = z.infer<typeof runStatusSchema>

export const branchRunSchema = z.strictObject({
  branchId: z.string(),
  status: z.enum(['active', 'approved', 'skipped', 'cancelled', 'rejected', 'returned']),
  /** Index of the branch's current (or last) step. */
  stepIndex: z.number().int().nonnegative(),
})
export type BranchRun = z.infer<typeof branchRunSchema>

/**
 * One activation of a step or a parallel group. A step that is returned to and passed again has
 * two runs; the history of runs is the applicant's timeline.
 */
export const runSchema = z.strictObject({
  /** `r1`, `r2`… */
  id: z.string(),
  kind: z.enum(['step', 'group']),
  /** The step id (top-level or in a branch) or the group id. */
  nodeId: z.string(),
  round: z.number().int().positive(),
  /** For a step inside a parallel branch: the group's run and the branch. */
  parent: z.strictObject({ runId: z.string(), branchId: z.string() }).nullable(),
  status: runStatusSchema,
  startedAt: isoSchema,
  endedAt: isoSchema.nullable(),
  /** For a group: where each branch is. */
  branches: z.array(branchRunSchema).nullable(),
})
export type Run = z.infer<typeof runSchema>

export const applicationStateSchema = z.strictObject({
  /** The format of this JSON. */
  schemaVersion: z.literal(1),
  applicationId: z.string(),
  /**
   * Incremented by every transition. The API stores it and applies a transition only if the
   * stored version is still the one the transition started from (optimistic concurrency).
   */
  version: z.number().int().nonnegative(),
  status: applicationStatusSchema,
  /** 1 at submission, +1 at every resubmission after a return to the applicant. */
  round: z.number().int().nonnegative(),
  applicant: applicantFactsSchema.nullable(),
  /** The form as submitted (the routing snapshot that conditions read). */
  form: z.record(z.string(), z.unknown()),
  /** The active top-level run (a step or a group), null when none is. */
  currentRunId: z.string().nullable(),
  runs: z.array(runSchema),
  tasks: z.array(taskSchema),
  /** The counter behind `t…` and `r…` ids. */
  sequence: z.number().int().nonnegative(),
  /** Everyone copied so far (they may read and comment). */
  copied: z.array(cardNumberSchema),
  /** Set by the first approve, reject, return or add-signer-after: withdrawing stops here. */
  firstDecisionAt: isoSchema.nullable(),
  submittedAt: isoSchema.nullable(),
  finishedAt: isoSchema.nullable(),
  /** Where the last return to the applicant came from (for `resubmit: 'returningStep'`). */
  returnedFrom: z.strictObject({ nodeId: z.string(), taskId: z.string(), by: cardNumberSchema }).nullable(),
})
export type ApplicationState = z.infer<typeof applicationStateSchema>

/** The state of an application before it is submitted (version 0). */
export function initialState(applicationId: string): ApplicationState {
  return {
    schemaVersion: 1,
    applicationId,
    version: 0,
    status: 'draft',
    round: 0,
    applicant: null,
    form: {},
    currentRunId: null,
    runs: [],
    tasks: [],
    sequence: 0,
    copied: [],
    firstDecisionAt: null,
    submittedAt: null,
    finishedAt: null,
    returnedFrom: null,
  }
}

// ------------------------------------------------------------------------------------ actions

const opinionSchema = z.string().optional()

/**
 * What a person (or the deadline scan) asks the engine to do. `by` is the authenticated card
 * number: the API sets it from the session, never from the request body.
 */
/** As whom an escalation action is taken: the step's escalation contact, or an administrator. */
export const escalationAuthoritySchema = z.enum(['escalation', 'admin'])
export type EscalationAuthority = z.infer<typeof escalationAuthoritySchema>

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('submit'), by: cardNumberSchema, applicant: applicantFactsSchema, form: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('approve'), by: cardNumberSchema, taskId: z.string(), opinion: opinionSchema }),
  z.strictObject({ type: z.literal('reject'), by: cardNumberSchema, taskId: z.string(), opinion: z.string() }),
  z.strictObject({
    type: z.literal('return'),
    by: cardNumberSchema,
    taskId: z.string(),
    opinion: z.string(),
    /** `'applicant'` (default) or the id of a step already passed in this round. */
    to: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('resubmit'), by: cardNumberSchema, form: z.record(z.string(), z.unknown()).optional() }),
  z.strictObject({
    type: z.literal('ask'),
    by: cardNumberSchema,
    taskId: z.string(),
    question: z.string(),
    materials: z.array(z.string()).optional(),
  }),
  z.strictObject({
    type: z.literal('answer'),
    by: cardNumberSchema,
    taskId: z.string(),
    answer: z.string(),
    attachments: z.array(z.string()).optional(),
  }),
  z.strictObject({ type: z.literal('transfer'), by: cardNumberSchema, taskId: z.string(), to: cardNumberSchema, opinion: opinionSchema }),
  z.strictObject({
    type: z.literal('addSigner'),
    by: cardNumberSchema,
    taskId: z.string(),
    position: z.enum(['before', 'after']),
    signers: z.array(cardNumberSchema),
    opinion: opinionSchema,
  }),
  z.strictObject({ type: z.literal('withdraw'), by: cardNumberSchema, reason: z.string().optional() }),
  z.strictObject({ type: z.literal('urge'), by: cardNumberSchema }),
  z.strictObject({ type: z.literal('comment'), by: cardNumberSchema, text: z.string(), taskId: z.string().optional() }),
  /** The deadline scan found the task's deadline passed: remind the assignee and escalate. */
  z.strictObject({ type: z.literal('timeout'), taskId: z.string() }),
  // What the escalation contact of an overdue task may do (超时处理). `authority` says as whom
  // `by` acts: as one of the contacts the task was escalated to (the engine checks), or as an
  // administrator (the caller's policy has checked: the engine knows no roles).
  z.strictObject({ type: z.literal('takeOver'), by: cardNumberSchema, taskId: z.string(), authority: escalationAuthoritySchema, opinion: opinionSchema }),
  z.strictObject({
    type: z.literal('reassign'),
    by: cardNumberSchema,
    taskId: z.string(),
    to: cardNumberSchema,
    authority: escalationAuthoritySchema,
    opinion: opinionSchema,
  }),
  z.strictObject({ type: z.literal('urgeAssignee'), by: cardNumberSchema, taskId: z.string(), authority: escalationAuthoritySchema }),
])
export type Action = z.infer<typeof actionSchema>
export type ActionType = Action['type']

// ------------------------------------------------------------------------------------ effects

export type NotificationKind =
  /** to the applicant: their application was submitted (or resubmitted) and is under review */
  | 'submitted'
  /** to the applicant: a step approved it and it moved on to the next */
  | 'step_decided'
  /** to the assignee: a new task in their to-do */
  | 'task_assigned'
  /** to the assignee: a task they were waiting on (added signer, answer) is theirs again */
  | 'task_resumed'
  /** to the assignee: their task was closed without their decision (withdrawn, rejected, returned elsewhere) */
  | 'task_cancelled'
  /** to the applicant: a reviewer asked a question or for a material */
  | 'asked'
  /** to the assignee: the applicant answered */
  | 'answered'
  /** to the applicant */
  | 'returned'
  | 'rejected'
  | 'completed'
  /** to the assignee: the applicant urged an overdue task (催办) */
  | 'urged'
  /** to the assignee: their task passed its deadline */
  | 'overdue'
  /** to the step's escalation contacts: a task passed its deadline */
  | 'escalated'

export type AuditEvent =
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'resubmitted'
  | 'asked'
  | 'answered'
  | 'transferred'
  | 'signerAdded'
  | 'withdrawn'
  | 'urged'
  | 'commented'
  | 'overdue'
  | 'completed'
  /** the escalation contact (or an administrator) took an overdue task over, or gave it to someone else */
  | 'takenOver'
  | 'reassigned'

/**
 * What a message says beyond its kind, so that the people it reaches can act on it without opening
 * the hall: the reviewer's opinion or question, the deadline, the steps it concerns.
 */
export interface MessageAbout {
  /** The step the message is about when no task names it: where the application now waits. */
  stepId?: string | null
  /** `step_decided`: the step that approved it. */
  passedStepId?: string
  /** `submitted`: a resubmission after a return. */
  resubmitted?: boolean
  /** `returned`, `rejected`: the reviewer's reason; `task_assigned` after a transfer: the note. */
  opinion?: string | null
  /** `asked`: the question to the applicant. */
  question?: string
  /** `task_assigned`, `overdue`, `escalated`: the task's deadline (ISO), if it has one. */
  dueAt?: string | null
}

/**
 * What the API must persist, in order and in one transaction with the new state (DESIGN rule 5).
 * Notifications, copies and deadlines are outbox rows; audit effects are the application's history.
 */
export type Effect =
  | { type: 'createTask'; task: Task; stepName: z.infer<typeof localizedTextSchema> }
  | { type: 'updateTask'; taskId: string; status: Exclude<TaskStatus, 'closed'>; dueAt: string | null }
  /** Closing a task also makes its scheduled deadline moot: the scan finds it closed. */
  | { type: 'closeTask'; taskId: string; outcome: TaskOutcome; by: string | null }
  | { type: 'scheduleDeadline'; taskId: string; dueAt: string }
  | { type: 'notify'; kind: NotificationKind; recipients: string[]; applicationId: string; taskId: string | null; about: MessageAbout }
  /** Copy (抄送): the API puts the application in each recipient's `cc` box. */
  | { type: 'copyTo'; recipients: string[]; applicationId: string; stepId: string | null }
  | {
      type: 'audit'
      applicationId: string
      at: string
      /** A card number, or `system`. */
      who: string
      /** The person `who` acted for, as their delegate. */
      onBehalfOf: string | null
      what: AuditEvent
      opinion: string | null
      taskId: string | null
      stepId: string | null
      detail: Record<string, string | string[] | number | boolean | null> | null
    }
  | { type: 'complete'; applicationId: string }
  | { type: 'reject'; applicationId: string }
  | { type: 'returnToApplicant'; applicationId: string }
  | { type: 'withdraw'; applicationId: string }
  /** Allocate the next number of `sequence` (per year is the API's choice) and store it with the application. */
  | { type: 'assignDocumentNumber'; applicationId: string; prefix: string; sequence: string; template: string | null }

export type EffectType = Effect['type']
