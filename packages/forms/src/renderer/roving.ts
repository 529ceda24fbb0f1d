import { onBeforeUnmount, onMounted, type Ref } from 'vue'

// The pre-filled, read-only values of a form (name, card number, college, dormitory…) and their
// 报错 buttons used to cost one Tab each: 28 Tabs through 宿舍调整申请 before the first field a
// student fills in. They are one group with a roving tabindex (WAI-ARIA APG): Tab enters the group
// once, at the item last used, and leaves it with the next Tab; the arrow keys move within it.

/** The members of the group: a locked field's read-only input and every 报错 button. */
const MEMBERS = '.hall-field--locked input[readonly], .hall-field--locked textarea[readonly], .hall-field__report'

export function useRovingPrefilled(root: Ref<HTMLElement | undefined>): void {
  let current = 0
  let observer: MutationObserver | undefined

  const members = () => (root.value ? [...root.value.querySelectorAll<HTMLElement>(MEMBERS)].filter((el) => !el.matches(':disabled')) : [])

  const apply = () => {
    const list = members()
    if (current >= list.length) current = 0
    list.forEach((el, i) => {
      const tabIndex = i === current ? 0 : -1
      if (el.tabIndex !== tabIndex) el.tabIndex = tabIndex
      if (el.dataset.roving !== 'prefilled') el.dataset.roving = 'prefilled'
    })
  }

  const onKeydown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement
    if (target.dataset?.roving !== 'prefilled') return
    // Up and down only: left and right move the caret in a read-only input, as they should.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const list = members()
    const at = list.indexOf(target)
    if (at < 0) return
    event.preventDefault()
    current = (at + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length
    apply()
    list[current]!.focus()
  }

  // A click or a programmatic focus inside the group makes that item the group's Tab stop.
  const onFocusin = (event: FocusEvent) => {
    const at = members().indexOf(event.target as HTMLElement)
    if (at >= 0 && at !== current) {
      current = at
      apply()
    }
  }

  onMounted(() => {
    const el = root.value
    if (!el) return
    apply()
    el.addEventListener('keydown', onKeydown)
    el.addEventListener('focusin', onFocusin)
    // Fields lock and unlock as pre-filled values arrive or are cleared, inside child components.
    observer = new MutationObserver(apply)
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['readonly', 'class', 'disabled'] })
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    root.value?.removeEventListener('keydown', onKeydown)
    root.value?.removeEventListener('focusin', onFocusin)
  })
}
