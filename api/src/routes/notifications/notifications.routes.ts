import { createRoute } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import { requireUser } from '../../auth/index.ts'
import { ErrorSchema, errorBody, errorsFor } from '../../lib/errors.ts'
import { rateLimit } from '../../floods/index.ts'
import { createRouter, json } from '../../lib/router.ts'
import { todoSignal } from '../tasks/tasks.service.ts'
import type { BellTopic } from '../../notifications/feed.ts'
import { updatePreferences } from '../../notifications/preferences.ts'
import { EventStream, IdParam, ListQuery, MarkedAll, NotificationList, PreferencesBody, PreferencesView, Unread, UnreadCount } from './notifications.schemas.ts'
import { listNotifications, markAllRead, markRead, preferencesView, unreadCount, unreadState } from './notifications.service.ts'

// The in-app channel (the bell) and each person's choices. Rows are written by
// enqueueNotification, in the transaction of the change that causes them; these routes only read
// and mark them. A person sees only their own: another's id is a 404.

/**
 * How often a live stream re-reads its person's state even if the node's change feed did not wake
 * it (what a cursor cannot see: a delegation that starts with the clock, a read mark stamped by a
 * node whose clock is behind), and how long one connection lasts before the browser reconnects.
 */
const STREAM_SAFETY_MS = 30_000
const STREAM_HEARTBEAT_MS = 15_000
const STREAM_LIFETIME_MS = 5 * 60_000
/** When a refused stream may try again (the bell polls meanwhile). */
const STREAM_REFUSED_RETRY_S = 60

const router = createRouter()
router.use('/api/notifications', requireUser)
router.use('/api/notifications/*', requireUser)

