import { describe, expect, it } from 'vitest'
import { oldestFirstWindow } from './oldest-first.ts'

// The API lists a box newest first; 待办 is shown oldest first. These cases pin the arithmetic
// that finds an oldest-first page in the API's pages, where an off-by-one would hide the tasks
// that have waited longest.

/** The ids an oldest-first page shows, given the API's order of ids (newest first). */
function shown(apiOrder: number[], page: number, size: number): number[] {
  const w = oldestFirstWindow(apiOrder.length, page, size)
  const fetched = w.pages.flatMap((p) => apiOrder.slice((p - 1) * size, p * size))
  return fetched.slice(w.from - w.offset, w.to - w.offset).reverse()
}

describe('oldestFirstWindow', () => {
  const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i) // ids n…1, 1 the oldest

  it.each([
    { total: 5, page: 1, size: 20, expected: [1, 2, 3, 4, 5] },
    { total: 20, page: 1, size: 20, expected: Array.from({ length: 20 }, (_, i) => i + 1) },
    { total: 45, page: 1, size: 20, expected: Array.from({ length: 20 }, (_, i) => i + 1) },
    { total: 45, page: 2, size: 20, expected: Array.from({ length: 20 }, (_, i) => i + 21) },
    { total: 45, page: 3, size: 20, expected: [41, 42, 43, 44, 45] },
    { total: 40, page: 2, size: 20, expected: Array.from({ length: 20 }, (_, i) => i + 21) },
  ])('$total tasks, page $page of $size: the right ones, oldest first', ({ total, page, size, expected }) => {
    expect(shown(newestFirst(total), page, size)).toEqual(expected)
  })

  it('asks for at most two pages of the API', () => {
    for (let total = 0; total < 100; total++) {
      for (let page = 1; page <= 6; page++) expect(oldestFirstWindow(total, page, 20).pages.length).toBeLessThanOrEqual(2)
    }
  })

  it('is empty past the last page', () => {
    expect(oldestFirstWindow(10, 3, 5)).toEqual({ from: 0, to: 0, pages: [], offset: 0 })
    expect(shown(newestFirst(10), 3, 5)).toEqual([])
  })
})
