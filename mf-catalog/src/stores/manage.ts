import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import type { ServiceVersionFull } from '@hall/api'
import type { FormDefinition } from '@hall/forms'
import type { ProcessDefinition } from '@hall/workflow'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

// Service administration (/catalog/manage): the services I manage, and the one being edited.
// Every write goes to the API at once (a draft lives on the server, audited); the editors keep
// a working copy of the draft's parts and save them explicitly.

const admin = api.api.admin
export type ManagedService = OkBody<Awaited<ReturnType<typeof admin.services.$get>>>['items'][number]
type RawDetail = OkBody<Awaited<ReturnType<(typeof admin.services)[':code']['$get']>>>
/** A version with its form and process left opaque (the editors cast them), typed from the API's schema. */
export type VersionView = ServiceVersionFull
export interface ManagedDetail {
  service: RawDetail['service']
  versions: RawDetail['versions']
  /** Sent back as `baseRevision`: a colleague's change meanwhile makes the save fail instead of being overwritten. */
  revision: number
  current: VersionView | null
  draft: VersionView | null
}
export type AdminOptions = OkBody<Awaited<ReturnType<(typeof admin)['service-options']['$get']>>>
export type AuditEntry = OkBody<Awaited<ReturnType<(typeof admin.services)[':code']['audit']['$get']>>>['items'][number]
export type Issue = OkBody<Awaited<ReturnType<(typeof admin.services)[':code']['draft']['validate']['$post']>>>['issues'][number]
export type DraftPatch = Parameters<(typeof admin.services)[':code']['draft']['$patch']>[0]['json']
export type ServiceTemplate = OkBody<Awaited<ReturnType<(typeof admin)['service-templates']['$get']>>>['items'][number]
export type Adopted = OkBody<Awaited<ReturnType<(typeof admin)['service-templates'][':code']['adopt']['$post']>>>
export type Availability = 'online' | 'hybrid' | 'offline'

/** The guide in one language, typed from the API (catalog.schemas.ts), never written out again here. */
export type GuideText = NonNullable<DraftPatch['guide']>['zh']

/** The draft as the editors work on it. */
export interface WorkingDraft {
  details: Required<Pick<DraftPatch, 'nameZh' | 'nameEn' | 'summaryZh' | 'summaryEn' | 'keywordsZh' | 'keywordsEn' | 'audience' | 'mode' | 'timeLimitDays'>>
  guide: { zh: GuideText; en: GuideText }
  form: FormDefinition
  process: ProcessDefinition
}

const emptyGuide = (): GuideText => ({ conditions: [], materials: [], steps: [], fees: '', contact: { phone: '', email: '' }, location: '', hours: '' })

/** A new service's first form: one section, the applicant's name pre-filled. */
export const starterForm = (): FormDefinition => ({
  formatVersion: 1,
  sections: [
    {
      title: { zh: '申请信息', en: 'Application' },
      fields: [{ key: 'name', type: 'text', label: { zh: '姓名', en: 'Name' }, prefill: { path: 'name', readOnlyWhenPrefilled: true } }],
    },
  ],
})

/** A new service's first process: one step for the owning department's reviewers. */
export const starterProcess = (code: string, name: { zh: string; en: string }, department: string): ProcessDefinition => ({
  schemaVersion: 1,
  service: code,
  name,
  formFields: [],
  start: 'review',
  steps: [
    {
      type: 'approval',
      id: 'review',
      name: { zh: '部门审核', en: 'Department review' },
      assignees: [{ role: 'reviewer', scope: { department } }],
      next: 'end',
    },
  ],
})

