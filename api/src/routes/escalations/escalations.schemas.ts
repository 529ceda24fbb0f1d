import { z } from '@hono/zod-openapi'
import { ApplicationDetail } from '../applications/applications.schemas.ts'
import { TaskSummary } from '../tasks/tasks.schemas.ts'

// The escalation page (超时处理): what the escalation contact of an overdue step sees and may do.

export const EscalationActionName = z.enum(['takeOver', 'reassign', 'urge'])

export const EscalationDetail = z
  .object({
    task: TaskSummary.extend({
      escalatedAt: z.string().nullable().openapi({ description: 'When the deadline scan escalated it (null: overdue, not escalated yet)' }),
      urgedAt: z.string().nullable(),
    }),
    application: ApplicationDetail.openapi({ description: 'The application, read-only' }),
    authority: z.enum(['escalation', 'admin']).openapi({ description: 'As whom you may act: the step’s escalation contact, or an administrator' }),
    allowed: z.array(EscalationActionName).openapi({ description: 'What you may do now (empty once the task was decided or handed on)' }),
  })
  .openapi('EscalationDetail')

export const EscalationActionBody = z
  .object({
    action: EscalationActionName.openapi({ description: 'takeOver: the task becomes yours; reassign: it goes to `to`; urge: its assignee is reminded' }),
    stateVersion: z.number({ error: 'stateVersion (the version you saw) is required' }).int().min(0),
    to: z
      .string()
      .trim()
      .min(1, 'to: name the person (card number)')
      .max(64)
      .optional()
      .openapi({ description: 'reassign: the card number of the new assignee' }),
    opinion: z.string().max(2000, 'opinion is at most 2000 characters').optional().openapi({ description: 'Why (shown in the application’s history)' }),
  })
  .openapi('EscalationAction')
