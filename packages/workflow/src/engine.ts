import { addWorkingHours, isOverdue, workingHoursBetween, type WorkingCalendar } from './calendar.ts'
import { evaluateCondition, type ConditionFacts } from './condition.ts'
import {
  isConfirmationStep,
  type ApplicantFacts,
  type AssigneeRule,
  type Branch,
  type LocalizedText,
  type Next,
  type ParallelStep,
  type ProcessDefinition,
  type ProcessNode,
  type ResolvableRule,
  type StepBody,
} from './definition.ts'
import { WorkflowError } from './errors.ts'
import {
  finalStatuses,
  SYSTEM_ACTOR,
  type Action,
  type ApplicationState,
  type ApplicationStatus,
  type AuditEvent,
  type Effect,
  type MessageAbout,
  type NotificationKind,
  type Run,
  type RunStatus,
  type Task,
  type TaskOrigin,
  type TaskOutcome,
} from './state.ts'
import { validateProcess } from './validate.ts'

// The engine: one pure function from (definition, state, action, context) to (new state,
// effects). It never reads a clock, a database or the organisation by itself: the context gives
// the time and a resolver that the API implements, so the same inputs always give the same
// outputs and the API can persist the result in one transaction (DESIGN rule 5).

/** What the API implements so that the engine can find people. Both must be synchronous. */
export interface AssigneeResolver {
  /** The card numbers of the people a rule names for this applicant (empty if nobody). */
  resolveAssignees(rule: ResolvableRule, applicant: ApplicantFacts): string[]
  /** The substitute a person has named for the moment `at` (委托), or null. */
  delegateOf(cardNumber: string, at: Date): string | null
}

export interface TransitionContext {
  now: Date
  resolver: AssigneeResolver
  /** Holidays and make-up working days for deadlines; weekends only when absent. */
  calendar?: WorkingCalendar
}

export interface TransitionResult {
  state: ApplicationState
  effects: Effect[]
}

/**
 * Applies an action. Returns the new state (with `version` + 1) and the effects to persist with
 * it; throws a `WorkflowError` for an action that does not apply, leaving the input untouched.
 */
export function transition(definition: ProcessDefinition, state: ApplicationState, action: Action, context: TransitionContext): TransitionResult {
  const tx = new Transaction(definition, state, context)
  tx.apply(action)
  tx.state.version += 1
  return { state: tx.state, effects: tx.effects }
}

/** Tasks that still wait for someone. */
export function isLive(task: Task): boolean {
  return task.status !== 'closed'
}

const URGE_INTERVAL_MS = 24 * 3_600_000

interface StepInfo {
  body: StepBody
  group: ParallelStep | null
  branch: Branch | null
  index: number
}

class Transaction {
  readonly state: ApplicationState
  readonly effects: Effect[] = []
  private readonly now: string
  private readonly steps = new Map<string, StepInfo>()

  constructor(
    private readonly def: ProcessDefinition,
    state: ApplicationState,
    private readonly ctx: TransitionContext,
  ) {
    // The input stays untouched: a refused action must leave the caller's state as it was.
    this.state = structuredClone(state)
    this.now = ctx.now.toISOString()
    for (const node of def.steps) {
      if (node.type === 'approval') this.steps.set(node.id, { body: node, group: null, branch: null, index: 0 })
      else for (const branch of node.branches) branch.steps.forEach((body, index) => this.steps.set(body.id, { body, group: node, branch, index }))
    }
  }

  apply(action: Action): void {
    switch (action.type) {
      case 'submit':
        return this.submit(action)
      case 'approve':
        return this.approve(action)
      case 'reject':
        return this.reject(action)
      case 'return':
        return this.return(action)
      case 'resubmit':
        return this.resubmit(action)
      case 'ask':
        return this.ask(action)
      case 'answer':
        return this.answer(action)
      case 'transfer':
        return this.transfer(action)
      case 'addSigner':
        return this.addSigner(action)
      case 'withdraw':
        return this.withdraw(action)
      case 'urge':
        return this.urge(action)
      case 'comment':
        return this.comment(action)
      case 'timeout':
        return this.timeout(action)
      case 'takeOver':
        return this.handOver(action, action.by)
      case 'reassign':
        return this.handOver(action, action.to)
      case 'urgeAssignee':
        return this.urgeAssignee(action)
    }
  }

  // ---------------------------------------------------------------------------------- actions

  private submit(a: Extract<Action, { type: 'submit' }>): void {
    this.requireStatus('draft')
    if (a.by !== a.applicant.cardNumber) throw new WorkflowError('not_applicant')
    const checked = validateProcess(this.def)
    if (!checked.ok) {
      const first = checked.issues[0]
      throw new WorkflowError('invalid_definition', { detail: first ? `${first.path}: ${first.message.en}` : 'unknown' })
    }
    const s = this.state
    s.applicant = a.applicant
    s.form = a.form
    s.status = 'in_review'
    s.round = 1
    s.submittedAt = this.now
    this.audit('submitted', a.by)
    this.route(this.def.start, 'start')
    this.notifySubmitted(false)
  }

