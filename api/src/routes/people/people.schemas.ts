import { z } from '@hono/zod-openapi'
import { DepartmentRef } from '../../db/rows.ts'

// The shapes of the people routes (the person picker and search), defined once.

export const PersonCard = z
  .object({
    cardNumber: z.string(),
    name: z.string(),
    nameEn: z.string(),
    department: DepartmentRef.nullable(),
    titleZh: z.string().nullable().openapi({ description: 'Professional title (职称) of staff; null for students' }),
    titleEn: z.string().nullable(),
  })
  .openapi('PersonCard', { description: 'A person as a colleague may see them: no phone, e-mail or records' })

export const PeopleList = z.object({ items: z.array(PersonCard), total: z.number().int() }).openapi('PeopleList')

export const PersonPick = z
  .object({
    cardNumber: z.string(),
    name: z.string(),
    nameEn: z.string(),
    department: DepartmentRef.nullable().openapi({ description: 'The college (students) or department (staff)' }),
    className: z.object({ zh: z.string(), en: z.string() }).nullable().openapi({ description: "A student's class (行政班)" }),
    title: z.object({ zh: z.string(), en: z.string() }).nullable().openapi({ description: "A staff member's title (职称)" }),
  })
  .openapi('PersonPick', { description: 'What a form picker shows to tell two people apart: nothing more' })

export const PersonPicks = z.object({ items: z.array(PersonPick) }).openapi('PersonPicks')

export const PeopleQuery = z.object({
  q: z
    .string({ error: 'q (a name, pinyin, initials or card number) is required' })
    .trim()
    .min(1, 'q: type at least one character of a name, pinyin, initials or card number')
    .max(50, 'q is at most 50 characters'),
  kind: z.enum(['staff'], { error: 'kind can only be staff' }).optional().openapi({ description: 'staff: only staff (教职工)' }),
})

export const PickQuery = z
  .object({
    q: z.string({ error: 'q (a name or a card number) is required' }).trim().min(1, 'q: type a name or a card number').max(50, 'q is at most 50 characters'),
    service: z
      .string({ error: 'service is the code of the service whose form is filled in' })
      .trim()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'The service whose current form is filled in (applying); required unless `application` is given' }),
    application: z.coerce.number({ error: 'application is the id of the application whose form is filled in' }).int().positive().optional().openapi({
      description:
        'The application whose form is changed (resubmitting after a return): the form of its own version decides the kinds, not the service’s current one',
    }),
    field: z
      .string({ error: "field (the key of the form's person field) is required" })
      .trim()
      .min(1)
      .max(129)
      .openapi({ description: 'The person field being filled in (`swapWith`, or `table.column`): its kinds decide who is offered' }),
  })
  .refine((query) => query.service !== undefined || query.application !== undefined, {
    error: 'service (the code of the service whose form is filled in) or application (the id of the application changed) is required',
    path: ['service'],
  })
