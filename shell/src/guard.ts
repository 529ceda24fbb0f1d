import { nextTask, onLangChange } from '@hall/mf-kit'
import type { AppProps } from 'single-spa'
import { text } from './texts.ts'

/** The element single-spa-layout places for an application (its id is fixed by the library). */
export function containerOf(name: string): HTMLElement {
  const id = `single-spa-application:${name}`
  let el = document.getElementById(id)
  if (!el) {
    // Only without the layout engine (tests); the engine creates and places it before mounting.
    el = document.createElement('div')
    el.id = id
    document.body.append(el)
  }
  return el
}

/** The address of the link that has focus inside `el` (a first view's card or tile), if one has. */
function linkWithFocus(el: HTMLElement): string | null {
  const active = document.activeElement
  return active instanceof HTMLAnchorElement && el.contains(active) ? active.getAttribute('href') : null
}

/** The lifecycles of a module of the hall: one function each (mf-kit never exports arrays). */
export interface ModuleLifecycles {
  bootstrap(props: AppProps): Promise<unknown>
  mount(props: AppProps): Promise<unknown>
  unmount(props: AppProps): Promise<unknown>
}

function lifecyclesOf(name: string, module: unknown): ModuleLifecycles {
  const m = module as Partial<Record<'bootstrap' | 'mount' | 'unmount', unknown>> | null
  for (const key of ['bootstrap', 'mount', 'unmount'] as const) {
    if (typeof m?.[key] !== 'function') throw new TypeError(`${name} does not export a ${key}() lifecycle`)
  }
  return m as ModuleLifecycles
}

/**
 * A status panel (loading or error) in an application's own area, re-rendered when the language
 * changes while it shows.
 */
class StatusPanel {
  private el?: HTMLElement
  private stopLang?: () => void

  constructor(
    private readonly container: HTMLElement,
    /** One line, for the header bar. */
    private readonly compact: boolean,
  ) {}

  loading() {
    this.show('hall-status hall-status--loading', (el) => {
      el.setAttribute('role', 'status')
      const spinner = document.createElement('span')
      spinner.className = 'hall-status__spinner'
      spinner.setAttribute('aria-hidden', 'true')
      const label = document.createElement('span')
      label.textContent = text('loading')
      el.append(spinner, label)
    })
  }

  error(name: string, err: unknown, retry: () => void) {
    const compact = this.compact
    this.show('hall-status hall-status--error', (el) => {
      el.setAttribute('role', 'alert')
      const title = document.createElement(compact ? 'p' : 'h2')
      title.className = 'hall-status__title'
      title.textContent = text(compact ? 'headerFailed' : 'loadFailedTitle')
      el.append(title)
      if (!compact) {
        const hint = document.createElement('p')
        hint.className = 'hall-status__text'
        hint.textContent = text('loadFailedText')
        el.append(hint)
      }
      const actions = document.createElement('div')
      actions.className = 'hall-status__actions'
      const retryButton = document.createElement('button')
      retryButton.type = 'button'
      retryButton.className = 'hall-button hall-button--primary'
      retryButton.textContent = text('retry')
      retryButton.addEventListener('click', retry)
      const reloadButton = document.createElement('button')
      reloadButton.type = 'button'
      reloadButton.className = 'hall-button'
      reloadButton.textContent = text('reload')
      // A reload also fetches the import map again: the fix for a bad deployment is a new one.
      reloadButton.addEventListener('click', () => window.location.reload())
      actions.append(retryButton, reloadButton)
      el.append(actions)
      if (!compact) {
        const details = document.createElement('details')
        details.className = 'hall-status__details'
        const summary = document.createElement('summary')
        summary.textContent = text('details')
        const code = document.createElement('code')
        code.textContent = `${name}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`
        details.append(summary, code)
        el.append(details)
      }
    })
  }

  clear() {
    this.stopLang?.()
    this.stopLang = undefined
    this.el?.remove()
    this.el = undefined
    this.container.removeAttribute('aria-busy')
  }

