import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { preferencesOf } from '../../notifications/preferences.ts'
import { testApp } from '../../test-support.ts'

// The language a person chooses is kept with their account: /api/me returns it (null until they
// choose, so the browser's language applies), and it is what their e-mails are written in.

const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!
const stranger = people.find((p) => p.unknownToDataPlatform)!

describe('PUT /api/me/language', () => {
  it('keeps the choice: /api/me returns it, on a new session too, and e-mails follow it', async () => {
    const { app, deps, loginAs } = await testApp()
    const cookie = await loginAs(student.cardNumber)
    expect((await (await app.request('/api/me', { headers: { cookie } })).json()).language).toBeNull()
    const res = await app.request('/api/me/language', {
      method: 'PUT',
      headers: { cookie, origin: deps.env.publicOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    })
    expect(res.status).toBe(200)
    const other = await loginAs(student.cardNumber)
    const me = await (await app.request('/api/me', { headers: { cookie: other } })).json()
    expect(me.language).toBe('en')
    // Read in the same statement as the language.
    expect(me.department).toEqual({ code: student.departmentCode, nameZh: expect.any(String), nameEn: expect.any(String) })
    expect((await preferencesOf(deps.db, student.cardNumber)).language).toBe('en')
  })

  it('returns the choice of a person without a department too', async () => {
    const { app, deps, loginAs } = await testApp()
    // Logged in through the IdP, but unknown to the data platform: no department.
    const cookie = await loginAs(stranger.cardNumber)
    const headers = { cookie, origin: deps.env.publicOrigin, 'content-type': 'application/json' }
    expect((await app.request('/api/me/language', { method: 'PUT', headers, body: JSON.stringify({ language: 'en' }) })).status).toBe(200)
    const me = await (await app.request('/api/me', { headers: { cookie } })).json()
    expect([me.department, me.language]).toEqual([null, 'en'])
  })

  it('is not a choice when only the e-mail language was synchronised', async () => {
    const { app, deps, loginAs } = await testApp()
    const cookie = await loginAs(student.cardNumber)
    const headers = { cookie, origin: deps.env.publicOrigin, 'content-type': 'application/json' }
    expect((await app.request('/api/notifications/preferences', { method: 'PUT', headers, body: JSON.stringify({ language: 'en' }) })).status).toBe(200)
    expect((await (await app.request('/api/me', { headers: { cookie } })).json()).language).toBeNull()
  })

  it.each([
    ['a language the hall does not have', { language: 'fr' }],
    ['a browser tag instead of a hall language', { language: 'zh-TW' }],
    ['no language', {}],
    ['another field', { language: 'en', admin: true }],
  ])('refuses %s with 400', async (_, body) => {
    const { app, deps, loginAs } = await testApp()
    const cookie = await loginAs(student.cardNumber)
    const res = await app.request('/api/me/language', {
      method: 'PUT',
      headers: { cookie, origin: deps.env.publicOrigin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(400)
    expect((await (await app.request('/api/me', { headers: { cookie } })).json()).language).toBeNull()
  })

  it('needs a session (401) and a same-origin request (403)', async () => {
    const { app, deps, loginAs } = await testApp()
    const body = JSON.stringify({ language: 'en' })
    expect(
      (await app.request('/api/me/language', { method: 'PUT', headers: { origin: deps.env.publicOrigin, 'content-type': 'application/json' }, body })).status,
    ).toBe(401)
    const cookie = await loginAs(student.cardNumber)
    expect(
      (await app.request('/api/me/language', { method: 'PUT', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body }))
        .status,
    ).toBe(403)
  })
})