  private approve(a: Extract<Action, { type: 'approve' }>): void {
    const { task, onBehalfOf } = this.actingOn(a.taskId, a.by)
    this.requireOpen(task)
    this.claim(task)
    this.close(task, 'approved', a.by)
    this.decided()
    this.audit('approved', a.by, { onBehalfOf, opinion: a.opinion, task })
    this.replaceBlocker(task.id, [])
    const passed = this.topNodeId(this.run(task.runId))
    this.settleRun(this.run(task.runId))
    // Moved on to another step: the applicant hears of it. Completion, rejection and returns send
    // their own messages, and a step still waiting for other reviewers has not been passed yet.
    const waitsIn = this.currentNodeId()
    if (this.state.status === 'in_review' && waitsIn !== null && waitsIn !== passed)
      this.notify('step_decided', [this.applicant().cardNumber], null, { passedStepId: passed, stepId: waitsIn })
  }

  private reject(a: Extract<Action, { type: 'reject' }>): void {
    const { task, onBehalfOf } = this.actingOn(a.taskId, a.by)
    this.refuseOnConfirmation(task)
    const opinion = this.requireOpinion(a.opinion)
    this.close(task, 'rejected', a.by)
    this.decided()
    this.audit('rejected', a.by, { onBehalfOf, opinion, task })
    this.cancelTasks(() => true)
    this.endActiveRuns('rejected', this.run(task.runId))
    this.finish('rejected')
    this.effects.push({ type: 'reject', applicationId: this.state.applicationId })
    this.notify('rejected', [this.applicant().cardNumber], null, { opinion, stepId: this.topNodeId(this.run(task.runId)) })
  }

  private return(a: Extract<Action, { type: 'return' }>): void {
    const { task, onBehalfOf } = this.actingOn(a.taskId, a.by)
    const opinion = this.requireOpinion(a.opinion)
    const to = a.to ?? 'applicant'
    // Declining a confirmation sends the application back to the applicant, nowhere else.
    if (to !== 'applicant') this.refuseOnConfirmation(task)
    const run = this.run(task.runId)

    if (to === 'applicant') {
      this.close(task, 'returned', a.by)
      this.decided()
      this.audit('returned', a.by, { onBehalfOf, opinion, task, detail: { to } })
      this.cancelTasks(() => true)
      this.endActiveRuns('returned', run)
      const s = this.state
      s.returnedFrom = { nodeId: this.topNodeId(run), taskId: task.id, by: a.by }
      s.status = 'returned'
      s.currentRunId = null
      this.effects.push({ type: 'returnToApplicant', applicationId: s.applicationId })
      this.notify('returned', [this.applicant().cardNumber], null, { opinion, stepId: s.returnedFrom.nodeId })
      return
    }

    if (!returnTargets(this.def, this.state, task.id).includes(to)) throw new WorkflowError('invalid_return_target', { target: to })
    this.close(task, 'returned', a.by)
    this.decided()
    this.audit('returned', a.by, { onBehalfOf, opinion, task, detail: { to } })
    const info = this.steps.get(to)
    if (run.parent && info?.branch) {
      // An earlier step of the same parallel branch: only that branch goes back.
      const groupRun = this.run(run.parent.runId)
      const branchRun = groupRun.branches?.find((b) => b.branchId === run.parent?.branchId)
      this.cancelTasks((t) => t.runId === run.id)
      this.endRun(run, 'returned')
      if (branchRun) branchRun.stepIndex = info.index
      this.startStepRun(info.body, run.parent)
      return
    }
    // A top-level step already passed in this round: everything after it starts again.
    this.cancelTasks(() => true)
    this.endActiveRuns('returned', run)
    this.activateNode(to)
  }

  private resubmit(a: Extract<Action, { type: 'resubmit' }>): void {
    this.requireStatus('returned')
    this.requireApplicant(a.by)
    const s = this.state
    if (a.form) s.form = a.form
    s.round += 1
    s.status = 'in_review'
    const from = s.returnedFrom
    s.returnedFrom = null
    this.audit('resubmitted', a.by)
    if (this.def.resubmit === 'returningStep' && from && this.def.steps.some((n) => n.id === from.nodeId)) this.activateNode(from.nodeId)
    else this.route(this.def.start, 'start')
    this.notifySubmitted(true)
  }

  private ask(a: Extract<Action, { type: 'ask' }>): void {
    const { task, onBehalfOf } = this.actingOn(a.taskId, a.by)
    this.refuseOnConfirmation(task)
    this.requireOpen(task)
    const question = this.requireText(a.question)
    this.claim(task)
    task.status = 'asked'
    task.question = { text: question, materials: a.materials ?? [], askedAt: this.now, answer: null }
    // The clock stops while the applicant has the question (补充材料 does not count against the office).
    task.pausedHours = task.dueAt === null ? null : workingHoursBetween(this.ctx.now, new Date(task.dueAt), this.ctx.calendar)
    task.dueAt = null
    this.effects.push({ type: 'updateTask', taskId: task.id, status: 'asked', dueAt: null })
    this.audit('asked', a.by, { onBehalfOf, opinion: question, task, detail: { materials: a.materials ?? [] } })
    this.notify('asked', [this.applicant().cardNumber], task.id, { question, dueAt: null })
  }

