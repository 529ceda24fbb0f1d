import { bus, getLang, onLangChange, type Lang } from '@hall/mf-kit'
import './styles/update-notice.css'

// Tells people who have the hall open that a team registered a new version of a part (or rolled
// one back). The bell's live stream pushes the import map's ETag (`hall:importmap` on the bus) as
// soon as its node sees a deployment, a second or two later; the shell then fetches the map. As a
// fallback (no stream: refused, or before login) it revalidates /importmap.json against the ETag
// the page was rendered with when the tab becomes visible and every minute while it is, which
// costs a bodiless 304 when nothing changed. On a change a small notice offers to reload.
//
// Reloading is a full page reload, not a remount of the one part: a document's import map cannot
// be changed once modules have resolved through it (a specifier resolves to one URL for the life
// of the page), so the new version of `@hall/mf-x` is only reachable by its name in a new
// document. Importing the new URL by hand would bypass the map for that part alone and could run
// two versions of its module state side by side (docs/decisions/001-deploying-is-data.md).

const texts = {
  'zh-CN': { title: '服务大厅有新版本', reload: '刷新', later: '稍后', hint: '刷新后使用新版本；未提交的表单请先保存草稿。' },
  en: { title: 'A new version is available', reload: 'Reload', later: 'Later', hint: 'Reload to use it; save a draft of any unsent form first.' },
} satisfies Record<Lang, Record<string, string>>

/** How often a visible tab checks when nothing is pushed. */
export const CHECK_INTERVAL_MS = 60_000

type Imports = Record<string, string>

/** The map the page was rendered with (the overridable one when import-map-overrides is on). */
function renderedImports(): Imports {
  const script = document.querySelector('script[type="overridable-importmap"]') ?? document.querySelector('script[type="importmap"]')
  try {
    return (JSON.parse(script?.textContent ?? '{}') as { imports?: Imports }).imports ?? {}
  } catch {
    return {}
  }
}

/** The specifiers whose URL differs between two maps (added, removed or changed). */
export function changedSpecifiers(before: Imports, after: Imports): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => before[k] !== after[k]).sort()
}

class Notice {
  private el?: HTMLElement
  private stopLang?: () => void

  constructor(private readonly onLater: () => void) {}

  show(parts: string[]) {
    this.hide()
    const t = texts[getLang()]
    const el = document.createElement('div')
    el.className = 'hall-update'
    el.setAttribute('role', 'status')
    el.dataset.parts = parts.join(' ')
    const text = document.createElement('div')
    text.className = 'hall-update__text'
    const title = document.createElement('strong')
    title.textContent = t.title
    const hint = document.createElement('span')
    hint.className = 'hall-update__hint'
    hint.textContent = t.hint
    text.append(title, hint)
    const reload = document.createElement('button')
    reload.type = 'button'
    reload.className = 'hall-button hall-button--primary'
    reload.textContent = t.reload
    reload.addEventListener('click', () => window.location.reload())
    const later = document.createElement('button')
    later.type = 'button'
    later.className = 'hall-button'
    later.textContent = t.later
    later.addEventListener('click', () => {
      this.onLater()
      this.hide()
    })
    const actions = document.createElement('div')
    actions.className = 'hall-update__actions'
    actions.append(reload, later)
    el.append(text, actions)
    document.body.append(el)
    this.el = el
    this.stopLang = onLangChange(() => this.show(parts))
  }

  hide() {
    this.stopLang?.()
    this.stopLang = undefined
    this.el?.remove()
    this.el = undefined
  }
}

/**
 * Starts watching for new versions. Does nothing on a page without the rendered map's ETag (the
 * shell's `vite dev` page). Returns a function that stops watching.
 */
export function watchForNewVersions(intervalMs = CHECK_INTERVAL_MS): () => void {
  const renderedEtag = document.querySelector<HTMLMetaElement>('meta[name="hall-importmap-etag"]')?.content
  if (!renderedEtag) return () => {}
  const rendered = renderedImports()
  let etag = renderedEtag
  // "Later" hides this version's notice; a further version shows it again.
  let dismissedEtag: string | null = null
  const notice = new Notice(() => {
    dismissedEtag = etag
  })
  let inFlight = false

  async function check() {
    if (document.visibilityState !== 'visible' || inFlight) return
    inFlight = true
    try {
      // no-store: the browser's cache would turn our 304 into its stored 200; we keep the ETag ourselves.
      const res = await fetch('/importmap.json', { cache: 'no-store', headers: { 'If-None-Match': etag, Accept: 'application/json' } })
      if (res.status === 304 || !res.ok) return
      const { imports } = (await res.json()) as { imports: Imports }
      etag = res.headers.get('etag') ?? etag
      const parts = changedSpecifiers(rendered, imports)
      // A rollback to what this page runs takes the notice away again.
      if (etag === renderedEtag || parts.length === 0) notice.hide()
      else if (etag !== dismissedEtag) notice.show(parts)
    } catch {
      // Offline or the hall restarting: the next check will tell.
    } finally {
      inFlight = false
    }
  }

  const onVisible = () => void check()
  document.addEventListener('visibilitychange', onVisible)
  const timer = window.setInterval(onVisible, intervalMs)
  // Pushed: only a tag other than the last one seen costs a request. A hidden tab checks when shown.
  const stopPush = bus.on('hall:importmap', ({ etag: pushed }) => {
    if (pushed !== etag) void check()
  })
  return () => {
    stopPush()
    document.removeEventListener('visibilitychange', onVisible)
    window.clearInterval(timer)
    notice.hide()
  }
}
