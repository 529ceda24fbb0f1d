import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, people, roleGrants } from '../../db/schema/index.ts'
import { testApp } from '../../test-support.ts'
import { hall, who } from '../applications/test-support.ts'
import { ensureConfiguredAdmins } from './org.service.ts'
import { upload, workbook } from './test-support.ts'

// People and roles in the console: search, grant and revoke with a scope, audited; and the first
// administrators from HALL_ADMINS.

describe('GET /api/admin/people', () => {
  it('finds people by name or card number with their roles, those who left too', async () => {
    const h = await hall()
    const byName = await h.get(who.admin, '/api/admin/people?q=杜红梅')
    expect(byName.body.items).toEqual([
      expect.objectContaining({
        cardNumber: who.counsellor,
        leftAt: null,
        roles: expect.arrayContaining([expect.objectContaining({ role: 'counsellor', scope: 'cs-2023-1' })]),
      }),
    ])
    await h.deps.db.update(people).set({ leftAt: h.deps.now() }).where(eq(people.cardNumber, who.colleague))
    const left = await h.get(who.admin, `/api/admin/people?q=${who.colleague}`)
    expect(left.body.items[0].leftAt).toBeTruthy()
    // A % typed in the box is a character, not "everything".
    expect((await h.get(who.admin, '/api/admin/people?q=%25')).body.items).toEqual([])
  })
})

describe('POST and DELETE /api/admin/people/{cardNumber}/roles', () => {
  it('grants a role with its scope and revokes it, each audited, and the holder’s session follows at once', async () => {
    const h = await hall()
    const cookie = await h.loginAs(who.professor)
    const granted = await h.post(who.admin, `/api/admin/people/${who.professor}/roles`, { role: 'reviewer', scope: 'housing' })
    expect(granted).toMatchObject({ status: 200, body: { granted: true, role: 'reviewer', scope: 'housing' } })
    expect(await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, who.professor))).toEqual([
      { cardNumber: who.professor, role: 'reviewer', scope: 'housing', origin: 'console' },
    ])
    const me = await h.app.request('/api/me', { headers: { cookie } })
    expect(JSON.stringify(await me.json())).toContain('housing')

    const revoked = await h.call(who.admin, 'DELETE', `/api/admin/people/${who.professor}/roles?role=reviewer&scope=housing`)
    expect(revoked.status).toBe(200)
    expect(await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, who.professor))).toEqual([])
    const audit = await h.deps.db.select().from(auditLog).where(eq(auditLog.targetId, who.professor))
    expect(audit.map((a) => [a.action, a.actor, a.detail])).toEqual([
      ['role.granted', who.admin, { role: 'reviewer', scope: 'housing', via: 'console' }],
      ['role.revoked', who.admin, { role: 'reviewer', scope: 'housing', via: 'console' }],
    ])
  })

  it.each([
    { why: 'a counsellor of a class that does not exist', body: { role: 'counsellor', scope: 'no-class' }, status: 422 },
    { why: 'a college role in an office', body: { role: 'college-secretary', scope: 'housing' }, status: 422 },
    { why: 'an unknown department', body: { role: 'reviewer', scope: 'nowhere' }, status: 422 },
    { why: 'a role without its scope', body: { role: 'reviewer', scope: '' }, status: 400 },
    { why: 'an unknown role', body: { role: 'king', scope: 'housing' }, status: 400 },
  ])('refuses $why', async ({ body, status }) => {
    const h = await hall()
    const res = await h.post(who.admin, `/api/admin/people/${who.professor}/roles`, body)
    expect(res.status).toBe(status)
    expect(res.body.error.messageZh).toBeTruthy()
    expect(await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, who.professor))).toEqual([])
  })

  it('refuses a role for someone who left, and an administrator revoking their own admin role', async () => {
    const h = await hall()
    await h.deps.db.update(people).set({ leftAt: h.deps.now() }).where(eq(people.cardNumber, who.professor))
    expect((await h.post(who.admin, `/api/admin/people/${who.professor}/roles`, { role: 'reviewer', scope: 'housing' })).status).toBe(409)
    expect((await h.call(who.admin, 'DELETE', `/api/admin/people/${who.admin}/roles?role=admin&scope=*`)).status).toBe(409)
  })
})

describe('HALL_ADMINS', () => {
  it('grants admin to the listed people when missing, audited, and once', async () => {
    const t = await testApp({ HALL_ADMINS: `${who.professor}, 9999999` })
    expect(await ensureConfiguredAdmins(t.deps.db, t.deps)).toEqual([who.professor])
    expect(await ensureConfiguredAdmins(t.deps.db, t.deps)).toEqual([])
    expect(
      await t.deps.db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.cardNumber, who.professor), eq(roleGrants.role, 'admin'))),
    ).toEqual([{ cardNumber: who.professor, role: 'admin', scope: '*', origin: 'config' }])
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'role.granted'))).toEqual([
      expect.objectContaining({ actor: 'system', targetId: who.professor }),
    ])
    // Someone no import knows yet is an administrator from the first login: they run the first import.
    const cookie = await t.loginAs('9999999')
    const res = await t.app.request('/api/admin/org/imports', { headers: { cookie } })
    expect(res.status).toBe(200)
  })

  it('keeps a HALL_ADMINS grant when a full import does not list it, and grants it once the import knows the person', async () => {
    const t = await testApp({ HALL_ADMINS: '0300001' })
    const bytes = await workbook({ people: [{ cardNumber: '0300001', name: '首位管理员', kind: 'staff', department: 'network-centre' }] })
    const res = await upload(t, '0300001', bytes, 'admins.xlsx', { dryRun: false, mode: 'full' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await t.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, '0300001'))).toEqual([
      { cardNumber: '0300001', role: 'admin', scope: '*', origin: 'config' },
    ])
    const again = await upload(t, '0300001', bytes, 'admins.xlsx', { dryRun: true, mode: 'full' })
    expect(again.body.report.removed).toEqual([])
  })
})
