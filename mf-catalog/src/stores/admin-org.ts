import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

// The console's organisation areas (/catalog/admin/people and /imports): people with their roles,
// the import runs and the report shown. Types come from the API's routes (the contract).

const admin = api.api.admin
export type AdminPerson = OkBody<Awaited<ReturnType<typeof admin.people.$get>>>['items'][number]
export type OrgUnits = OkBody<Awaited<ReturnType<typeof admin.org.units.$get>>>
export type ImportRunItem = OkBody<Awaited<ReturnType<typeof admin.org.imports.$get>>>['items'][number]
export type ImportRun = OkBody<Awaited<ReturnType<(typeof admin.org.imports)[':id']['$get']>>>
export type ImportReport = ImportRun['report']

/** The template's address: a plain link downloads it with the session cookie. */
export const templateUrl = admin.org.template.$url().pathname

export const useAdminOrgStore = defineStore('catalog-admin-org', () => {
  /** The people found by the last search, and how many matched in all. */
  const people = ref<AdminPerson[]>([])
  const total = ref(0)
  /** Departments, classes and roles a grant can name; loaded once, and again after an import runs. */
  const units = ref<OrgUnits | null>(null)
  /** The import runs, newest first. */
  const runs = ref<ImportRunItem[]>([])
  /** The run whose report is shown (the last upload, or one picked from the history). */
  const shown = ref<ImportRun | null>(null)
  /** The last failure of a load, shown with a retry. */
  const error = ref<ApiError | null>(null)
  const loading = ref(false)

  /** Finds people by name or card number. */
  async function search(q: string) {
    loading.value = true
    error.value = null
    try {
      const found = await unwrap(admin.people.$get({ query: { q } }))
      people.value = found.items
      total.value = found.total
    } catch (err) {
      error.value = toApiError(err)
    } finally {
      loading.value = false
    }
  }

  async function loadUnits() {
    units.value ??= await unwrap(admin.org.units.$get())
  }

  /** Grants a role; throws an `ApiError` the dialog shows. */
  async function grant(cardNumber: string, role: OrgUnits['roles'][number], scope: string) {
    return unwrap(admin.people[':cardNumber'].roles.$post({ param: { cardNumber }, json: { role, scope } }))
  }

  async function revoke(cardNumber: string, role: string, scope: string) {
    return unwrap(admin.people[':cardNumber'].roles.$delete({ param: { cardNumber }, query: { role, scope } }))
  }

  async function loadRuns() {
    error.value = null
    try {
      runs.value = (await unwrap(admin.org.imports.$get())).items
    } catch (err) {
      error.value = toApiError(err)
    }
  }

  /** Uploads a file: a dry run unless `dryRun` is false. The answer becomes the shown report. */
  async function upload(file: File, opts: { dryRun: boolean; mode: 'full' | 'partial' }) {
    shown.value = await unwrap(admin.org.imports.$post({ form: { file, dryRun: String(opts.dryRun) as 'true' | 'false', mode: opts.mode } }))
    // A run may have added departments and classes: the people page names scopes by them, so
    // load them again there (else a first import shows its roles' scopes as bare codes).
    if (!opts.dryRun) units.value = null
    await loadRuns()
    return shown.value
  }

  async function show(id: number) {
    shown.value = await unwrap(admin.org.imports[':id'].$get({ param: { id: String(id) } }))
  }

  return { people, total, units, runs, shown, error, loading, search, loadUnits, grant, revoke, loadRuns, upload, show }
})
