import { bus } from '@hall/mf-kit'

/**
 * Reads the live stream's `tasks` events (`{ todo, version }`, api/src/routes/notifications): the
 * count goes to the header's 待办 badge; a version other than the one seen before means a task
 * arrived or left, so open to-do lists fetch again (`hall:tasks-changed` with `live`). The first
 * event, and a reconnect that finds nothing new, tell no list: nothing changed for them.
 */
export function tasksListener(setTodo: (todo: number) => void): (event: MessageEvent<string>) => void {
  let version: string | null = null
  return (event) => {
    let data: { todo?: unknown; version?: unknown }
    try {
      data = JSON.parse(event.data) as typeof data
    } catch {
      // A malformed event changes nothing; the next one will do.
      return
    }
    if (typeof data.todo !== 'number' || typeof data.version !== 'string') return
    setTodo(data.todo)
    const changed = version !== null && version !== data.version
    version = data.version
    if (changed) bus.emit('hall:tasks-changed', { todo: data.todo, live: true })
  }
}
