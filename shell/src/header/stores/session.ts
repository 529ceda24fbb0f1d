import { api, bus, fetchMe, getLang, isReviewer, onLangChange, setLang, unwrap, type Lang, type Me } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { tasksListener } from './live-tasks.ts'

/** How often the bell asks for the count when the live stream is not available. */
const POLL_MS = 60_000

export const useSessionStore = defineStore('shell/session', () => {
  /** The signed-in user, once `/api/me` answered. */
  const me = ref<Me | null>(null)
  /** Unread notifications: the bell's badge. */
  const unread = ref(0)
  /** Tasks waiting for this reviewer: the 待办 badge. */
  const todo = ref(0)
  /** Whether the user reviews applications. */
  const reviewer = computed(() => isReviewer(me.value))
  /**
   * Whether 待办 is offered: to reviewers, and to anyone with something to do there (a student
   * named in a classmate's form, asked to confirm a bed swap).
   */
  const hasTodo = computed(() => reviewer.value || todo.value > 0)
  /** Whether the unread count arrives live over Server-Sent Events (else it is polled). */
  const live = ref(false)
  /** Bumped whenever the newest message changes, so an open list knows to reload. */
  const latestId = ref(0)

  let source: EventSource | null = null
  let timer: ReturnType<typeof setInterval> | undefined
  let stopLang: (() => void) | undefined

  /** Loads the user, then the counts for the badges, then follows the count live. */
  async function load() {
    try {
      me.value = await fetchMe()
    } catch (err) {
      console.error('[@hall/shell-header] /api/me:', err)
      return
    }
    if (!me.value) return
    // Everyone's to-do count: a student may be asked to confirm something too.
    await Promise.all([refreshUnread(), refreshTodo()])
    follow()
    rememberLanguage()
  }

  /**
   * The live count: the API pushes `unread` events; EventSource reconnects by itself after a
   * dropped connection. Where EventSource is missing, or the stream is refused, the bell polls.
   */
  function follow() {
    timer = setInterval(() => {
      if (!live.value && document.visibilityState === 'visible' && me.value) void refreshUnread()
    }, POLL_MS)
    if (typeof EventSource === 'undefined') return
    source = new EventSource('/api/notifications/stream')
    source.addEventListener('unread', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { count: number; latestId: number }
        unread.value = data.count
        latestId.value = data.latestId
        live.value = true
      } catch {
        // A malformed event changes nothing; the next one will do.
      }
    })
    // So does my to-do box: the badge follows it, and open 待办 lists when a task arrives or leaves
    // (over the bus). One stream per page, so no part polls for it.
    source.addEventListener('tasks', tasksListener((n) => (todo.value = n)) as EventListener)
    // Deployments ride on the same stream; the root config's update notice listens on the bus.
    source.addEventListener('importmap', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { etag: string }
        if (typeof data.etag === 'string') bus.emit('hall:importmap', { etag: data.etag })
      } catch {
        // A malformed event changes nothing; the poll still runs.
      }
    })
    source.addEventListener('error', () => {
      live.value = false
      // CLOSED: the server refused (the session ended): stop, the poll and the login guard take over.
      if (source?.readyState === EventSource.CLOSED) {
        source.close()
        source = null
      }
    })
  }

  /** Stops the live stream and the poll (the header unmounts). */
  function stop() {
    source?.close()
    source = null
    clearInterval(timer)
    stopLang?.()
  }

  /**
   * E-mails and pushes are written in the language the person reads the hall in: tell the API
   * the current one now (if it differs) and whenever it is switched.
   */
  function rememberLanguage() {
    const store = (language: Lang) =>
      api.api.notifications.preferences.$put({ json: { language } }).catch((err) => console.warn('[@hall/shell-header] language preference:', err))
    // A language chosen with the switch is kept with the account (and written in the same
    // preference): apply it, never overwrite it with what this browser happens to show.
    if (me.value?.language) {
      if (me.value.language !== getLang()) setLang(me.value.language)
    } else {
      void api.api.notifications.preferences
        .$get()
        .then((res) => (res.ok ? res.json() : null))
        .then((prefs) => {
          if (prefs && prefs.language !== getLang()) void store(getLang())
        })
        .catch((err) => console.warn('[@hall/shell-header] preferences:', err))
    }
    stopLang = onLangChange((lang) => {
      if (me.value) void store(lang)
    })
  }

  /**
   * The person switched language: the page follows at once, and the choice is kept with their
   * account, so it wins over the browser's language on their next visit, on any device.
   */
  function chooseLanguage(lang: Lang) {
    setLang(lang)
    if (!me.value) return
    api.api.me.language.$put({ json: { language: lang } }).catch((err) => console.warn('[@hall/shell-header] language choice:', err))
  }

  /** Asks for the unread count again (on `hall:notifications-changed` and when not live). */
  async function refreshUnread() {
    try {
      unread.value = (await unwrap(api.api.notifications['unread-count'].$get())).count
    } catch (err) {
      // A bell without a number is better than a header with an error.
      console.warn('[@hall/shell-header] unread count:', err)
    }
  }

  /** Asks for the number of tasks to do again (on `hall:tasks-changed` without a count). */
  async function refreshTodo() {
    try {
      todo.value = (await unwrap(api.api.tasks.counts.$get())).todo
    } catch (err) {
      console.warn('[@hall/shell-header] to-do count:', err)
    }
  }

  return { me, unread, todo, reviewer, hasTodo, live, latestId, load, stop, refreshUnread, refreshTodo, chooseLanguage }
})
