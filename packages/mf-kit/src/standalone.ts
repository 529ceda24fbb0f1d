import { bus } from './bus.ts'
import type { LifecycleProps, MicroFrontendLifecycles } from './define-micro-frontend.ts'
import { applyLangToDocument, getLang, onLangChange, otherLang, setLang } from './lang.ts'

/**
 * Runs one micro-frontend alone, without the shell (its `vite dev`): a thin bar with its name and
 * the language switch, navigation by the History API, and the same lifecycles the shell calls.
 */
export async function runStandalone(name: string, lifecycles: MicroFrontendLifecycles): Promise<void> {
  applyLangToDocument()

  const bar = document.createElement('div')
  bar.setAttribute('style', 'display:flex;gap:12px;align-items:center;padding:8px 16px;background:#1f3a5f;color:#fff;font:14px system-ui')
  const title = document.createElement('strong')
  title.textContent = `${name} · standalone`
  const langButton = document.createElement('button')
  langButton.type = 'button'
  const label = () => (langButton.textContent = getLang() === 'en' ? '中文' : 'English')
  label()
  langButton.addEventListener('click', () => setLang(otherLang(getLang())))
  onLangChange(label)
  bar.append(title, langButton)

  const host = document.createElement('div')
  host.id = `hall-mount:${name}`
  document.body.append(bar, host)

  // What the shell does with single-spa: change the URL and let the router of the app follow.
  bus.on('hall:navigate', ({ url, replace }) => {
    window.history[replace ? 'replaceState' : 'pushState'](null, '', url)
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
  })

  const props: LifecycleProps = { name, domElement: host }
  await lifecycles.bootstrap(props)
  await lifecycles.mount(props)
}
