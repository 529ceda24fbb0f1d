import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import FeedbackPage from './pages/FeedbackPage.vue'

// Absolute paths of the page: the shell activates this app on `/feedback`.
export const routes: RouteRecordRaw[] = [
  { path: '/feedback', name: 'feedback', component: FeedbackPage },
  { path: '/:rest(.*)*', name: 'feedback-not-found', component: HallNotFound },
]