  private answer(a: Extract<Action, { type: 'answer' }>): void {
    this.requireStatus('in_review')
    this.requireApplicant(a.by)
    const task = this.findTask(a.taskId)
    if (task.status === 'closed') throw new WorkflowError('already_decided', { outcome: task.outcome ?? 'closed' })
    if (task.status !== 'asked' || !task.question) throw new WorkflowError('no_question')
    const attachments = a.attachments ?? []
    const text = a.answer.trim()
    if (text === '' && attachments.length === 0) throw new WorkflowError('text_required')
    task.question.answer = { text, attachments, at: this.now }
    task.status = 'open'
    if (task.pausedHours !== null) {
      task.dueAt = addWorkingHours(this.ctx.now, task.pausedHours, this.ctx.calendar).toISOString()
      task.pausedHours = null
      task.escalatedAt = null
    }
    this.effects.push({ type: 'updateTask', taskId: task.id, status: 'open', dueAt: task.dueAt })
    if (task.dueAt) this.effects.push({ type: 'scheduleDeadline', taskId: task.id, dueAt: task.dueAt })
    this.audit('answered', a.by, { opinion: text, task, detail: { attachments } })
    this.notify('answered', [task.assignee], task.id)
  }

  private transfer(a: Extract<Action, { type: 'transfer' }>): void {
    const { task, onBehalfOf } = this.actingOn(a.taskId, a.by)
    this.refuseOnConfirmation(task)
    this.requireOpen(task)
    const to = a.to.trim()
    if (to === '' || to === a.by || this.isHandling(task.runId, to) || to === this.applicant().cardNumber) throw new WorkflowError('invalid_transfer_target')
    this.claim(task)
    this.close(task, 'transferred', a.by)
    const origin: TaskOrigin = { kind: 'transfer', fromTaskId: task.id, by: a.by }
    const next = this.createTask(this.run(task.runId), this.stepInfo(task.stepId).body, to, origin, null, task.dueAt)
    this.replaceBlocker(task.id, [next.id])
    this.audit('transferred', a.by, { onBehalfOf, opinion: a.opinion, task, detail: { to, assignee: next.assignee } })
  }

  private addSigner(a: Extract<Action, { type: 'addSigner' }>): void {
    const { task, onBehalfOf } = this.actingOn(a.taskId, a.by)
    this.refuseOnConfirmation(task)
    this.requireOpen(task)
    const signers = [...new Set(a.signers.map((s) => s.trim()))]
    const applicant = this.applicant().cardNumber
    if (signers.length === 0 || signers.some((s) => s === '' || s === a.by || s === applicant || this.isHandling(task.runId, s)))
      throw new WorkflowError('invalid_signer')
    this.claim(task)
    const run = this.run(task.runId)
    const body = this.stepInfo(task.stepId).body
    const origin: TaskOrigin = { kind: 'addSigner', position: a.position, fromTaskId: task.id, by: a.by }
    if (a.position === 'after') {
      // "After me": this counts as my approval; the step now also needs theirs.
      this.close(task, 'approved', a.by)
      this.decided()
    }
    const added = signers.map((s) => this.createTask(run, body, s, origin, null, task.dueAt))
    if (a.position === 'before') {
      task.status = 'waiting'
      task.blockedBy = added.map((t) => t.id)
      this.effects.push({ type: 'updateTask', taskId: task.id, status: 'waiting', dueAt: task.dueAt })
    } else {
      // Whoever waited for me now waits for my added signers too.
      this.replaceBlocker(
        task.id,
        added.map((t) => t.id),
      )
    }
    this.audit('signerAdded', a.by, { onBehalfOf, opinion: a.opinion, task, detail: { position: a.position, signers } })
  }

  private withdraw(a: Extract<Action, { type: 'withdraw' }>): void {
    this.requireStatus('in_review', 'returned')
    this.requireApplicant(a.by)
    // Back with the applicant after a return, it is theirs to drop; in review, only until a
    // reviewer has decided something.
    if (this.state.status === 'in_review' && this.state.firstDecisionAt !== null) throw new WorkflowError('too_late_to_withdraw')
    this.audit('withdrawn', a.by, { opinion: a.reason })
    this.cancelTasks(() => true)
    this.endActiveRuns('cancelled', null)
    this.finish('withdrawn')
    this.effects.push({ type: 'withdraw', applicationId: this.state.applicationId })
  }

