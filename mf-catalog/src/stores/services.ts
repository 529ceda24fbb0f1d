import { api, unwrap, usePagedList, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'

type ServicesPage = OkBody<Awaited<ReturnType<typeof api.api.services.$get>>>
export type ServiceSummary = ServicesPage['items'][number]

/** `mine`: the services the user may apply for (the default); `all` or one kind of user otherwise. */
export const AUDIENCES = ['mine', 'all', 'staff', 'undergraduate', 'graduate', 'international'] as const
export type Audience = (typeof AUDIENCES)[number]

/** What the list shows: it mirrors the page's query string (`?q=&category=&department=&audience=&page=`). */
export interface ServicesQuery {
  q: string
  category: string
  department: string
  audience: Audience
  page: number
}

export const PAGE_SIZE = 12

export const useServicesStore = defineStore('catalog/services', () =>
  // The services of one page, best match first when searching (the paged list of @hall/mf-kit).
  usePagedList<ServicesQuery, ServiceSummary>({ q: '', category: '', department: '', audience: 'mine', page: 1 }, (next, signal) =>
    unwrap(
      api.api.services.$get(
        {
          query: {
            ...(next.q ? { q: next.q } : {}),
            ...(next.category ? { category: next.category } : {}),
            ...(next.department ? { department: next.department } : {}),
            audience: next.audience,
            page: String(next.page),
            pageSize: String(PAGE_SIZE),
          },
        },
        { init: { signal } },
      ),
    ),
  ),
)
