import { focusPageHeading, onLangChange } from '@hall/mf-kit'
import { navigateToUrl, type LifeCycles } from 'single-spa'
import { containerOf } from './guard.ts'
import { text } from './texts.ts'

export const NOT_FOUND_APP = '@hall/shell-not-found'

/** The page for a path no route of the layout knows: a tiny framework-free application. */
export function createNotFoundApp(): LifeCycles {
  let stopLang: (() => void) | undefined
  let section: HTMLElement | undefined

  const render = (el: HTMLElement) => {
    const title = document.createElement('h1')
    title.className = 'hall-not-found__title'
    title.textContent = text('notFoundTitle')
    const message = document.createElement('p')
    message.textContent = text('notFoundText', { path: window.location.pathname })
    const link = document.createElement('a')
    link.href = '/catalog'
    link.className = 'hall-button hall-button--primary'
    link.textContent = text('backToCatalog')
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      event.preventDefault()
      navigateToUrl('/catalog')
    })
    el.replaceChildren(title, message, link)
    document.title = `${text('notFoundTitle')} · ${text('title')}`
  }

  return {
    async bootstrap() {},
    async mount() {
      section = document.createElement('section')
      section.className = 'hall-not-found'
      section.dataset.mf = NOT_FOUND_APP
      render(section)
      containerOf(NOT_FOUND_APP).append(section)
      focusPageHeading()
      stopLang = onLangChange(() => section && render(section))
    },
    async unmount() {
      stopLang?.()
      section?.remove()
      section = undefined
    },
  }
}