export const notificationsRoutes = router
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/unread-count',
      tags: ['Notifications'],
      summary: 'How many of my notifications are unread (the bell)',
      responses: { 200: json(UnreadCount, 'Unread count'), ...errorsFor(401) },
    }),
    async (c) => c.json({ count: await unreadCount(c.get('deps').db, c.get('user')!.cardNumber) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications',
      tags: ['Notifications'],
      summary: 'My messages, newest first',
      request: { query: ListQuery },
      responses: { 200: json(NotificationList, 'A page of messages'), ...errorsFor(400, 401) },
    }),
    async (c) => {
      return c.json(await listNotifications(c.get('deps').db, c.get('user')!.cardNumber, c.req.valid('query')), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/{id}/read',
      tags: ['Notifications'],
      summary: 'Mark one of my messages read (again is fine)',
      request: { params: IdParam },
      responses: { 200: json(Unread, 'Marked; how many are still unread'), ...errorsFor(400, 401, 404) },
    }),
    async (c) => {
      return c.json({ unread: await markRead(c.get('deps').db, c.get('user')!.cardNumber, c.req.valid('param').id, c.get('deps').now()) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      tags: ['Notifications'],
      summary: 'Mark all my messages read',
      responses: { 200: json(MarkedAll, 'Marked'), ...errorsFor(401) },
    }),
    async (c) => {
      return c.json(await markAllRead(c.get('deps').db, c.get('user')!.cardNumber, c.get('deps').now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/stream',
      tags: ['Notifications'],
      summary: 'The unread count, pushed live (Server-Sent Events)',
      description:
        'An `unread` event (`{ "count": 3, "latestId": 41 }`) at once and whenever the count or the newest message changes; an `importmap` event (`{ "etag": "\\"…\\"" }`, the ETag of /importmap.json) at once and whenever a part is deployed or rolled back; a `tasks` event (`{ "todo": 2, "version": "…" }`: my 待办 count, and a version that changes whenever one of my tasks arrives or leaves) at once and on every such change; a comment line as heartbeat every 15 s. The server ends the stream after 5 minutes and the browser reconnects (which checks the session again). Any API node can serve it: each node watches the database for changes once (about every second on SQLite; on PostgreSQL it hears of each change as it commits, through LISTEN/NOTIFY) and wakes only the streams of the people concerned; each stream also re-reads its own state every 30 s. A person holds at most HALL_STREAMS_PER_PERSON streams at once (429) and a node serves at most HALL_STREAMS_PER_NODE (503); the bell then asks for the count every minute instead.',
      middleware: [rateLimit('stream')] as const,
      responses: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: EventStream } } },
        ...errorsFor(401, 429),
        503: {
          description: 'This node serves as many streams as it may: poll the unread count instead',
          content: { 'application/json': { schema: ErrorSchema } },
        },
      },
    }),
    (c) => {
      const { db } = c.get('deps')
      const me = c.get('user')!.cardNumber
      const place = c.get('guards').streams.open(me)
      if ('refused' in place) {
        c.header('Retry-After', String(STREAM_REFUSED_RETRY_S))
        c.header('Cache-Control', 'no-store')
        if (place.refused === 'person') {
          c.set('auditDetail', { code: 'too_many_streams', bucket: 'stream', scope: 'open', limit: c.get('deps').env.streamsPerPerson })
          return c.json(
            errorBody(
              'too_many_streams',
              `Too many live-notification connections: you have ${c.get('deps').env.streamsPerPerson} open already (other tabs or devices). Close a tab of the hall; the bell here still updates every minute.`,
              `您已打开 ${c.get('deps').env.streamsPerPerson} 个消息实时连接（其他标签页或设备）。请关闭一些办事大厅的标签页；此处的消息提醒仍会每分钟更新。`,
            ),
            429,
          )
        }
        return c.json(
          errorBody(
            'server_busy',
            'This server is serving as many live-notification connections as it can. The bell updates every minute instead; nothing else is affected.',
            '服务器的消息实时连接已满，消息提醒将改为每分钟更新一次，其他功能不受影响。',
          ),
          503,
        )
      }
      c.header('Cache-Control', 'no-store')
      // Proxies such as nginx would otherwise hold the events back in a buffer.
      c.header('X-Accel-Buffering', 'no')
      return streamSSE(c, async (stream) => {
        const user = c.get('user')!
        const bell = c.get('bell')
        // What to compute at the next turn of the loop: everything at first, then what the feed
        // says changed for this person (or for everyone: the import map).
        const due = new Set<BellTopic>(['unread', 'tasks', 'importmap'])
        let wakeUp: (() => void) | null = null
        let closed = false
        const unsubscribe = bell.subscribe(me, (topics) => {
          for (const t of topics) due.add(t)
          wakeUp?.()
        })
        stream.onAbort(() => {
          closed = true
          wakeUp?.()
        })
        const started = Date.now()
        const ends = started + STREAM_LIFETIME_MS
        // The first safety re-check falls anywhere in the second half of its period (the state was
        // just read), so the streams of a node that restarted (all opened in the same seconds) do
        // not re-check all at once ever after.
        let safetyAt = started + (0.5 + Math.random() / 2) * STREAM_SAFETY_MS
        let sent = ''
        let sentMap = ''
        let sentTasks = ''
        let quietSince = started
        try {
          while (!closed && Date.now() < ends) {
            if (Date.now() >= safetyAt) {
              due.add('unread').add('tasks')
              safetyAt = Date.now() + STREAM_SAFETY_MS
            }
            const now = [...due]
            due.clear()
            if (now.includes('unread')) {
              const state = JSON.stringify(await unreadState(db, me))
              if (state !== sent) {
                await stream.writeSSE({ event: 'unread', data: state, retry: 3000 })
                sent = state
                quietSince = Date.now()
              }
            }
            // My to-do box rides on it too: the header's badge and an open 待办 list follow it
            // (shell/src/header/stores/session.ts). Only my own tasks count, as in /api/tasks/counts.
            if (now.includes('tasks')) {
              const tasksState = JSON.stringify(await todoSignal(db, user, c.get('deps').now()))
              if (tasksState !== sentTasks) {
                await stream.writeSSE({ event: 'tasks', data: tasksState })
                sentTasks = tasksState
                quietSince = Date.now()
              }
            }
            // The import map's version rides on the same stream: the shell compares it with the one
            // its page was rendered with and offers a reload (shell/src/update-notice.ts). The feed
            // reads it once per node, not once per stream.
            const mapState = JSON.stringify({ etag: bell.importMapEtag() })
            if (mapState !== sentMap) {
              await stream.writeSSE({ event: 'importmap', data: mapState })
              sentMap = mapState
              quietSince = Date.now()
            } else if (Date.now() - quietSince >= STREAM_HEARTBEAT_MS) {
              await stream.write(': heartbeat\n\n')
              quietSince = Date.now()
            }
            if (due.size > 0 || closed) continue
            // Sleep until the feed wakes this stream, the heartbeat, the safety re-check or the end.
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, Math.max(0, Math.min(quietSince + STREAM_HEARTBEAT_MS, safetyAt, ends) - Date.now()))
              wakeUp = () => {
                clearTimeout(timer)
                resolve()
              }
            })
            wakeUp = null
          }
        } finally {
          // However the stream ends (its lifetime, the browser leaving, a failed write), its place frees.
          unsubscribe()
          place.release()
        }
      })
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/preferences',
      tags: ['Notifications'],
      summary: 'My choice of channels per kind of message, and my language',
      responses: { 200: json(PreferencesView, 'Preferences'), ...errorsFor(401) },
    }),
    async (c) => c.json(await preferencesView(c.get('deps'), c.get('user')!.cardNumber), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/notifications/preferences',
      tags: ['Notifications'],
      summary: 'Change my channels per kind of message, or my language (in-app cannot be turned off)',
      request: { body: { content: { 'application/json': { schema: PreferencesBody } }, required: true } },
      responses: { 200: json(PreferencesView, 'Stored; the preferences now'), ...errorsFor(400, 401) },
    }),
    async (c) => {
      const me = c.get('user')!.cardNumber
      const body = c.req.valid('json')
      await updatePreferences(c.get('deps').db, me, { language: body.language, channels: body.channels }, c.get('deps').now())
      return c.json(await preferencesView(c.get('deps'), me), 200)
    },
  )