  private urge(a: Extract<Action, { type: 'urge' }>): void {
    this.requireStatus('in_review')
    this.requireApplicant(a.by)
    const nowMs = this.ctx.now.getTime()
    const overdue = this.state.tasks.filter((t) => isOverdue(t, this.ctx.now))
    if (overdue.length === 0) throw new WorkflowError('not_overdue')
    const due = overdue.filter((t) => t.urgedAt === null || nowMs - Date.parse(t.urgedAt) >= URGE_INTERVAL_MS)
    if (due.length === 0) throw new WorkflowError('urged_recently')
    for (const task of due) {
      task.urgedAt = this.now
      this.notify('urged', [task.assignee], task.id)
    }
    this.audit('urged', a.by, { detail: { taskIds: due.map((t) => t.id) } })
  }

  private comment(a: Extract<Action, { type: 'comment' }>): void {
    this.requireStatus('in_review', 'returned')
    const text = this.requireText(a.text)
    const s = this.state
    const participant =
      a.by === s.applicant?.cardNumber ||
      s.copied.includes(a.by) ||
      s.tasks.some((t) => t.assignee === a.by || t.onBehalfOf === a.by) ||
      s.tasks.some((t) => isLive(t) && this.ctx.resolver.delegateOf(t.assignee, this.ctx.now) === a.by)
    if (!participant) throw new WorkflowError('not_participant')
    const task = a.taskId === undefined ? null : this.findTask(a.taskId)
    this.audit('commented', a.by, { opinion: text, task })
  }

  private timeout(a: Extract<Action, { type: 'timeout' }>): void {
    const task = this.findTask(a.taskId)
    if (task.status === 'closed') throw new WorkflowError('already_decided', { outcome: task.outcome ?? 'closed' })
    if (!isOverdue(task, this.ctx.now)) throw new WorkflowError('not_overdue')
    if (task.escalatedAt !== null) throw new WorkflowError('already_escalated')
    task.escalatedAt = this.now
    this.notify('overdue', [task.assignee], task.id, { dueAt: task.dueAt })
    const escalateTo = this.copyRecipients(this.stepInfo(task.stepId).body.escalateTo).filter((p) => p !== task.assignee)
    // Remembered on the task: these people may now take it over, reassign it or urge it.
    task.escalatedTo = escalateTo
    this.notify('escalated', escalateTo, task.id, { dueAt: task.dueAt })
    this.audit('overdue', SYSTEM_ACTOR, { task, detail: { escalatedTo: escalateTo } })
  }

  /**
   * Takes an overdue task away from its assignee and gives it to `to` (the contact themselves for
   * a take-over). The new holder gets the step's time limit afresh; the old one is told.
   */
  private handOver(a: Extract<Action, { type: 'takeOver' | 'reassign' }>, to: string): void {
    const task = this.escalatedTask(a.taskId, a.by, a.authority)
    // A confirmation is the named person's own word (their bed, their consent): an administrator
    // or escalation contact who took it over would be confirming for them.
    if (isConfirmationStep(this.stepInfo(task.stepId).body)) throw new WorkflowError('confirmation_in_person')
    this.requireOpen(task)
    const target = to.trim()
    if (
      target === '' ||
      target === task.assignee ||
      target === task.onBehalfOf ||
      this.isHandling(task.runId, target) ||
      target === this.applicant().cardNumber
    )
      throw new WorkflowError('invalid_transfer_target')
    this.claim(task)
    this.close(task, 'transferred', a.by)
    this.notify('task_cancelled', [task.assignee], task.id)
    const body = this.stepInfo(task.stepId).body
    const dueAt = body.deadlineHours === undefined ? null : addWorkingHours(this.ctx.now, body.deadlineHours, this.ctx.calendar).toISOString()
    const next = this.createTask(this.run(task.runId), body, target, { kind: 'escalation', fromTaskId: task.id, by: a.by }, null, dueAt)
    this.replaceBlocker(task.id, [next.id])
    this.audit(a.type === 'takeOver' ? 'takenOver' : 'reassigned', a.by, {
      opinion: a.opinion,
      task,
      detail: { from: task.assignee, to: target, assignee: next.assignee, authority: a.authority },
    })
  }

  /** The escalation contact reminds the assignee of an overdue task (at most once a day, as the applicant may). */
  private urgeAssignee(a: Extract<Action, { type: 'urgeAssignee' }>): void {
    const task = this.escalatedTask(a.taskId, a.by, a.authority)
    if (task.urgedAt !== null && this.ctx.now.getTime() - Date.parse(task.urgedAt) < URGE_INTERVAL_MS) throw new WorkflowError('urged_recently')
    task.urgedAt = this.now
    this.notify('urged', [task.assignee], task.id)
    this.audit('urged', a.by, { task, detail: { taskIds: [task.id], authority: a.authority } })
  }

  /**
   * A live task past its deadline that `by` may act on as `authority`: an escalation contact
   * must be one the task was escalated to; an administrator was checked by the caller.
   */
  private escalatedTask(taskId: string, by: string, authority: 'escalation' | 'admin'): Task {
    const task = this.findTask(taskId)
    if (task.status === 'closed') throw new WorkflowError('already_decided', { outcome: task.outcome ?? 'closed' })
    this.requireStatus('in_review')
    if (authority === 'escalation' && !(task.escalatedTo ?? []).includes(by)) throw new WorkflowError('not_escalation_contact')
    if (task.escalatedAt === null && !isOverdue(task, this.ctx.now)) throw new WorkflowError('not_overdue')
    return task
  }