  private show(className: string, fill: (el: HTMLElement) => void) {
    this.clear()
    const el = document.createElement('div')
    el.className = this.compact ? `${className} hall-status--compact` : className
    fill(el)
    this.container.prepend(el)
    this.el = el
    this.container.setAttribute('aria-busy', String(className.includes('--loading')))
    this.stopLang = onLangChange(() => {
      // Render again in the new language; the panel's own listener is replaced by show().
      const wasFocused = el.contains(document.activeElement)
      el.replaceChildren()
      fill(el)
      if (wasFocused) el.querySelector<HTMLElement>('button')?.focus()
    })
  }
}

/**
 * Wraps a micro-frontend that is loaded through the import map so that whatever goes wrong (the
 * module does not load: 404, network, syntax error; it exports no lifecycles; its bootstrap or
 * mount throws) shows an error with a retry in ITS OWN area, while single-spa keeps the app
 * healthy: the header, the navigation and the other applications keep working, and navigating
 * away and back tries again. (single-spa itself would mark an app whose mount threw as broken
 * and never mount it again.)
 */
export function guarded(
  name: string,
  load: () => Promise<unknown>,
  {
    compact = false,
    staged = false,
    onSettled,
  }: {
    compact?: boolean
    /** Renders its first mount in stages, out of sight until complete (a page does so behind a first view only). */
    staged?: boolean
    /** Called when a mount attempt ends, mounted or not (the root config mounts the header after the page). */
    onSettled?: () => void
  } = {},
): ModuleLifecycles {
  let app: ModuleLifecycles | undefined
  let bootstrapped = false
  let mounted: { host: HTMLElement; props: AppProps } | undefined
  let panel: StatusPanel | undefined
  // Bumped by unmount: an attempt that finishes after it undoes itself instead of showing.
  let generation = 0
  let inflight: Promise<void> = Promise.resolve()

  async function attempt(container: HTMLElement, props: AppProps, gen: number): Promise<void> {
    panel ??= new StatusPanel(container, compact)
    // A first view the server wrote into the page (docs/decisions/021) stands in for the loading
    // panel, which would push it down; it goes in the task the application renders in.
    const firstView = container.querySelector<HTMLElement>(':scope > [data-hall-first-view]')
    if (!firstView) panel.loading()
    // Behind a first view (or where the root config asks) the application renders in stages
    // (mf-kit's HallLater), out of sight, and shows once complete (docs/decisions/022); its
    // module's evaluation and its mount run in tasks of their own too.
    const inStages = staged || !!firstView
    let host: HTMLElement | undefined
    try {
      app ??= lifecyclesOf(name, await load())
      if (!bootstrapped) {
        await app.bootstrap(props)
        bootstrapped = true
      }
      if (inStages) await nextTask()
      host = document.createElement('div')
      host.id = `hall-mount:${name}`
      host.className = 'hall-app__host'
      // Out of the flow too, so the first view or the loading panel stays where it is meanwhile.
      if (inStages) host.classList.add('hall-app__host--building')
      container.append(host)
      const mountProps = { ...props, domElement: host, staged: inStages }
      await app.mount(mountProps)
      if (gen !== generation) {
        await app.unmount(mountProps)
        host.remove()
        firstView?.remove()
        return
      }
      mounted = { host, props: mountProps }
      const focusedLink = firstView ? linkWithFocus(firstView) : null
      firstView?.remove()
      host.classList.remove('hall-app__host--building')
      // A keyboard user who had tabbed into the first view keeps their place in the page.
      if (focusedLink) host.querySelector<HTMLElement>(`a[href="${CSS.escape(focusedLink)}"]`)?.focus()
      panel.clear()
      onSettled?.()
    } catch (err) {
      firstView?.remove()
      onSettled?.()
      console.error(`[shell] ${name} failed to load or mount:`, err)
      host?.remove()
      if (gen !== generation) return
      panel.error(name, err, () => {
        inflight = attempt(container, props, generation)
      })
    }
  }

  return {
    async bootstrap(_props) {
      // The real bootstrap runs with the first mount, where its failure can be shown.
    },
    async mount(props) {
      panel = new StatusPanel(containerOf(name), compact)
      inflight = attempt(containerOf(name), props, generation)
      await inflight
    },
    async unmount(_props) {
      generation++
      await inflight
      panel?.clear()
      const current = mounted
      mounted = undefined
      if (current && app) {
        try {
          await app.unmount(current.props)
        } catch (err) {
          console.error(`[shell] ${name} failed to unmount:`, err)
        }
        current.host.remove()
      }
    },
  }
}
