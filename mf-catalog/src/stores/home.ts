import { api, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type RecentService = OkBody<Awaited<ReturnType<typeof api.api.me.recent.$get>>>['items'][number]
export type PopularService = OkBody<Awaited<ReturnType<typeof api.api.services.popular.$get>>>['items'][number]

export const useHomeStore = defineStore('catalog/home', () => {
  /** Services I opened lately, newest first. */
  const recent = ref<RecentService[]>([])
  /** The most applied-for services of the last 30 days, from real application counts. */
  const popular = ref<PopularService[]>([])
  /** True once both lists were asked for at least once (before, their space shows placeholders). */
  const loaded = ref(false)

  /**
   * Fetches both lists (again on each visit of the home: opening a service makes it recent). A
   * failure leaves a list as it was: these sections are a convenience, the catalog is below them.
   */
  async function load() {
    const [recentRes, popularRes] = await Promise.allSettled([
      unwrap(api.api.me.recent.$get({ query: { limit: '6' } })),
      unwrap(api.api.services.popular.$get({ query: { days: '30', limit: '6' } })),
    ])
    if (recentRes.status === 'fulfilled') recent.value = recentRes.value.items
    else console.warn('[@hall/mf-catalog] recent:', recentRes.reason)
    if (popularRes.status === 'fulfilled') popular.value = popularRes.value.items
    else console.warn('[@hall/mf-catalog] popular:', popularRes.reason)
    loaded.value = true
  }

  return { recent, popular, loaded, load }
})
