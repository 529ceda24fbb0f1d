import { createRouter } from '../../lib/router.ts'
import { attachmentRoutes } from './attachments.routes.ts'
import { dataErrorRoutes } from './data-errors.routes.ts'
import { formRoutes } from './forms.routes.ts'

// Filling in a form: the form with pre-filled data, drafts, attachments and materials, and
// reports of wrong pre-filled data. See README.md in this folder.

export const formsRoutes = createRouter().route('/', formRoutes).route('/', attachmentRoutes).route('/', dataErrorRoutes)