  // ---------------------------------------------------------------------------------- guards

  private requireStatus(...allowed: ApplicationStatus[]): void {
    const status = this.state.status
    if (allowed.includes(status)) return
    if (finalStatuses.includes(status)) throw new WorkflowError('application_closed', { status })
    throw new WorkflowError('wrong_status', { status })
  }

  private requireApplicant(by: string): void {
    if (by !== this.state.applicant?.cardNumber) throw new WorkflowError('not_applicant')
  }

  private requireOpinion(opinion: string | undefined): string {
    const text = opinion?.trim() ?? ''
    if (text === '') throw new WorkflowError('opinion_required')
    return text
  }

  private requireText(text: string): string {
    const trimmed = text.trim()
    if (trimmed === '') throw new WorkflowError('text_required')
    return trimmed
  }

  /** Approve, ask, transfer and add-signer need the task in the assignee's hands. */
  private requireOpen(task: Task): void {
    if (task.status === 'asked') throw new WorkflowError('awaiting_answer')
    if (task.status === 'waiting') throw new WorkflowError('waiting_for_signer')
  }

  /** A confirmation by the person named in the form is confirmed or declined, nothing else. */
  private refuseOnConfirmation(task: Task): void {
    if (isConfirmationStep(this.stepInfo(task.stepId).body)) throw new WorkflowError('confirmation_only')
  }

  private findTask(taskId: string): Task {
    const task = this.state.tasks.find((t) => t.id === taskId)
    if (!task) throw new WorkflowError('task_not_found', { taskId })
    return task
  }

  /**
   * The task `by` acts on, and whom they act for. The assignee acts; so does the person a
   * delegated task is for (back early), and whoever is the assignee's delegate right now.
   */
  private actingOn(taskId: string, by: string): { task: Task; onBehalfOf: string | null } {
    const task = this.findTask(taskId)
    // A closed task first: a double click or a second reviewer must learn it was already done.
    if (task.status === 'closed') throw new WorkflowError('already_decided', { outcome: task.outcome ?? 'closed' })
    this.requireStatus('in_review')
    if (by === task.assignee) return { task, onBehalfOf: task.onBehalfOf }
    if (by === task.onBehalfOf) return { task, onBehalfOf: null }
    if (this.ctx.resolver.delegateOf(task.assignee, this.ctx.now) === by) return { task, onBehalfOf: task.assignee }
    throw new WorkflowError('not_assignee')
  }

  // ---------------------------------------------------------------------------------- routing

  private route(next: Next, from: string): void {
    const target = this.pick(next, from)
    if (target === 'end') this.complete()
    else this.activateNode(target)
  }

  private pick(next: Next, from: string): string {
    const to = pickRoute(next, this.facts())
    if (to === undefined) throw new WorkflowError('no_route', { from })
    return to
  }

  private activateNode(nodeId: string): void {
    const node = this.node(nodeId)
    if (node.type === 'approval') {
      const run = this.startStepRun(node, null)
      this.state.currentRunId = run.id
      return
    }
    const run = this.newRun('group', node.id, null)
    this.state.currentRunId = run.id
    const facts = this.facts()
    run.branches = node.branches.map((b) => ({
      branchId: b.id,
      status: b.steps.length === 0 || (b.when !== undefined && !evaluateCondition(b.when, facts)) ? 'skipped' : 'active',
      stepIndex: 0,
    }))
    for (const branch of node.branches) {
      if (run.branches.find((b) => b.branchId === branch.id)?.status !== 'active') continue
      this.startStepRun(branch.steps[0] as StepBody, { runId: run.id, branchId: branch.id })
    }
    // Every branch skipped: nothing to sign, the group passes at once.
    if (run.branches.every((b) => b.status === 'skipped')) this.approveRun(run)
  }

  private startStepRun(body: StepBody, parent: Run['parent']): Run {
    const run = this.newRun('step', body.id, parent)
    const people = this.resolveAssignees(body.assignees)
    // A confirmation is the named person's own: nobody stands in for them.
    const candidates = people.length > 0 || isConfirmationStep(body) ? people : this.resolveAssignees(this.def.fallbackAssignees ?? [])
    if (candidates.length === 0) throw new WorkflowError('no_assignee', { stepId: body.id })
    const orSet = (body.sign ?? 'any') === 'any' && candidates.length > 1 ? run.id : null
    const dueAt = body.deadlineHours === undefined ? null : addWorkingHours(this.ctx.now, body.deadlineHours, this.ctx.calendar).toISOString()
    for (const person of candidates) this.createTask(run, body, person, { kind: 'rule' }, orSet, dueAt)
    return run
  }

  /** A task of the run was approved: if none is left waiting, the step is done. */
  private settleRun(run: Run): void {
    if (run.status !== 'active') return
    if (this.state.tasks.some((t) => t.runId === run.id && isLive(t))) return
    this.approveRun(run)
  }

