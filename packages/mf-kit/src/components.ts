/* eslint-disable vue/one-component-per-file -- the kit's small render-function components (not-found, load error) live together, as one import for every part */
import { ElButton, ElEmpty } from 'element-plus'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { HallLink } from './navigate.ts'
import { usePageTitle } from './page.ts'

/** The answer of a micro-frontend to a path it does not know (under its own routes). */
export const HallNotFound = defineComponent({
  name: 'HallNotFound',
  setup() {
    const { t } = useI18n()
    usePageTitle(() => t('hall.notFound'))
    // A heading names the page (and takes focus on navigation); the empty-state picture is decoration.
    return () =>
      h('section', { class: 'hall-not-found', role: 'status' }, [
        h(ElEmpty, null, {
          description: () => h('h1', { class: 'hall-not-found__title' }, t('hall.notFound')),
          default: () => h(HallLink, { to: '/catalog' }, () => t('hall.backToCatalog')),
        }),
      ])
  },
})

/** A failed load in a micro-frontend's page: the message in the user's language and a retry. */
export const HallLoadError = defineComponent({
  name: 'HallLoadError',
  props: {
    /** What to show; an `ApiError`'s text in the current language is best. */
    message: { type: String, required: true },
  },
  emits: ['retry'],
  setup(props, { emit }) {
    const { t } = useI18n()
    return () =>
      h('div', { class: 'hall-load-error', role: 'alert', style: 'padding:24px;text-align:center' }, [
        h('p', { style: 'margin:0 0 12px;color:var(--el-color-danger)' }, `${t('hall.loadFailed')}: ${props.message}`),
        h(ElButton, { onClick: () => emit('retry') }, () => t('hall.retry')),
      ])
  },
})

/**
 * A link to a part of the same page that moves focus there, not only the view: on a phone the
 * action panel of a task and the progress of an application come after the whole form, and a
 * keyboard or screen-reader user must land on them, not scroll past. The target gets
 * tabindex="-1" if it cannot take focus (a section), so focus() works and Tab goes on from it.
 */
export const HallJumpLink = defineComponent({
  name: 'HallJumpLink',
  props: {
    /** The id of the element to move to. */
    to: { type: String, required: true },
  },
  setup(props, { slots }) {
    const jump = (event: MouseEvent) => {
      const target = document.getElementById(props.to)
      if (!target) return
      // No #fragment in the address: the router would treat it as a navigation of its own.
      event.preventDefault()
      if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.setAttribute('tabindex', '-1')
      target.focus({ preventScroll: true })
      target.scrollIntoView({ block: 'start' })
    }
    return () => h('a', { href: `#${props.to}`, class: 'hall-jump-link', onClick: jump }, slots.default?.())
  },
})

/** Picks the Chinese or the English of a pair by the app's current language. */
export function useBilingual(): (zh: string, en: string) => string {
  const { locale } = useI18n()
  return (zh, en) => (locale.value === 'en' ? en : zh)
}
