import { createRoute } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { requireUser } from '../../auth/index.ts'
import { clientAddress } from '../../lib/client-address.ts'
import type { AppEnv } from '../../lib/context.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { policy } from '../../policy/index.ts'
import { CreateDeployToken, CreatedDeployToken, DeployTokenList, DeployTokenView, TokenIdParam } from './deploy-tokens.schemas.ts'
import { createDeployToken, listDeployTokens, revokeDeployToken, view } from './deploy-tokens.service.ts'

// Administrators give each team its own deploy token. Only a session may manage tokens: a deploy
// token (even the bootstrap one) cannot make itself new ones.

const router = createRouter()
const onlyAdmins = createMiddleware<AppEnv>(async (c, next) => {
  if (!policy.canManageDeployTokens(c.get('user'))) {
    throw new HallError(403, 'forbidden', 'Only administrators manage deploy tokens', '只有系统管理员可以管理部署令牌')
  }
  await next()
})
for (const path of ['/api/admin/deploy-tokens', '/api/admin/deploy-tokens/*']) {
  router.use(path, requireUser)
  router.use(path, onlyAdmins)
}

export const deployTokensRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/deploy-tokens',
      tags: ['Deployments'],
      summary: 'The named deploy tokens, live ones first (never the tokens themselves)',
      responses: { 200: json(DeployTokenList, 'Tokens'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ items: (await listDeployTokens(c.get('deps').db)).map(view) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/deploy-tokens',
      tags: ['Deployments'],
      summary: 'Makes a named token limited to some parts; the answer holds the token, shown this once',
      request: { body: { content: { 'application/json': { schema: CreateDeployToken } }, required: true } },
      responses: { 201: json(CreatedDeployToken, 'Made'), ...errorsFor(400, 401, 403, 409) },
    }),
    async (c) => {
      const { db, env, now } = c.get('deps')
      const body = c.req.valid('json')
      const { token, row } = await createDeployToken(db, now(), { ...body, createdBy: c.get('user')!.cardNumber, ip: clientAddress(c, env.trustProxyHops) })
      c.header('Cache-Control', 'no-store')
      return c.json({ token, item: view(row) }, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/deploy-tokens/{id}/revoke',
      tags: ['Deployments'],
      summary: 'Revokes a token: the next deploy with it is refused',
      request: { params: TokenIdParam },
      responses: { 200: json(DeployTokenView, 'Revoked'), ...errorsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { db, env, now } = c.get('deps')
      const row = await revokeDeployToken(db, now(), c.req.valid('param').id, c.get('user')!.cardNumber, clientAddress(c, env.trustProxyHops))
      return c.json(view(row), 200)
    },
  )
