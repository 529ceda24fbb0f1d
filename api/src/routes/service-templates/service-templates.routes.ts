import { createRoute } from '@hono/zod-openapi'
import { clientAddress } from '../../lib/client-address.ts'
import { errorsFor } from '../../lib/errors.ts'
import { createRouter, json } from '../../lib/router.ts'
import { requireServiceAdmin } from '../../auth/index.ts'
import { AdoptBody, AdoptedSchema, TemplateList, TemplateParams } from './service-templates.schemas.ts'
import { adoptTemplate, listTemplates } from './service-templates.service.ts'

// Service templates: what service owners (and administrators) may start a service from. Listing
// is open to anyone who may use service administration; adopting needs the target department.

const router = createRouter()
router.use('/api/admin/service-templates', requireServiceAdmin)
router.use('/api/admin/service-templates/*', requireServiceAdmin)

export const serviceTemplatesRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/service-templates',
      tags: ['Service administration'],
      summary: 'The first-batch services an office may start from (成熟一个，上线一个), and which are adopted already',
      responses: { 200: json(TemplateList, 'Templates'), ...errorsFor(401, 403) },
    }),
    async (c) => c.json({ items: await listTemplates(c.get('deps').db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/service-templates/{code}/adopt',
      tags: ['Service administration'],
      summary: 'Start a service of my department from a template: a draft (version 1), not in the catalog until published',
      description:
        'The draft carries the template’s guide, form, process and eligibility. Steps of the template’s own office are assigned to the adopting department; the guide’s contact becomes the department’s. The answer lists what the draft still lacks before it can be published (e.g. a role nobody holds here).',
      request: { params: TemplateParams, body: { content: { 'application/json': { schema: AdoptBody } }, required: true } },
      responses: { 201: json(AdoptedSchema, 'The draft'), ...errorsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps')
      const user = c.get('user')
      const adopted = await adoptTemplate(deps.db, user!, c.req.valid('param').code, c.req.valid('json'), deps.now(), clientAddress(c, deps.env.trustProxyHops))
      return c.json(adopted, 201)
    },
  )
