import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import CatalogPage from './pages/CatalogPage.vue'
import { adminRoutes } from './pages/admin/tabs.ts'

// Absolute paths of the page: the shell activates this app on `/` and `/catalog`. Only the catalog
// itself is in the first visit's bundle; every other page loads when opened, so the service
// administration (and @hall/forms under its form builder) costs nothing to a student.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: CatalogPage },
  { path: '/catalog', name: 'catalog', component: CatalogPage },
  // A deep link from the portal or a department site; the server sends it through login first.
  { path: '/catalog/services/:code', name: 'service', component: () => import('./pages/ServicePage.vue'), props: true },
  // Service administration lives with the catalog, which owns the service records (docs/decisions/005).
  { path: '/catalog/manage', name: 'manage', component: () => import('./pages/manage/ManageListPage.vue') },
  { path: '/catalog/manage/:code', name: 'manage-service', component: () => import('./pages/manage/ManageServicePage.vue'), props: true },
  // The administration console: people and roles, imports, audit, parked messages, deployments.
  ...adminRoutes,
  { path: '/catalog/:rest(.*)+', name: 'catalog-not-found', component: HallNotFound },
]
