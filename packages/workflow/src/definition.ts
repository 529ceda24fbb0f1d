import { z } from 'zod'

// The process definition (流程, GLOSSARY: ProcessDefinition) of one service version. It is data:
// the API stores it as JSON next to the version's guide and form, and an application keeps the
// version it started with (DESIGN rule 4). Everything here is JSON-serialisable on purpose: no
// functions, no dates, no class instances. `validateProcess` (validate.ts) checks what a schema
// cannot: references, reachability, cycles, the fields a condition reads.

/** The two languages every name the hall shows is written in. */
export const localizedTextSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })
export type LocalizedText = z.infer<typeof localizedTextSchema>

/** Step, branch and sequence ids: kebab-case, stable across versions (the API stores them on tasks). */
export const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case id')

/** Ids a step may not take because routes and `return` use them as keywords. */
export const reservedIds = ['end', 'applicant'] as const

// ------------------------------------------------------------------------------------ applicant

/** Kinds of user (GLOSSARY: UserKind), repeated here so the engine does not depend on the demo data. */
export const userKindSchema = z.enum(['staff', 'undergraduate', 'graduate', 'international'])
export type UserKind = z.infer<typeof userKindSchema>

/**
 * What routing may know about the applicant, as the API read it from the organisation when the
 * application was submitted. It is a snapshot: a student who changes class mid-review keeps the
 * counsellor the application started with.
 */
export const applicantFactsSchema = z.strictObject({
  cardNumber: z.string().min(1),
  kind: userKindSchema,
  /** A college for students, the department of employment for staff. */
  department: z.string().min(1),
  /** The college, when `department` is one (students, and staff of a college). */
  college: z.string().min(1).optional(),
  /** The administrative class (undergraduates, some international students). */
  class: z.string().min(1).optional(),
  /** The supervisor's card number (graduate students). */
  supervisor: z.string().min(1).optional(),
  degree: z.enum(['bachelor', 'master', 'doctor']).optional(),
  /** Set for cadres only (staff of division or bureau level). */
  cadreLevel: z.enum(['division', 'bureau']).optional(),
})
export type ApplicantFacts = z.infer<typeof applicantFactsSchema>

/** The applicant facts a condition may read. */
export const applicantKeys = ['cardNumber', 'kind', 'department', 'college', 'class', 'supervisor', 'degree', 'cadreLevel'] as const
export type ApplicantKey = (typeof applicantKeys)[number]

// ------------------------------------------------------------------------------------ conditions

export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])
export type Scalar = z.infer<typeof scalarSchema>

/**
 * Comparison operators. `gt`/`gte`/`lt`/`lte` compare numbers (numeric strings count as numbers)
 * or two strings (ISO dates compare correctly as strings); `in`/`notIn` take an array;
 * `exists`/`notExists` take no value and test for a value that is not absent, null or ''.
 */
export const comparisonOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'exists', 'notExists'] as const
export const comparisonOpSchema = z.enum(comparisonOps)
export type ComparisonOp = (typeof comparisonOps)[number]

const comparisonValueSchema = z.union([scalarSchema, z.array(scalarSchema)]).optional()

/**
 * A condition over the form data and the applicant, e.g. `{ field: 'days', op: 'gt', value: 3 }`,
 * `{ applicant: 'kind', op: 'eq', value: 'graduate' }`, combined with `all`, `any` and `not`.
 */
export type Condition =
  | { field: string; op: ComparisonOp; value?: Scalar | Scalar[] }
  | { applicant: ApplicantKey; op: ComparisonOp; value?: Scalar | Scalar[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: z.string().min(1), op: comparisonOpSchema, value: comparisonValueSchema }),
    z.strictObject({ applicant: z.enum(applicantKeys), op: comparisonOpSchema, value: comparisonValueSchema }),
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ]),
)

// ------------------------------------------------------------------------------------ assignees

/**
 * Where a role is looked for: the applicant's class, college or department, a named department,
 * or the department whose code the applicant chose in a form field (e.g. the office a question
 * is about).
 */
