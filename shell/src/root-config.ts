import { applyLangToDocument, browserLang, bus, fetchMe, getLang, nextTask, onLangChange, redirectToLogin, setLang, storedLang } from '@hall/mf-kit'
import { navigateToUrl, registerApplication, setBootstrapMaxTime, setMountMaxTime, setUnmountMaxTime, start, type LifeCycles } from 'single-spa'
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout'
import { guarded } from './guard.ts'
import layout from './layout.html?raw'
import { createNotFoundApp, NOT_FOUND_APP } from './not-found.ts'
import './styles/page.css'
import { hallTitles, text } from './texts.ts'
import { watchForNewVersions } from './update-notice.ts'

// The root config: framework-free. Routes and applications are declared in layout.html; every
// application is an import-map specifier loaded with import(name), except the shell's own 404.

const builtIn: Record<string, () => LifeCycles> = { [NOT_FOUND_APP]: createNotFoundApp }

// The modules above evaluate in one task; the layout and the first mount start in the next, so a
// phone answers a tap in between (docs/decisions/022).
await nextTask()

// A guarded mount includes fetching the micro-frontend's module, which on a slow campus network
// or a busy phone takes longer than single-spa's 3 s warning; the guard shows its own loading
// state and error panel, so single-spa only warns (never kills) after 20 s.
setBootstrapMaxTime(60_000, false, 20_000)
setMountMaxTime(60_000, false, 20_000)
setUnmountMaxTime(60_000, false, 20_000)

const HEADER = '@hall/shell-header'

// The page's application renders first and the header after it, in a task of its own: the page
// holds the largest contentful paint and the header does not, and two Vue apps mounting at once
// render in one long task (one task of microtasks) that holds the page's first paint back. The
// header's modules are preloaded with the page's, so waiting costs it its render time only.
// Whatever the page does (mounts, fails, is the built-in 404), the header follows; after 3 s it
// stops waiting in any case.
let pageSettled!: () => void
const pageFirst = new Promise<void>((resolve) => {
  pageSettled = resolve
  setTimeout(resolve, 3_000)
})
/** The next task after a frame has been rendered (or after 100 ms in a tab that renders none). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, 100)
  })

const routes = constructRoutes(layout)
const applications = constructApplications({
  routes,
  loadApp: async ({ name }) => {
    if (builtIn[name]) {
      pageSettled()
      return builtIn[name]()
    }
    if (name === HEADER) return guarded(name, () => pageFirst.then(afterPaint).then(() => import(/* @vite-ignore */ name)), { compact: true, staged: true })
    return guarded(name, () => import(/* @vite-ignore */ name), { onSettled: pageSettled })
  },
})
const layoutEngine = constructLayoutEngine({ routes, applications, active: false })
applications.forEach(registerApplication)

// Micro-frontends ask for navigation on the bus (they do not import single-spa).
bus.on('hall:navigate', ({ url, replace }) => {
  if (replace) window.history.replaceState(window.history.state, '', url)
  else navigateToUrl(url)
})

// A first visit follows the browser's languages; the person's own choice, kept with their
// account, wins as soon as /api/me answers (below), on any device.
if (!storedLang()) setLang(browserLang(navigator.languages?.length ? navigator.languages : [navigator.language ?? '']))

const applyLang = () => {
  applyLangToDocument()
  // Pages name themselves ("<page> · <hall>", mf-kit's usePageTitle) and follow the language
  // themselves: only the hall's bare title, before any page has loaded, is the shell's to set.
  if (!document.title || hallTitles().includes(document.title)) document.title = text('title')
}
applyLang()
onLangChange(applyLang)

layoutEngine.activate()
start({ urlRerouteOnly: true })
document.getElementById('hall-boot')?.remove()

// A team may register a new version of any part while people have the hall open: tell them.
watchForNewVersions()

// The server sends a browser without a session to log in before serving the page; a session that
// ended since (another tab logged out, idle timeout) is caught here and by every API call.
fetchMe()
  .then((me) => {
    if (!me) redirectToLogin()
    else if (me.language && me.language !== getLang()) setLang(me.language)
  })
  .catch((err: unknown) => console.error('[shell] /api/me failed:', err))
