import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'
import { usePagedList, type Page } from './paged-list.ts'

// The paged list keeps only the latest query's answer, cancels the older request, and keeps the
// error of a failed fetch until the next one succeeds.

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('usePagedList', () => {
  it('shows a page and its total, and is loading only while fetching', async () => {
    const list = usePagedList({ q: '', page: 1 }, async (q) => ({ items: [`${q.q}-${q.page}`], total: 7 }))
    expect(list.loaded.value).toBe(false)
    const done = list.load({ q: 'a', page: 2 })
    expect(list.loading.value).toBe(true)
    expect(list.query.value).toEqual({ q: 'a', page: 2 })
    await done
    expect(list.items.value).toEqual(['a-2'])
    expect(list.total.value).toBe(7)
    expect(list.loading.value).toBe(false)
    expect(list.loaded.value).toBe(true)
  })

  it('cancels the older request when a newer query is loaded, and shows only the newer answer', async () => {
    const calls: Array<{ q: string; signal: AbortSignal; answer: ReturnType<typeof deferred<Page<string>>> }> = []
    const list = usePagedList({ q: '' }, (q, signal) => {
      const answer = deferred<Page<string>>()
      calls.push({ q: q.q, signal, answer })
      return answer.promise
    })
    const first = list.load({ q: 'x' })
    const second = list.load({ q: 'xy' })
    expect(calls[0]!.signal.aborted).toBe(true)
    expect(calls[1]!.signal.aborted).toBe(false)
    calls[1]!.answer.resolve({ items: ['xy'], total: 1 })
    calls[0]!.answer.resolve({ items: ['x'], total: 1 })
    await Promise.all([first, second])
    expect(list.items.value).toEqual(['xy'])
    expect(list.loading.value).toBe(false)
  })

  it('keeps the error of a failed fetch, as an ApiError, until reload succeeds', async () => {
    let fail = true
    const list = usePagedList({ page: 1 }, async () => {
      if (fail) throw new ApiError(503, 'unavailable', 'Down', '暂不可用')
      return { items: [1, 2], total: 2 }
    })
    await list.load({ page: 1 })
    expect(list.error.value?.status).toBe(503)
    expect(list.loaded.value).toBe(false)
    fail = false
    await list.reload()
    expect(list.error.value).toBeNull()
    expect(list.items.value).toEqual([1, 2])
  })

  it('turns any other failure into an ApiError a page can show', async () => {
    const list = usePagedList({}, async () => {
      throw new TypeError('Failed to fetch')
    })
    await list.load({})
    expect(list.error.value).toBeInstanceOf(ApiError)
    expect(list.error.value?.message).toContain('Failed to fetch')
  })
})
