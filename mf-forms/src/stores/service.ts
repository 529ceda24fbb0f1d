import { api, ApiError, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ServiceDetail = OkBody<Awaited<ReturnType<(typeof api.api.services)[':code']['$get']>>>

export const useServiceStore = defineStore('forms/service', () => {
  /** The service being applied for. */
  const service = ref<ServiceDetail | null>(null)
  /** True while it is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed (`not_found` for an unknown code). */
  const error = ref<ApiError | null>(null)

  /** Fetches the service with this code (its name and guide). */
  async function load(code: string) {
    loading.value = true
    error.value = null
    service.value = null
    try {
      service.value = await unwrap(api.api.services[':code'].$get({ param: { code } }))
    } catch (err) {
      error.value = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err), String(err))
    } finally {
      loading.value = false
    }
  }

  return { service, loading, error, load }
})