  private approveRun(run: Run): void {
    this.endRun(run, 'approved')
    if (run.kind === 'step') {
      const copy = this.copyRecipients(this.stepInfo(run.nodeId).body.copyTo)
      this.copy(copy, run.nodeId)
    }
    if (run.parent) {
      const groupRun = this.run(run.parent.runId)
      const group = this.node(groupRun.nodeId) as ParallelStep
      const branch = group.branches.find((b) => b.id === run.parent?.branchId) as Branch
      const branchRun = groupRun.branches?.find((b) => b.branchId === branch.id)
      if (!branchRun) return
      if (branchRun.stepIndex + 1 < branch.steps.length) {
        branchRun.stepIndex += 1
        this.startStepRun(branch.steps[branchRun.stepIndex] as StepBody, run.parent)
        return
      }
      branchRun.status = 'approved'
      this.settleGroup(groupRun, group)
      return
    }
    const node = this.node(run.nodeId)
    this.route(node.next, node.id)
  }

  private settleGroup(groupRun: Run, group: ParallelStep): void {
    const branches = groupRun.branches ?? []
    const done = group.mode === 'any' ? branches.some((b) => b.status === 'approved') : branches.every((b) => b.status === 'approved' || b.status === 'skipped')
    if (!done) return
    if (group.mode === 'any') {
      // 或签: the first branch through decides; the others' work is no longer needed.
      const others = new Set(this.state.runs.filter((r) => r.parent?.runId === groupRun.id && r.status === 'active').map((r) => r.id))
      this.cancelTasks((t) => others.has(t.runId))
      for (const r of this.state.runs) if (others.has(r.id)) this.endRun(r, 'cancelled')
      for (const b of branches) if (b.status === 'active') b.status = 'cancelled'
    }
    this.approveRun(groupRun)
  }

  private complete(): void {
    this.finish('completed')
    const id = this.state.applicationId
    for (const action of this.def.onComplete ?? []) {
      if (action.kind === 'documentNumber')
        this.effects.push({
          type: 'assignDocumentNumber',
          applicationId: id,
          prefix: action.prefix,
          sequence: action.sequence,
          template: action.template ?? null,
        })
      else this.copy(this.copyRecipients(action.to), null)
    }
    this.effects.push({ type: 'complete', applicationId: id })
    this.notify('completed', [this.applicant().cardNumber])
    this.audit('completed', SYSTEM_ACTOR)
  }

  private finish(status: 'completed' | 'rejected' | 'withdrawn'): void {
    this.state.status = status
    this.state.finishedAt = this.now
    this.state.currentRunId = null
  }

  // ---------------------------------------------------------------------------------- people

  private resolveAssignees(rules: readonly AssigneeRule[]): string[] {
    for (const rule of rules) {
      const people = this.resolveRule(rule)
      if (people.length > 0) return people
    }
    return []
  }

  private copyRecipients(rules: readonly AssigneeRule[] | undefined): string[] {
    return [...new Set((rules ?? []).flatMap((rule) => this.resolveRule(rule)))]
  }

  /** The people one rule names, without the applicant (nobody reviews their own application). */
  private resolveRule(rule: AssigneeRule): string[] {
    const applicant = this.applicant()
    if (rule.when !== undefined && !evaluateCondition(rule.when, this.facts())) return []
    let people: string[]
    if ('field' in rule) {
      people = asCardNumbers(this.state.form[rule.field])
    } else if ('namedIn' in rule) {
      people = asCardNumbers(this.state.form[rule.namedIn])
    } else if ('role' in rule) {
      const scope = rule.scope
      if (typeof scope === 'object' && 'field' in scope) {
        const department = this.state.form[scope.field]
        people =
          typeof department === 'string' && department !== '' ? this.ctx.resolver.resolveAssignees({ role: rule.role, scope: { department } }, applicant) : []
      } else {
        people = this.ctx.resolver.resolveAssignees({ role: rule.role, scope }, applicant)
      }
    } else if ('person' in rule) {
      people = this.ctx.resolver.resolveAssignees({ person: rule.person }, applicant)
    } else {
      people = this.ctx.resolver.resolveAssignees({ applicant: 'supervisor' }, applicant)
    }
    return [...new Set(people)].filter((p) => p !== '' && p !== applicant.cardNumber)
  }

  /** Whether the person already holds (or is the principal of) a live task of the run. */
  private isHandling(runId: string, cardNumber: string): boolean {
    return this.state.tasks.some((t) => t.runId === runId && isLive(t) && (t.assignee === cardNumber || t.onBehalfOf === cardNumber))
  }

  // ---------------------------------------------------------------------------------- tasks

