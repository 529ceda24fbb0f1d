import { z } from '@hono/zod-openapi'
import { paging } from '../../lib/router.ts'
import { ApplicationDetail, ApplicationRef, ApplicationStatusSchema, PersonRef, RowState } from '../applications/applications.schemas.ts'

// The shapes of the reviewers' routes: the three boxes, a task's page, actions and batch actions,
// and delegations. Defined once here; the OpenAPI document and mf-todo's typed client use them.

export const Box = z.enum(['todo', 'done', 'cc']).openapi({ description: 'todo 待办, done 已办, cc 抄送我的' })

const DepartmentRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })

export const TaskSummary = z
  .object({
    id: z.number().int(),
    applicationId: z.number().int(),
    box: Box,
    status: z
      .enum(['open', 'asked', 'waiting', 'closed'])
      .openapi({ description: 'asked: waiting for the applicant’s answer; waiting: for a signer added before you' }),
    outcome: z.enum(['approved', 'rejected', 'returned', 'transferred', 'cancelled']).nullable(),
    serviceCode: z.string(),
    serviceNameZh: z.string(),
    serviceNameEn: z.string(),
    applicant: PersonRef.extend({ kind: z.string().nullable(), department: DepartmentRef.nullable() }),
    stepId: z.string(),
    stepNameZh: z.string(),
    stepNameEn: z.string(),
    assignee: PersonRef,
    onBehalfOf: PersonRef.nullable().openapi({ description: 'Whom the assignee holds the task for, as their delegate' }),
    closedBy: PersonRef.nullable().openapi({
      description: 'Who decided it (the assignee, the person they held it for, or a delegate); with onBehalfOf: “closedBy for onBehalfOf”',
    }),
    referenceNumber: z.string().nullable().openapi({ description: 'The application’s reference number (2026-宿舍-000123)' }),
    rowState: RowState.openapi({ description: 'What this task waits for: the applicant’s answer, added signers, and whether it was urged' }),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    overdue: z.boolean(),
    application: z.object({ status: ApplicationStatusSchema, stateVersion: z.number().int() }),
  })
  .openapi('TaskSummary')

