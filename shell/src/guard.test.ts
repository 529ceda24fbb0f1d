import { setLang } from '@hall/mf-kit'
import type { AppProps } from 'single-spa'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { guarded } from './guard.ts'

// The shell's promise: whatever goes wrong with one micro-frontend shows in its own area with a
// retry, and single-spa never sees a failure (it would mark the app broken for good).

const NAME = '@hall/mf-test'
const props = { name: NAME, singleSpa: {}, mountParcel: () => undefined } as unknown as AppProps
const area = () => document.getElementById(`single-spa-application:${NAME}`)!

/** A module whose mount renders a marker into the element the shell gives it. */
function healthyModule() {
  return {
    bootstrap: vi.fn(async () => undefined),
    mount: vi.fn(async ({ domElement }: { domElement: HTMLElement }) => {
      domElement.innerHTML = '<p data-mf="@hall/mf-test">mounted</p>'
    }),
    unmount: vi.fn(async ({ domElement }: { domElement: HTMLElement }) => {
      domElement.innerHTML = ''
    }),
  }
}

beforeEach(() => {
  document.body.innerHTML = `<div id="single-spa-application:${NAME}"></div>`
  window.localStorage.clear()
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => vi.restoreAllMocks())

describe('guarded', () => {
  it('mounts a healthy module into a host inside its area and unmounts it', async () => {
    const module = healthyModule()
    const app = guarded(NAME, async () => module)
    await app.bootstrap(props)
    await app.mount(props)
    expect(area().querySelector('[data-mf]')?.textContent).toBe('mounted')
    expect(area().querySelector('.hall-status')).toBeNull()
    expect(area().getAttribute('aria-busy')).toBeNull()

    await app.unmount(props)
    expect(module.unmount).toHaveBeenCalledOnce()
    expect(area().children).toHaveLength(0)
  })

  it('shows a load failure in its own area, and mounts on retry once the module loads', async () => {
    const module = healthyModule()
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue(module)
    const app = guarded(NAME, load)
    // The lifecycle resolves: single-spa keeps the app healthy and the rest of the page going.
    await expect(app.mount(props)).resolves.toBeUndefined()

    const panel = area().querySelector('[role="alert"]')!
    expect(panel.textContent).toContain('这部分页面暂时无法加载')
    expect(panel.textContent).toContain('Failed to fetch dynamically imported module')

    panel.querySelector<HTMLButtonElement>('.hall-button--primary')!.click()
    await vi.waitFor(() => expect(area().querySelector('[data-mf]')).not.toBeNull())
    expect(area().querySelector('[role="alert"]')).toBeNull()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('shows a mount that throws, and does not leave the half-mounted host behind', async () => {
    const module = { ...healthyModule(), mount: vi.fn().mockRejectedValue(new Error('boom in mount')) }
    const app = guarded(NAME, async () => module)
    await app.mount(props)
    expect(area().querySelector('[role="alert"]')?.textContent).toContain('boom in mount')
    expect(area().querySelector('.hall-app__host')).toBeNull()
  })

  it('refuses a module without lifecycles', async () => {
    const app = guarded(NAME, async () => ({ default: {} }))
    await app.mount(props)
    expect(area().querySelector('[role="alert"]')?.textContent).toContain('does not export a bootstrap() lifecycle')
  })

  it('speaks the language of the page, and switches with it', async () => {
    const app = guarded(NAME, async () => Promise.reject(new Error('offline')))
    await app.mount(props)
    expect(area().textContent).toContain('重试')
    setLang('en')
    expect(area().textContent).toContain('This part of the page could not be loaded')
    expect(area().textContent).toContain('Retry')
  })

  it('undoes a mount that finishes after the app was unmounted', async () => {
    const module = healthyModule()
    let release!: () => void
    const app = guarded(NAME, () => new Promise((resolve) => (release = () => resolve(module))))
    const mounting = app.mount(props)
    const unmounting = app.unmount(props)
    release()
    await mounting
    await unmounting
    expect(module.mount).toHaveBeenCalledOnce()
    expect(module.unmount).toHaveBeenCalledOnce()
    expect(area().querySelector('[data-mf]')).toBeNull()
  })

  it('behind a first view, mounts in stages out of sight and out of the flow, and takes the first view’s place only when complete', async () => {
    area().innerHTML = '<section data-hall-first-view>first cards</section>'
    let finish!: () => void
    const seen: { staged: unknown; building: boolean; firstView: boolean }[] = []
    const module = {
      ...healthyModule(),
      mount: vi.fn(async ({ domElement, staged }: { domElement: HTMLElement; staged?: boolean }) => {
        domElement.innerHTML = '<p data-mf="@hall/mf-test">mounted</p>'
        seen.push({ staged, building: domElement.classList.contains('hall-app__host--building'), firstView: !!area().querySelector('[data-hall-first-view]') })
        await new Promise<void>((resolve) => (finish = resolve))
      }),
    }
    const mounting = guarded(NAME, async () => module).mount(props)
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    // While the later stages render: the first view shows, no loading panel covers it.
    expect(seen[0]).toEqual({ staged: true, building: true, firstView: true })
    expect(area().querySelector('.hall-status')).toBeNull()
    finish()
    await mounting
    expect(area().querySelector('[data-hall-first-view]')).toBeNull()
    expect(area().querySelector('.hall-app__host')!.classList.contains('hall-app__host--building')).toBe(false)
  })

  it('without a first view, a page mounts at once, in sight; the header asks for stages itself', async () => {
    const staged: unknown[] = []
    const module = {
      ...healthyModule(),
      mount: vi.fn(async ({ domElement, staged: s }: { domElement: HTMLElement; staged?: boolean }) => {
        staged.push([s, domElement.classList.contains('hall-app__host--building')])
      }),
    }
    await guarded(NAME, async () => module).mount(props)
    document.body.innerHTML = `<div id="single-spa-application:${NAME}"></div>`
    await guarded(NAME, async () => module, { compact: true, staged: true }).mount(props)
    expect(staged).toEqual([
      [false, false],
      [true, true],
    ])
    expect(area().querySelector('.hall-app__host--building')).toBeNull()
  })

  it('keeps a keyboard user’s place: a first view’s link that had focus hands it to the same link of the page', async () => {
    area().innerHTML = '<section data-hall-first-view><a href="/catalog/services/a">A</a><a href="/catalog/services/dorm-change">Dorm</a></section>'
    area().querySelector<HTMLElement>('a[href="/catalog/services/dorm-change"]')!.focus()
    const module = {
      ...healthyModule(),
      mount: vi.fn(async ({ domElement }: { domElement: HTMLElement }) => {
        domElement.innerHTML = '<a href="/catalog/services/a">A</a><a href="/catalog/services/dorm-change" id="real">Dorm</a>'
      }),
    }
    await guarded(NAME, async () => module).mount(props)
    expect(area().querySelector('[data-hall-first-view]')).toBeNull()
    expect(document.activeElement?.id).toBe('real')
  })
})