  private createTask(run: Run, body: StepBody, person: string, origin: TaskOrigin, orSet: string | null, dueAt: string | null): Task {
    // Out of office (委托): the task goes to the substitute, who acts on the person's behalf.
    // One level only, so that two people who name each other cannot send a task round in circles.
    // A confirmation asks the named person themself, so it is never delegated.
    const delegate = isConfirmationStep(body) ? null : this.ctx.resolver.delegateOf(person, this.ctx.now)
    const delegated = delegate !== null && delegate !== person && delegate !== this.applicant().cardNumber
    const task: Task = {
      id: this.nextId('t'),
      runId: run.id,
      stepId: body.id,
      round: this.state.round,
      assignee: delegated ? delegate : person,
      onBehalfOf: delegated ? person : null,
      status: 'open',
      outcome: null,
      orSet,
      origin,
      blockedBy: [],
      createdAt: this.now,
      dueAt,
      pausedHours: null,
      closedAt: null,
      closedBy: null,
      question: null,
      urgedAt: null,
      escalatedAt: null,
    }
    this.state.tasks.push(task)
    this.effects.push({ type: 'createTask', task: structuredClone(task), stepName: body.name })
    if (dueAt !== null) this.effects.push({ type: 'scheduleDeadline', taskId: task.id, dueAt })
    this.notify('task_assigned', [task.assignee], task.id, { dueAt })
    return task
  }

  private close(task: Task, outcome: TaskOutcome, by: string | null): void {
    task.status = 'closed'
    task.outcome = outcome
    task.closedAt = this.now
    task.closedBy = by
    task.blockedBy = []
    this.effects.push({ type: 'closeTask', taskId: task.id, outcome, by })
  }

  /** The first candidate of an `any` step to act takes the task: the others' copies close. */
  private claim(task: Task): void {
    if (task.orSet === null) return
    for (const other of this.state.tasks) if (other !== task && other.orSet === task.orSet && isLive(other)) this.close(other, 'cancelled', null)
  }

  /** Closes live tasks the application no longer needs, and tells their assignees. */
  private cancelTasks(which: (task: Task) => boolean): void {
    for (const task of this.state.tasks) {
      if (!isLive(task) || !which(task)) continue
      this.close(task, 'cancelled', null)
      this.notify('task_cancelled', [task.assignee], task.id)
    }
  }

  /**
   * An approved task no longer holds up whoever added it before themselves; one that is
   * transferred, or adds signers after itself, passes the wait on to its `replacements`.
   */
  private replaceBlocker(taskId: string, replacements: string[]): void {
    for (const waiting of this.state.tasks) {
      if (waiting.status !== 'waiting' || !waiting.blockedBy.includes(taskId)) continue
      waiting.blockedBy = [...waiting.blockedBy.filter((id) => id !== taskId), ...replacements]
      if (waiting.blockedBy.length > 0) continue
      waiting.status = 'open'
      this.effects.push({ type: 'updateTask', taskId: waiting.id, status: 'open', dueAt: waiting.dueAt })
      this.notify('task_resumed', [waiting.assignee], waiting.id)
    }
  }

  // ---------------------------------------------------------------------------------- runs

  private newRun(kind: Run['kind'], nodeId: string, parent: Run['parent']): Run {
    const run: Run = {
      id: this.nextId('r'),
      kind,
      nodeId,
      round: this.state.round,
      parent,
      status: 'active',
      startedAt: this.now,
      endedAt: null,
      branches: null,
    }
    this.state.runs.push(run)
    return run
  }

  private endRun(run: Run, status: RunStatus): void {
    run.status = status
    run.endedAt = this.now
  }

  /**
   * Ends every active run: the run the deciding task belongs to (and its group) with `status`,
   * the others as cancelled.
   */
  private endActiveRuns(status: RunStatus, decisive: Run | null): void {
    const chain = new Set<string>()
    if (decisive) {
      chain.add(decisive.id)
      if (decisive.parent) chain.add(decisive.parent.runId)
    }
    for (const run of this.state.runs) {
      if (run.status !== 'active') continue
      const own = chain.has(run.id)
      this.endRun(run, own ? status : 'cancelled')
      for (const b of run.branches ?? []) {
        if (b.status !== 'active') continue
        b.status = decisive?.parent?.branchId === b.branchId && own && (status === 'rejected' || status === 'returned') ? status : 'cancelled'
      }
    }
  }

  private topNodeId(run: Run): string {
    return run.parent ? this.run(run.parent.runId).nodeId : run.nodeId
  }

  // ---------------------------------------------------------------------------------- lookups

  private node(id: string): ProcessNode {
    const node = this.def.steps.find((n) => n.id === id)
    if (!node) throw new WorkflowError('invalid_definition', { detail: `no step "${id}"` })
    return node
  }

  private stepInfo(stepId: string): StepInfo {
    const info = this.steps.get(stepId)
    if (!info) throw new WorkflowError('invalid_definition', { detail: `no step "${stepId}"` })
    return info
  }

  private run(id: string): Run {
    const run = this.state.runs.find((r) => r.id === id)
    if (!run) throw new Error(`state corrupt: no run ${id}`)
    return run
  }

  private applicant(): ApplicantFacts {
    const applicant = this.state.applicant
    if (!applicant) throw new WorkflowError('wrong_status', { status: this.state.status })
    return applicant
  }

