import { client } from './hall.ts'
import { esc, HallElement } from './element.ts'
import { SERVICE_CSS, serviceBody } from './services.ts'
import type { Lang, Texts } from './texts.ts'

type Service = Parameters<typeof serviceBody>[0] & { department: { nameZh: string; nameEn: string } }

/** `<hall-service-card service="email-account">`: one service with its department and a start link. */
export class HallServiceCard extends HallElement<Service> {
  static observedAttributes = ['service', 'lang', 'target']
  protected override readonly required = 'service'
  protected readonly css = `${SERVICE_CSS}
.card{display:flex;flex-direction:column;gap:6px;padding:14px 16px;border:1px solid #e5e7eb;border-top:3px solid var(--accent);border-radius:6px;background:#fff}
.dept{font-size:12px;color:#6b7280}
.start{align-self:flex-start;margin-top:4px;padding:4px 14px;border-radius:4px;background:var(--accent);color:#fff}
.start:hover{text-decoration:none;filter:brightness(1.1)}
`

  protected async load() {
    const res = await client.api.widgets.services[':code'].$get({ param: { code: this.getAttribute('service')! } })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return res.json()
  }

  protected view(s: Service, t: Texts, lang: Lang) {
    return `<div class="card"><span class="dept">${esc(lang === 'en' ? s.department.nameEn : s.department.nameZh)}</span>${serviceBody(s, t, lang)}<a class="start" ${this.linkAttrs(s.path)} data-service="${esc(s.code)}">${esc(t.start)}</a></div>`
  }
}
