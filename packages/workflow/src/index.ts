// @hall/workflow: the approval engine (DESIGN: "the engine decides, the API records").
// Pure TypeScript, no I/O. See README.md for the model and how the API uses it.

export {
  localizedTextSchema,
  idSchema,
  reservedIds,
  userKindSchema,
  applicantFactsSchema,
  applicantKeys,
  scalarSchema,
  comparisonOps,
  comparisonOpSchema,
  conditionSchema,
  scopeSchema,
  assigneeRuleSchema,
  routeSchema,
  nextSchema,
  stepBodySchema,
  approvalStepSchema,
  branchSchema,
  parallelStepSchema,
  processNodeSchema,
  completionActionSchema,
  formFieldRefSchema,
  processDefinitionSchema,
  isConfirmationStep,
} from './definition.ts'
export type {
  LocalizedText,
  UserKind,
  ApplicantFacts,
  ApplicantKey,
  Scalar,
  ComparisonOp,
  Condition,
  Scope,
  AssigneeRule,
  ResolvableRule,
  Route,
  Next,
  StepBody,
  ApprovalStep,
  Branch,
  ParallelStep,
  ProcessNode,
  CompletionAction,
  FormFieldRef,
  ProcessDefinition,
} from './definition.ts'

export { evaluateCondition } from './condition.ts'
export type { ConditionFacts } from './condition.ts'

export { validateProcess } from './validate.ts'
export type { ValidationIssue, ValidationIssueCode, ValidationResult } from './validate.ts'
export {
  validateDefinition,
  type DefinitionContext,
  type DefinitionIssue,
  type DefinitionIssueCode,
  type DefinitionValidation,
  type FormFieldTypes,
  type OrganisationFacts,
} from './validate-definition.ts'

export {
  SYSTEM_ACTOR,
  finalStatuses,
  initialState,
  applicationStatusSchema,
  taskStatusSchema,
  taskOutcomeSchema,
  taskSchema,
  runSchema,
  applicationStateSchema,
  actionSchema,
} from './state.ts'
export type {
  ApplicationStatus,
  TaskStatus,
  TaskOutcome,
  TaskOrigin,
  Question,
  Task,
  Run,
  RunStatus,
  BranchRun,
  ApplicationState,
  Action,
  ActionType,
  NotificationKind,
  MessageAbout,
  AuditEvent,
  Effect,
  EffectType,
} from './state.ts'

export { transition, returnTargets, pickRoute, isLive, stepName } from './engine.ts'
export type { AssigneeResolver, TransitionContext, TransitionResult } from './engine.ts'

export { allowedActions, asksInPerson, upcomingSteps } from './queries.ts'
export type { AllowedActions, TaskActions, TaskActionType, UpcomingStep } from './queries.ts'

export { WorkflowError, isWorkflowError, workflowErrorCodes } from './errors.ts'
export type { WorkflowErrorCode } from './errors.ts'

export { addWorkingHours, workingHoursBetween, isWorkingDay, isOverdue, WORKING_PERIODS, WORKING_HOURS_PER_DAY } from './calendar.ts'
export type { WorkingCalendar } from './calendar.ts'

export { CHINA_HOLIDAYS, chinaCalendar, extendCalendar } from './holidays.ts'
export type { HolidayYear } from './holidays.ts'
