import { api, ApiError, bus, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

type TaskRoute = (typeof api.api.tasks)[':id']
export type TaskDetail = OkBody<Awaited<ReturnType<TaskRoute['$get']>>>
export type Phrase = TaskDetail['phrases'][number]
/** What `POST /api/tasks/{id}/actions` takes, from the route (less the version, which the store adds). */
export type TaskActionInput = Omit<Parameters<TaskRoute['actions']['$post']>[0]['json'], 'stateVersion'>
export type TaskAction = TaskActionInput['action']

export const useTaskStore = defineStore('todo/task', () => {
  /** The task shown: the application read-only, its history, what the task allows, common phrases. */
  const detail = ref<TaskDetail | null>(null)
  /** True while the task is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** True while an action is being sent (the buttons wait, so a double click sends one). */
  const acting = ref(false)

  let latest = 0

  /** Fetches task `id`; an answer for a task no longer shown is dropped. */
  async function load(id: number) {
    const ticket = ++latest
    if (detail.value?.task.id !== id) detail.value = null
    loading.value = true
    error.value = null
    try {
      const body = await unwrap(api.api.tasks[':id'].$get({ param: { id: String(id) } }))
      if (ticket === latest) detail.value = body
    } catch (err) {
      if (ticket === latest) error.value = toApiError(err)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /**
   * Acts on the task shown, with the version of the application as it was shown (a stale one gets
   * a 409: someone acted first). Throws the API's refusal for the page to show.
   */
  async function act(input: TaskActionInput) {
    const shown = detail.value
    if (!shown || acting.value) return
    acting.value = true
    try {
      const result = await unwrap(
        api.api.tasks[':id'].actions.$post({
          param: { id: String(shown.task.id) },
          json: { ...input, stateVersion: shown.application.stateVersion },
        }),
      )
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
})
