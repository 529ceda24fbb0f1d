import { api, fetchMe, isReviewer, unwrap, type Me } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export const useSessionStore = defineStore('shell/session', () => {
  /** The signed-in user, once `/api/me` answered. */
  const me = ref<Me | null>(null)
  /** Unread notifications: the bell's badge. */
  const unread = ref(0)
  /** Tasks waiting for this reviewer: the 待办 badge. */
  const todo = ref(0)
  /** Whether the user reviews applications (only they see 待办). */
  const reviewer = computed(() => isReviewer(me.value))

  /** Loads the user, then the counts for the badges. */
  async function load() {
    try {
      me.value = await fetchMe()
    } catch (err) {
      console.error('[@hall/shell-header] /api/me:', err)
      return
    }
    if (!me.value) return
    await Promise.all([refreshUnread(), reviewer.value ? refreshTodo() : undefined])
  }

  /** Asks for the unread count again (on `hall:notifications-changed` and now and then). */
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

  return { me, unread, todo, reviewer, load, refreshUnread, refreshTodo }
})
