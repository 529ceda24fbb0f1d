/**
 * Where page `page` of a list shown oldest first lies in the API's order (newest first), and
 * which pages of `size` of the API hold it (one or two). `from`/`to` are indices in the API's
 * order, `to` exclusive; `offset` is the index of the first item of the first page asked for.
 */
export function oldestFirstWindow(total: number, page: number, size: number): { from: number; to: number; pages: number[]; offset: number } {
  const to = Math.max(0, total - (page - 1) * size)
  const from = Math.max(0, total - page * size)
  if (to === 0) return { from: 0, to: 0, pages: [], offset: 0 }
  const first = Math.floor(from / size) + 1
  const last = Math.floor((to - 1) / size) + 1
  const pages = first === last ? [first] : [first, last]
  return { from, to, pages, offset: (first - 1) * size }
}
