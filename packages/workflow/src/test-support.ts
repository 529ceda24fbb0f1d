import { expect } from 'vitest'
import type { ApplicantFacts, ProcessDefinition, ResolvableRule } from './definition.ts'
import type { AssigneeResolver, TransitionContext } from './engine.ts'
import { transition } from './engine.ts'
import { WorkflowError, type WorkflowErrorCode } from './errors.ts'
import { initialState, type Action, type ApplicationState, type Effect, type Task } from './state.ts'
import type { WorkingCalendar } from './calendar.ts'

// Test support, not part of the package's surface: a fake organisation and a small harness that
// keeps an application's state between actions, as the API would.

/** Monday 2 November 2026, 09:00 Beijing time (the demo's "today" is November 2026). */
export const MONDAY_9AM = new Date('2026-11-02T01:00:00Z')

/** Beijing wall-clock time → Date, e.g. `beijing('2026-11-06 17:00')`. */
export function beijing(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`)
}

/** How the fake resolver names a rule: `counsellor@applicant.class`, `reviewer@network-centre`, a card number, `supervisor`. */
export function ruleKey(rule: ResolvableRule): string {
  if ('role' in rule) return `${rule.role}@${typeof rule.scope === 'string' ? rule.scope : rule.scope.department}`
  if ('person' in rule) return `person:${rule.person}`
  return 'supervisor'
}

export interface Delegation {
  from: string
  to: string
  /** Active from (inclusive) … until (exclusive); always when absent. */
  start?: Date
  end?: Date
}

/**
 * A resolver over a table of rule keys. A `person` rule names that person unless the table says
 * otherwise; the supervisor is the applicant's; an applicant without a class (or college) has
 * no counsellor (or college roles).
 */
export function fakeResolver(people: Record<string, string[]>, delegations: Delegation[] = []): AssigneeResolver {
  return {
    resolveAssignees(rule: ResolvableRule, applicant: ApplicantFacts): string[] {
      // Like the real organisation: no class, no counsellor.
      if ('role' in rule && rule.scope === 'applicant.class' && !applicant.class) return []
      if ('role' in rule && rule.scope === 'applicant.college' && !applicant.college) return []
      const listed = people[ruleKey(rule)]
      if (listed) return listed
      if ('person' in rule) return [rule.person]
      if ('applicant' in rule) return applicant.supervisor ? [applicant.supervisor] : []
      return []
    },
    delegateOf(cardNumber: string, at: Date): string | null {
      const d = delegations.find((x) => x.from === cardNumber && (!x.start || at >= x.start) && (!x.end || at < x.end))
      return d?.to ?? null
    },
  }
}

/** A resolver that names one made-up person for every rule: `who:<rule key>`. */
export const everyoneResolver: AssigneeResolver = {
  resolveAssignees: (rule) => [`who:${ruleKey(rule)}`],
  delegateOf: () => null,
}

export const undergraduate: ApplicantFacts = {
  cardNumber: '2023010101',
  kind: 'undergraduate',
  department: 'college-cs',
  college: 'college-cs',
  class: 'cs-2023-1',
  degree: 'bachelor',
}

export const graduate: ApplicantFacts = {
  cardNumber: '202510010007',
  kind: 'graduate',
  department: 'college-cs',
  college: 'college-cs',
  supervisor: '0005472',
  degree: 'master',
}

export const staffMember: ApplicantFacts = {
  cardNumber: '0005472',
  kind: 'staff',
  department: 'college-cs',
  college: 'college-cs',
}

export interface FlowOptions {
  applicant?: ApplicantFacts
  form?: Record<string, unknown>
  resolver?: AssigneeResolver
  now?: Date
  calendar?: WorkingCalendar
}

/** One application going through a process, one action at a time. */
export class Flow {
  state: ApplicationState
  effects: Effect[] = []
  now: Date
  readonly applicant: ApplicantFacts
  private readonly resolver: AssigneeResolver
  private readonly calendar: WorkingCalendar | undefined

  constructor(
    readonly definition: ProcessDefinition,
    options: FlowOptions = {},
  ) {
    this.state = initialState('app-1')
    this.applicant = options.applicant ?? undergraduate
    this.resolver = options.resolver ?? everyoneResolver
    this.now = options.now ?? MONDAY_9AM
    this.calendar = options.calendar
  }

  get context(): TransitionContext {
    return { now: this.now, resolver: this.resolver, ...(this.calendar ? { calendar: this.calendar } : {}) }
  }

  /** Applies an action and keeps the new state and its effects. */
  do(action: Action): this {
    const result = transition(this.definition, this.state, action, this.context)
    this.state = result.state
    this.effects = result.effects
    return this
  }

  submit(form: Record<string, unknown> = {}): this {
    return this.do({ type: 'submit', by: this.applicant.cardNumber, applicant: this.applicant, form })
  }

  /** The refusal an action meets; fails the test if it is accepted or fails otherwise. */
  refuse(action: Action, code: WorkflowErrorCode): WorkflowError {
    const before = JSON.stringify(this.state)
    let error: unknown
    try {
      transition(this.definition, this.state, action, this.context)
    } catch (e) {
      error = e
    }
    expect(error, `expected ${action.type} to be refused with ${code}`).toBeInstanceOf(WorkflowError)
    expect((error as WorkflowError).code).toBe(code)
    // A refusal changes nothing, not even the caller's copy.
    expect(JSON.stringify(this.state)).toBe(before)
    return error as WorkflowError
  }

  at(when: Date): this {
    this.now = when
    return this
  }

  /** Tasks waiting for someone (open, asked or waiting). */
  live(): Task[] {
    return this.state.tasks.filter((t) => t.status !== 'closed')
  }

  /** The one live task held by `assignee` (optionally at a step); fails the test otherwise. */
  taskOf(assignee: string, stepId?: string): Task {
    const tasks = this.live().filter((t) => t.assignee === assignee && (stepId === undefined || t.stepId === stepId))
    expect(tasks, `live tasks of ${assignee}`).toHaveLength(1)
    return tasks[0] as Task
  }

  approve(assignee: string, opinion?: string): this {
    return this.do({ type: 'approve', by: assignee, taskId: this.taskOf(assignee).id, ...(opinion ? { opinion } : {}) })
  }

  /** Live tasks as `step:assignee`, sorted: a compact picture of who holds the application. */
  holders(): string[] {
    return this.live()
      .map((t) => `${t.stepId}:${t.assignee}`)
      .sort()
  }

  effectsOf<T extends Effect['type']>(type: T): Array<Extract<Effect, { type: T }>> {
    return this.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type)
  }
}

/**
 * Three people in sequence, each with a working day to decide: ann → bob → cat. The plainest
 * process, for the tests of actions that do not depend on routing.
 */
export const threeSteps: ProcessDefinition = {
  schemaVersion: 1,
  service: 'three-steps',
  name: { zh: '三步', en: 'Three steps' },
  formFields: [],
  start: 'a',
  steps: [
    { type: 'approval', id: 'a', name: { zh: '甲', en: 'A' }, assignees: [{ person: 'ann' }], deadlineHours: 7, next: 'b' },
    {
      type: 'approval',
      id: 'b',
      name: { zh: '乙', en: 'B' },
      assignees: [{ person: 'bob' }],
      deadlineHours: 7,
      escalateTo: [{ person: 'boss' }],
      next: 'c',
    },
    { type: 'approval', id: 'c', name: { zh: '丙', en: 'C' }, assignees: [{ person: 'cat' }], deadlineHours: 7, next: 'end' },
  ],
}

/** `threeSteps` with the fake organisation that names each person. */
export function threeStepFlow(options: FlowOptions = {}): Flow {
  return new Flow(threeSteps, { resolver: fakeResolver({}), ...options })
}