export const scopeSchema = z.union([
  z.enum(['applicant.class', 'applicant.college', 'applicant.department']),
  z.strictObject({ department: z.string().min(1) }),
  z.strictObject({ field: z.string().min(1) }),
])
export type Scope = z.infer<typeof scopeSchema>

/**
 * Who a task goes to. `role` is a string, not the demo university's closed list: a real
 * organisation grants more roles than the demo does (see packages/demo-university/src/services/processes/README.md). Every kind of
 * rule may carry `when`: the rule applies only when the condition holds.
 *
 * - `{ role, scope }`: everyone who holds the role there (resolved by the API);
 * - `{ person }`: one named person (a campus card number);
 * - `{ applicant: 'supervisor' }`: the applicant's supervisor;
 * - `{ field }`: the person whose card number the applicant gave in a form field (a club's
 *   adviser, a course's teacher), resolved by the engine from the form;
 * - `{ namedIn }`: the person named in a form field, asked to confirm in person (the student a
 *   bed swap is with). A step with this rule is a confirmation (see `isConfirmationStep`): the
 *   named person confirms (approve) or declines (return to the applicant, with a reason); they
 *   cannot reject, ask, transfer or add a signer, the task is not delegated, and nobody else
 *   (no fallback) stands in when the field names nobody. Resolved by the engine from the form.
 */
export const assigneeRuleSchema = z.union([
  z.strictObject({ role: z.string().regex(/^[a-z][a-z0-9-]*$/), scope: scopeSchema, when: conditionSchema.optional() }),
  z.strictObject({ person: z.string().min(1), when: conditionSchema.optional() }),
  z.strictObject({ applicant: z.literal('supervisor'), when: conditionSchema.optional() }),
  z.strictObject({ field: z.string().min(1), when: conditionSchema.optional() }),
  z.strictObject({ namedIn: z.string().min(1), when: conditionSchema.optional() }),
])
export type AssigneeRule = z.infer<typeof assigneeRuleSchema>

/**
 * What the API's resolver is asked: a rule without its condition, with a field scope already
 * turned into the department the form names. `{ field }` and `{ namedIn }` rules never reach the resolver.
 */
export type ResolvableRule =
  | { role: string; scope: 'applicant.class' | 'applicant.college' | 'applicant.department' | { department: string } }
  | { person: string }
  | { applicant: 'supervisor' }

// ------------------------------------------------------------------------------------ steps

/** A route: go to `to` (a top-level step id, or `'end'`) when `when` holds; no `when` = otherwise. */
export const routeSchema = z.strictObject({ when: conditionSchema.optional(), to: z.string().min(1) })
export type Route = z.infer<typeof routeSchema>

/**
 * Where the flow goes next: a step id, `'end'`, or routes tried in order (the first whose
 * condition holds wins; the last must have no condition, so that one always does).
 */
export const nextSchema = z.union([z.string().min(1), z.array(routeSchema)])
export type Next = z.infer<typeof nextSchema>

/**
 * One step (环节) in which people review the application. What is common to a top-level step and
 * a step inside a parallel branch.
 */
export const stepBodySchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  /**
   * Tried in order: the first rule whose `when` holds and that names at least one person (other
   * than the applicant) decides who gets the task. Later rules are fallbacks, e.g. the college
   * secretary where a college has no head of department on record.
   */
  assignees: z.array(assigneeRuleSchema),
  /**
   * When the rule names several people: `'any'` (default) gives each a task and the first who
   * acts takes it, cancelling the others'; `'all'` needs every one of them to approve.
   */
  sign: z.enum(['any', 'all']).optional(),
  /** Copied (抄送) when the step is approved; unlike `assignees`, everyone every rule names. */
  copyTo: z.array(assigneeRuleSchema).optional(),
  /** The time limit of each task of this step, in working hours (see calendar.ts). */
  deadlineHours: z.number().positive().optional(),
  /** Told, in addition to the assignee, when a task of this step passes its deadline. */
  escalateTo: z.array(assigneeRuleSchema).optional(),
})
export type StepBody = z.infer<typeof stepBodySchema>

