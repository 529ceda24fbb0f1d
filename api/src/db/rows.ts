import { z } from '@hono/zod-openapi'
import { createSchemaFactory } from 'drizzle-zod'
import { categories, departments } from './schema/index.ts'

// Row shapes derived from the drizzle schema (issue 16.2): where an answer hands out a table's row,
// or a part of it, its zod schema is taken from the table, so the contract cannot drift from the
// columns. drizzle-zod builds with the zod that @hono/zod-openapi extends, so these take `.openapi()`.
// Shapes the API computes (summaries, views with dates as strings) stay written in each feature's
// schemas file: they are not rows.

const { createSelectSchema } = createSchemaFactory({ zodInstance: z })

/** A service category as stored: the catalog lists them whole. */
export const CategoryRow = createSelectSchema(categories)

const DepartmentRow = createSelectSchema(departments)

/** A department by code and name, as every answer that names one shows it. */
export const DepartmentRef = DepartmentRow.pick({ code: true, nameZh: true, nameEn: true }).openapi('DepartmentRef')

/** A department with how to reach it (the contact of a service guide). */
export const DepartmentContact = DepartmentRow.pick({ code: true, nameZh: true, nameEn: true, phone: true, location: true })

/** A category by code and name. */
export const CategoryRef = CategoryRow.pick({ code: true, nameZh: true, nameEn: true })
