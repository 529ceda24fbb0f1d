import { z } from '@hono/zod-openapi'

/** A part as its folder is named: `mf-todo`, `shell`, `vendor`. */
export const PartName = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a part is a folder name such as mf-todo')

export const CreateDeployToken = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, 'name: at least 2 characters')
    .max(60, 'name: at most 60 characters')
    // The name becomes the deployer in the registry and the audit log: printable text only.
    .regex(/^[^\p{Cc}\p{Cf}\u2028\u2029]+$/u, 'name: letters, digits, spaces and punctuation only')
    .openapi({ example: '教务处前端组' }),
  parts: z
    .array(PartName)
    .min(1, 'parts: at least one part')
    .max(20, 'parts: at most 20')
    .transform((parts) => [...new Set(parts)].sort())
    .openapi({ example: ['mf-forms'] }),
})

export const DeployTokenView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The token’s first characters, to tell which one a script holds' }),
    parts: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
  })
  .openapi('DeployToken')

export const CreatedDeployToken = z.object({
  token: z.string().openapi({ description: 'Shown this once: the hall keeps only its hash' }),
  item: DeployTokenView,
})

export const DeployTokenList = z.object({ items: z.array(DeployTokenView) })

export const TokenIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
})
