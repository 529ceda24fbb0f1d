import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type MyRatings = OkBody<Awaited<ReturnType<typeof api.api.ratings.$get>>>

export const useRatingsStore = defineStore('feedback/ratings', () => {
  /** My finished applications still to rate, and my ratings; null until fetched. */
  const data = ref<MyRatings | null>(null)
  /** True while they are being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  /** Fetches both lists. */
  async function load() {
    loading.value = true
    error.value = null
    try {
      data.value = await unwrap(api.api.ratings.$get({ query: { mine: '1' } }))
    } catch (err) {
      error.value = toApiError(err)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
})
