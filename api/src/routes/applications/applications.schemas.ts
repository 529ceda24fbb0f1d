import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../lib/errors.ts'
import { paging } from '../../lib/router.ts'

// The shapes of the application routes, defined once (DESIGN rule 1): the handlers validate with
// them, the OpenAPI document and the micro-frontends' typed client are generated from them. The
// task routes reuse the application detail.

export const ApplicationStatusSchema = z
  .enum(['draft', 'submitted', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'])
  .openapi({ description: 'in_review: with reviewers; returned: back with the applicant for changes; completed (办结), rejected, withdrawn are final' })

export const PersonRef = z
  .object({ cardNumber: z.string(), name: z.string(), nameEn: z.string() })
  .openapi('PersonRef', { description: 'A person by card number, with their name (the card number again when the data platform does not know them)' })

const Named = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })

export const Values = z.record(z.string(), z.unknown()).openapi({ description: 'Form values keyed by field key (see @hall/forms)' })

/** What every state-changing route answers: where the application is now. */
export const ApplicationRef = z
  .object({ id: z.number().int(), status: ApplicationStatusSchema, stateVersion: z.number().int() })
  .openapi('ApplicationRef', { description: 'Send `stateVersion` back with the next action: a stale one gets a 409' })

export const ActionResult = z.object({ application: ApplicationRef }).openapi('ActionResult')

/** A field error: where, and why, in both languages. */
export const FormErrorSchema = z
  .object({
    error: ErrorSchema.shape.error.extend({
      fields: z.array(z.object({ path: z.string(), message: z.string(), messageZh: z.string() })).optional(),
    }),
  })
  .openapi('FormError', { description: 'Invalid input; for form values, `fields` names each field (path) with a message in English and Chinese' })

export const formErrorResponse = {
  400: { description: 'Invalid input: `fields` names each wrong field and why', content: { 'application/json': { schema: FormErrorSchema } } },
} as const

export const CurrentStepSummary = z
  .object({
    nameZh: z.string(),
    nameEn: z.string(),
    assignees: z
      .array(
        PersonRef.extend({
          onBehalfOf: PersonRef.nullable().openapi({ description: 'Whom this person holds the step for, as their delegate (委托): “张三 for 李四”' }),
        }),
      )
      .openapi({ description: 'Who holds the step now, with their names in Chinese and English' }),
  })
  .openapi('CurrentStepSummary')

export const RowState = z
  .object({
    waitingFor: z.enum(['applicant', 'signer']).nullable().openapi({
      description:
        'applicant: returned to the applicant, or a reviewer asked them a question; signer: a reviewer waits for signers they added (加签); null: neither',
    }),
    signers: z.array(PersonRef).openapi({ description: 'The added signers it waits for (with waitingFor: signer)' }),
    urgedAt: z.string().nullable().openapi({ description: 'When the applicant last urged it (催办); null when not urged' }),
  })
  .openapi('RowState', { description: 'What a row of a list is waiting for, for its label' })

const ReferenceNumber = z.string().nullable().openapi({
  description: 'The number to read out and search by (2026-宿舍-000123): year, the service’s short name, a sequence; given at submission',
  example: '2026-宿舍-000123',
})

