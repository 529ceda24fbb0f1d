import { expect } from 'vitest'
import { leaveValues, who } from '../routes/applications/test-support.ts'

// Test support (not a test file): reading the bell's live stream as a browser would.

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** Opens the stream with `cookie` and returns a reader of its events, in order. */
export async function openStream(app: App, cookie: string) {
  const res = await app.request('/api/notifications/stream', { headers: { cookie } })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null
  const pull = async () => {
    const { value, done } = await (pending ??= reader.read())
    pending = null
    if (done) throw new Error('the stream ended')
    buffered += decoder.decode(value)
  }
  const take = (event?: string) => {
    const re = event ? new RegExp(`event: ${event}\\ndata: (.*)\\n`) : /event: (\w+)\ndata: (.*)\n/
    const match = re.exec(buffered)
    if (!match) return null
    buffered = buffered.slice(match.index + match[0].length)
    return match
  }
  return {
    /** The next event named `event` (earlier events of other names are skipped). */
    async next<T = Record<string, unknown>>(event: string): Promise<T> {
      for (;;) {
        const match = take(event)
        if (match) return JSON.parse(match[1]!) as T
        await pull()
      }
    },
    /**
     * The next event named `event`, which must come within `ms`: a bound for a wake, chosen
     * below what else would bring it (a stream's own safety re-check, 15 s at the earliest).
     */
    async nextWithin<T = Record<string, unknown>>(event: string, ms: number): Promise<T> {
      const end = Date.now() + ms
      for (;;) {
        const match = take(event)
        if (match) return JSON.parse(match[1]!) as T
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, end - Date.now())))
        if ((await Promise.race([pull(), timeout])) === 'timeout') throw new Error(`no ${event} event within ${ms} ms`)
      }
    },
    /** Every event that arrives within `ms` (an empty list when the stream says nothing). */
    async within(ms: number): Promise<string[]> {
      const end = Date.now() + ms
      while (Date.now() < end) {
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), end - Date.now()))
        if ((await Promise.race([pull(), timeout])) === 'timeout') break
      }
      const names: string[] = []
      for (let m = take(); m; m = take()) names.push(m[1]!)
      return names
    },
    close: () => reader.cancel(),
  }
}

type Node = { app: App; loginAs(card: string): Promise<string>; deps: { env: { publicOrigin: string } } }

/**
 * Two nodes' scene: a counsellor's and a student's streams open on node A, their first `tasks` and
 * `unread` events read, then the student's 2-day leave submitted through node B (a task for the
 * counsellor and a receipt for the student). How node A comes to hear of it is the test's to check.
 */
export async function streamsOnASubmissionThroughB(nodeA: Node, nodeB: Node, idempotencyKey: string) {
  const counsellor = await openStream(nodeA.app, await nodeA.loginAs(who.counsellor))
  const student = await openStream(nodeA.app, await nodeA.loginAs(who.student))
  const before = await counsellor.next<{ todo: number; version: string }>('tasks')
  const unreadBefore = await student.next<{ count: number }>('unread')
  const res = await nodeB.app.request('/api/applications', {
    method: 'POST',
    headers: {
      cookie: await nodeB.loginAs(who.student),
      origin: nodeB.deps.env.publicOrigin,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify({ serviceCode: 'undergrad-leave', values: leaveValues(2) }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return { counsellor, student, before, unreadBefore }
}
