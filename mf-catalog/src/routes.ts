import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import CatalogPage from './pages/CatalogPage.vue'

// Absolute paths of the page: the shell activates this app on `/` and `/catalog`.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: CatalogPage },
  { path: '/catalog', name: 'catalog', component: CatalogPage },
  { path: '/catalog/:rest(.*)+', name: 'catalog-not-found', component: HallNotFound },
]
