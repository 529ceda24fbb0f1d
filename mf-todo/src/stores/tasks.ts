import { api, ApiError, bus, unwrap, type OkBody } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type TaskSummary = OkBody<Awaited<ReturnType<typeof api.api.tasks.$get>>>['items'][number]

/** A reviewer's lists (DESIGN glossary: 待办 / 已办 / 抄送我的). */
export const BOXES = ['todo', 'done', 'cc'] as const
export type Box = (typeof BOXES)[number]

export const useTasksStore = defineStore('todo/tasks', () => {
  /** The box shown. */
  const box = ref<Box>('todo')
  /** Its tasks, newest first. */
  const items = ref<TaskSummary[]>([])
  /** How many tasks the box holds. */
  const total = ref(0)
  /** True while a box is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)

  let latest = 0

  /** Fetches one box; an answer for a box no longer shown is dropped. */
  async function load(next: Box) {
    const ticket = ++latest
    box.value = next
    loading.value = true
    error.value = null
    try {
      const page = await unwrap(api.api.tasks.$get({ query: { box: next } }))
      if (ticket !== latest) return
      items.value = page.items
      total.value = page.total
      // The header's badge shows the same count: keep it in step.
      if (next === 'todo') bus.emit('hall:tasks-changed', { todo: page.total })
    } catch (err) {
      if (ticket !== latest) return
      error.value = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err), String(err))
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  return { box, items, total, loading, error, load }
})
