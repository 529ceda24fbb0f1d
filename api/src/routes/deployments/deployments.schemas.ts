import { z } from '@hono/zod-openapi'

// The shapes of the deployment routes, defined once.

const NAME_PATTERN = /^@hall\/[a-z][a-z0-9-]{1,40}$/
const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/

export const Part = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,40}$/, 'a part is a folder name such as mf-catalog')
  .openapi({ param: { name: 'part', in: 'path' }, example: 'mf-catalog' })
export const Version = z.string().regex(VERSION_PATTERN, 'a version is letters, digits, dots, plus and minus, at most 64')

export const DeploymentSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    version: z.string(),
    imports: z.record(z.string(), z.string()),
    styles: z.array(z.string()),
    html: z.string().nullable(),
    baseUrl: z.string(),
    registeredBy: z.string(),
    registeredAt: z.string(),
    rolledBackAt: z.string().nullable(),
    rolledBackBy: z.string().nullable(),
    activation: z.number().openapi({ description: 'The order in which the versions went live; the highest not rolled back is current' }),
  })
  .openapi('Deployment')

export const PartParams = z.object({ part: Part })
export const FileParams = z.object({ part: Part, version: Version, file: z.string().min(1).max(300) })
export const FileBytes = z.string().openapi({ format: 'binary' })
export const Stored = z.object({ stored: z.string() })
export const ImportMap = z.object({ imports: z.record(z.string(), z.string()) })
export const DeploymentList = z.object({ items: z.array(DeploymentSchema) })
export const RolledBack = z.object({ from: DeploymentSchema, to: DeploymentSchema })

/** What a deploy script registers: a part's version, its entry files and where they are. */
export const Manifest = z.object({
  name: z.string().regex(NAME_PATTERN, 'a name is @hall/<folder>'),
  version: Version,
  imports: z.record(z.string().min(1), z.string().min(1)).refine((m) => Object.keys(m).length > 0, 'at least one import'),
  styles: z.array(z.string().min(1)).optional(),
  html: z.string().min(1).optional(),
  baseUrl: z.url().optional().openapi({ description: 'Files hosted elsewhere; default: the hall’s own static store' }),
})

export const RegisterResult = DeploymentSchema.extend({
  outcome: z.enum(['registered', 'reactivated', 'current']).openapi({
    description:
      'registered: a new version went live; reactivated: a version known already is current again (after a rollback); current: it was current already',
  }),
}).openapi('DeploymentRegistered')
