/** A date and time in the page's language. */
export const dateTime = (iso: string | null, locale: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—')
export const dateOnly = (iso: string | null, locale: string) => (iso ? new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' }) : '—')
/** A month (`2026-10`, Beijing) in the page's language: all the time an anonymous rating shows. */
export const monthOnly = (month: string, locale: string) => new Date(`${month}-15T00:00:00+08:00`).toLocaleDateString(locale, { year: 'numeric', month: 'long', timeZone: 'Asia/Shanghai' })
/** A score to one decimal, or a dash when there is none. */
export const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1))
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`)