export const useManageStore = defineStore('catalog/manage', () => {
  /** The services I manage; null until loaded. */
  const list = ref<ManagedService[] | null>(null)
  /** Departments, categories, roles and pre-fill paths the editors offer. */
  const options = ref<AdminOptions | null>(null)
  /** The service open in the editor. */
  const detail = ref<ManagedDetail | null>(null)
  /** The editors' copy of its draft (null when it has none). */
  const working = ref<WorkingDraft | null>(null)
  /** Parts changed since the last save. */
  const dirty = ref(new Set<keyof WorkingDraft>())
  /** The last validation's issues (also what a refused publish answered). */
  const issues = ref<Issue[] | null>(null)
  const audit = ref<AuditEntry[]>([])
  /** True while a request is out. */
  const busy = ref(false)
  /** Why the last load failed. */
  const error = ref<ApiError | null>(null)

  const status = computed(() => detail.value?.service.status ?? null)

  async function loadList() {
    error.value = null
    try {
      list.value = (await unwrap(admin.services.$get())).items
    } catch (err) {
      error.value = toApiError(err)
    }
  }

  async function loadOptions() {
    if (!options.value) options.value = await unwrap(admin['service-options'].$get())
  }

  /** Loads a service into the editor, and its audit history. */
  async function open(code: string) {
    error.value = null
    try {
      const [raw] = await Promise.all([unwrap(admin.services[':code'].$get({ param: { code } })), loadOptions()])
      const d: ManagedDetail = raw
      detail.value = d
      working.value = d.draft ? toWorking(d) : null
      dirty.value = new Set()
      issues.value = null
      await loadAudit()
    } catch (err) {
      error.value = toApiError(err)
    }
  }

  async function loadAudit() {
    if (!detail.value) return
    audit.value = (await unwrap(admin.services[':code'].audit.$get({ param: { code: detail.value.service.code } }))).items
  }

  function toWorking(d: ManagedDetail): WorkingDraft {
    const v = d.draft!
    const guide = v.guide
    return {
      details: {
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        summaryZh: v.summaryZh,
        summaryEn: v.summaryEn,
        keywordsZh: v.keywordsZh,
        keywordsEn: v.keywordsEn,
        audience: v.audience as WorkingDraft['details']['audience'],
        mode: v.mode,
        timeLimitDays: v.timeLimitDays,
      },
      guide: { zh: { ...emptyGuide(), ...guide.zh }, en: { ...emptyGuide(), ...guide.en } },
      // The API's form and process columns are JSON: typed lint reads them as `unknown`, vue-tsc as
      // {}; both accept the assertion to the definition the API stored there.
      form: (v.form as FormDefinition | null) ?? starterForm(),
      process: (v.process as ProcessDefinition | null) ?? starterProcess(d.service.code, { zh: v.nameZh, en: v.nameEn }, d.service.department.code),
    }
  }

  function touch(part: keyof WorkingDraft) {
    dirty.value = new Set([...dirty.value, part])
  }

  /** Runs a write, then reloads the service so status, versions and history are the server's. */
  async function act<T>(call: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      const result = await call()
      return result
    } finally {
      busy.value = false
    }
  }

  async function create(body: { code: string; ownerDepartmentCode: string; categoryCode: string; nameZh: string; nameEn: string }) {
    return act(() => unwrap(admin.services.$post({ json: body })))
  }

  /** The first-batch services an office may start from (成熟一个，上线一个). */
  const templates = ref<ServiceTemplate[] | null>(null)
  async function loadTemplates() {
    templates.value = (await unwrap(admin['service-templates'].$get())).items
  }

  /** Starts a draft of `body.ownerDepartmentCode` from a template; resolves with the draft and what it still lacks. */
  async function adopt(template: string, body: { ownerDepartmentCode: string; code?: string }): Promise<Adopted> {
    return act(() => unwrap(admin['service-templates'][':code'].adopt.$post({ param: { code: template }, json: body })))
  }

  /** Saves the parts changed in the editors (all of them when `parts` is not given). */
  async function save(parts: Array<keyof WorkingDraft> = [...dirty.value]) {
    const w = working.value
    const d = detail.value
    if (!w || !d || parts.length === 0) return
    const patch: DraftPatch = {}
    if (parts.includes('details')) Object.assign(patch, w.details)
    if (parts.includes('guide')) patch.guide = w.guide
    if (parts.includes('form')) patch.form = w.form
    if (parts.includes('process')) patch.process = { ...w.process, formFields: declaredFields(w) }
    const done = await act(() =>
      unwrap(admin.services[':code'].draft.$patch({ param: { code: d.service.code }, json: { ...patch, baseRevision: d.revision } })),
    )
    d.revision = done.revision
    dirty.value = new Set([...dirty.value].filter((p) => !parts.includes(p)))
    await loadAudit()
  }

  /** Saves, then asks the API for every issue. */
  async function validate() {
    await save()
    const code = detail.value!.service.code
    const result = await act(() => unwrap(admin.services[':code'].draft.validate.$post({ param: { code } })))
    issues.value = result.issues
    return result.ok
  }

  /** Saves and publishes; a refusal fills `issues` and returns false. */
  async function publish() {
    await save()
    const code = detail.value!.service.code
    const res = await act(() => admin.services[':code'].publish.$post({ param: { code } }))
    if (res.status === 422) {
      const body = (await res.json()) as { issues: Issue[] }
      issues.value = body.issues
      return false
    }
    if (!res.ok) throw await ApiError.from(res)
    issues.value = null
    await open(code)
    return true
  }

  async function startDraft() {
    const code = detail.value!.service.code
    await act(() => unwrap(admin.services[':code'].draft.$post({ param: { code } })))
    await open(code)
  }

  async function discardDraft() {
    const code = detail.value!.service.code
    await act(() => unwrap(admin.services[':code'].draft.$delete({ param: { code } })))
    await open(code)
  }

  async function setAvailability(availability: Availability) {
    const code = detail.value!.service.code
    await act(() => unwrap(admin.services[':code'].availability.$post({ param: { code }, json: { availability } })))
    await open(code)
  }

  /**
   * Sets the short name of the service's reference numbers. The draft being edited is kept (it is
   * not what changed): only the service's facts, its revision and the history are read again.
   */
  async function setShortName(shortName: string | null) {
    const code = detail.value!.service.code
    const done = await act(() => unwrap(admin.services[':code']['short-name'].$put({ param: { code }, json: { shortName } })))
    const fresh = await unwrap(admin.services[':code'].$get({ param: { code } }))
    if (detail.value?.service.code !== code) return
    detail.value.service = fresh.service
    detail.value.revision = done.revision
    await loadAudit()
  }

  async function retire() {
    const code = detail.value!.service.code
    await act(() => unwrap(admin.services[':code'].retire.$post({ param: { code } })))
    await open(code)
  }

  return {
    list,
    options,
    detail,
    working,
    dirty,
    issues,
    audit,
    busy,
    error,
    status,
    loadList,
    loadOptions,
    open,
    touch,
    create,
    templates,
    loadTemplates,
    adopt,
    save,
    validate,
    publish,
    startDraft,
    discardDraft,
    setAvailability,
    setShortName,
    retire,
  }
})

/**
 * The form fields the process may read, declared from the form itself: the owner never writes
 * `formFields` by hand, so a condition can read any field of a type the engine compares.
 */
export function declaredFields(w: WorkingDraft): ProcessDefinition['formFields'] {
  const types: Record<string, ProcessDefinition['formFields'][number]['type']> = {
    number: 'number',
    money: 'number',
    text: 'string',
    textarea: 'string',
    select: 'string',
    switch: 'boolean',
    date: 'date',
    person: 'cardNumber',
    department: 'department',
  }
  return w.form.sections.flatMap((s) =>
    s.fields.flatMap((f) => {
      const type = types[f.type]
      return type && 'label' in f && /^[a-zA-Z][a-zA-Z0-9]*$/.test(f.key) ? [{ name: f.key, type, label: f.label }] : []
    }),
  )
}
