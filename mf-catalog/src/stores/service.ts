import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ServiceDetail = OkBody<Awaited<ReturnType<(typeof api.api.services)[':code']['$get']>>>

export const useServiceStore = defineStore('catalog/service', () => {
  /** The code of the service page shown (or being fetched). */
  const code = ref('')
  /** That service with its guide and, with a session, my eligibility; null until it arrives. */
  const detail = ref<ServiceDetail | null>(null)
  /** True while it is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed (404: no such service), until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  let inFlight: AbortController | undefined

  /** Fetches one service (the API records it as recently used); a request for another is cancelled. */
  async function load(next: string) {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    code.value = next
    if (detail.value?.code !== next) detail.value = null
    loading.value = true
    error.value = null
    try {
      const body = await unwrap(api.api.services[':code'].$get({ param: { code: next } }, { init: { signal: controller.signal } }))
      if (controller.signal.aborted) return
      detail.value = body
    } catch (err) {
      if (controller.signal.aborted) return
      error.value = toApiError(err)
    } finally {
      if (inFlight === controller) loading.value = false
    }
  }

  return { code, detail, loading, error, load }
})
