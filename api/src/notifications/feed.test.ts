import { describe, expect, it } from 'vitest'
import { closeDb } from '../db/client.ts'
import { notifications } from '../db/schema/index.ts'
import { hall, who } from '../routes/applications/test-support.ts'
import { recordStatements, sharedDatabase, testApp } from '../test-support.ts'
import { FEED_PERIOD_MS } from './feed.ts'
import { openStream, streamsOnASubmissionThroughB } from './stream-test-support.ts'

// Issue 15.3: the bell's live streams are woken by one change feed per node, not by a poll of the
// database per open connection. An idle stream costs no query; a change wakes only the streams
// of the people it concerns; a change written by another connection to the same database (another
// API node) reaches them too, through the feed's cursor.
//
// These are the poller's tests, on both dialects: on PostgreSQL it runs beneath LISTEN/NOTIFY as
// the safety net (and would run alone on an engine without it); many-nodes.test.ts tests the
// listening feed.

const unreadOf = async (h: Awaited<ReturnType<typeof hall>>, card: string) => (await h.get(card, '/api/notifications/unread-count')).body.count as number

describe('the bell’s change feed (GET /api/notifications/stream)', () => {
  it('wakes only the stream of the person a new message is for: idle streams and other people’s streams run no query', async () => {
    const h = await hall({ feed: 'polling' })
    const a = who.deputy
    const b = who.colleague
    const streamA = await openStream(h.app, await h.loginAs(a))
    const streamB = await openStream(h.app, await h.loginAs(b))
    const firstA = await streamA.next<{ count: number }>('unread')
    await streamB.next('unread')
    await streamA.next('importmap')
    await streamB.next('importmap')
    expect(h.bell.size()).toBe(2)

    const queries = recordStatements(h.deps.db)
    try {
      // Idle: the feed looks (a few statements per period for the whole node), the streams do not.
      const looks = h.bell.stats.looks
      expect(await streamB.within(FEED_PERIOD_MS * 2.5)).toEqual([])
      expect(h.bell.stats.looks).toBeGreaterThanOrEqual(looks + 2)
      expect(queries.about(a).map((q) => q.sql)).toEqual([])
      expect(queries.about(b)).toEqual([])

      // A message for A, written as any change (or another node) would write it: no request of this
      // node pokes the feed, so its cursor is what finds it.
      const mark = queries.mark()
      await h.deps.db.insert(notifications).values({ recipientCardNumber: a, kind: 'urged', titleZh: '催办', titleEn: 'Urged', link: null })
      const nowA = await streamA.next<{ count: number; latestId: number }>('unread')
      expect(nowA.count).toBe(firstA.count + 1)
      // A's stream re-read A's unread state only (its to-do box did not change)…
      expect(queries.about(a, mark).length).toBeGreaterThan(0)
      expect(queries.about(a, mark).every((q) => q.sql.includes('"notifications"'))).toBe(true)
      // …and B's stream heard nothing and asked nothing, for a feed period more.
      expect(await streamB.within(FEED_PERIOD_MS * 1.5)).toEqual([])
      expect(queries.about(b, mark)).toEqual([])
    } finally {
      queries.stop()
    }
    // What A was told is A's own count, which B's is not.
    expect(await unreadOf(h, a)).toBe(firstA.count + 1)
    await streamA.close()
    await streamB.close()
    // With no stream open the node stops looking at all.
    await expect.poll(() => h.bell.size()).toBe(0)
    const looks = h.bell.stats.looks
    await new Promise((resolve) => setTimeout(resolve, FEED_PERIOD_MS * 1.5))
    expect(h.bell.stats.looks).toBe(looks)
  })

  it('tells the person who acted on this node at once (a read mark), and nobody else', async () => {
    const h = await hall({ feed: 'polling' })
    const id = await h.leave(who.student, 2)
    await h.approve(who.counsellor, id)
    const stream = await openStream(h.app, await h.loginAs(who.student))
    const other = await openStream(h.app, await h.loginAs(who.classmate))
    expect((await stream.next<{ count: number }>('unread')).count).toBe(2)
    await other.next('unread')
    // Marked read on another page of the same person: the request pokes the feed after its commit.
    expect((await h.post(who.student, '/api/notifications/read-all', {})).status).toBe(200)
    expect((await stream.next<{ count: number }>('unread')).count).toBe(0)
    expect(await other.within(FEED_PERIOD_MS * 1.5)).not.toContain('unread')
    await stream.close()
    await other.close()
  })

  it('wakes a delegate when a delegation names them, with their principal’s tasks in their count', async () => {
    const h = await hall({ feed: 'polling' })
    await h.leave(who.student, 2)
    const stream = await openStream(h.app, await h.loginAs(who.classmate))
    expect((await stream.next<{ todo: number }>('tasks')).todo).toBe(0)
    const to = new Date(h.deps.now().getTime() + 86_400_000).toISOString()
    expect((await h.post(who.counsellor, '/api/me/delegations', { delegate: who.classmate, to })).status).toBe(201)
    const counts = await h.get(who.classmate, '/api/tasks/counts')
    expect(counts.body.todo).toBeGreaterThan(0)
    expect((await stream.next<{ todo: number }>('tasks')).todo).toBe(counts.body.todo)
    await stream.close()
  })

  it('sees changes written by another connection to the same database, as a second API node would write them', async () => {
    const shared = await sharedDatabase({ seeded: true })
    const nodeA = await testApp({}, { db: await shared.open(), feed: 'polling' })
    // Node B: its own connections, app and feed on the same database (the demo is there already).
    const nodeB = await testApp({}, { db: await shared.open(), demo: false, feed: 'polling' })
    // The student applies through node B: node A's feed finds it in the database.
    const { counsellor, student, before, unreadBefore } = await streamsOnASubmissionThroughB(nodeA, nodeB, 'feed-second-node')
    const after = await counsellor.next<{ todo: number; version: string }>('tasks')
    expect(after.todo).toBe(before.todo + 1)
    expect(after.version).not.toBe(before.version)
    expect((await student.next<{ count: number }>('unread')).count).toBe(unreadBefore.count + 1)

    // And a connection of no node writing a row, as any other process on the database might.
    const other = await shared.open()
    await other.insert(notifications).values({ recipientCardNumber: who.counsellor, kind: 'urged', titleZh: '催办', titleEn: 'Urged', createdAt: new Date() })
    await closeDb(other)
    const unread = await counsellor.next<{ count: number }>('unread')
    const counted = await nodeA.app.request('/api/notifications/unread-count', { headers: { cookie: await nodeA.loginAs(who.counsellor) } })
    expect(unread.count).toBe(((await counted.json()) as { count: number }).count)
    await counsellor.close()
    await student.close()
  })
})
