import type { RouteRecordRaw } from 'vue-router'

// The administration console (/catalog/admin): one tab per area, each a lazily loaded page of its
// own, so the catalog's first visit never loads them. Adding an area is one line here, one page
// file and its words in i18n/admin/.

export interface AdminTab {
  /** The path under /catalog/admin, and the route's name (`admin-<path>`). */
  path: string
  /** The key of its label under `admin.tabs`. */
  label: string
  component: RouteRecordRaw['component']
}

export const adminTabs: AdminTab[] = [
  { path: 'people', label: 'people', component: () => import('./PeoplePage.vue') },
  { path: 'imports', label: 'imports', component: () => import('./ImportsPage.vue') },
  { path: 'audit', label: 'audit', component: () => import('./AuditPage.vue') },
  { path: 'deliveries', label: 'deliveries', component: () => import('./DeliveriesPage.vue') },
  { path: 'deployments', label: 'deployments', component: () => import('./DeploymentsPage.vue') },
]

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/catalog/admin',
    component: () => import('./AdminLayout.vue'),
    children: [
      { path: '', name: 'admin', redirect: { name: `admin-${adminTabs[0]!.path}` } },
      ...adminTabs.map((tab) => ({ path: tab.path, name: `admin-${tab.path}`, component: tab.component }) as RouteRecordRaw),
    ],
  },
]
