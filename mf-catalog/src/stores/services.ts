import { api, ApiError, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

type ServicesPage = OkBody<Awaited<ReturnType<typeof api.api.services.$get>>>
export type ServiceSummary = ServicesPage['items'][number]

/** What the list shows: it mirrors the page's query string (`?q=&category=&page=`). */
export interface ServicesQuery {
  q: string
  category: string
  page: number
}

export const PAGE_SIZE = 12

export const useServicesStore = defineStore('catalog/services', () => {
  /** The query of the page shown (or being fetched). */
  const query = ref<ServicesQuery>({ q: '', category: '', page: 1 })
  /** The services of that page. */
  const items = ref<ServiceSummary[]>([])
  /** How many services match the query in all pages. */
  const total = ref(0)
  /** True while a page is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  let latest = 0

  /** Fetches one page of services for `next`; an answer to an older query is dropped. */
  async function load(next: ServicesQuery) {
    const ticket = ++latest
    query.value = next
    loading.value = true
    error.value = null
    try {
      const page = await unwrap(
        api.api.services.$get({
          query: {
            ...(next.q ? { q: next.q } : {}),
            ...(next.category ? { category: next.category } : {}),
            page: String(next.page),
            pageSize: String(PAGE_SIZE),
          },
        }),
      )
      if (ticket !== latest) return
      items.value = page.items
      total.value = page.total
    } catch (err) {
      if (ticket !== latest) return
      error.value = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err), String(err))
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** Fetches the current query again (after a failure). */
  function reload() {
    return load(query.value)
  }

  return { query, items, total, loading, error, load, reload }
})
