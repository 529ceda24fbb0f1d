import { isOverdue } from './calendar.ts'
import type { ConditionFacts } from './condition.ts'
import { isConfirmationStep, type LocalizedText, type ProcessDefinition, type StepBody } from './definition.ts'
import { isLive, pickRoute, returnTargets } from './engine.ts'
import type { ActionType, ApplicationState } from './state.ts'

// Read-only questions the UI asks about a state: which buttons to show (mf-todo, mf-forms) and
// which steps are still to come (the applicant's timeline). They follow the engine's rules, so
// a button that is shown is an action the engine accepts (given the same clock and delegations).

export type TaskActionType = Extract<ActionType, 'approve' | 'reject' | 'return' | 'ask' | 'transfer' | 'addSigner'>

export interface TaskActions {
  taskId: string
  stepId: string
  actions: TaskActionType[]
  /** For `return`: `'applicant'` and the steps the task may be returned to. */
  returnTargets: string[]
  /**
   * The person named in the form is asked to confirm: `approve` confirms, `return` (to the
   * applicant) declines. The UI words the buttons that way.
   */
  confirmation: boolean
}

export interface AllowedActions {
  /** What the person may do as the applicant. */
  applicant: Array<Extract<ActionType, 'withdraw' | 'urge' | 'resubmit'>>
  /** Tasks whose question the applicant may answer. */
  answer: string[]
  /** The live tasks the person holds (or may act on as a delegate), with what each allows. */
  tasks: TaskActions[]
  comment: boolean
}

const URGE_INTERVAL_MS = 24 * 3_600_000

/**
 * What `cardNumber` may do now. `delegateOf` is the resolver's: pass it so that a delegate sees
 * the tasks of the person they stand in for.
 */
export function allowedActions(
  definition: ProcessDefinition,
  state: ApplicationState,
  cardNumber: string,
  context: { now: Date; delegateOf?: (cardNumber: string, at: Date) => string | null },
): AllowedActions {
  const result: AllowedActions = { applicant: [], answer: [], tasks: [], comment: false }
  const inReview = state.status === 'in_review'
  const isApplicant = state.applicant?.cardNumber === cardNumber
  if (isApplicant) {
    if ((inReview && state.firstDecisionAt === null) || state.status === 'returned') result.applicant.push('withdraw')
    if (state.status === 'returned') result.applicant.push('resubmit')
    const urgeable = state.tasks.some(
      (t) => isOverdue(t, context.now) && (t.urgedAt === null || context.now.getTime() - Date.parse(t.urgedAt) >= URGE_INTERVAL_MS),
    )
    if (inReview && urgeable) result.applicant.push('urge')
    if (inReview) result.answer = state.tasks.filter((t) => t.status === 'asked').map((t) => t.id)
  }
  if (inReview) {
    for (const task of state.tasks) {
      if (!isLive(task)) continue
      const mine = task.assignee === cardNumber || task.onBehalfOf === cardNumber || context.delegateOf?.(task.assignee, context.now) === cardNumber
      if (!mine) continue
      const body = stepBody(definition, task.stepId)
      if (body && isConfirmationStep(body)) {
        const actions: TaskActionType[] = task.status === 'open' ? ['approve', 'return'] : ['return']
        result.tasks.push({ taskId: task.id, stepId: task.stepId, actions, returnTargets: ['applicant'], confirmation: true })
        continue
      }
      const actions: TaskActionType[] = task.status === 'open' ? ['approve', 'reject', 'return', 'ask', 'transfer', 'addSigner'] : ['reject', 'return']
      result.tasks.push({ taskId: task.id, stepId: task.stepId, actions, returnTargets: returnTargets(definition, state, task.id), confirmation: false })
    }
  }
  const participant =
    isApplicant ||
    state.copied.includes(cardNumber) ||
    state.tasks.some((t) => t.assignee === cardNumber || t.onBehalfOf === cardNumber) ||
    result.tasks.length > 0
  result.comment = (inReview || state.status === 'returned') && participant
  return result
}

/** The step (top-level or inside a branch) with this id. */
/** Whether the step asks the person named in the form to confirm in person: nobody else may act on its task. */
export function asksInPerson(definition: ProcessDefinition, stepId: string): boolean {
  const body = stepBody(definition, stepId)
  return !!body && isConfirmationStep(body)
}

function stepBody(definition: ProcessDefinition, stepId: string): StepBody | undefined {
  for (const node of definition.steps) {
    if (node.type === 'approval' && node.id === stepId) return node
    if (node.type === 'parallel') for (const branch of node.branches) for (const body of branch.steps) if (body.id === stepId) return body
  }
  return undefined
}

export interface UpcomingStep {
  id: string
  type: 'approval' | 'parallel'
  name: LocalizedText
}

/**
 * The top-level steps still to come after the current one if every step is approved, following
 * the routes as the submitted form and the applicant decide them. The applicant's timeline shows
 * them greyed out after the steps already taken. For a draft, pass the form being filled in and
 * the applicant as `draft` to preview the whole path.
 */
export function upcomingSteps(definition: ProcessDefinition, state: ApplicationState, draft?: ConditionFacts): UpcomingStep[] {
  const facts = state.status === 'draft' ? draft : state.applicant && { form: state.form, applicant: state.applicant }
  if (!facts) return []
  let next: string | undefined
  if (state.status === 'draft') next = pickRoute(definition.start, facts)
  else if (state.status === 'in_review') {
    const current = state.runs.find((r) => r.id === state.currentRunId)
    const node = definition.steps.find((n) => n.id === current?.nodeId)
    next = node ? pickRoute(node.next, facts) : undefined
  } else return []
  const steps: UpcomingStep[] = []
  // The flow is acyclic (validateProcess), but a bad stored definition must not hang a page.
  while (next !== undefined && next !== 'end' && steps.length < definition.steps.length) {
    const node = definition.steps.find((n) => n.id === next)
    if (!node) break
    steps.push({ id: node.id, type: node.type, name: node.name })
    next = pickRoute(node.next, facts)
  }
  return steps
}
