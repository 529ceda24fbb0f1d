import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

type DelegationList = OkBody<Awaited<ReturnType<typeof api.api.me.delegations.$get>>>
export type Delegation = DelegationList['items'][number]
export type NewDelegation = Parameters<typeof api.api.me.delegations.$post>[0]['json']

export const useDelegationsStore = defineStore('todo/delegations', () => {
  /** My substitutes, current and future. */
  const mine = ref<Delegation[]>([])
  /** The people I stand in for now or later. */
  const forMe = ref<Delegation[]>([])
  /** True while the lists are being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** True while a delegation is being added or cancelled. */
  const saving = ref(false)

  /** Fetches both lists. */
  async function load() {
    loading.value = true
    error.value = null
    try {
      const body = await unwrap(api.api.me.delegations.$get())
      mine.value = body.items
      forMe.value = body.forMe
    } catch (err) {
      error.value = toApiError(err)
    } finally {
      loading.value = false
    }
  }

  /** Names a substitute for a period; throws the API's refusal (an unknown card number, an overlap). */
  async function add(input: NewDelegation): Promise<Delegation> {
    saving.value = true
    try {
      const created = await unwrap(api.api.me.delegations.$post({ json: input }))
      await load()
      return created
    } catch (err) {
      throw toApiError(err)
    } finally {
      saving.value = false
    }
  }

  /** Ends one of my delegations now. */
  async function cancel(id: number) {
    saving.value = true
    try {
      await unwrap(api.api.me.delegations[':id'].$delete({ param: { id: String(id) } }))
      await load()
    } catch (err) {
      throw toApiError(err)
    } finally {
      saving.value = false
    }
  }

  return { mine, forMe, loading, error, saving, load, add, cancel }
})
