import { nextTick, toValue, watchEffect, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'

/** Set on window, so every micro-frontend's copy of this module knows whether a page was shown. */
interface PageState {
  __hallPageShown?: boolean
}

/** The heading of the page in the hall's main area (a print-only letterhead does not count). */
function pageHeading(): HTMLElement | null {
  const headings = document.querySelectorAll<HTMLElement>('#hall-main h1, main h1')
  for (const h of headings) if (h.getClientRects().length > 0) return h
  return null
}

/**
 * Moves focus to the page's heading after a navigation, so a screen reader announces the new page
 * and the next Tab starts from its content (WCAG 2.4.3), as a full page load would. The first page
 * of a document is left alone: the browser starts it at the top. Focus that is still on a control
 * of the main area (a tab of the page, a filter) stays where the person put it.
 */
export function focusPageHeading(): void {
  const state = window as unknown as PageState
  if (!state.__hallPageShown) {
    state.__hallPageShown = true
    return
  }
  const active = document.activeElement
  const main = document.getElementById('hall-main')
  if (active && active !== document.body && active !== main && main?.contains(active)) return
  const heading = pageHeading()
  if (!heading) return
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
}

/**
 * Names the page in `document.title` ("<page> · <hall>", in the current language) and, the first
 * time the page has its name on a path, moves focus to its heading (`focusPageHeading`). `title`
 * may be empty while the page loads: nothing happens until it has one.
 */
export function usePageTitle(title: MaybeRefOrGetter<string | undefined | null>): void {
  const { t } = useI18n()
  let focusedOn: string | undefined
  watchEffect(
    () => {
      const page = toValue(title)
      if (!page) return
      document.title = `${page} · ${t('hall.siteTitle')}`
      const path = window.location.pathname
      if (focusedOn === path) return
      focusedOn = path
      void nextTick(focusPageHeading)
    },
    { flush: 'post' },
  )
}
