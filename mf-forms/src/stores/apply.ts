import { allFields, computeValues, initialValues, type FieldError, type FormDefinition, type FormValues } from '@hall/forms'
import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { sendDataError } from '../lib/data-errors.ts'
import { readFailure } from '../lib/errors.ts'
import { newIdempotencyKey } from '../lib/idempotency.ts'

const formOf = api.api.services[':code'].form
const draftOf = api.api.drafts[':serviceCode']
/** `GET /api/services/{code}/form`: the definition, my pre-filled values with their sources, my draft. */
export type FormBundle = OkBody<Awaited<ReturnType<typeof formOf.$get>>>
export type PrefillSources = FormBundle['prefill']['sources']

/** How long typing must pause before the draft is saved. */
export const DRAFT_DEBOUNCE_MS = 800

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed'

export const useApplyStore = defineStore('forms/apply', () => {
  /** The service whose form is open. */
  const code = ref('')
  /** The form as the API sent it: definition, pre-filled values and their sources, the draft. */
  const bundle = ref<FormBundle | null>(null)
  /** The values being filled in (computed fields included). */
  const values = ref<FormValues>({})
  /** True while the form is being fetched. */
  const loading = ref(false)
  /** Why the form could not be fetched (404: no form; 403: not eligible). */
  const loadError = ref<ApiError | null>(null)

  /** Where the draft stands: nothing typed yet, being saved, saved, or the last save failed. */
  const draftState = ref<DraftState>('idle')
  /** When the draft was last stored (ISO), by this page or an earlier visit. */
  const draftSavedAt = ref<string | null>(null)
  /** When the draft this page started from was saved, if it started from one. */
  const restoredFrom = ref<string | null>(null)

  /** True from the click on submit until the API answered. */
  const submitting = ref(false)
  /** The server's field errors of the last submit, shown at their fields. */
  const serverErrors = ref<FieldError[]>([])
  /** Why the last submit failed, if not for field errors. */
  const submitError = ref<ApiError | null>(null)

  // Drafts: every edit bumps `edits`; a save stores the values of one edit number. A save never
  // runs alongside another, and once the application is submitted nothing is saved again (a late
  // PUT would bring back the draft the submission removed).
  let edits = 0
  let savedEdit = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let saving: Promise<void> | null = null
  let closed = false
  // One key per submit attempt: kept for a retry of the same values, replaced after any edit.
  let attemptKey: string | null = null
  let loadTicket = 0

  /** The form definition (typed as @hall/forms' own). */
  const definition = computed(() => bundle.value?.definition ?? null)
  /** The pre-filled values the data platform is the authority on: read-only, never taken from a draft. */
  const lockedKeys = computed(() => {
    const sources = bundle.value?.prefill.sources ?? {}
    return new Set(Object.keys(sources).filter((key) => sources[key]?.readOnly))
  })

  /** Fetches the form of `serviceCode` and starts from the draft (editable fields) over the pre-filled values. */
  async function load(serviceCode: string) {
    const ticket = ++loadTicket
    reset()
    code.value = serviceCode
    loading.value = true
    try {
      const body = await unwrap(formOf.$get({ param: { code: serviceCode } }))
      if (ticket !== loadTicket) return
      bundle.value = body
      const def = body.definition as FormDefinition
      let start = initialValues(def, body.prefill.values)
      if (body.draft) {
        const locked = lockedKeys.value
        for (const { field } of allFields(def)) {
          if (field.type === 'info' || locked.has(field.key) || !(field.key in body.draft.values)) continue
          start[field.key] = body.draft.values[field.key]
        }
        start = computeValues(def, start)
        restoredFrom.value = body.draft.updatedAt
        draftSavedAt.value = body.draft.updatedAt
        draftState.value = 'saved'
      }
      values.value = start
    } catch (err) {
      if (ticket === loadTicket) loadError.value = toApiError(err)
    } finally {
      if (ticket === loadTicket) loading.value = false
    }
  }

  /** Takes the user's edit and saves the draft once typing pauses. */
  function edit(next: FormValues) {
    values.value = next
    edits++
    attemptKey = null
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(() => void saveDraft(), DRAFT_DEBOUNCE_MS)
  }

  /** Stores the current values as the draft now (after the pause, on leaving, or on "save again"). */
  async function saveDraft(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (closed || !code.value || edits === savedEdit) return
    if (saving) {
      await saving
      return saveDraft()
    }
    const edit = edits
    const serviceCode = code.value
    draftState.value = 'saving'
    saving = (async () => {
      try {
        const body = await unwrap(draftOf.$put({ param: { serviceCode }, json: { values: values.value } }))
        if (serviceCode !== code.value) return
        savedEdit = Math.max(savedEdit, edit)
        draftSavedAt.value = body.updatedAt
        draftState.value = savedEdit === edits ? 'saved' : 'saving'
      } catch {
        if (serviceCode === code.value) draftState.value = 'failed'
      } finally {
        saving = null
      }
    })()
    await saving
    // Typing went on during the save: store that too once it pauses again.
    if (!closed && edits !== savedEdit && (draftState.value as DraftState) !== 'failed' && !timer) timer = setTimeout(() => void saveDraft(), DRAFT_DEBOUNCE_MS)
  }

  /** Saves what is pending right away (leaving the page), without waiting for the pause. */
  function flushDraft() {
    if (timer) void saveDraft()
  }

  /** Deletes the draft and starts again from the pre-filled values. */
  async function discardDraft() {
    clearTimeout(timer)
    timer = undefined
    if (saving) await saving
    await unwrap(draftOf.$delete({ param: { serviceCode: code.value } }))
    const b = bundle.value
    if (b) {
      // Through `unknown`: vue-tsc gives up comparing the API's type of the definition with
      // FormDefinition (TS2589, instantiation too deep), typed lint reads it as one already.
      const definition: unknown = b.definition
      values.value = initialValues(definition as FormDefinition, b.prefill.values)
    }
    edits = savedEdit = 0
    attemptKey = null
    restoredFrom.value = null
    draftSavedAt.value = null
    draftState.value = 'idle'
    serverErrors.value = []
  }

  /**
   * Submits the validated values once: a second call while one is under way does nothing, and a
   * retry after a lost answer sends the same Idempotency-Key, so the API makes one application.
   * Resolves to the new application's id, or null when it was refused (see `serverErrors`, `submitError`).
   */
  async function submit(validated: FormValues): Promise<number | null> {
    if (submitting.value || closed) return null
    submitting.value = true
    submitError.value = null
    attemptKey ??= newIdempotencyKey()
    const key = attemptKey
    // The submission replaces the draft: no save may land after it.
    clearTimeout(timer)
    timer = undefined
    try {
      if (saving) await saving
      let res: Awaited<ReturnType<typeof api.api.applications.$post>>
      try {
        res = await api.api.applications.$post({
          header: { 'idempotency-key': key },
          json: { serviceCode: code.value, values: validated },
        })
      } catch (err) {
        throw new ApiError(0, 'network', `The hall could not be reached (${String(err)})`, '无法连接到办事大厅，请检查网络后重试')
      }
      if (res.ok) {
        const created = await res.json()
        closed = true
        serverErrors.value = []
        // The draft became the application. (Discarding it twice is fine, should the API do it too.)
        void unwrap(draftOf.$delete({ param: { serviceCode: code.value } })).catch(() => undefined)
        return created.id
      }
      const { error, fields } = await readFailure(res)
      serverErrors.value = fields
      submitError.value = error
      return null
    } catch (err) {
      submitError.value = toApiError(err)
      return null
    } finally {
      submitting.value = false
    }
  }

  /**
   * Tells the department that owns a pre-filled value that it is wrong (`POST /api/data-errors`);
   * resolves to that department, for the confirmation.
   */
  async function reportDataError(fieldKey: string, note: string) {
    const path = bundle.value?.prefill.sources[fieldKey]?.path ?? fieldKey
    return sendDataError({ serviceCode: code.value, fieldKey, path, note })
  }

  /** Forgets the open form (a new load, or leaving the page). */
  function reset() {
    clearTimeout(timer)
    timer = undefined
    edits = savedEdit = 0
    closed = false
    attemptKey = null
    bundle.value = null
    values.value = {}
    loadError.value = null
    draftState.value = 'idle'
    draftSavedAt.value = null
    restoredFrom.value = null
    serverErrors.value = []
    submitError.value = null
  }

  return {
    code,
    bundle,
    values,
    loading,
    loadError,
    draftState,
    draftSavedAt,
    restoredFrom,
    submitting,
    serverErrors,
    submitError,
    definition,
    lockedKeys,
    load,
    edit,
    saveDraft,
    flushDraft,
    discardDraft,
    submit,
    reportDataError,
    reset,
  }
})
