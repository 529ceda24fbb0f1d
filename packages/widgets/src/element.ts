import { hallLink } from './hall.ts'
import { langOf, textsFor, type Lang, type Texts } from './texts.ts'

// What the three widgets share: an open shadow root (the host page's rules cannot reach inside,
// and ours cannot leak out); an inner wrapper that resets everything the page passes down by
// inheritance (a page's rules for `*` or for the element itself still reach the host element, so
// the reset sits on a wrapper they cannot select; the host box stays the site's to lay out);
// data loaded when the element connects or its attributes change, and a repaint when the page's
// language changes.

const BASE_CSS = `
:host{display:block}
:host([hidden]){display:none}
.w{all:initial;display:block;box-sizing:border-box;font:14px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937;text-align:start;--accent:var(--hall-accent,#1d5fbf)}
.w *,.w *::before,.w *::after{box-sizing:border-box}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:4px}
.muted{color:#6b7280}
.tag{display:inline-block;padding:0 6px;border-radius:3px;background:#eef2f9;color:#374151;font-size:12px}
`

/** Escapes text for HTML. */
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const live = new Set<HallElement<unknown>>()
// One observer for the whole page: a site that switches <html lang> gets every widget repainted.
let observer: MutationObserver | null = null
function watchLang() {
  if (observer) return
  observer = new MutationObserver(() => live.forEach((w) => w.paint()))
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true })
}

type State<T> = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; data: T }

export abstract class HallElement<T> extends HTMLElement {
  protected readonly root: ShadowRoot
  protected state: State<T> = { kind: 'loading' }
  private loads = 0

  /** This widget's own rules, after the shared ones. */
  protected abstract readonly css: string
  /** Loads what the widget shows, from the hall. */
  protected abstract load(): Promise<T>
  /** The widget's markup for loaded data. */
  protected abstract view(data: T, t: Texts, lang: Lang): string
  /** The attribute the widget cannot work without, if any. */
  protected readonly required: string | null = null

  constructor() {
    super()
    this.root = this.attachShadow({ mode: 'open' })
  }

  connectedCallback() {
    live.add(this)
    watchLang()
    void this.refresh()
  }

  disconnectedCallback() {
    live.delete(this)
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null) {
    if (!this.isConnected || before === after) return
    if (name === 'lang' || name === 'target') this.paint()
    else void this.refresh()
  }

  /** Loads again and repaints; an older load that finishes later is ignored. */
  async refresh() {
    const seq = ++this.loads
    if (this.required && !this.getAttribute(this.required)) {
      this.state = { kind: 'failed' }
      return this.paint()
    }
    if (this.state.kind !== 'ready') {
      this.state = { kind: 'loading' }
      this.paint()
    }
    try {
      const data = await this.load()
      if (seq === this.loads) this.state = { kind: 'ready', data }
    } catch {
      // Unreachable hall, refused origin or unknown code: the widget says so and links to the hall.
      if (seq === this.loads) this.state = { kind: 'failed' }
    }
    if (seq === this.loads) this.paint()
  }

  paint() {
    const lang = langOf(this)
    const t = textsFor(lang)
    let body: string
    if (this.required && !this.getAttribute(this.required)) body = `<p class="muted">${esc(t.missing.replace('{attribute}', this.required))}</p>`
    else if (this.state.kind === 'loading') body = `<p class="muted" role="status">${esc(t.loading)}</p>`
    else if (this.state.kind === 'failed') body = `<p class="muted">${esc(t.failed)} <a ${this.linkAttrs('/')}>${esc(t.hall)}</a></p>`
    else body = this.view(this.state.data, t, lang)
    this.root.innerHTML = `<style>${BASE_CSS}${this.css}</style><div class="w" lang="${lang}">${body}</div>`
  }

  /** `href` (absolute, into the hall) and the site's chosen `target`, for a link. */
  protected linkAttrs(path: string): string {
    const target = this.getAttribute('target')
    return `href="${esc(hallLink(path))}"${target ? ` target="${esc(target)}"${target === '_blank' ? ' rel="noopener"' : ''}` : ''}`
  }
}
