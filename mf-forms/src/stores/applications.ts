import { api, unwrap, usePagedList, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'

type ListCall = typeof api.api.applications.$get
export type ApplicationsPage = OkBody<Awaited<ReturnType<ListCall>>>
export type ApplicationSummary = ApplicationsPage['items'][number]
/** The statuses the list can be filtered by (`active`: in review or returned). */
export type StatusFilter = NonNullable<Parameters<ListCall>[0]['query']['status']>

export const STATUS_FILTERS: readonly StatusFilter[] = ['active', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn']
export const PAGE_SIZE = 10

/** What the list shows: it mirrors the page's query string (`?status=&q=&page=`). */
export interface ApplicationsQuery {
  status: StatusFilter | ''
  q: string
  page: number
}

export const useApplicationsStore = defineStore('forms/applications', () =>
  // My applications, newest first, a page at a time (the paged list of @hall/mf-kit).
  usePagedList<ApplicationsQuery, ApplicationSummary>({ status: '', q: '', page: 1 }, (next, signal) =>
    unwrap(
      api.api.applications.$get(
        {
          query: {
            mine: '1',
            ...(next.status ? { status: next.status } : {}),
            ...(next.q ? { q: next.q } : {}),
            page: String(next.page),
            pageSize: String(PAGE_SIZE),
          },
        },
        { init: { signal } },
      ),
    ),
  ),
)
