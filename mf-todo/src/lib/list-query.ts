import type { LocationQuery } from 'vue-router'

// The list's state is its query string (`/todo?box=done&q=…&sort=deadline&from=…&page=2`): back,
// reload and a shared link show the same list. These turn one into the other, pure and tested.

/** A reviewer's lists (GLOSSARY: 待办 / 已办 / 抄送我的). */
export const BOXES = ['todo', 'done', 'cc'] as const
export type Box = (typeof BOXES)[number]

export const isBox = (v: unknown): v is Box => typeof v === 'string' && (BOXES as readonly string[]).includes(v)

/** The orders a list can be shown in (the API's `sort` and `order`). */
export const SORTS = ['received-asc', 'received-desc', 'deadline', 'applicant'] as const
export type Sort = (typeof SORTS)[number]
export const isSort = (v: unknown): v is Sort => typeof v === 'string' && (SORTS as readonly string[]).includes(v)
/** 待办: the oldest first (they have waited longest); 已办 and 抄送我的: the newest first. */
export const defaultSort = (box: Box): Sort => (box === 'todo' ? 'received-asc' : 'received-desc')

/** What the list shows; it mirrors the page's query string (`?box=&q=&service=&overdue=1&sort=&from=&to=&page=`). */
export interface TasksQuery {
  box: Box
  q: string
  service: string
  /** Only tasks past their deadline (待办 only). */
  overdue: boolean
  /** '' for the box's default order. */
  sort: Sort | ''
  /** Received from / to (Beijing dates, YYYY-MM-DD), '' for no limit. */
  from: string
  to: string
  page: number
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
const text = (v: LocationQuery[string] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()

/** The list a query string asks for; anything malformed falls back to the default, never an error. */
export function queryOf(q: LocationQuery): TasksQuery {
  const box = text(q.box)
  const sort = text(q.sort)
  return {
    box: isBox(box) ? box : 'todo',
    q: text(q.q).slice(0, 50),
    service: /^[a-z0-9-]{2,60}$/.test(text(q.service)) ? text(q.service) : '',
    overdue: text(q.overdue) === '1',
    sort: isSort(sort) ? sort : '',
    from: isDate(text(q.from)) ? text(q.from) : '',
    to: isDate(text(q.to)) ? text(q.to) : '',
    page: Math.max(1, Number.parseInt(text(q.page), 10) || 1),
  }
}

/** The shortest query string for a list: defaults are left out. */
export function locationOf(next: TasksQuery): Record<string, string> {
  const query: Record<string, string> = {}
  if (next.box !== 'todo') query.box = next.box
  if (next.q) query.q = next.q
  if (next.service) query.service = next.service
  if (next.overdue && next.box === 'todo') query.overdue = '1'
  if (next.sort && next.sort !== defaultSort(next.box)) query.sort = next.sort
  if (next.from) query.from = next.from
  if (next.to) query.to = next.to
  if (next.page > 1) query.page = String(next.page)
  return query
}
