import { api, ApiError, bus, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { defaultSort, type Sort, type TasksQuery } from '../lib/list-query.ts'

type TasksPage = OkBody<Awaited<ReturnType<typeof api.api.tasks.$get>>>
export type TaskSummary = TasksPage['items'][number]
export type TaskCounts = OkBody<Awaited<ReturnType<typeof api.api.tasks.counts.$get>>>

export { BOXES, defaultSort, isBox, isSort, SORTS, type Box, type Sort, type TasksQuery } from '../lib/list-query.ts'

export const PAGE_SIZE = 20

const apiOrder: Record<Sort, { sort: 'received' | 'deadline' | 'applicant'; order: 'asc' | 'desc' }> = {
  'received-asc': { sort: 'received', order: 'asc' },
  'received-desc': { sort: 'received', order: 'desc' },
  deadline: { sort: 'deadline', order: 'asc' },
  applicant: { sort: 'applicant', order: 'asc' },
}

/** One page of the list as shown, in one request: the API sorts and filters. */
function fetchPage(q: TasksQuery, signal: AbortSignal): Promise<{ items: TaskSummary[]; total: number }> {
  return unwrap(
    api.api.tasks.$get(
      {
        query: {
          box: q.box,
          ...(q.q ? { q: q.q } : {}),
          ...(q.service ? { service: q.service } : {}),
          ...(q.overdue && q.box === 'todo' ? { overdue: '1' as const } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          ...apiOrder[q.sort || defaultSort(q.box)],
          page: String(q.page),
          pageSize: String(PAGE_SIZE),
        },
      },
      { init: { signal } },
    ),
  )
}

export const useTasksStore = defineStore('todo/tasks', () => {
  /** The query of the list shown (or being fetched). */
  const query = ref<TasksQuery>({ box: 'todo', q: '', service: '', overdue: false, sort: '', from: '', to: '', page: 1 })
  /** The tasks of that page, in the order chosen (by default the oldest first in 待办, newest first otherwise). */
  const items = ref<TaskSummary[]>([])
  /** How many tasks match the query in all pages. */
  const total = ref(0)
  /** How many tasks each box holds, for the tabs (null until known). */
  const counts = ref<TaskCounts | null>(null)
  /** True while a page is being fetched. */
  const loading = ref(false)
  /** True once a first answer arrived (before it, the list shows placeholders). */
  const loaded = ref(false)
  /** Why the last fetch failed, until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** The to-do tasks ticked for batch approval, by task id. */
  const selected = ref<Set<number>>(new Set())

  /** The ticked tasks that are on the page shown (a new page or box clears the rest). */
  const selectedItems = computed(() => items.value.filter((t) => selected.value.has(t.id)))

  let inFlight: AbortController | undefined

  /** Fetches one page of a box, cancelling the request of the previous query; refreshes the counts too. */
  async function load(next: TasksQuery) {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    const sameList = (['box', 'q', 'service', 'overdue', 'sort', 'from', 'to', 'page'] as const).every((k) => next[k] === query.value[k])
    query.value = next
    if (!sameList) selected.value = new Set()
    loading.value = true
    error.value = null
    try {
      const [page] = await Promise.all([fetchPage(next, controller.signal), loadCounts()])
      if (controller.signal.aborted) return
      items.value = page.items
      total.value = page.total
      loaded.value = true
      // Forget ticks of tasks that left the page (decided elsewhere, or another page).
      const here = new Set(page.items.map((t) => t.id))
      selected.value = new Set([...selected.value].filter((id) => here.has(id)))
    } catch (err) {
      if (controller.signal.aborted) return
      error.value = toApiError(err)
    } finally {
      if (inFlight === controller) loading.value = false
    }
  }

  /** Fetches the list shown again (after a failure, or after acting). */
  function reload() {
    return load(query.value)
  }

  /** Asks for the number of tasks in each box, and tells the header's 待办 badge. */
  async function loadCounts() {
    try {
      counts.value = await unwrap(api.api.tasks.counts.$get())
      bus.emit('hall:tasks-changed', { todo: counts.value.todo })
    } catch (err) {
      // The tabs without numbers are still usable; the list reports its own failure.
      console.warn('[@hall/mf-todo] task counts:', err)
    }
  }

  /** Ticks or unticks one to-do task. */
  function toggle(id: number, on: boolean) {
    const next = new Set(selected.value)
    if (on) next.add(id)
    else next.delete(id)
    selected.value = next
  }

  /** Ticks every task on the page, or none. */
  function toggleAll(on: boolean) {
    selected.value = on ? new Set(items.value.map((t) => t.id)) : new Set()
  }

  return { query, items, total, counts, loading, loaded, error, selected, selectedItems, load, reload, loadCounts, toggle, toggleAll }
})
