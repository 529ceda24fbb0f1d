import { type ApiError, bus, toApiError } from '@hall/mf-kit'
import { ref, type Ref } from 'vue'

/** What a task's page shows of it: the task and the application's version as shown. */
interface ShownTask {
  task: { id: number }
  application: { stateVersion: number }
}

/**
 * The state of a page that shows one task and acts on it (a reviewer's task, an escalation
 * contact's overdue task), for a pinia setup store to return: the detail and its fetch (an answer
 * for a task no longer shown is dropped), and an action sent with the application's version as it
 * was shown, so that a stale one gets a 409 (someone acted first). One action at a time: a double
 * click sends one.
 */
export function useShownTask<D extends ShownTask, I, R>(fetchDetail: (id: number) => Promise<D>, sendAction: (shown: D, input: I) => Promise<R>) {
  /** The task shown; null while another one loads. */
  const detail = ref(null) as Ref<D | null>
  /** True while it is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** True while an action is being sent. */
  const acting = ref(false)
  let latest = 0

  async function load(id: number) {
    const ticket = ++latest
    if (detail.value?.task.id !== id) detail.value = null
    loading.value = true
    error.value = null
    try {
      const body = await fetchDetail(id)
      if (ticket === latest) detail.value = body
    } catch (err) {
      if (ticket === latest) error.value = toApiError(err)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** Acts on the task shown; throws the API's refusal for the page to show. */
  async function act(input: I): Promise<R | undefined> {
    const shown = detail.value
    if (!shown || acting.value) return
    acting.value = true
    try {
      const result = await sendAction(shown, input)
      // The header's badge and bell follow.
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
}
