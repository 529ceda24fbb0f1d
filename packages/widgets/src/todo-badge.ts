import { client } from './hall.ts'
import { esc, HallElement } from './element.ts'
import { fill, type Texts } from './texts.ts'

type Badge = { loggedIn: false; loginPath: string } | { loggedIn: true; name: string; todo: number; todoPath: string }

const badges = new Set<HallTodoBadge>()
// Someone who logs in or works through their to-dos in the hall's tab sees the badge follow when
// they come back to the department's tab.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') badges.forEach((b) => void b.refresh())
})

/**
 * `<hall-todo-badge>`: a logged-in reviewer's to-do count, linking to their to-do list; a login
 * link for anyone else. It sends the hall's session cookie, which the browser does only when the
 * site is the same site as the hall (SameSite=Lax) and the hall allows the site's origin.
 */
export class HallTodoBadge extends HallElement<Badge> {
  static observedAttributes = ['lang', 'target']
  protected readonly css = `
:host{display:inline-block}
.w{display:inline-block}
a{display:inline-flex;align-items:center;gap:6px;padding:4px 10px;border:1px solid currentColor;border-radius:999px;white-space:nowrap}
.count{min-width:20px;padding:0 6px;border-radius:999px;background:#c93030;color:#fff;font-size:12px;font-weight:600;text-align:center}
.count.zero{background:#6b7280}
`

  override connectedCallback() {
    badges.add(this)
    super.connectedCallback()
  }

  override disconnectedCallback() {
    badges.delete(this)
    super.disconnectedCallback()
  }

  protected async load() {
    const res = await client.api.widgets.me.todo.$get(undefined, { init: { credentials: 'include' } })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return await res.json()
  }

  protected view(b: Badge, t: Texts) {
    if (!b.loggedIn) return `<a ${this.linkAttrs(b.loginPath)} data-state="login">${esc(t.login)}</a>`
    return `<a ${this.linkAttrs(b.todoPath)} data-state="count" aria-label="${esc(fill(t.todoLabel, { n: b.todo }))}">${esc(t.todo)} <span class="count${b.todo ? '' : ' zero'}">${esc(b.todo)}</span></a>`
  }
}
