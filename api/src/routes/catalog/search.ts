import Fuse from 'fuse.js'
import { match, pinyin, polyphonic } from 'pinyin-pro'
import { RE2JS } from 're2js'

// Catalog search as students type it: Chinese names, full pinyin (sushe), pinyin initials (sstz),
// a mix of both (sushetz), English names and keywords (dorm), and a typo still finds something.
// pinyin-pro does the pinyin (polyphones included); fuse.js is the fallback for typos. With a few
// hundred services at most, a scan of a prepared in-memory index is the whole cost of a search.

export interface SearchDoc {
  code: string
  nameZh: string
  nameEn: string
  keywordsZh: string[]
  keywordsEn: string[]
  summaryZh: string
  summaryEn: string
  departmentZh: string
  departmentEn: string
  categoryZh: string
  categoryEn: string
  /** Who may apply: a logged-in user's own services rank first among equals. */
  audience: string[]
  /** The questions and answers of its published FAQ (both languages where they exist): a search finds the service by them. */
  faqs?: string[]
}

/** Character ranges [start, end) of a name that matched, for highlighting. */
export type Ranges = Array<[number, number]>

export interface SearchHit {
  code: string
  score: number
  /** Why it matched, for tests and for tuning: the strongest reason. */
  matchedBy: 'name' | 'pinyin' | 'english' | 'keyword' | 'department' | 'category' | 'faq' | 'summary' | 'fuzzy'
  highlights: { nameZh: Ranges; nameEn: Ranges }
}

interface Entry extends SearchDoc {
  nameZhLower: string
  nameEnLower: string
  /** Full pinyin of the Chinese name without tones or spaces ("sushetiaozhengshenqing"). */
  pinyinFull: string
  /** The name's syllables in their reading in context (宿舍 → su she, not xiu she). */
  syllables: string[]
  /** Every reading of each character (宿 → su, xiu, xiu), for the weaker polyphone match. */
  readings: string[][]
  initials: string
  keywordsEnLower: string[]
  keywordsPinyin: string[]
  keywordsSyllables: string[][]
  faqsLower: string[]
}

