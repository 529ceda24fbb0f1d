import type { FieldError, FormDefinition, FormValues } from '@hall/forms'
import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { sendDataError } from '../lib/data-errors.ts'
import type { PrefillSources } from './apply.ts'
import { readFailure } from '../lib/errors.ts'

const one = api.api.applications[':id']
export type ApplicationDetail = OkBody<Awaited<ReturnType<typeof one.$get>>>

/** What an applicant's action ended in: done, refused with field errors, stale (reloaded), or failed. */
export type ActionOutcome = { ok: true } | { ok: false; stale: boolean; error: ApiError; fields: FieldError[] }

export const useApplicationStore = defineStore('forms/application', () => {
  /** The application shown, as the API describes it to me; null until it arrives. */
  const detail = ref<ApplicationDetail | null>(null)
  /** True while it is being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed (404: not mine, or no such application). */
  const error = ref<ApiError | null>(null)
  /** The action under way (`withdraw`, `resubmit`, …), so its button shows it and the others wait. */
  const acting = ref<string | null>(null)
  /** The server's field errors of the last resubmission, shown at their fields. */
  const serverErrors = ref<FieldError[]>([])

  /** Where the pre-filled values come from, while the applicant edits after a return (locks the platform's). */
  const sources = ref<PrefillSources>({})

  /** Reports a wrong pre-filled value seen while editing (see `sendDataError`). */
  async function reportDataError(fieldKey: string, note: string) {
    const code = detail.value?.service.code ?? ''
    const path = sources.value[fieldKey]?.path ?? fieldKey
    return sendDataError({ serviceCode: code, fieldKey, path, note })
  }

  /** The form definition the application was made with (null when that version had none). */
  const definition = computed(() => (detail.value?.form ?? null) as FormDefinition | null)

  let ticket = 0

  /** Fetches the pre-fill sources of the service's form, for editing; without them the form just shows no tags. */
  async function loadSources() {
    const code = detail.value?.service.code
    sources.value = {}
    if (!code) return
    try {
      sources.value = (await unwrap(api.api.services[':code'].form.$get({ param: { code } }))).prefill.sources
    } catch {
      sources.value = {}
    }
  }

  /** Fetches application `id` (quietly, keeping the page, when it is the one shown). */
  async function load(id: number) {
    const mine = ++ticket
    if (detail.value?.id !== id) detail.value = null
    loading.value = true
    error.value = null
    try {
      const body = await unwrap(one.$get({ param: { id: String(id) } }))
      if (mine === ticket) detail.value = body
    } catch (err) {
      if (mine === ticket) error.value = toApiError(err)
    } finally {
      if (mine === ticket) loading.value = false
    }
  }

  /**
   * Sends one action with the state version the page shows. A 409 means the application moved on
   * meanwhile: the page reloads so the user sees why, and nothing was changed.
   */
  async function run(name: string, call: (id: string, stateVersion: number) => Promise<Response>): Promise<ActionOutcome> {
    const current = detail.value
    if (!current || acting.value) return { ok: false, stale: false, error: new ApiError(0, 'busy', 'Busy', '正在处理'), fields: [] }
    acting.value = name
    try {
      let res: Response
      try {
        res = await call(String(current.id), current.stateVersion)
      } catch (err) {
        throw new ApiError(0, 'network', `The hall could not be reached (${String(err)})`, '无法连接到办事大厅，请检查网络后重试')
      }
      if (res.ok) {
        serverErrors.value = []
        await load(current.id)
        return { ok: true }
      }
      const { error: failure, fields } = await readFailure(res)
      serverErrors.value = fields
      const stale = res.status === 409
      if (stale) await load(current.id)
      return { ok: false, stale, error: failure, fields }
    } catch (err) {
      return { ok: false, stale: false, error: toApiError(err), fields: [] }
    } finally {
      acting.value = null
    }
  }

  /** 撤回: takes the application back (before the first decision, or after a return). */
  const withdraw = () => run('withdraw', (id, stateVersion) => one.withdraw.$post({ param: { id }, json: { stateVersion } }))

  /** Resubmits after a return, with the changed values. */
  const resubmit = (values: FormValues) => run('resubmit', (id, stateVersion) => one.resubmit.$post({ param: { id }, json: { stateVersion, values } }))

  /** 催办: reminds the holders of an overdue step. */
  const urge = () => run('urge', (id, stateVersion) => one.urge.$post({ param: { id }, json: { stateVersion } }))

  /** Answers a reviewer's question; the step resumes. */
  const answer = (taskId: number, text: string, attachments: string[] = []) =>
    run('answer', (id, stateVersion) =>
      one.answer.$post({ param: { id }, json: { stateVersion, taskId, answer: text, ...(attachments.length ? { attachments } : {}) } }),
    )

  return { detail, loading, error, acting, serverErrors, sources, definition, load, loadSources, reportDataError, withdraw, resubmit, urge, answer }
})
