import { describe, expect, it } from 'vitest'
import { transaction } from '../../db/client.ts'
import { mfDeployments } from '../../db/schema/index.ts'
import { enqueueNotification } from '../../notifications/enqueue.ts'
import { bellChanged } from '../../notifications/feed.ts'
import { hall, who } from '../applications/test-support.ts'

// The bell's routes: my messages only, newest first, marked read one by one or all at once; the
// live count over Server-Sent Events; preferences with in-app always on.

async function withMessages() {
  const h = await hall()
  const id = await h.leave(who.student, 5)
  await h.approve(who.counsellor, id)
  return { h, id }
}

describe('GET /api/notifications', () => {
  it('lists my messages newest first, pages with nextBefore, and never anybody else’s', async () => {
    const { h, id } = await withMessages()
    const res = await h.get(who.student, '/api/notifications?limit=1')
    expect(res.status).toBe(200)
    expect(res.body.unread).toBe(2)
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0]).toMatchObject({ kind: 'step_decided', link: `/my/${id}`, read: false, actions: [] })
    const next = await h.get(who.student, `/api/notifications?limit=1&before=${res.body.nextBefore}`)
    expect(next.body.items.map((i: { kind: string }) => i.kind)).toEqual(['submitted'])
    expect(next.body.nextBefore).toBeNull()
    const counsellor = await h.get(who.counsellor, '/api/notifications')
    expect(counsellor.body.items.map((i: { kind: string }) => i.kind)).toEqual(['task_assigned'])
    expect((await h.get(null, '/api/notifications')).status).toBe(401)
    const bad = await h.get(who.student, '/api/notifications?limit=500')
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('limit')
  })
})

describe('POST /api/notifications/{id}/read and /read-all', () => {
  it('marks my own message read, refuses another’s with a 404, and marks all read', async () => {
    const { h } = await withMessages()
    const mine = (await h.get(who.student, '/api/notifications')).body.items as Array<{ id: number }>
    const theirs = (await h.get(who.counsellor, '/api/notifications')).body.items as Array<{ id: number }>
    const one = await h.post(who.student, `/api/notifications/${mine[0]!.id}/read`, {})
    expect(one.status).toBe(200)
    expect(one.body.unread).toBe(1)
    // Again is fine, and changes nothing.
    expect((await h.post(who.student, `/api/notifications/${mine[0]!.id}/read`, {})).body.unread).toBe(1)
    const other = await h.post(who.student, `/api/notifications/${theirs[0]!.id}/read`, {})
    expect(other.status).toBe(404)
    expect((await h.get(who.counsellor, '/api/notifications/unread-count')).body.count).toBe(1)
    const all = await h.post(who.student, '/api/notifications/read-all', {})
    expect(all.body).toEqual({ unread: 0, marked: 1 })
    expect((await h.get(who.student, '/api/notifications/unread-count')).body.count).toBe(0)
  })
})

