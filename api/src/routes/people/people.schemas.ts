import { z } from '@hono/zod-openapi'

// The shapes of the people routes (the person picker and search), defined once.

export const PersonCard = z
  .object({
    cardNumber: z.string(),
    name: z.string(),
    nameEn: z.string(),
    department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
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
    department: z
      .object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })
      .nullable()
      .openapi({ description: 'The college (students) or department (staff)' }),
    className: z.object({ zh: z.string(), en: z.string() }).nullable().openapi({ description: "A student's class (行政班)" }),
    title: z.object({ zh: z.string(), en: z.string() }).nullable().openapi({ description: "A staff member's title (职称)" }),
  })
  .openapi('PersonPick', { description: 'What a form picker shows to tell two people apart: nothing more' })
