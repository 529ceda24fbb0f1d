import { z } from '@hono/zod-openapi'
import { eventKinds } from '../../notifications/kinds.ts'

export const Language = z.enum(['zh-CN', 'en']).openapi({ description: 'The language the person reads the hall in; e-mails and pushes are written in it' })

export const NotificationItem = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    link: z.string().nullable().openapi({ description: 'Where the message leads in the hall (`/todo/7`, `/my/12`)' }),
    actions: z
      .array(z.object({ labelZh: z.string(), labelEn: z.string(), link: z.string() }))
      .openapi({ description: 'Further links (completed: rate the service)' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification')

export const NotificationList = z.object({
  items: z.array(NotificationItem),
  unread: z.number().int(),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
})

export const ListQuery = z.object({
  before: z.coerce.number().int().positive().optional().openapi({ description: 'Only messages older than this id (the previous page’s `nextBefore`)' }),
  limit: z.coerce.number().int().min(1, 'limit: at least 1').max(50, 'limit: at most 50').default(20),
  unread: z.enum(['1', '0']).optional().openapi({ description: '`1`: unread only' }),
})

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
})

export const Unread = z.object({ unread: z.number().int() })

const kindNames = eventKinds.map((k) => k.kind) as [string, ...string[]]
const Choice = z.strictObject({ email: z.boolean().optional(), push: z.boolean().optional() })

export const PreferencesView = z
  .object({
    language: Language,
    /** Whether this hall sends e-mail / app pushes at all (configured by its administrators). */
    available: z.object({ inApp: z.literal(true), email: z.boolean(), push: z.boolean() }),
    kinds: z.array(
      z.object({
        kind: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        audience: z.enum(['applicant', 'reviewer', 'everyone']),
        inApp: z.literal(true),
        email: z.boolean(),
        push: z.boolean(),
      }),
    ),
  })
  .openapi('NotificationPreferences')

export const PreferencesBody = z
  .strictObject({
    language: Language.optional(),
    channels: z
      .partialRecord(z.enum(kindNames, { error: `a kind of message is one of ${kindNames.join(', ')}` }), Choice)
      .optional()
      .openapi({ description: 'Per kind: `{ "completed": { "email": false } }`. In-app messages cannot be turned off.' }),
  })
  .openapi('NotificationPreferencesChange')

export const DeliveryItem = z
  .object({
    id: z.number().int(),
    outboxId: z.number().int(),
    channel: z.enum(['email', 'push']),
    recipient: z.string(),
    kind: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    applicationId: z.number().int().nullable(),
    status: z.enum(['pending', 'sent', 'parked']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('NotificationDelivery')

export const DeliveryQuery = z.object({
  status: z.enum(['parked', 'pending', 'sent']).default('parked'),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const DeliveryList = z.object({ items: z.array(DeliveryItem), nextBefore: z.number().int().nullable() })

export const UnreadCount = z.object({ count: z.number().int() })

export const MarkedAll = Unread.extend({ marked: z.number().int() })

export const EventStream = z.string()
export type NotificationListQuery = z.infer<typeof ListQuery>
export type DeliveryItemBody = z.infer<typeof DeliveryItem>
export type DeliveryListQuery = z.infer<typeof DeliveryQuery>
