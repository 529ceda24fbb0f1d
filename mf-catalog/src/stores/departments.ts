import { api, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type Department = OkBody<Awaited<ReturnType<typeof api.api.departments.$get>>>[number]

export const useDepartmentsStore = defineStore('catalog/departments', () => {
  /** The departments that own services, with how many each. */
  const items = ref<Department[]>([])
  /** True once they arrived; they are fetched once per mount. */
  const loaded = ref(false)

  /** Fetches the departments unless they are here already. A failure leaves the filter empty. */
  async function ensureLoaded() {
    if (loaded.value) return
    try {
      items.value = await unwrap(api.api.departments.$get())
      loaded.value = true
    } catch (err) {
      // The list still works without this filter; the services' own error is what the user sees.
      console.warn('[@hall/mf-catalog] departments:', err)
    }
  }

  return { items, loaded, ensureLoaded }
})
