import { z } from '@hono/zod-openapi'
import { VERSION_PATTERN } from './deployments.service.ts'

// The shapes of the deployment routes, defined once.

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

export const RegisterResult = DeploymentSchema.extend({
  outcome: z.enum(['registered', 'reactivated', 'current']).openapi({
    description:
      'registered: a new version went live; reactivated: a version known already is current again (after a rollback); current: it was current already',
  }),
}).openapi('DeploymentRegistered')
