import { describe, expect, it } from 'vitest'
import { people } from '@hall/demo-university'
import { recordAudit } from '../../audit/record.ts'
import { auditLog } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'
import { csvCell } from './audit.service.ts'

// The audit log as administrators read it: who may, what each filter keeps, pages that neither
// overlap nor skip, and an export whose cells a spreadsheet cannot run.

const admin = people.find((p) => p.roles.some((r) => r.role === 'admin'))!
const student = people.find((p) => p.kind === 'undergraduate' && !p.unknownToDataPlatform)!

async function setup() {
  const t = await testApp()
  // Only the rows this test writes: the seed and the logins may have written some already.
  await t.deps.db.delete(auditLog)
  const at = (iso: string) => new Date(iso)
  const rows = [
    { at: at('2026-11-01T01:00:00Z'), actor: '2023010101', action: 'login.succeeded', outcome: 'success' as const },
    { at: at('2026-11-02T01:00:00Z'), actor: 'anonymous', action: 'login.failed', outcome: 'failed' as const, detail: { rule: 'replayed' } },
    {
      at: at('2026-11-03T01:00:00Z'),
      actor: admin.cardNumber,
      action: 'role.granted',
      outcome: 'success' as const,
      targetKind: 'person',
      targetId: '2023010101',
    },
    {
      at: at('2026-11-04T01:00:00Z'),
      actor: '2023010101',
      action: 'access.denied',
      outcome: 'denied' as const,
      targetKind: 'application',
      targetId: '7',
      applicationId: 7,
    },
    {
      at: at('2026-11-05T01:00:00Z'),
      actor: 'deploy:教务处前端组',
      action: 'deployment.registered',
      outcome: 'success' as const,
      targetKind: 'deployment',
      targetId: '@hall/mf-todo',
    },
  ]
  for (const { at: when, ...entry } of rows) await recordAudit(t.deps.db, when, entry)
  const headers = { cookie: await t.loginAs(admin.cardNumber) }
  const get = async (query: string) => t.app.request(`/api/admin/audit?${query}`, { headers })
  return { ...t, headers, get }
}

const actions = async (res: Response) => ((await res.json()) as { items: { action: string }[] }).items.map((i) => i.action)

describe('GET /api/admin/audit', () => {
  it('lists newest first with the total', async () => {
    const { get } = await setup()
    const res = await get('')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.total).toBe(5)
    expect(body.items.map((i: { action: string }) => i.action)).toEqual([
      'deployment.registered',
      'access.denied',
      'role.granted',
      'login.failed',
      'login.succeeded',
    ])
  })

  it.each([
    ['a person: what they did and what was done to them', 'person=2023010101', ['access.denied', 'role.granted', 'login.succeeded']],
    ['an application', 'applicationId=7', ['access.denied']],
    ['an exact action', 'action=login.failed', ['login.failed']],
    ['a family of actions', 'action=login.', ['login.failed', 'login.succeeded']],
    // A family is a prefix, not a pattern: % and _ are taken literally.
    ['a family with a LIKE wildcard', 'action=%25', []],
    ['an outcome', 'outcome=denied', ['access.denied']],
    [
      'a date range (both ends included)',
      `from=${encodeURIComponent('2026-11-02T09:00:00+08:00')}&to=${encodeURIComponent('2026-11-04T09:00:00+08:00')}`,
      ['access.denied', 'role.granted', 'login.failed'],
    ],
    ['a deployer', `person=${encodeURIComponent('deploy:教务处前端组')}`, ['deployment.registered']],
  ])('filters by %s', async (_, query, expected) => {
    const { get } = await setup()
    expect(await actions(await get(query))).toEqual(expected)
  })

  it('pages without overlap or gap', async () => {
    const { get } = await setup()
    const pages = await Promise.all([1, 2, 3].map(async (page) => actions(await get(`page=${page}&pageSize=2`))))
    expect(pages).toEqual([['deployment.registered', 'access.denied'], ['role.granted', 'login.failed'], ['login.succeeded']])
  })

  it('adds the histories of applications and services with source=all', async () => {
    const { get } = await setup()
    const hall = await (await get('pageSize=100')).json()
    const all = await (await get('source=all&pageSize=100')).json()
    expect(all.total).toBeGreaterThan(hall.total)
    const sources = new Set(all.items.map((i: { source: string }) => i.source))
    expect(sources).toContain('hall')
    expect(sources).toContain('application')
    const app = all.items.find((i: { source: string }) => i.source === 'application')
    expect(app.action).toMatch(/^application\./)
    expect(app.applicationId).toBeTypeOf('number')
    const appOnly = await (await get(`source=all&applicationId=${app.applicationId}&pageSize=100`)).json()
    expect(appOnly.items.length).toBeGreaterThan(0)
    expect(appOnly.items.every((i: { applicationId: number }) => i.applicationId === app.applicationId)).toBe(true)
  })

  it.each([
    ['a reversed range', `from=${encodeURIComponent('2026-11-05T00:00:00Z')}&to=${encodeURIComponent('2026-11-01T00:00:00Z')}`],
    ['a date that is not ISO', 'from=yesterday'],
    ['a page size over 100', 'pageSize=1000'],
    ['an unknown outcome', 'outcome=maybe'],
  ])('answers 400 to %s', async (_, query) => {
    const { get } = await setup()
    const res = await get(query)
    expect(res.status).toBe(400)
    expect((await res.json()).error.messageZh).toBeTruthy()
  })

  it('is for administrators: 403 for a student, 401 for nobody', async () => {
    const { app, loginAs } = await setup()
    expect((await app.request('/api/admin/audit', { headers: { cookie: await loginAs(student.cardNumber) } })).status).toBe(403)
    expect((await app.request('/api/admin/audit/export', { headers: { cookie: await loginAs(student.cardNumber) } })).status).toBe(403)
    expect((await app.request('/api/admin/audit')).status).toBe(401)
  })
})

describe('GET /api/admin/audit/export', () => {
  it('exports the filtered entries as CSV whose cells cannot run as formulas, and audits the export', async () => {
    const { app, deps, headers } = await setup()
    await recordAudit(deps.db, new Date('2026-11-06T00:00:00Z'), {
      actor: '=HYPERLINK("http://evil","x")',
      action: 'login.failed',
      outcome: 'failed',
      detail: { name: '+cmd|calc' },
    })
    const res = await app.request('/api/admin/audit/export?action=login.', { headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="hall-audit-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = await res.text()
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`)
    // Every cell starts with a quote then anything but a formula character.
    for (const line of lines) expect(line).not.toMatch(/(^|,)"[=+\-@]/)
    const exported = (await deps.db.select().from(auditLog)).filter((r) => r.action === 'audit.exported')
    expect(exported).toMatchObject([{ actor: admin.cardNumber, detail: { rows: 3 } }])
  })

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['plain, with "quotes"', `"plain, with ""quotes"""`],
    [null, '""'],
  ])('csvCell(%j) is %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })
})
