import { createHash } from 'node:crypto'
import { xmlEscape as esc } from './saml.ts'

// The dev IdP's few pages: plain HTML, bilingual, no script except the auto-submit of the
// response form (which still works without it, through its visible button).

export interface IdpPerson {
  cardNumber: string
  name: string
  nameEn: string
  kind: 'staff' | 'undergraduate' | 'graduate' | 'international'
  departmentCode: string
  email: string
  demoLabelZh: string
  demoLabelEn: string
  /** Known to the IdP but not to the hall's data platform: listed so that path can be tried. */
  unknownToDataPlatform?: true
}

export interface AccountGroup {
  group: string
  titleZh: string
  titleEn: string
  people: IdpPerson[]
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
  body { margin: 0; background: #f3f5f8; color: #1f2933; }
  header { background: #0b4f8a; color: #fff; padding: 20px 24px; }
  header h1 { margin: 0; font-size: 22px; }
  header p { margin: 4px 0 0; opacity: .85; }
  main { max-width: 960px; margin: 0 auto; padding: 16px 24px 48px; }
  .notice { background: #fff7e6; border: 1px solid #f0b429; border-radius: 6px; padding: 10px 14px; margin: 16px 0; }
  .error { background: #fdecea; border-color: #d64545; }
  section { margin-top: 20px; }
  h2 { font-size: 16px; margin: 0 0 8px; color: #0b4f8a; }
  .people { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; }
  button.person, button.primary { text-align: left; background: #fff; border: 1px solid #cbd2d9; border-radius: 6px; padding: 10px 12px; cursor: pointer; font: inherit; color: inherit; }
  button.person:hover, button.person:focus { border-color: #0b4f8a; outline: 2px solid #0b4f8a33; }
  button.primary { background: #0b4f8a; color: #fff; border-color: #0b4f8a; }
  .name { font-weight: 600; }
  .meta { display: block; font-size: 13px; color: #52606d; margin-top: 2px; }
  .tag { font-size: 12px; background: #fdecea; color: #8a1c1c; border-radius: 4px; padding: 0 4px; margin-left: 4px; }
`

function page(titleZh: string, titleEn: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(titleZh)} · ${esc(titleEn)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>明湖大学 统一身份认证</h1>
  <p lang="en">Minghu University unified login</p>
</header>
<main>
${body}
</main>
</body>
</html>`
}

const DEV_NOTICE = `<p class="notice" role="note">这是<strong>开发用身份提供者</strong>：无需密码，点选一位示例人员即可登录。生产环境不会运行它。<br>
<span lang="en">This is the <strong>development identity provider</strong>: no password, pick one of the demo people to log in. It never runs in production.</span></p>`

const AUTO_SUBMIT = 'document.forms[0].submit()'
const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * The Content-Security-Policy of every page here: the one style and the one script (the
 * auto-submit) allowed by their hashes, nothing else loaded, forms only to the IdP itself and to
 * the service provider's ACS (`formTargets`, the hall's origin).
 */
export function pagePolicy(formTargets: string[]): string {
  return [
    "default-src 'none'",
    `style-src ${hashSource(STYLE)}`,
    `script-src ${hashSource(AUTO_SUBMIT)}`,
    'img-src data:',
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export interface LoginPageOptions {
  groups: AccountGroup[]
  samlRequest: string
  relayState: string | null
  /** The person of the IdP session, when there is one: a one-click "continue as". */
  current: IdpPerson | null
  spName: string
}

export function loginPage(o: LoginPageOptions): string {
  const hidden =
    `<input type="hidden" name="SAMLRequest" value="${esc(o.samlRequest)}">` +
    (o.relayState ? `<input type="hidden" name="RelayState" value="${esc(o.relayState)}">` : '')
  const continueAs = o.current
    ? `<section aria-labelledby="continue-title">
  <h2 id="continue-title">继续 · <span lang="en">Continue</span></h2>
  <button class="primary" type="submit" name="cardNumber" value="${esc(o.current.cardNumber)}">以 ${esc(o.current.name)} 身份继续 · <span lang="en">Continue as ${esc(o.current.nameEn)}</span></button>
</section>`
    : ''
  const groups = o.groups
    .filter((g) => g.people.length > 0)
    .map(
      (g) => `<section aria-labelledby="g-${esc(g.group)}">
  <h2 id="g-${esc(g.group)}">${esc(g.titleZh)} · <span lang="en">${esc(g.titleEn)}</span></h2>
  <div class="people">
${g.people.map((p) => personButton(p)).join('\n')}
  </div>
</section>`,
    )
    .join('\n')
  return page(
    '登录',
    'Log in',
    `${DEV_NOTICE}
<p>登录到 <strong>${esc(o.spName)}</strong> · <span lang="en">Log in to <strong>${esc(o.spName)}</strong></span></p>
<form method="post" action="/sso/login">
${hidden}
${continueAs}
${groups}
</form>`,
  )
}

function personButton(p: IdpPerson): string {
  const unknown = p.unknownToDataPlatform
    ? `<span class="tag" title="数据中心没有此人的记录 · Not in the data platform">数据中心无记录 · not in data platform</span>`
    : ''
  return `    <button class="person" type="submit" name="cardNumber" value="${esc(p.cardNumber)}">
      <span class="name">${esc(p.name)}</span> <span lang="en">${esc(p.nameEn)}</span>${unknown}
      <span class="meta">${esc(p.cardNumber)} · ${esc(p.demoLabelZh)}</span>
      <span class="meta" lang="en">${esc(p.demoLabelEn)}</span>
    </button>`
}

/** The auto-submitting form that carries the signed response to the service provider's ACS. */
export function postFormPage(acsUrl: string, samlResponse: string, relayState: string | null, person: IdpPerson): string {
  return page(
    '正在返回',
    'Returning',
    `<form method="post" action="${esc(acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${esc(samlResponse)}">
${relayState ? `<input type="hidden" name="RelayState" value="${esc(relayState)}">` : ''}
<p>已以 ${esc(person.name)}（${esc(person.cardNumber)}）身份登录，正在返回网上办事大厅…<br>
<span lang="en">Logged in as ${esc(person.nameEn)} (${esc(person.cardNumber)}); returning to the Service Hall…</span></p>
<button class="primary" type="submit">继续 · <span lang="en">Continue</span></button>
</form>
<script>${AUTO_SUBMIT}</script>`,
  )
}

export function errorPage(messageZh: string, messageEn: string): string {
  return page('出错了', 'Error', `<p class="notice error" role="alert">${esc(messageZh)}<br><span lang="en">${esc(messageEn)}</span></p>`)
}

export function loggedOutPage(hallUrl: string): string {
  return page(
    '已退出',
    'Logged out',
    `<p>您已退出统一身份认证。 · <span lang="en">You are logged out of the unified login.</span></p>
<p><a href="${esc(hallUrl)}">返回网上办事大厅 · <span lang="en">Back to the Service Hall</span></a></p>`,
  )
}

export function indexPage(groups: AccountGroup[]): string {
  const count = groups.reduce((n, g) => n + g.people.length, 0)
  return page(
    '开发用身份提供者',
    'Development IdP',
    `${DEV_NOTICE}
<p>登录从网上办事大厅开始（它会带着 SAML 请求来到这里）。 · <span lang="en">Logins start at the Service Hall, which sends its SAML request here.</span></p>
<ul>
<li><a href="/metadata">SAML metadata</a></li>
<li><a href="/accounts.json">${count} demo accounts (JSON)</a></li>
</ul>`,
  )
}
