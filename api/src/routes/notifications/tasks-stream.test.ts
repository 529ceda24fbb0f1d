import { describe, expect, it } from 'vitest'
import { DAY, hall, who, type Hall } from '../applications/test-support.ts'

// Issue 14.4, live lists: the bell's one stream per page also carries the viewer's 待办 count and a
// version of their to-do box, so the header's badge and an open to-do list follow a task that
// arrives or leaves. It must say nothing of anyone else's tasks.

/** 徐欣怡, an undergraduate of the College of Foreign Languages: her leave goes to another counsellor. */
const studentOfAnotherCounsellor = '2024020108'

type TasksEvent = { todo: number; version: string }

/** Opens the stream as `card` and returns a reader of its `tasks` events, in order. */
async function tasksEvents(h: Hall, card: string) {
  const res = await h.app.request('/api/notifications/stream', { headers: { cookie: await h.loginAs(card) } })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  return {
    async next(): Promise<TasksEvent> {
      for (;;) {
        const match = /event: tasks\ndata: (.*)\n/.exec(buffered)
        if (match) {
          buffered = buffered.slice(match.index + match[0].length)
          return JSON.parse(match[1]!) as TasksEvent
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('the stream ended')
        buffered += decoder.decode(value)
      }
    },
    close: () => reader.cancel(),
  }
}

describe('GET /api/notifications/stream: the tasks event', () => {
  it('sends my to-do count at once, again when a task of mine arrives and when it leaves, and nothing for other people’s tasks', async () => {
    const h = await hall()
    const counts = await h.get(who.counsellor, '/api/tasks/counts')
    const events = await tasksEvents(h, who.counsellor)
    const first = await events.next()
    expect(first.todo).toBe(counts.body.todo)

    // A student of this counsellor applies: a task arrives.
    const id = await h.leave(who.student, 2)
    const arrived = await events.next()
    expect(arrived.todo).toBe(first.todo + 1)
    expect(arrived.version).not.toBe(first.version)

    // A task for another counsellor, then the counsellor decides their own: the next event is the
    // task leaving. Had the other one been counted, an event with one more (or a new version at
    // the same count) would have come first.
    await h.leave(studentOfAnotherCounsellor, 2)
    await h.approve(who.counsellor, id)
    const left = await events.next()
    expect(left).toEqual({ todo: first.todo, version: expect.any(String) })
    expect(left.version).not.toBe(arrived.version)
    await events.close()
  })

  it('sends a new version when a row of my box changes in place (urged), the count the same', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    // Friday 10:00 + one working day is Monday 10:00; four days on, the step is overdue.
    h.advance(4 * DAY)
    const events = await tasksEvents(h, who.counsellor)
    const first = await events.next()
    const urged = await h.post(who.student, `/api/applications/${id}/urge`, { stateVersion: 1 })
    expect(urged.status).toBe(200)
    const after = await events.next()
    expect(after.todo).toBe(first.todo)
    expect(after.version).not.toBe(first.version)
    // And the open list it tells to fetch again shows the row urged.
    const row = (await h.get(who.counsellor, '/api/tasks?box=todo')).body.items.find((t: { applicationId: number }) => t.applicationId === id)
    expect(row.rowState.urgedAt).not.toBeNull()
    await events.close()
  })

  it('tells a student with nothing to do a count of 0', async () => {
    const h = await hall()
    const events = await tasksEvents(h, who.junior2)
    expect((await events.next()).todo).toBe(0)
    await events.close()
  })
})