export const TaskList = z.object({ items: z.array(TaskSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

export const TaskCounts = z.object({ todo: z.number().int(), done: z.number().int(), cc: z.number().int() }).openapi('TaskCounts')

export const Phrase = z.object({ zh: z.string(), en: z.string(), actions: z.array(z.string()) })

export const TaskDetail = z
  .object({
    task: TaskSummary,
    application: ApplicationDetail,
    allowed: z
      .object({
        actions: z.array(z.enum(['approve', 'reject', 'return', 'ask', 'transfer', 'addSigner'])),
        returnTargets: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
        comment: z.boolean(),
        confirmation: z.boolean().openapi({
          description: 'You are the person named in the form, asked to confirm: approve confirms, return (to the applicant, with a reason) declines',
        }),
      })
      .openapi({ description: 'The buttons this task allows you now (empty actions when it is decided, or a copy)' }),
    phrases: z.array(Phrase).openapi({ description: 'Common opinions, one click away' }),
  })
  .openapi('TaskDetail')

export const TaskActionBody = z
  .object({
    action: z.enum(['approve', 'reject', 'return', 'ask', 'transfer', 'addSigner', 'comment'], {
      error: 'action is one of approve, reject, return, ask, transfer, addSigner, comment',
    }),
    stateVersion: z.number({ error: 'stateVersion (the version you saw) is required' }).int().min(0),
    opinion: z
      .string()
      .max(2000, 'opinion is at most 2000 characters')
      .optional()
      .openapi({ description: 'Required for reject and return; the question for ask; the text for comment' }),
    to: z.string().trim().min(1).max(64).optional().openapi({ description: 'transfer: the card number of the new assignee; addSigner: one signer' }),
    signers: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(10, 'at most 10 signers at once')
      .optional()
      .openapi({ description: 'addSigner: several signers' }),
    position: z
      .enum(['before', 'after'])
      .optional()
      .openapi({ description: 'addSigner: before me (they sign first, then me) or after me (this counts as my approval)' }),
    targetStep: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: 'return: `applicant` (default) or the id of an earlier step (see allowed.returnTargets)' }),
    materials: z.array(z.string().trim().min(1).max(100)).max(20).optional().openapi({ description: 'ask: names of the materials asked for' }),
  })
  .openapi('TaskAction')

export const BatchBody = z.object({
  items: z
    .array(z.object({ taskId: z.number().int().positive(), stateVersion: z.number().int().min(0) }))
    .min(1, 'choose at least one task')
    .max(50, 'at most 50 tasks at once'),
  action: z.literal('approve', { error: 'only approve can be done in a batch' }),
  opinion: z.string().max(2000, 'opinion is at most 2000 characters').optional(),
})

export const BatchResult = z
  .object({
    results: z.array(
      z.object({
        taskId: z.number().int(),
        ok: z.boolean(),
        status: z.number().int().openapi({ description: 'The HTTP status this item alone would have had' }),
        application: ApplicationRef.optional(),
        error: z.object({ code: z.string(), message: z.string(), messageZh: z.string() }).optional(),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .openapi('BatchResult')

export const Delegation = z
  .object({
    id: z.number().int(),
    person: PersonRef.openapi({ description: 'Whose tasks' }),
    delegate: PersonRef.openapi({ description: 'Who handles them' }),
    from: z.string(),
    to: z.string(),
    active: z.boolean(),
  })
  .openapi('Delegation')

export const DelegationList = z.object({
  items: z.array(Delegation).openapi({ description: 'My substitutes' }),
  forMe: z.array(Delegation).openapi({ description: 'People I stand in for' }),
})

export const DelegationBody = z
  .object({
    delegate: z.string().trim().min(1, 'delegate is the card number of your substitute').max(64),
    from: z.iso.datetime({ offset: true, error: 'from is a date-time such as 2026-12-01T08:00:00+08:00' }).optional().openapi({ description: 'Default: now' }),
    to: z.iso.datetime({ offset: true, error: 'to is a date-time such as 2026-12-08T08:00:00+08:00' }),
  })
  .openapi('NewDelegation')

export type DelegationInput = z.infer<typeof DelegationBody>

export const DelegationParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
})

export const DelegationEnded = z.object({ id: z.number().int(), deleted: z.literal(true) })

/** A task's id in a path (tasks and escalations). */
export const TaskId = z.coerce
  .number({ error: 'the task id is a number' })
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' }, example: 7 })

const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD, such as 2026-11-30')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)), 'not a calendar date')

export const TaskParams = z.object({ id: TaskId })

export const TaskListQuery = z.object({
  box: Box.default('todo'),
  q: z
    .string()
    .trim()
    .max(50, 'a search is at most 50 characters')
    .optional()
    .openapi({ description: 'Applicant name or card number, service name, or application id' }),
  service: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, 'service is a service code such as undergrad-leave')
    .optional(),
  overdue: z.enum(['1', '0']).optional().openapi({ description: '1: only tasks past their deadline' }),
  applicant: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,64}$/, 'applicant is a card number')
    .optional()
    .openapi({ description: 'Only this applicant’s (card number)' }),
  from: DateParam.optional().openapi({ description: 'Received on or after this Beijing date (YYYY-MM-DD)' }),
  to: DateParam.optional().openapi({ description: 'Received on or before this Beijing date (YYYY-MM-DD)' }),
  sort: z
    .enum(['received', 'deadline', 'applicant'], { error: 'sort is received, deadline or applicant' })
    .default('received')
    .openapi({ description: 'received (done: decided), deadline (none last), or applicant name' }),
  order: z
    .enum(['asc', 'desc'], { error: 'order is asc or desc' })
    .optional()
    .openapi({ description: 'Default: newest first for received, soonest first for deadline, A→Z for applicant' }),
  ...paging,
})
