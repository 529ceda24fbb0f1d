// The few HTML pages of login and logout. They are shown outside the shell (the shell needs a
// session to be useful), so they are small, bilingual and need no script.
import { staticPagePolicy } from '../web/csp.ts'

const STYLE = `
  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f3f5f8; color: #1f2933; margin: 0; }
  main { max-width: 640px; margin: 10vh auto; background: #fff; border-radius: 8px; padding: 24px 28px; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 20px; margin: 0 0 12px; }
  p { line-height: 1.6; }
  a.button { display: inline-block; background: #0b4f8a; color: #fff; padding: 8px 16px; border-radius: 6px; text-decoration: none; }
  .en { color: #52606d; }
`

/** The pages' policy: no script at all, the one inline style by its hash. */
export const AUTH_PAGE_POLICY = staticPagePolicy([STYLE])

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function page(titleZh: string, titleEn: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(titleZh)} · ${esc(titleEn)} · 网上办事大厅</title>
<link rel="icon" href="/favicon.ico">
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`
}

/** What the person is told for each refused rule: what happened and what to do, not how to attack. */
const REASONS: Record<string, [zh: string, en: string]> = {
  malformed: ['收到的登录结果无法识别。', 'The login response could not be read.'],
  signature: ['登录结果的签名无效，它可能被篡改过。', 'The login response is not validly signed by the university login service.'],
  unsolicited: ['收到了一个并非由本站发起的登录结果。', 'This login response was not requested by the Service Hall.'],
  unknown_request: ['这次登录已过期或已完成。', 'This login has expired or was already completed.'],
  browser_binding: ['登录需要在发起它的同一浏览器中完成（并允许 Cookie）。', 'The login must finish in the browser that started it, with cookies allowed.'],
  audience: ['这个登录结果是给其他应用的。', 'This login response is meant for another application.'],
  expired: ['登录结果已过期，请检查电脑时间。', 'The login response has expired; check that this computer’s clock is right.'],
  not_yet_valid: ['登录结果尚未生效，请检查电脑时间。', 'The login response is not valid yet; check that the clocks are right.'],
  destination: ['这个登录结果是发往其他地址的。', 'This login response was sent for another address.'],
  recipient: ['这个登录结果是发往其他地址的。', 'This login response was sent for another address.'],
  issuer: ['登录结果不是来自学校的统一身份认证。', 'The login response does not come from the university login service.'],
  status: ['统一身份认证没有完成登录。', 'The university login service did not complete the login.'],
  subject: ['登录结果中没有校园卡号。', 'The login response carries no campus card number.'],
  replayed: ['这个登录结果已经用过了。', 'This login response has already been used.'],
  left: [
    '学校的人员名单显示您已离校或离职，因此不能再登录办事大厅。如有疑问，请联系学校信息化管理部门。',
    'The university’s records show that you have left, so you can no longer log in to the hall. If this is wrong, contact the university’s information office.',
  ],
}

export function loginRefusedPage(rule: string): string {
  const [zh, en] = REASONS[rule] ?? REASONS.malformed!
  return page(
    '登录未成功',
    'Login did not succeed',
    `<h1>登录未成功 <span class="en">· Login did not succeed</span></h1>
<p>${esc(zh)}<br><span class="en">${esc(en)}</span></p>
<p><a class="button" href="/auth/login">重新登录 · Try again</a></p>
<p class="en">若多次失败，请联系网络与信息中心。 · If it keeps failing, contact the Network and Information Centre.</p>`,
  )
}

export function loggedOutPage(note?: [zh: string, en: string]): string {
  const extra = note ? `<p>${esc(note[0])}<br><span class="en">${esc(note[1])}</span></p>` : ''
  return page(
    '已退出',
    'Logged out',
    `<h1>已退出网上办事大厅 <span class="en">· You have logged out of the Service Hall</span></h1>
${extra}
<p><a class="button" href="/auth/login">重新登录 · Log in again</a></p>`,
  )
}

export function sloRefusedPage(): string {
  return page(
    '退出请求被拒绝',
    'Logout request refused',
    `<h1>退出请求被拒绝 <span class="en">· Logout request refused</span></h1>
<p>这个退出请求没有统一身份认证的有效签名，已忽略。<br><span class="en">This logout request is not validly signed by the university login service and was ignored.</span></p>
<p><a class="button" href="/">返回大厅 · Back to the hall</a></p>`,
  )
}

/** A login flood refused (429): what to do, in both languages; the Retry-After header says when. */
export function tooManyPage(text: { message: string; messageZh: string }): string {
  return page(
    '请求过于频繁',
    'Too many requests',
    `<h1>请求过于频繁 <span class="en">· Too many requests</span></h1>
<p>${esc(text.messageZh)}<br><span class="en">${esc(text.message)}</span></p>
<p><a class="button" href="/auth/login">重新登录 · Try again</a></p>`,
  )
}
