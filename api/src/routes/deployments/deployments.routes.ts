import { createRoute } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { bearerToken } from '../../auth/deploy-token.ts'
import type { AppEnv } from '../../lib/context.ts'
import { errorBody, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { limitBody } from '../../lib/body-limit.ts'
import { policy } from '../../policy/index.ts'
import { assertMayDeploy } from '../deploy-tokens/deploy-tokens.service.ts'
import { currentDeployments, history, importMap, importMapEtag, register, rollback, storeFile } from './deployments.service.ts'
import { DeploymentList, FileBytes, FileParams, ImportMap, Manifest, PartParams, RegisterResult, RolledBack, Stored } from './deployments.schemas.ts'

type Row = Awaited<ReturnType<typeof history>>[number]
const toJson = (d: Row) => ({
  ...d,
  registeredAt: d.registeredAt.toISOString(),
  rolledBackAt: d.rolledBackAt?.toISOString() ?? null,
})

/** A deploy script (Bearer token) or an administrator's session. */
const requireDeployer = createMiddleware<AppEnv>(async (c, next) => {
  if (bearerToken(c) !== null) {
    // deployTokenAuth (app.ts) has identified a valid token: the bootstrap one may deploy every
    // part, a team's named token only its own. A session cookie sent along makes it nobody else.
    if (!c.get('deployer')) {
      return c.json(
        errorBody(
          'bad_token',
          'The deploy token is wrong or was revoked: ask an administrator for a new one',
          '部署令牌不正确或已被吊销，请向系统管理员申请新令牌',
        ),
        401,
      )
    }
    return next()
  }
  const user = c.get('user')
  if (!user) return c.json(errorBody('unauthenticated', 'Log in, or send the deploy token as a Bearer token', '请先登录，或以 Bearer 方式提供部署令牌'), 401)
  if (!policy.canManageDeployments(user)) {
    return c.json(errorBody('forbidden', 'Only administrators manage deployments', '只有系统管理员可以管理部署'), 403)
  }
  c.set('deployer', user.cardNumber)
  c.set('deployParts', '*')
  return next()
})

const errors = errorsFor(400, 401, 403)

const router = createRouter()
router.use('/api/admin/deployments', requireDeployer)
router.use('/api/admin/deployments/*', requireDeployer)

export const deploymentsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/importmap.json',
      tags: ['Deployments'],
      summary: 'The import map the shell loads: the current version of every browser part',
      responses: {
        200: {
          description: 'The import map',
          content: { 'application/json': { schema: ImportMap } },
        },
        304: { description: 'Unchanged since the ETag sent in If-None-Match (the shell checks every minute)' },
      },
    }),
    async (c) => {
      const { imports } = await importMap(c.get('deps').db)
      const etag = importMapEtag(imports)
      c.header('Cache-Control', 'no-cache')
      c.header('ETag', etag)
      if (
        c.req
          .header('if-none-match')
          ?.split(',')
          .some((t) => t.trim() === etag)
      )
        return c.body(null, 304)
      return c.json({ imports }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/deployments',
      tags: ['Deployments'],
      summary: 'The current version of every browser part',
      responses: {
        200: { description: 'Current deployments', content: { 'application/json': { schema: DeploymentList } } },
        ...errors,
      },
    }),
    async (c) => c.json({ items: (await currentDeployments(c.get('deps').db)).map(toJson) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/deployments/{part}',
      tags: ['Deployments'],
      summary: 'Every registered version of one part, newest first',
      request: { params: PartParams },
      responses: {
        200: { description: 'Version history', content: { 'application/json': { schema: DeploymentList } } },
        ...errors,
      },
    }),
    async (c) => c.json({ items: (await history(c.get('deps').db, `@hall/${c.req.valid('param').part}`)).map(toJson) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/deployments/{part}/{version}/files/{file}',
      tags: ['Deployments'],
      summary: "Uploads one built file into the hall's static store (the path URL-encoded as one segment)",
      middleware: [
        limitBody({
          maxSize: 20 * 1024 * 1024,
          onError: (c) => c.json(errorBody('too_large', 'A file may be at most 20 MiB', '单个文件不能超过 20 MiB'), 413),
        }),
      ] as const,
      request: {
        params: FileParams,
        body: { content: { 'application/octet-stream': { schema: FileBytes } }, required: true },
      },
      responses: {
        201: { description: 'Stored', content: { 'application/json': { schema: Stored } } },
        ...errors,
        ...errorsFor(409, 413),
      },
    }),
    async (c) => {
      const { part, version, file } = c.req.valid('param')
      assertMayDeploy(c.get('deployParts'), part)
      // A registered version is immutable: browsers cache its files for good.
      if ((await history(c.get('deps').db, `@hall/${part}`)).some((d) => d.version === version)) {
        return c.json(
          errorBody(
            'version_exists',
            `@hall/${part} ${version} is registered already; its files never change. Build a new version.`,
            `@hall/${part} 的版本 ${version} 已登记，文件不可再改；请构建新版本`,
          ),
          409,
        )
      }
      const bytes = Buffer.from(await c.req.arrayBuffer())
      await storeFile(c.get('deps').blobs, `@hall/${part}`, version, file, bytes)
      return c.json({ stored: `/static/${part}/${version}/${file}` }, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/deployments',
      tags: ['Deployments'],
      summary: 'Registers a new version of a part after checking that its files answer, or makes a known version current again',
      request: {
        body: {
          content: {
            'application/json': {
              schema: Manifest,
            },
          },
          required: true,
        },
      },
      responses: {
        201: { description: 'Registered: the shell loads it on the next page load', content: { 'application/json': { schema: RegisterResult } } },
        200: { description: 'A version known already: current again (or current already)', content: { 'application/json': { schema: RegisterResult } } },
        ...errorsFor(409, 422),
        ...errors,
      },
    }),
    async (c) => {
      const { baseUrl, ...manifest } = c.req.valid('json')
      assertMayDeploy(c.get('deployParts'), manifest.name)
      const { row, outcome } = await register(c.get('deps'), { manifest, baseUrl, registeredBy: c.get('deployer') ?? 'unknown' })
      c.get('deps').log.info({ name: row.name, version: row.version, by: c.get('deployer'), outcome }, 'deployment registered')
      return outcome === 'registered' ? c.json({ ...toJson(row), outcome }, 201) : c.json({ ...toJson(row), outcome }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/deployments/{part}/rollback',
      tags: ['Deployments'],
      summary: 'Rolls a part back to the version before its current one',
      request: { params: PartParams },
      responses: {
        200: { description: 'Rolled back', content: { 'application/json': { schema: RolledBack } } },
        ...errorsFor(404, 409),
        ...errors,
      },
    }),
    async (c) => {
      assertMayDeploy(c.get('deployParts'), c.req.valid('param').part)
      const { from, to } = await rollback(c.get('deps'), `@hall/${c.req.valid('param').part}`, c.get('deployer') ?? 'unknown')
      c.get('deps').log.info({ name: from.name, from: from.version, to: to.version }, 'deployment rolled back')
      return c.json({ from: toJson(from), to: toJson(to) }, 200)
    },
  )
