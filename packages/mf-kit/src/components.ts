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

/** Picks the Chinese or the English of a pair by the app's current language. */
export function useBilingual(): (zh: string, en: string) => string {
  const { locale } = useI18n()
  return (zh, en) => (locale.value === 'en' ? en : zh)
}
