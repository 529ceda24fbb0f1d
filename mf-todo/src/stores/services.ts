import { api, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

type ServicesPage = OkBody<Awaited<ReturnType<typeof api.api.services.$get>>>
export type ServiceOption = Pick<ServicesPage['items'][number], 'code' | 'nameZh' | 'nameEn'>

export const useServicesStore = defineStore('todo/services', () => {
  /** Every service of the catalog, for the list's service filter. */
  const items = ref<ServiceOption[]>([])
  /** True once the catalog answered. */
  const loaded = ref(false)

  let pending: Promise<void> | undefined

  /** Fetches the services once per mount; a failure leaves the filter empty and is retried next time. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= (async () => {
      try {
        const page = await unwrap(api.api.services.$get({ query: { audience: 'all', pageSize: '100' } }))
        items.value = page.items.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }))
        loaded.value = true
      } catch (err) {
        // The filter is a convenience: the list works without it.
        console.warn('[@hall/mf-todo] services for the filter:', err)
      } finally {
        pending = undefined
      }
    })()
    return pending
  }

  return { items, loaded, ensureLoaded }
})
