import { WorkflowError, type WorkflowErrorCode } from '@hall/workflow'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HallError } from '../lib/errors.ts'

// How the engine's refusals reach people: each code keeps the engine's bilingual message and gets
// the HTTP status that says what kind of problem it is.

const STATUS: Record<WorkflowErrorCode, ContentfulStatusCode> = {
  // The request itself is incomplete: the person fixes what they sent.
  opinion_required: 400,
  text_required: 400,
  invalid_return_target: 400,
  invalid_transfer_target: 400,
  invalid_signer: 400,
  // Not theirs to do.
  not_applicant: 403,
  not_assignee: 403,
  not_participant: 403,
  not_escalation_contact: 403,
  // A confirmation by the person named in the form: only confirm or decline.
  confirmation_only: 403,
  confirmation_in_person: 403,
  // The application has moved on, or is not where this action applies.
  wrong_status: 409,
  application_closed: 409,
  task_not_found: 409,
  already_decided: 409,
  awaiting_answer: 409,
  waiting_for_signer: 409,
  no_question: 409,
  too_late_to_withdraw: 409,
  not_overdue: 409,
  urged_recently: 409,
  already_escalated: 409,
  // The service's process cannot place this application: its owners must act.
  no_assignee: 422,
  no_route: 422,
  invalid_definition: 422,
}

export function fromWorkflowError(error: WorkflowError): HallError {
  return new HallError(STATUS[error.code] ?? 409, error.code, error.text.en, error.text.zh)
}

/** Runs `fn`, turning an engine refusal into the hall's error. */
export function engineCall<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof WorkflowError) throw fromWorkflowError(e)
    throw e
  }
}

export const staleVersion = () =>
  new HallError(
    409,
    'stale_version',
    'Someone else acted on this application first; reload to see what happened',
    '已有其他人先处理了此申请，请刷新查看最新情况',
  )