  private facts(): ConditionFacts {
    return { form: this.state.form, applicant: this.applicant() }
  }

  private nextId(prefix: 't' | 'r'): string {
    this.state.sequence += 1
    return `${prefix}${this.state.sequence}`
  }

  private decided(): void {
    this.state.firstDecisionAt ??= this.now
  }

  private copy(recipients: string[], stepId: string | null): void {
    if (recipients.length === 0) return
    for (const p of recipients) if (!this.state.copied.includes(p)) this.state.copied.push(p)
    this.effects.push({ type: 'copyTo', recipients, applicationId: this.state.applicationId, stepId })
  }

  /**
   * Every message the workflow sends is decided here, as an effect; the API only words and
   * delivers it. `about` carries what the recipient needs to act without opening the hall.
   */
  private notify(kind: NotificationKind, recipients: string[], taskId: string | null = null, about: MessageAbout = {}): void {
    if (recipients.length === 0) return
    this.effects.push({ type: 'notify', kind, recipients, applicationId: this.state.applicationId, taskId, about })
  }

  /** The applicant's receipt for a submission or resubmission that the office now has (or already completed). */
  private notifySubmitted(resubmitted: boolean): void {
    if (this.state.status !== 'in_review' && this.state.status !== 'completed') return
    this.notify('submitted', [this.applicant().cardNumber], null, { resubmitted, stepId: this.currentNodeId() })
  }

  /** The top-level step (or parallel group) the application waits in, or null outside review. */
  private currentNodeId(): string | null {
    const id = this.state.currentRunId
    return this.state.status === 'in_review' && id !== null ? this.topNodeId(this.run(id)) : null
  }

  private audit(
    what: AuditEvent,
    who: string,
    extra: {
      onBehalfOf?: string | null
      opinion?: string | undefined
      task?: Task | null
      detail?: Record<string, string | string[] | number | boolean | null>
    } = {},
  ): void {
    const opinion = extra.opinion?.trim()
    this.effects.push({
      type: 'audit',
      applicationId: this.state.applicationId,
      at: this.now,
      who,
      onBehalfOf: extra.onBehalfOf ?? null,
      what,
      opinion: opinion === undefined || opinion === '' ? null : opinion,
      taskId: extra.task?.id ?? null,
      stepId: extra.task?.stepId ?? null,
      detail: extra.detail ?? null,
    })
  }
}

function asCardNumbers(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim())
  return []
}

/** The name of a step or group, for messages and timelines. */
export function stepName(definition: ProcessDefinition, stepId: string): LocalizedText | null {
  for (const node of definition.steps) {
    if (node.id === stepId) return node.name
    if (node.type === 'parallel') for (const branch of node.branches) for (const body of branch.steps) if (body.id === stepId) return body.name
  }
  return null
}

/** The route `next` takes for these facts: a step id, `'end'`, or undefined when no route applies. */
export function pickRoute(next: Next, facts: ConditionFacts): string | undefined {
  if (typeof next === 'string') return next
  return next.find((r) => r.when === undefined || evaluateCondition(r.when, facts))?.to
}

/**
 * The top-level runs of this round on the path that is current: a return to an earlier step
 * cuts off what came after it, so those steps are not "passed" any more.
 */
function livePath(state: ApplicationState): Run[] {
  const path: Run[] = []
  for (const run of state.runs) {
    if (run.parent !== null || run.round !== state.round) continue
    const earlier = path.findIndex((r) => r.nodeId === run.nodeId)
    if (earlier >= 0) path.splice(earlier)
    path.push(run)
  }
  return path
}

/**
 * Where a task's assignee may return the application: `'applicant'`, an earlier step of the
 * same parallel branch, or a top-level step already passed in this round. Empty for a task that
 * is closed. The UI lists these; the engine refuses anything else.
 */
export function returnTargets(definition: ProcessDefinition, state: ApplicationState, taskId: string): string[] {
  const task = state.tasks.find((t) => t.id === taskId)
  if (!task || !isLive(task) || state.status !== 'in_review') return []
  const run = state.runs.find((r) => r.id === task.runId)
  if (!run) return []
  const targets = ['applicant']
  if (run.parent) {
    const groupRun = state.runs.find((r) => r.id === run.parent?.runId)
    const group = definition.steps.find((n) => n.id === groupRun?.nodeId)
    const branch = group?.type === 'parallel' ? group.branches.find((b) => b.id === run.parent?.branchId) : undefined
    const branchRun = groupRun?.branches?.find((b) => b.branchId === run.parent?.branchId)
    if (branch && branchRun) targets.push(...branch.steps.slice(0, branchRun.stepIndex).map((s) => s.id))
  }
  const current = state.runs.find((r) => r.id === state.currentRunId)
  for (const r of livePath(state).slice(0, -1))
    if (r.status === 'approved' && r.nodeId !== current?.nodeId && !targets.includes(r.nodeId)) targets.push(r.nodeId)
  return targets
}