export const ApplicationSummary = z
  .object({
    id: z.number().int(),
    serviceCode: z.string(),
    serviceNameZh: z.string(),
    serviceNameEn: z.string(),
    status: ApplicationStatusSchema,
    stateVersion: z.number().int(),
    referenceNumber: ReferenceNumber,
    documentNumber: z.string().nullable(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    rowState: RowState,
    currentStep: CurrentStepSummary.nullable().openapi({ description: 'Null when it is not with reviewers (returned, finished)' }),
    waitingSince: z.string().nullable().openapi({ description: 'Since when it has waited where it is (a step, or the applicant after a return)' }),
  })
  .openapi('ApplicationSummary')

export const ApplicationList = z.object({
  items: z.array(ApplicationSummary).openapi({ description: 'Newest first: by the time of submission (of creation for a row never submitted), then by id' }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

const Assignee = z.object({
  taskId: z.number().int().openapi({ description: 'The task row id (the reviewer’s /api/tasks/{id})' }),
  person: PersonRef,
  onBehalfOf: PersonRef.nullable().openapi({ description: 'Set when the person holds the task as a delegate (委托)' }),
  status: z.enum(['open', 'asked', 'waiting', 'closed']),
  outcome: z.enum(['approved', 'rejected', 'returned', 'transferred', 'cancelled']).nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: PersonRef.nullable(),
  question: z
    .object({
      text: z.string(),
      materials: z.array(z.string()),
      askedAt: z.string(),
      answer: z.object({ text: z.string(), attachments: z.array(z.string()), at: z.string() }).nullable(),
    })
    .nullable(),
})

export const StepRun = z
  .object({
    runId: z.string(),
    stepId: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(['step', 'group']),
    /** For a step inside a parallel group: the group's step id. */
    groupId: z.string().nullable(),
    round: z.number().int(),
    status: z.enum(['active', 'approved', 'rejected', 'returned', 'cancelled']),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    tasks: z.array(Assignee),
  })
  .openapi('StepRun', { description: 'One activation of a step (or parallel group): the path taken so far, with who held it' })

export const TimelineEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.string().openapi({
      description:
        'submitted, approved, rejected, returned, resubmitted, asked, answered, transferred, signerAdded, withdrawn, urged, commented, overdue, completed',
    }),
    actor: PersonRef.nullable().openapi({ description: 'Null when the system acted (completion, deadlines)' }),
    onBehalfOf: PersonRef.nullable(),
    opinion: z.string().nullable(),
    step: Named.nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    files: z
      .array(z.object({ id: z.string(), name: z.string(), size: z.number().int(), mime: z.string() }))
      .openapi({ description: 'Files that came with the event (an answer’s materials): GET /api/attachments/{id}, for the application’s readers' }),
  })
  .openapi('TimelineEvent')

export const AllowedActions = z
  .object({
    applicant: z.array(z.enum(['withdraw', 'urge', 'resubmit'])),
    answer: z.array(z.object({ taskId: z.number().int(), question: z.string(), materials: z.array(z.string()), askedAt: z.string() })),
    tasks: z.array(
      z.object({
        taskId: z.number().int(),
        stepId: z.string(),
        actions: z.array(z.enum(['approve', 'reject', 'return', 'ask', 'transfer', 'addSigner'])),
        returnTargets: z.array(Named).openapi({ description: '`applicant` (id) and the earlier steps the task may be returned to' }),
        confirmation: z.boolean().openapi({ description: 'The person named in the form confirms (approve) or declines (return to the applicant)' }),
      }),
    ),
    comment: z.boolean(),
  })
  .openapi('AllowedActions', { description: 'What the viewer may do now: the buttons to show' })

export const ApplicationDetail = z
  .object({
    id: z.number().int(),
    status: ApplicationStatusSchema,
    stateVersion: z.number().int(),
    referenceNumber: ReferenceNumber,
    documentNumber: z.string().nullable(),
    ratedByMe: z.boolean().openapi({
      description:
        'Whether the viewer has rated it: true only for its rater (the applicant); says nothing to anyone else, so an anonymous rating stays unlinkable (decision 007)',
    }),
    service: z.object({
      code: z.string(),
      version: z.number().int(),
      nameZh: z.string(),
      nameEn: z.string(),
      timeLimitDays: z.number().int(),
      department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    }),
    applicant: PersonRef.extend({
      kind: z.string().nullable(),
      department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    }),
    form: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'The FormDefinition (@hall/forms) of the version the application was made with; null when that version has no form' }),
    values: Values,
    people: z
      .record(z.string(), z.object({ name: z.string(), nameEn: z.string() }))
      .openapi({ description: "The people named in the form's person fields, by card number, so a page shows their names" }),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    current: z
      .object({
        step: Named,
        assignees: z.array(Assignee),
        since: z.string(),
        waitedMs: z.number().int(),
        usualMs: z.number().int().nullable().openapi({ description: 'Median time this step of this service took in past applications; null without history' }),
        dueAt: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'Where it is now and with whom (null unless in review)' }),
    expectedBy: z.string().nullable().openapi({ description: 'Submission + the service’s time limit in working days' }),
    expectedByHistory: z
      .string()
      .nullable()
      .openapi({ description: 'From the usual durations of the current and remaining steps; null without enough history' }),
    steps: z.array(StepRun),
    timeline: z.array(TimelineEvent),
    upcoming: z.array(z.object({ id: z.string(), type: z.enum(['approval', 'parallel']), nameZh: z.string(), nameEn: z.string() })),
    allowed: AllowedActions,
  })
  .openapi('ApplicationDetail')

