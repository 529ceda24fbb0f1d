import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { hallUrl } from './hall.ts'
import './index.ts'

// The widgets in a page: what they ask the hall, what they render inside their shadow root, in
// which language, and that nothing the hall sends can inject markup into the department's page.

const service = (code: string, nameZh: string) => ({
  code,
  nameZh,
  nameEn: `${code} (en)`,
  summaryZh: '摘要',
  summaryEn: 'Summary',
  mode: 'online',
  timeLimitDays: 3,
  department: { code: 'network-centre', nameZh: '网络与信息中心', nameEn: 'Network and Information Centre' },
  path: `/catalog/services/${code}`,
})
let answers: Record<string, { status: number; body: unknown }>
const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
  const url = new URL(String(input instanceof Request ? input.url : input))
  const a = answers[url.pathname] ?? { status: 404, body: { error: { code: 'not_found' } } }
  return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': 'application/json' } })
})

/** Adds an element, waits for it to settle, and returns its shadow root's wrapper. */
async function render(html: string) {
  document.body.innerHTML = html
  const el = document.body.firstElementChild as HTMLElement
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('[role="status"]')).toBeNull())
  return el.shadowRoot!.querySelector('.w')!
}

beforeEach(() => {
  document.documentElement.lang = 'zh-CN'
  answers = {
    '/api/widgets/departments/network-centre/services': {
      status: 200,
      body: { department: service('x', '').department, items: [service('email-account', '电子邮件办理申请'), service('evil', '<img src=x onerror=alert(1)>')] },
    },
    '/api/widgets/services/email-account': { status: 200, body: service('email-account', '电子邮件办理申请') },
    '/api/widgets/me/todo': { status: 200, body: { loggedIn: true, name: '王老师', todo: 4, todoPath: '/todo' } },
  }
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => vi.unstubAllGlobals())

describe('<hall-services>', () => {
  it("lists the department's services with links into the hall, escaping what the hall sends", async () => {
    const w = await render('<hall-services department="network-centre"></hall-services>')
    const links = [...w.querySelectorAll('li a')].map((a) => a.getAttribute('href'))
    expect(links).toEqual([`${hallUrl}/catalog/services/email-account`, `${hallUrl}/catalog/services/evil`])
    expect(w.querySelector('img')).toBeNull()
    expect(w.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(w.textContent).toContain('网络与信息中心 · 网上办事')
  })

  it('speaks English when the page does, and its own lang attribute over the page', async () => {
    document.documentElement.lang = 'en-GB'
    let w = await render('<hall-services department="network-centre"></hall-services>')
    expect(w.textContent).toContain('Network and Information Centre · Online services')
    w = await render('<hall-services department="network-centre" lang="zh-CN"></hall-services>')
    expect(w.textContent).toContain('网上办事')
  })

  it('says it could not load, with a link to the hall, for an unknown department; and asks for a missing attribute', async () => {
    let w = await render('<hall-services department="nobody"></hall-services>')
    expect(w.querySelector('a')?.getAttribute('href')).toBe(`${hallUrl}/`)
    w = await render('<hall-services></hall-services>')
    expect(w.textContent).toContain('请设置 department 属性')
  })
})

describe('<hall-service-card>', () => {
  it('shows one service with a start link that opens where the site says', async () => {
    const w = await render('<hall-service-card service="email-account" target="_blank"></hall-service-card>')
    const start = w.querySelector('a.start')!
    expect(start.getAttribute('href')).toBe(`${hallUrl}/catalog/services/email-account`)
    expect(start.getAttribute('target')).toBe('_blank')
    expect(start.getAttribute('rel')).toBe('noopener')
  })
})

describe('<hall-todo-badge>', () => {
  it('sends the cookies and shows the count of a logged-in reviewer', async () => {
    const w = await render('<hall-todo-badge></hall-todo-badge>')
    expect(w.querySelector('.count')?.textContent).toBe('4')
    expect(w.querySelector('a')?.getAttribute('href')).toBe(`${hallUrl}/todo`)
    const init = fetchMock.mock.calls.at(-1)?.[1]
    expect(init?.credentials).toBe('include')
  })

  it('shows a login link to anyone else', async () => {
    answers['/api/widgets/me/todo'] = { status: 200, body: { loggedIn: false, loginPath: '/auth/login?returnTo=%2Ftodo' } }
    const w = await render('<hall-todo-badge></hall-todo-badge>')
    expect(w.querySelector('a')?.getAttribute('href')).toBe(`${hallUrl}/auth/login?returnTo=%2Ftodo`)
    expect(w.textContent).toContain('登录查看待办')
  })
})