describe('GET /api/notifications/stream', () => {
  it('sends the unread count at once as an SSE event, then again when a message arrives', async () => {
    const { h } = await withMessages()
    const res = await h.app.request('/api/notifications/stream', { headers: { cookie: await h.loginAs(who.deputy) } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    const nextEvent = async () => {
      let text = ''
      while (!text.includes('\n\n')) {
        const { value, done } = await reader.read()
        if (done) throw new Error('the stream ended')
        text += decoder.decode(value)
      }
      return text
    }
    const first = await nextEvent()
    expect(first).toContain('event: unread')
    const data = JSON.parse(/data: (.*)/.exec(first)![1]!)
    expect(data.count).toBe(1)
    // A new message for the deputy, written as every change writes one (in a transaction, through
    // enqueueNotification, which also tells the bell on PostgreSQL): the stream says so, unasked.
    await transaction(h.deps.db, (tx) =>
      enqueueNotification(tx, { recipient: who.deputy, kind: 'urged', titleZh: '催办', titleEn: 'Urged', link: null }, h.deps.now()),
    )
    let second = await nextEvent()
    while (!second.includes('event: unread')) second = await nextEvent()
    expect(JSON.parse(/data: (.*)/.exec(second)![1]!).count).toBe(2)
    await reader.cancel()
  })

  // Issue 14.4: open pages learn of a new micro-frontend version within seconds. The stream carries
  // the import map's ETag (the one /importmap.json answers with), at once and after a deployment.
  it('sends the import map’s ETag at once, and the new one after a part is deployed', async () => {
    const h = await hall()
    const res = await h.app.request('/api/notifications/stream', { headers: { cookie: await h.loginAs(who.student) } })
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buffered = ''
    const nextMapEvent = async (): Promise<{ etag: string }> => {
      for (;;) {
        const match = /event: importmap\ndata: (.*)\n/.exec(buffered)
        if (match) {
          buffered = buffered.slice(match.index + match[0].length)
          return JSON.parse(match[1]!) as { etag: string }
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('the stream ended')
        buffered += decoder.decode(value)
      }
    }
    const before = (await h.app.request('/importmap.json')).headers.get('etag')
    expect((await nextMapEvent()).etag).toBe(before)
    // A version goes live as the deploy's writer makes it: the row, and the bell told (PostgreSQL).
    await transaction(h.deps.db, async (tx) => {
      await tx.insert(mfDeployments).values({
        name: '@hall/mf-todo',
        version: '9.0.0',
        imports: { '@hall/mf-todo': '/static/mf-todo/9.0.0/main.js' },
        styles: [],
        baseUrl: '/static/mf-todo/9.0.0/',
        registeredBy: 'test',
        activation: 99,
      })
      await bellChanged(tx, { importmap: true })
    })
    const after = (await h.app.request('/importmap.json')).headers.get('etag')
    expect(after).not.toBe(before)
    expect((await nextMapEvent()).etag).toBe(after)
    await reader.cancel()
  })

  it('is for logged-in people only', async () => {
    const h = await hall()
    expect((await h.app.request('/api/notifications/stream')).status).toBe(401)
  })
})

describe('/api/notifications/preferences', () => {
  it('starts with every channel on and zh-CN, stores changes per kind and the language, and refuses unknown kinds', async () => {
    const h = await hall()
    const start = await h.get(who.student, '/api/notifications/preferences')
    expect(start.status).toBe(200)
    expect(start.body.language).toBe('zh-CN')
    expect(start.body.available).toEqual({ inApp: true, email: true, push: false })
    expect(start.body.kinds.every((k: { inApp: boolean; email: boolean; push: boolean }) => k.inApp && k.email && k.push)).toBe(true)

    const put = await h.call(who.student, 'PUT', '/api/notifications/preferences', { language: 'en', channels: { completed: { email: false } } })
    expect(put.status).toBe(200)
    const completed = put.body.kinds.find((k: { kind: string }) => k.kind === 'completed')
    expect(completed).toMatchObject({ inApp: true, email: false, push: true })
    expect(put.body.language).toBe('en')
    // A later change keeps the earlier ones.
    const again = await h.call(who.student, 'PUT', '/api/notifications/preferences', { channels: { completed: { push: false } } })
    expect(again.body.kinds.find((k: { kind: string }) => k.kind === 'completed')).toMatchObject({ email: false, push: false })
    expect(again.body.language).toBe('en')

    const unknown = await h.call(who.student, 'PUT', '/api/notifications/preferences', { channels: { nonsense: { email: false } } })
    expect(unknown.status).toBe(400)
    const inApp = await h.call(who.student, 'PUT', '/api/notifications/preferences', { channels: { completed: { inApp: false } } })
    expect(inApp.status).toBe(400)
    const lang = await h.call(who.student, 'PUT', '/api/notifications/preferences', { language: 'fr' })
    expect(lang.status).toBe(400)
    // Other people keep their own.
    expect((await h.get(who.classmate, '/api/notifications/preferences')).body.language).toBe('zh-CN')
  })

  it('lists only the kinds a person can receive: a student is not offered reviewers’ messages', async () => {
    const h = await hall()
    const kindsOf = async (card: string) => ((await h.get(card, '/api/notifications/preferences')).body.kinds as Array<{ kind: string }>).map((k) => k.kind)
    const student = await kindsOf(who.student)
    expect(student).toContain('returned')
    expect(student).not.toContain('task_assigned')
    expect(student).not.toContain('urged')
    expect(student).not.toContain('data_error_reported')
    const counsellor = await kindsOf(who.counsellor)
    expect(counsellor).toEqual(expect.arrayContaining(['task_assigned', 'urged', 'returned']))
    // A student who stands in for a reviewer can be given tasks: they see the reviewers' kinds.
    const to = new Date(h.deps.now().getTime() + 86_400_000).toISOString()
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.classmate, to })).status).toBe(201)
    expect(await kindsOf(who.classmate)).toContain('task_assigned')
  })
})
