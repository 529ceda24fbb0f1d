import { createRouter } from '../../lib/router.ts'
import { faqRoutes, questionsRoutes } from './questions.routes.ts'
import { ratingsRoutes } from './ratings.routes.ts'
import { statisticsRoutes } from './statistics.routes.ts'

// Feedback (issue 7): ratings of finished applications, the online Q&A with its FAQ, statistics
// and their Excel exports. See README.md in this folder.

export const feedbackRoutes = createRouter().route('/', ratingsRoutes).route('/', questionsRoutes).route('/', faqRoutes).route('/', statisticsRoutes)
