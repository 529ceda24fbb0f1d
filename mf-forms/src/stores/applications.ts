import { api, ApiError, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toApiError } from '../lib/errors.ts'

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

export const useApplicationsStore = defineStore('forms/applications', () => {
  /** The query of the page shown (or being fetched). */
  const query = ref<ApplicationsQuery>({ status: '', q: '', page: 1 })
  /** My applications on that page, newest first. */
  const items = ref<ApplicationSummary[]>([])
  /** How many match the query on all pages. */
  const total = ref(0)
  /** True while a page is being fetched. */
  const loading = ref(false)
  /** True once a first answer arrived (before it, the list shows placeholders). */
  const loaded = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  // Typing a search sends a query per pause: an older request is cancelled, not just ignored.
  let inFlight: AbortController | undefined

  /** Fetches one page of my applications for `next`. */
  async function load(next: ApplicationsQuery) {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    query.value = next
    loading.value = true
    error.value = null
    try {
      const page = await unwrap(
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
          { init: { signal: controller.signal } },
        ),
      )
      if (controller.signal.aborted) return
      items.value = page.items
      total.value = page.total
      loaded.value = true
    } catch (err) {
      if (controller.signal.aborted) return
      error.value = toApiError(err)
    } finally {
      if (inFlight === controller) loading.value = false
    }
  }

  /** Fetches the current query again (after a failure). */
  function reload() {
    return load(query.value)
  }

  return { query, items, total, loading, loaded, error, load, reload }
})
