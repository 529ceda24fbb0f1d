import { bus, setLang } from '@hall/mf-kit'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { changedSpecifiers, watchForNewVersions } from './update-notice.ts'

// The shell's side of "deploying is data" while a page is open: it revalidates the import map with
// the ETag it was rendered with, says so when a part changed, and takes the notice away when a
// rollback brings back what the page runs.

const RENDERED = { '@hall/mf-feedback': '/static/mf-feedback/1/main.js', vue: '/static/vendor/1/vue.js' }
const NEXT = { ...RENDERED, '@hall/mf-feedback': '/static/mf-feedback/2/main.js' }

/** The server's current map; the fake fetch answers 304 to its ETag, else 200 with it. */
let server: { etag: string; imports: Record<string, string> }
const fetchMock = vi.fn((_url: string, init: RequestInit): Promise<Response> => {
  const sent = (init.headers as Record<string, string>)['If-None-Match']
  if (sent === server.etag) return Promise.resolve(new Response(null, { status: 304 }))
  return Promise.resolve(
    new Response(JSON.stringify({ imports: server.imports }), { status: 200, headers: { ETag: server.etag, 'Content-Type': 'application/json' } }),
  )
})
const notice = () => document.querySelector<HTMLElement>('.hall-update')
const becomeVisible = async () => {
  document.dispatchEvent(new Event('visibilitychange'))
  await vi.waitFor(() => expect(fetchMock.mock.results.at(-1)?.value).toBeDefined())
  await fetchMock.mock.results.at(-1)!.value
  await new Promise((r) => setTimeout(r, 0))
}

let stop: () => void = () => {}
beforeEach(() => {
  window.localStorage.clear()
  setLang('zh-CN')
  document.head.innerHTML = `<meta name="hall-importmap-etag" content='"a"'><script type="importmap">${JSON.stringify({ imports: RENDERED })}</script>`
  document.body.innerHTML = ''
  server = { etag: '"a"', imports: RENDERED }
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  stop()
  vi.unstubAllGlobals()
})

describe('watchForNewVersions', () => {
  it('asks with the rendered ETag and shows nothing while the map is unchanged', async () => {
    stop = watchForNewVersions()
    await becomeVisible()
    const [url, init] = fetchMock.mock.lastCall!
    expect(url).toBe('/importmap.json')
    expect(init.headers).toMatchObject({ 'If-None-Match': '"a"' })
    expect(notice()).toBeNull()
  })

  it('shows the notice naming the changed part, and hides it after a rollback', async () => {
    stop = watchForNewVersions()
    server = { etag: '"b"', imports: NEXT }
    await becomeVisible()
    expect(notice()?.textContent).toContain('服务大厅有新版本')
    expect(notice()?.dataset.parts).toBe('@hall/mf-feedback')
    // The next check sends the new ETag: unchanged since, so a 304 keeps the notice.
    await becomeVisible()
    expect(fetchMock.mock.calls.at(-1)?.[1]).toMatchObject({ headers: { 'If-None-Match': '"b"' } })
    expect(notice()).not.toBeNull()

    server = { etag: '"a"', imports: RENDERED }
    await becomeVisible()
    expect(notice()).toBeNull()
  })

  it('speaks the page language and follows a switch', async () => {
    setLang('en')
    stop = watchForNewVersions()
    server = { etag: '"b"', imports: NEXT }
    await becomeVisible()
    expect(notice()?.textContent).toContain('A new version is available')
    setLang('zh-CN')
    expect(notice()?.textContent).toContain('服务大厅有新版本')
  })

  it('"later" hides that version; a further version shows the notice again', async () => {
    stop = watchForNewVersions()
    server = { etag: '"b"', imports: NEXT }
    await becomeVisible()
    notice()!.querySelectorAll('button')[1]!.click()
    expect(notice()).toBeNull()
    await becomeVisible()
    expect(notice()).toBeNull()
    server = { etag: '"c"', imports: { ...NEXT, vue: '/static/vendor/2/vue.js' } }
    await becomeVisible()
    expect(notice()?.dataset.parts).toBe('@hall/mf-feedback vue')
  })

  // Issue 14.4: the bell's stream pushes the map's ETag, so an open page learns of a deployment in
  // seconds instead of at the next minute's poll.
  it('checks at once when the live stream pushes another ETag, and not for the one it has', async () => {
    stop = watchForNewVersions()
    bus.emit('hall:importmap', { etag: '"a"' })
    await new Promise((r) => setTimeout(r, 0))
    expect(fetchMock).not.toHaveBeenCalled()

    server = { etag: '"b"', imports: NEXT }
    bus.emit('hall:importmap', { etag: '"b"' })
    await vi.waitFor(() => expect(notice()?.dataset.parts).toBe('@hall/mf-feedback'))
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('does nothing on a page rendered without the ETag (the shell’s vite dev page)', () => {
    document.head.innerHTML = ''
    stop = watchForNewVersions()
    document.dispatchEvent(new Event('visibilitychange'))
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('changedSpecifiers', () => {
  it('lists added, removed and changed specifiers', () => {
    expect(changedSpecifiers({ a: '1', b: '1', c: '1' }, { a: '1', b: '2', d: '1' })).toEqual(['b', 'c', 'd'])
  })
})
