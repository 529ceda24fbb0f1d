import { api, ApiError, type OkBody, toApiError, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type QuestionSummary = OkBody<Awaited<ReturnType<typeof api.api.questions.$get>>>['items'][number]
export type Faq = OkBody<Awaited<ReturnType<typeof api.api.faqs.$get>>>['items'][number]

/** One list of questions (mine, or my departments' inbox): its rows, loading state and last error. */
function useList(query: () => Parameters<typeof api.api.questions.$get>[0]['query']) {
  const items = ref<QuestionSummary[]>([])
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  async function load() {
    loading.value = true
    error.value = null
    try {
      items.value = (await unwrap(api.api.questions.$get({ query: query() }))).items
    } catch (err) {
      error.value = toApiError(err)
    } finally {
      loading.value = false
    }
  }
  return { items, loading, error, load }
}

export const useQuestionsStore = defineStore('feedback/questions', () => {
  /** My questions to the online Q&A, newest first. */
  const mine = useList(() => ({ mine: '1' }))
  /** Questions to the departments I answer for, newest first; `inboxStatus` filters them. */
  const inboxStatus = ref<'open' | 'answered' | 'closed' | ''>('open')
  const inbox = useList(() => (inboxStatus.value ? { box: 'inbox', status: inboxStatus.value } : { box: 'inbox' }))

  /** The published FAQ matching `faqQuery`. */
  const faqs = ref<Faq[]>([])
  const faqQuery = ref('')
  const faqLoading = ref(false)
  const faqError = ref<ApiError | null>(null)
  let faqCall = 0
  /** Fetches the FAQ for the current search; an older answer arriving late is dropped. */
  async function loadFaqs() {
    const call = ++faqCall
    faqLoading.value = true
    faqError.value = null
    try {
      const q = faqQuery.value.trim()
      const page = await unwrap(api.api.faqs.$get({ query: q ? { q } : {} }))
      if (call === faqCall) faqs.value = page.items
    } catch (err) {
      if (call === faqCall) faqError.value = toApiError(err)
    } finally {
      if (call === faqCall) faqLoading.value = false
    }
  }

  return { mine, inbox, inboxStatus, faqs, faqQuery, faqLoading, faqError, loadFaqs }
})
