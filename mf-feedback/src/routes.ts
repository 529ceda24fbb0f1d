import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import AskPage from './pages/AskPage.vue'
import FeedbackPage from './pages/FeedbackPage.vue'
import QuestionPage from './pages/QuestionPage.vue'
import RatePage from './pages/RatePage.vue'

// Absolute paths of the page: the shell activates this app on `/feedback`. The statistics page
// is loaded when first visited: it carries ECharts, which nobody else needs.
export const routes: RouteRecordRaw[] = [
  { path: '/feedback', name: 'feedback', component: FeedbackPage },
  { path: '/feedback/rate/:applicationId(\\d+)', name: 'rate', component: RatePage, props: true },
  { path: '/feedback/ask', name: 'ask', component: AskPage },
  { path: '/feedback/questions/:id(\\d+)', name: 'question', component: QuestionPage, props: true },
  { path: '/feedback/statistics', name: 'statistics', component: () => import('./pages/StatisticsPage.vue') },
  { path: '/:rest(.*)*', name: 'feedback-not-found', component: HallNotFound },
]
