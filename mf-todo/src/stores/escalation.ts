import { api, ApiError, bus, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

type EscalationRoute = (typeof api.api.escalations)[':id']
export type EscalationDetail = OkBody<Awaited<ReturnType<EscalationRoute['$get']>>>
/** What `POST /api/escalations/{id}/actions` takes, less the version, which the store adds. */
export type EscalationInput = Omit<Parameters<EscalationRoute['actions']['$post']>[0]['json'], 'stateVersion'>

export const useEscalationStore = defineStore('todo/escalation', () => {
  /** The overdue task shown to its escalation contact: the application read-only and what they may do. */
  const detail = ref<EscalationDetail | null>(null)
  /** True while it is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** True while an action is being sent (a double click sends one). */
  const acting = ref(false)
  let latest = 0

  /** Fetches overdue task `id`; an answer for a task no longer shown is dropped. */
  async function load(id: number) {
    const ticket = ++latest
    if (detail.value?.task.id !== id) detail.value = null
    loading.value = true
    error.value = null
    try {
      const body = await unwrap(api.api.escalations[':id'].$get({ param: { id: String(id) } }))
      if (ticket === latest) detail.value = body
    } catch (err) {
      if (ticket === latest) error.value = toApiError(err)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** Takes over, reassigns or urges, with the version shown (409 when someone acted first). Throws the refusal. */
  async function act(input: EscalationInput) {
    const shown = detail.value
    if (!shown || acting.value) return
    acting.value = true
    try {
      const result = await unwrap(
        api.api.escalations[':id'].actions.$post({ param: { id: String(shown.task.id) }, json: { ...input, stateVersion: shown.application.stateVersion } }),
      )
      bus.emit('hall:tasks-changed', {})
      bus.emit('hall:notifications-changed', {})
      return result
    } catch (err) {
      throw toApiError(err)
    } finally {
      acting.value = false
    }
  }

  return { detail, loading, error, acting, load, act }
})
