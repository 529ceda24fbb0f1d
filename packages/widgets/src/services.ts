import { client } from './hall.ts'
import { esc, HallElement } from './element.ts'
import { fill, type Lang, type Texts } from './texts.ts'

type Service = {
  code: string
  nameZh: string
  nameEn: string
  summaryZh: string
  summaryEn: string
  mode: 'online' | 'hybrid'
  timeLimitDays: number
  path: string
}
type Department = { code: string; nameZh: string; nameEn: string }

/** One service as a line of a list or a card: name, summary, how it is done, the time limit. */
export function serviceBody(s: Service, t: Texts, lang: Lang) {
  const en = lang === 'en'
  return `<span class="name">${esc(en ? s.nameEn : s.nameZh)}</span>
<span class="summary">${esc(en ? s.summaryEn : s.summaryZh)}</span>
<span class="meta"><span class="tag">${esc(s.mode === 'online' ? t.online : t.hybrid)}</span> <span class="muted">${esc(fill(t.days, { n: s.timeLimitDays }))}</span></span>`
}

export const SERVICE_CSS = `
.name{display:block;font-weight:600;color:#111827}
.summary{display:block;color:#4b5563;font-size:13px;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.meta{display:block;margin-top:4px;font-size:12px}
`

/**
 * `<hall-services department="network-centre">`: the department's services that can be done
 * online, each linking to its page in the hall (login first, then the guide). Optional `limit`.
 */
export class HallServices extends HallElement<{ department: Department; items: Service[] }> {
  static observedAttributes = ['department', 'limit', 'lang', 'target']
  protected override readonly required = 'department'
  protected readonly css = `${SERVICE_CSS}
.head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:4px 12px;margin:0 0 8px;font-size:15px;font-weight:600}
.head a{font-size:13px;font-weight:400}
ul{list-style:none;margin:0;padding:0;display:grid;gap:8px}
li a{display:block;padding:10px 12px;border:1px solid #e5e7eb;border-radius:6px;background:#fff}
li a:hover{border-color:var(--accent);text-decoration:none}
`

  protected async load() {
    const res = await client.api.widgets.departments[':code'].services.$get({ param: { code: this.getAttribute('department')! } })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return res.json()
  }

  protected view({ department, items }: { department: Department; items: Service[] }, t: Texts, lang: Lang) {
    const limit = Number(this.getAttribute('limit')) || items.length
    const head = `<div class="head"><span>${esc(fill(t.servicesOf, { department: lang === 'en' ? department.nameEn : department.nameZh }))}</span><a ${this.linkAttrs('/catalog')}>${esc(t.all)} ›</a></div>`
    if (!items.length) return `${head}<p class="muted">${esc(t.none)}</p>`
    const list = items
      .slice(0, limit)
      .map((s) => `<li><a ${this.linkAttrs(s.path)} data-service="${esc(s.code)}">${serviceBody(s, t, lang)}</a></li>`)
      .join('')
    return `${head}<ul>${list}</ul>`
  }
}
