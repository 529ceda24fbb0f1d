import { describe, expect, it } from 'vitest'
import { defaultSort, locationOf, queryOf, type TasksQuery } from './list-query.ts'

// The list's state lives in the address bar: a link someone shares must open the same list, and a
// hand-edited or stale address must still open a list rather than fail.

const base: TasksQuery = { box: 'todo', q: '', service: '', overdue: false, sort: '', from: '', to: '', page: 1 }

describe('the list query string', () => {
  it('round-trips every filter and order', () => {
    const q: TasksQuery = {
      box: 'done',
      q: '李明轩',
      service: 'undergrad-leave',
      overdue: false,
      sort: 'applicant',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 3,
    }
    expect(queryOf(locationOf(q))).toEqual(q)
    const todo: TasksQuery = { ...base, overdue: true, sort: 'deadline' }
    expect(queryOf(locationOf(todo))).toEqual(todo)
  })

  it('leaves defaults out, so the plain list is plain /todo', () => {
    // why: the default order of a box is not written, so the same list has one address
    expect(locationOf(base)).toEqual({})
    expect(locationOf({ ...base, sort: defaultSort('todo') })).toEqual({})
    expect(locationOf({ ...base, box: 'cc', sort: 'received-desc' })).toEqual({ box: 'cc' })
    expect(locationOf({ ...base, box: 'done', overdue: true })).toEqual({ box: 'done' })
  })

  it('falls back to the default for anything malformed', () => {
    expect(queryOf({ box: 'trash', sort: 'urgency', from: '27.11.2026', to: '2026-13-01', page: '-2', service: 'DROP TABLE', q: 'x'.repeat(80) })).toEqual({
      ...base,
      q: 'x'.repeat(50),
    })
    expect(queryOf({ box: ['done', 'cc'], page: ['2'] })).toMatchObject({ box: 'done', page: 2 })
  })

  it('orders 待办 oldest first and the other boxes newest first by default', () => {
    expect([defaultSort('todo'), defaultSort('done'), defaultSort('cc')]).toEqual(['received-asc', 'received-desc', 'received-desc'])
  })
})