export type ApplicationDetailBody = z.infer<typeof ApplicationDetail>

// ------------------------------------------------------------------------------------ requests

/** Statuses a filter may name; `active` means in review or returned (still moving). */
export const STATUS_FILTERS = ['active', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'] as const

export type StatusFilter = (typeof STATUS_FILTERS)[number]

export const Id = z.coerce
  .number({ error: 'the application id is a number' })
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' }, example: 42 })
export const StateVersion = z
  .number({ error: 'stateVersion (the version you saw) is required' })
  .int()
  .min(0)
  .openapi({ description: 'The `stateVersion` of the application as you saw it; a stale one gets a 409' })

export const IdParams = z.object({ id: Id })

export const SubmitBody = z.object({
  serviceCode: z.string().regex(/^[a-z0-9-]{2,60}$/, 'serviceCode is a service code such as undergrad-leave'),
  values: Values,
})
export type SubmitInput = z.infer<typeof SubmitBody>

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'the Idempotency-Key header is required: a unique string per submission (e.g. a UUID), the same when retrying' })
    .min(8, 'Idempotency-Key must be at least 8 characters')
    .max(200, 'Idempotency-Key must be at most 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be printable ASCII without spaces')
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, example: '6f1c2a8e-3b7d-4c1e-9a55-0d2f7e8b9c10' }),
})

export type ApplicationRefBody = z.infer<typeof ApplicationRef>

export const MyApplicationsQuery = z.object({
  mine: z.literal('1', { error: 'mine=1 is required: this list is of your own applications' }),
  status: z
    .enum(STATUS_FILTERS, { error: `status is one of ${STATUS_FILTERS.join(', ')}` })
    .optional()
    .openapi({ description: '`active`: in review or returned' }),
  q: z
    .string()
    .trim()
    .max(50, 'a search is at most 50 characters')
    .optional()
    .openapi({ description: 'Service name (zh/en) or code, document number, or application id' }),
  ...paging,
})

export const WithdrawBody = z.object({ stateVersion: StateVersion, reason: z.string().trim().max(500, 'reason is at most 500 characters').optional() })

export const ResubmitBody = z.object({ stateVersion: StateVersion, values: Values })

export const UrgeBody = z.object({ stateVersion: StateVersion })

export const AnswerBody = z.object({
  stateVersion: StateVersion,
  taskId: z.number({ error: 'taskId (from allowed.answer) is required' }).int().positive(),
  answer: z.string().max(2000, 'answer is at most 2000 characters'),
  attachments: z
    .array(z.string().min(1, 'attachments: an id is not empty').max(200, 'attachments: an id is at most 200 characters'))
    .max(20, 'at most 20 attachments')
    .optional()
    .openapi({ description: 'Ids of my uploads (POST /api/attachments) that go with the answer' }),
})

export const CommentBody = z.object({ stateVersion: StateVersion, text: z.string().max(2000, 'text is at most 2000 characters') })
export type AnswerInput = z.infer<typeof AnswerBody>
