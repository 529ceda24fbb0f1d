import { api, bus, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Phrase } from './task.ts'
import type { TaskSummary } from './tasks.ts'

type BatchAnswer = OkBody<Awaited<ReturnType<typeof api.api.tasks.batch.$post>>>
type BatchItemResult = BatchAnswer['results'][number]

/** How one selected task fared, with what the list showed of it. */
export interface BatchOutcome {
  task: TaskSummary
  ok: boolean
  /** Why it was not approved, in both languages (empty when it was). */
  messageZh: string
  message: string
}

// Sent a few at a time, so the progress bar moves as the server works rather than jumping from 0
// to 100 at the end; each chunk is still one request that reports per task.
const CHUNK = 5

export const useBatchStore = defineStore('todo/batch', () => {
  /** True while approvals are being sent. */
  const running = ref(false)
  /** How many tasks the run covers. */
  const total = ref(0)
  /** The outcome of each task handled so far, in the order selected. */
  const outcomes = ref<BatchOutcome[]>([])

  /** The common opinions (常用意见), as the API sends them with a task. */
  const phrases = ref<Phrase[]>([])

  /**
   * Fetches the common phrases once per mount. The API sends them with a task's page only, so the
   * first selected task's page is asked for them; without them the opinion is free text.
   */
  async function ensurePhrases(taskId: number) {
    if (phrases.value.length) return
    try {
      phrases.value = (await unwrap(api.api.tasks[':id'].$get({ param: { id: String(taskId) } }))).phrases
    } catch (err) {
      console.warn('[@hall/mf-todo] common phrases:', err)
    }
  }

  /** Percent done, for the progress bar. */
  const percent = computed(() => (total.value ? Math.round((outcomes.value.length / total.value) * 100) : 0))
  const succeeded = computed(() => outcomes.value.filter((o) => o.ok).length)
  const failed = computed(() => outcomes.value.filter((o) => !o.ok).length)
  /** True once a run has ended (the dialog shows its results until closed). */
  const finished = computed(() => !running.value && total.value > 0 && outcomes.value.length === total.value)

  /** Forgets the last run. */
  function reset() {
    running.value = false
    total.value = 0
    outcomes.value = []
  }

  /** Approves `tasks` with one opinion; a task that fails does not stop the others. */
  async function approve(tasks: TaskSummary[], opinion: string) {
    reset()
    running.value = true
    total.value = tasks.length
    try {
      for (let at = 0; at < tasks.length; at += CHUNK) {
        const chunk = tasks.slice(at, at + CHUNK)
        try {
          const answer = await unwrap(
            api.api.tasks.batch.$post({
              json: {
                action: 'approve',
                items: chunk.map((t) => ({ taskId: t.id, stateVersion: t.application.stateVersion })),
                ...(opinion ? { opinion } : {}),
              },
            }),
          )
          const byId = new Map<number, BatchItemResult>(answer.results.map((r) => [r.taskId, r]))
          for (const task of chunk) outcomes.value.push(outcomeOf(task, byId.get(task.id)))
        } catch (err) {
          // The whole request failed (network, session): every task of the chunk says so.
          const e = toApiError(err)
          for (const task of chunk) outcomes.value.push({ task, ok: false, message: e.message, messageZh: e.messageZh })
        }
      }
    } finally {
      running.value = false
      bus.emit('hall:tasks-changed', {})
      bus.emit('hall:notifications-changed', {})
    }
  }

  return { running, total, outcomes, phrases, percent, succeeded, failed, finished, reset, approve, ensurePhrases }
})

function outcomeOf(task: TaskSummary, result: BatchItemResult | undefined): BatchOutcome {
  if (!result) return { task, ok: false, message: 'The server did not report on this task', messageZh: '服务器未返回此项的结果' }
  if (result.ok) return { task, ok: true, message: '', messageZh: '' }
  return { task, ok: false, message: result.error?.message ?? '', messageZh: result.error?.messageZh ?? '' }
}
