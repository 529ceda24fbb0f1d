import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { chooseLanguage } from '../../notifications/preferences.ts'
import { LanguageChoice } from './me.schemas.ts'

// What a person keeps with their account rather than in one browser: the language they chose.

const router = createRouter()
router.use('/api/me/language', requireUser)

export const meRoutes = router.openapi(
  createRoute({
    method: 'put',
    path: '/api/me/language',
    tags: ['Auth'],
    summary: 'Keeps my choice of language with my account: it wins over any browser’s language, on any device',
    request: { body: { content: { 'application/json': { schema: LanguageChoice } }, required: true } },
    responses: { 200: { description: 'Kept', content: { 'application/json': { schema: LanguageChoice } } }, ...errorsFor(400, 401) },
  }),
  async (c) => {
    const { language } = c.req.valid('json')
    const { db, now } = c.get('deps')
    await chooseLanguage(db, c.get('user')!.cardNumber, language, now())
    return c.json({ language }, 200)
  },
)
