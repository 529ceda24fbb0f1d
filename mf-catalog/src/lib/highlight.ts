/** A piece of a name, marked when it matched the search. */
export interface Segment {
  text: string
  mark: boolean
}

/**
 * Cuts `text` by the matched ranges `[start, end)` the API returns, so the matched characters can be
 * rendered in `<mark>` as text (never as HTML). Ranges out of bounds or overlapping are tolerated.
 */
export function segments(text: string, ranges: ReadonlyArray<readonly [number, number]> | undefined): Segment[] {
  const out: Segment[] = []
  let at = 0
  for (const [rawStart, rawEnd] of [...(ranges ?? [])].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(rawStart, text.length))
    const end = Math.max(start, Math.min(rawEnd, text.length))
    if (end === start) continue
    if (start > at) out.push({ text: text.slice(at, start), mark: false })
    out.push({ text: text.slice(start, end), mark: true })
    at = end
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false })
  return out
}
