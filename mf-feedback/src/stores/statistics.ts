import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'

export type Statistics = OkBody<Awaited<ReturnType<typeof api.api.statistics.$get>>>
export type ExportJob = OkBody<Awaited<ReturnType<typeof api.api.statistics.exports.$post>>>

/** The statistics page's filters ('' for "all departments" or "all services"). */
export interface StatisticsFilters {
  from: string
  to: string
  granularity: 'month' | 'week'
  departmentCode: string
  serviceCode: string
}

const beijingToday = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 864e5).toISOString().slice(0, 10)

export const useStatisticsStore = defineStore('feedback/statistics', () => {
  /** The filters of the page: a Beijing date range, month or week periods, a department, a service. */
  const filters = reactive<StatisticsFilters>({ from: beijingToday(-179), to: beijingToday(), granularity: 'month', departmentCode: '', serviceCode: '' })
  /** The figures for the filters; null until they arrive. */
  const data = ref<Statistics | null>(null)
  /** True while they are being fetched. */
  const loading = ref(false)
  /** Why the last fetch failed (403: not for me), until the next one succeeds. */
  const error = ref<ApiError | null>(null)
  /** The export being written, with its progress; null when none runs. */
  const job = ref<ExportJob | null>(null)
  /** Why the last export failed. */
  const exportError = ref<ApiError | null>(null)

  const query = () => ({
    from: filters.from,
    to: filters.to,
    granularity: filters.granularity,
    ...(filters.departmentCode ? { departmentCode: filters.departmentCode } : {}),
    ...(filters.serviceCode ? { serviceCode: filters.serviceCode } : {}),
  })

  let call = 0
  /** Fetches the figures for the current filters; an older answer arriving late is dropped. */
  async function load() {
    const mine = ++call
    loading.value = true
    error.value = null
    try {
      const body = await unwrap(api.api.statistics.$get({ query: query() }))
      if (mine === call) data.value = body
    } catch (err) {
      if (mine === call) error.value = toApiError(err)
    } finally {
      if (mine === call) loading.value = false
    }
  }

  /**
   * Starts an Excel export, polls its progress until it is written, then downloads it. Resolves
   * with the file's URL, or null when it failed.
   */
  async function exportXlsx(kind: 'figures' | 'applications'): Promise<string | null> {
    exportError.value = null
    try {
      job.value = await unwrap(api.api.statistics.exports.$post({ json: { kind, ...query() } }))
      while (job.value.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 400))
        job.value = await unwrap(api.api.statistics.exports[':id'].$get({ param: { id: String(job.value.id) } }))
      }
      if (job.value.status !== 'done' || !job.value.fileUrl) throw new ApiError(500, 'export_failed', 'The export failed; please try again', '导出失败，请重试')
      const link = document.createElement('a')
      link.href = job.value.fileUrl
      link.download = ''
      document.body.append(link)
      link.click()
      link.remove()
      return job.value.fileUrl
    } catch (err) {
      exportError.value = toApiError(err)
      return null
    }
  }

  return { filters, data, loading, error, job, exportError, load, exportXlsx }
})
