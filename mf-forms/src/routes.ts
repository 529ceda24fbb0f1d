import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import ApplicationPage from './pages/ApplicationPage.vue'
import ApplyPage from './pages/ApplyPage.vue'
import MyApplicationsPage from './pages/MyApplicationsPage.vue'

// Absolute paths of the page: the shell activates this app on `/apply` and `/my`.
export const routes: RouteRecordRaw[] = [
  { path: '/my', name: 'my-applications', component: MyApplicationsPage },
  { path: '/my/:id(\\d+)', name: 'application', component: ApplicationPage, props: true },
  { path: '/apply/:code', name: 'apply', component: ApplyPage, props: true },
  // Applying starts from a service: without one, the catalog is where to choose it.
  { path: '/apply', redirect: '/catalog' },
  { path: '/:rest(.*)*', name: 'forms-not-found', component: HallNotFound },
]