/**
 * Whether a step asks the person named in the form to confirm (its rules are `{ namedIn }`
 * rules) rather than a reviewer to decide.
 */
export function isConfirmationStep(body: Pick<StepBody, 'assignees'>): boolean {
  return body.assignees.length > 0 && body.assignees.some((rule) => 'namedIn' in rule)
}

export const approvalStepSchema = z.strictObject({
  ...stepBodySchema.shape,
  type: z.literal('approval'),
  next: nextSchema,
})
export type ApprovalStep = z.infer<typeof approvalStepSchema>

/** A branch of a parallel group: its steps run in sequence; `when` false skips the branch. */
export const branchSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema.optional(),
  when: conditionSchema.optional(),
  steps: z.array(stepBodySchema),
})
export type Branch = z.infer<typeof branchSchema>

/**
 * Branches that run at the same time. `mode: 'all'` (会签) completes when every branch that runs
 * is approved; `'any'` (或签) completes when the first branch is, cancelling the others' tasks.
 * A reject in any branch rejects the application. `next` is the join: where the flow goes once
 * the group completes.
 */
export const parallelStepSchema = z.strictObject({
  type: z.literal('parallel'),
  id: idSchema,
  name: localizedTextSchema,
  mode: z.enum(['all', 'any']),
  branches: z.array(branchSchema),
  next: nextSchema,
})
export type ParallelStep = z.infer<typeof parallelStepSchema>

export const processNodeSchema = z.discriminatedUnion('type', [approvalStepSchema, parallelStepSchema])
export type ProcessNode = z.infer<typeof processNodeSchema>

// ------------------------------------------------------------------------------------ completion

/**
 * Done when the application completes, in the same transaction:
 * - `documentNumber`: the API allocates the next number of `sequence` and formats it with
 *   `prefix` (e.g. 明大介字〔2026〕12号); `template` names the document to generate, if any;
 * - `copyTo`: copy the completed application to these people.
 */
export const completionActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('documentNumber'),
    prefix: z.string().min(1),
    sequence: idSchema,
    template: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('copyTo'), to: z.array(assigneeRuleSchema) }),
])
export type CompletionAction = z.infer<typeof completionActionSchema>

// ------------------------------------------------------------------------------------ the process

/**
 * A form field the process reads, so that the form's author can match the name and type (the
 * forms package validates the same names). `cardNumber` fields name a person, `department` fields
 * a department code.
 */
export const formFieldRefSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'camelCase field name'),
  type: z.enum(['number', 'string', 'boolean', 'date', 'cardNumber', 'department']),
  label: localizedTextSchema,
})
export type FormFieldRef = z.infer<typeof formFieldRefSchema>

export const processDefinitionSchema = z.strictObject({
  /** The format of this JSON, so a stored definition can be migrated when it changes. */
  schemaVersion: z.literal(1),
  /** The service code this process belongs to (a service version stores one definition). */
  service: z.string().min(1),
  name: localizedTextSchema,
  /** The form fields that conditions and `field` rules read. */
  formFields: z.array(formFieldRefSchema),
  /** The first step, or routes to it (e.g. shared mailboxes go to the unit head first). */
  start: nextSchema,
  steps: z.array(processNodeSchema),
  /**
   * Tried when none of a step's own rules names anyone, before the engine gives up with
   * `no_assignee`: typically the owning office's service owner, who can transfer the task.
   */
  fallbackAssignees: z.array(assigneeRuleSchema).optional(),
  onComplete: z.array(completionActionSchema).optional(),
  /**
   * Where a resubmitted application starts again after a return to the applicant: from the start
   * (default: earlier approvers see the changed form too) or at the step that returned it.
   */
  resubmit: z.enum(['restart', 'returningStep']).optional(),
})
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>
