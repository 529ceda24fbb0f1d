import { ref, type Ref } from 'vue'
import { ApiError } from './api.ts'

// One page of a list at a time, for a query that mirrors the page's query string: the catalog's
// services, my applications. Typing sends a query per pause, so the request of an older query is
// cancelled (not just ignored), and only the latest answer is shown.

/** One page as the list routes answer it. */
export interface Page<T> {
  items: T[]
  total: number
}

export interface PagedList<Q, T> {
  /** The query of the page shown (or being fetched). */
  query: Ref<Q>
  /** The items of that page, in the order the API gave them. */
  items: Ref<T[]>
  /** How many match the query on all pages. */
  total: Ref<number>
  /** True while a page is being fetched. */
  loading: Ref<boolean>
  /** True once a first answer arrived (before it, the list shows placeholders). */
  loaded: Ref<boolean>
  /** Why the last fetch failed, until the next one succeeds. */
  error: Ref<ApiError | null>
  /** Fetches the page of `next`, cancelling the request of the previous query. */
  load: (next: Q) => Promise<void>
  /** Fetches the current query again (after a failure). */
  reload: () => Promise<void>
}

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err), String(err)))

/**
 * A paged list's state and loading, for a pinia setup store to return. `fetchPage` asks the API
 * for one page (passing `signal` to the typed client as `{ init: { signal } }`).
 */
export function usePagedList<Q, T>(initial: Q, fetchPage: (query: Q, signal: AbortSignal) => Promise<Page<T>>): PagedList<Q, T> {
  const query = ref(initial) as Ref<Q>
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<ApiError | null>(null)
  let inFlight: AbortController | undefined

  async function load(next: Q) {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    query.value = next
    loading.value = true
    error.value = null
    try {
      const page = await fetchPage(next, controller.signal)
      if (controller.signal.aborted) return
      items.value = page.items
      total.value = page.total
      loaded.value = true
    } catch (err) {
      if (controller.signal.aborted) return
      error.value = asApiError(err)
    } finally {
      if (inFlight === controller) loading.value = false
    }
  }

  return { query, items, total, loading, loaded, error, load, reload: () => load(query.value) }
}
