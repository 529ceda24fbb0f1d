import { api, ApiError, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ApplicationSummary = OkBody<Awaited<ReturnType<typeof api.api.applications.$get>>>['items'][number]

export const useApplicationsStore = defineStore('forms/applications', () => {
  /** My applications, newest first. */
  const items = ref<ApplicationSummary[]>([])
  /** How many there are. */
  const total = ref(0)
  /** True while they are being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  /** Fetches my applications. */
  async function load() {
    loading.value = true
    error.value = null
    try {
      const page = await unwrap(api.api.applications.$get({ query: { mine: '1' } }))
      items.value = page.items
      total.value = page.total
    } catch (err) {
      error.value = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err), String(err))
    } finally {
      loading.value = false
    }
  }

  return { items, total, loading, error, load }
})
