import { api, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type Category = OkBody<Awaited<ReturnType<typeof api.api.categories.$get>>>[number]

export const useCategoriesStore = defineStore('catalog/categories', () => {
  /** The service categories, in display order. */
  const items = ref<Category[]>([])
  /** True once they arrived; they are fetched once per mount. */
  const loaded = ref(false)

  /** Fetches the categories unless they are here already. A failure leaves the filter empty. */
  async function ensureLoaded() {
    if (loaded.value) return
    try {
      items.value = await unwrap(api.api.categories.$get())
      loaded.value = true
    } catch (err) {
      // The list still works without the filter; the services' own error is what the user sees.
      console.warn('[@hall/mf-catalog] categories:', err)
    }
  }

  return { items, loaded, ensureLoaded }
})