const CJK = /[\u3400-\u9fff]/
const toSyllables = (s: string) => pinyin(s, { toneType: 'none', type: 'array', v: true }).map((x) => x.toLowerCase())
const toPinyin = (s: string) => toSyllables(s).join('')
const toReadings = (s: string) => {
  const usual = toSyllables(s)
  return polyphonic(s, { toneType: 'none', type: 'array' }).map((readings, i) => [
    ...new Set([usual[i] ?? '', ...readings.map((r) => r.toLowerCase())].filter(Boolean)),
  ])
}
const toInitials = (s: string) => pinyin(s, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()

/**
 * Matches a query against consecutive syllables, each syllable typed in full or by a prefix
 * (sstz, sushe, sushetz, tiaozheng): the indices of the matched characters, or null. This uses the
 * reading in context; pinyin-pro's `match` (every reading of a polyphone) is the weaker fallback.
 */
export function matchSyllables(syllables: Array<string | string[]>, q: string): number[] | null {
  const from = (si: number, qi: number): number | null => {
    if (qi === q.length) return si
    const at = syllables[si]
    if (at === undefined) return null
    for (const syllable of typeof at === 'string' ? [at] : at) {
      for (let len = Math.min(syllable.length, q.length - qi); len >= 1; len--) {
        if (q.startsWith(syllable.slice(0, len), qi)) {
          const end = from(si + 1, qi + len)
          if (end !== null) return end
        }
      }
    }
    return null
  }
  for (let start = 0; start < syllables.length; start++) {
    const end = from(start, 0)
    if (end !== null) return Array.from({ length: end - start }, (_, k) => start + k)
  }
  return null
}

/** Turns a list of indices into contiguous ranges: [0,1,2,5] → [[0,3],[5,6]]. */
export function toRanges(indices: number[]): Ranges {
  const sorted = [...indices].sort((a, b) => a - b)
  const ranges: Ranges = []
  for (const i of sorted) {
    const last = ranges.at(-1)
    if (last && last[1] === i) last[1] = i + 1
    else ranges.push([i, i + 1])
  }
  return ranges
}

export function normalizeQuery(q: string) {
  return q.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
}

export function createSearchIndex(docs: SearchDoc[]) {
  const entries: Entry[] = docs.map((d) => ({
    ...d,
    nameZhLower: d.nameZh.toLowerCase(),
    nameEnLower: d.nameEn.toLowerCase(),
    pinyinFull: toPinyin(d.nameZh),
    syllables: toSyllables(d.nameZh),
    readings: toReadings(d.nameZh),
    initials: toInitials(d.nameZh),
    keywordsEnLower: d.keywordsEn.map((k) => k.toLowerCase()),
    keywordsPinyin: d.keywordsZh.map(toPinyin),
    keywordsSyllables: d.keywordsZh.map(toSyllables),
    faqsLower: (d.faqs ?? []).map((f) => f.toLowerCase()),
  }))
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'nameEnLower', weight: 3 },
      { name: 'pinyinFull', weight: 3 },
      { name: 'keywordsEnLower', weight: 2 },
      { name: 'keywordsPinyin', weight: 2 },
      { name: 'nameZh', weight: 2 },
      { name: 'keywordsZh', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.34,
    minMatchCharLength: 2,
  })

  function scoreEntry(e: Entry, q: string, word: RE2JS): SearchHit | null {
    const compact = q.replace(/ /g, '')
    const highlights: SearchHit['highlights'] = { nameZh: [], nameEn: [] }
    let score = 0
    let matchedBy: SearchHit['matchedBy'] = 'summary'
    const consider = (s: number, why: SearchHit['matchedBy']) => {
      if (s > score) {
        score = s
        matchedBy = why
      }
    }

    // The Chinese name as typed (also catches Latin inside it, as in "IP地址申请").
    const at = e.nameZhLower.indexOf(q)
    if (at >= 0) {
      consider(at === 0 ? 120 : 100, 'name')
      highlights.nameZh.push([at, at + q.length])
    }
    if (!CJK.test(q) && /^[a-z]+$/.test(compact)) {
      // Pinyin: full, initials, or a mix, on consecutive characters of the name.
      const hit = matchSyllables(e.syllables, compact)
      if (hit?.length) {
        const coverage = hit.length / e.nameZh.length
        consider((hit[0] === 0 ? 95 : 80) + Math.round(10 * coverage), 'pinyin')
        if (!highlights.nameZh.length) highlights.nameZh.push(...toRanges(hit))
      } else {
        // Another reading of a polyphone (宿 is also xiu): found, but ranked below the usual reading.
        const other = matchSyllables(e.readings, compact)
        if (other?.length) {
          consider(55, 'pinyin')
          if (!highlights.nameZh.length) highlights.nameZh.push(...toRanges(other))
        }
      }
      if (e.keywordsSyllables.some((k) => matchSyllables(k, compact)?.length === k.length)) {
        consider(60, 'keyword')
      }
    }
    // English: a word of the name that starts with the query.
    // re2js mirrors RegExpExecArray (index in UTF-16 units, as highlights count), though it types it any[].
    const en = word.exec(e.nameEn) as RegExpExecArray | null
    if (en) {
      const start = en.index + en[1]!.length
      consider(start === 0 ? 95 : 85, 'english')
      highlights.nameEn.push([start, start + q.length])
    }
    if (e.keywordsZh.some((k) => k.includes(q) || (q.length >= 2 && q.includes(k)))) consider(70, 'keyword')
    if (e.keywordsEnLower.some((k) => word.test(k))) consider(65, 'keyword')
    if (e.departmentZh.includes(q) || word.test(e.departmentEn)) consider(40, 'department')
    if (e.categoryZh.includes(q) || word.test(e.categoryEn)) consider(35, 'category')
    // A question people asked and the office answered: below the service's own words, above its summary.
    if (q.length >= 2 && e.faqsLower.some((f) => f.includes(q) || word.test(f))) consider(33, 'faq')
    if (q.length >= 2 && (e.summaryZh.includes(q) || word.test(e.summaryEn))) consider(30, 'summary')

    // A Chinese query with a wrong character of the same sound (宿社 for 宿舍) still matches by pinyin.
    if (!score && CJK.test(q)) {
      const hit = match(e.nameZh, toPinyin(q), { continuous: true, precision: 'every' })
      if (hit?.length) {
        consider(50, 'pinyin')
        highlights.nameZh.push(...toRanges(hit))
      }
    }
    return score ? { code: e.code, score, matchedBy, highlights } : null
  }

  return {
    size: entries.length,
    /** Hits, best first. An empty query finds nothing: browsing is the catalog's other half. */
    search(raw: string, opts: { kind?: string | null } = {}): SearchHit[] {
      const q = normalizeQuery(raw)
      if (!q) return []
      const hits = new Map<string, SearchHit>()
      // English: a word that starts with the query. A user's words never become a backtracking
      // RegExp: quoted, and matched by RE2 in linear time (compiled once per search).
      const word = RE2JS.compile(`(?i)(^|[^a-z0-9])${RE2JS.quote(q)}`)
      for (const e of entries) {
        const hit = scoreEntry(e, q, word)
        if (hit && opts.kind && e.audience.includes(opts.kind)) hit.score += 35
        if (hit) hits.set(e.code, hit)
      }
      // Typos: only when no name, pinyin or keyword matched, so a good match is never drowned
      // in noise (and the costlier fuzzy pass runs only for the queries that need it).
      const strong = [...hits.values()].some((h) => h.score >= 60)
      if (!strong && q.length >= 3) {
        for (const r of fuse.search(q.replace(/ /g, ''), { limit: 5 })) {
          if (hits.has(r.item.code)) continue
          hits.set(r.item.code, {
            code: r.item.code,
            score: Math.max(1, Math.round(25 * (1 - (r.score ?? 1)))),
            matchedBy: 'fuzzy',
            highlights: { nameZh: [], nameEn: [] },
          })
        }
      }
      return [...hits.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    },
  }
}

export type SearchIndex = ReturnType<typeof createSearchIndex>
