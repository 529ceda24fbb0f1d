import { api, ApiError, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toApiError } from '../lib/errors.ts'

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

export const useServicesStore = defineStore('catalog/services', () => {
  /** The query of the page shown (or being fetched). */
  const query = ref<ServicesQuery>({ q: '', category: '', department: '', audience: 'mine', page: 1 })
  /** The services of that page, best match first when searching. */
  const items = ref<ServiceSummary[]>([])
  /** How many services match the query in all pages. */
  const total = ref(0)
  /** True while a page is being fetched. */
  const loading = ref(false)
  /** True once a first answer arrived (before it, the list shows placeholders). */
  const loaded = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  // Typing sends a query per pause: the request of an older query is cancelled, not just ignored.
  let inFlight: AbortController | undefined

  /** Fetches one page of services for `next`, cancelling the request of the previous query. */
  async function load(next: ServicesQuery) {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    query.value = next
    loading.value = true
    error.value = null
    try {
      const page = await unwrap(
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
