import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export type FavoriteService = OkBody<Awaited<ReturnType<typeof api.api.me.favorites.$get>>>['items'][number]

export const useFavoritesStore = defineStore('catalog/favorites', () => {
  /** My starred services, newest first: the source of truth for every star on the page. */
  const items = ref<FavoriteService[]>([])
  /** True once the list arrived at least once. */
  const loaded = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** Codes whose star is being changed on the server (their button waits). */
  const pending = ref(new Set<string>())

  /** The codes of my favourites, for a star to know whether it is lit. */
  const codes = computed(() => new Set(items.value.map((s) => s.code)))

  /** Fetches my favourites (again: a star elsewhere, e.g. in another tab, may have changed them). */
  async function load() {
    try {
      items.value = (await unwrap(api.api.me.favorites.$get())).items
      loaded.value = true
      error.value = null
    } catch (err) {
      error.value = toApiError(err)
    }
  }

  /** Whether the service is one of my favourites. */
  function has(code: string) {
    return codes.value.has(code)
  }

  /**
   * Stars or unstars `service`: the star changes at once and is put back if the server refuses.
   * Resolves to the new state, or throws the `ApiError` after putting it back.
   */
  async function toggle(service: FavoriteService): Promise<boolean> {
    const { code } = service
    if (pending.value.has(code)) return has(code)
    const before = items.value
    const starring = !has(code)
    items.value = starring ? [{ ...service, favorite: true }, ...before] : before.filter((s) => s.code !== code)
    pending.value = new Set(pending.value).add(code)
    try {
      const param = { param: { code } }
      if (starring) await unwrap(api.api.me.favorites[':code'].$put(param))
      else await unwrap(api.api.me.favorites[':code'].$delete(param))
      return starring
    } catch (err) {
      items.value = before
      throw toApiError(err)
    } finally {
      const next = new Set(pending.value)
      next.delete(code)
      pending.value = next
    }
  }

  return { items, loaded, error, pending, codes, load, has, toggle }
})
