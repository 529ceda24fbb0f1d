import { z } from '@hono/zod-openapi'

export const LanguageChoice = z.strictObject({ language: z.enum(['zh-CN', 'en'], { error: 'language: zh-CN or en' }) }).openapi('LanguageChoice')
