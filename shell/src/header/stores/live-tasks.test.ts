import { bus } from '@hall/mf-kit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tasksListener } from './live-tasks.ts'

// The header's side of live to-do lists: every `tasks` event sets the badge, and only a changed
// version (a task arrived or left) makes open lists fetch again, so a reconnect every few minutes
// does not reload every open list.

const event = (data: unknown) => new MessageEvent<string>('tasks', { data: typeof data === 'string' ? data : JSON.stringify(data) })

let off: () => void = () => {}
afterEach(() => off())

describe('tasksListener', () => {
  it('sets the count on every event and tells open lists only when the version changes', () => {
    const counts: number[] = []
    const told = vi.fn()
    off = bus.on('hall:tasks-changed', told)
    const listen = tasksListener((n) => counts.push(n))

    listen(event({ todo: 2, version: '2.10.19' }))
    expect(counts).toEqual([2])
    expect(told).not.toHaveBeenCalled()

    // The same version again (a reconnect): the badge stays right, no list reloads.
    listen(event({ todo: 2, version: '2.10.19' }))
    expect(told).not.toHaveBeenCalled()

    // A task arrived.
    listen(event({ todo: 3, version: '3.11.30' }))
    expect(counts).toEqual([2, 2, 3])
    expect(told).toHaveBeenCalledExactlyOnceWith({ todo: 3, live: true })
  })

  it('ignores malformed events', () => {
    const counts: number[] = []
    const told = vi.fn()
    off = bus.on('hall:tasks-changed', told)
    const listen = tasksListener((n) => counts.push(n))
    listen(event('not json'))
    listen(event({ todo: '3', version: '1' }))
    listen(event({ todo: 3 }))
    expect(counts).toEqual([])
    expect(told).not.toHaveBeenCalled()
  })
})
