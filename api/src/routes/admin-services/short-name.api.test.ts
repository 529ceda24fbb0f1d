import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, serviceAuditEvents } from '../../db/schema/index.ts'
import { hall, who, type Hall } from '../applications/test-support.ts'

// PUT /api/admin/services/{code}/short-name: the short name a reference number carries
// (2026-宿舍-000123). Its owners and administrators set it; numbers already given stay as they were.

const CODE = 'undergrad-leave'
const path = `/api/admin/services/${CODE}/short-name`
const put = (h: Hall, card: string | null, shortName: unknown) => h.call(card, 'PUT', path, { shortName })
const referenceOf = async (h: Hall, id: number) => (await h.detail(who.student, id)).body.referenceNumber as string

describe('PUT /api/admin/services/{code}/short-name', () => {
  it('lets the owner set it: new applications carry it, numbered ones keep theirs, and both logs say who changed what', async () => {
    const h = await hall()
    const before = await h.leave(who.student, 1)
    const old = await referenceOf(h, before)

    const res = await put(h, who.studentAffairsOwner, ' 离校 ')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const detail = await h.get(who.studentAffairsOwner, `/api/admin/services/${CODE}`)
    expect(detail.body.service).toMatchObject({ shortName: '离校' })
    expect(res.body.revision).toBe(detail.body.revision)

    // The first leave was approved out of the way, so the student may apply again.
    await h.call(who.student, 'POST', `/api/applications/${before}/withdraw`, { stateVersion: (await h.detail(who.student, before)).body.stateVersion })
    const after = await h.leave(who.student, 1)
    expect(await referenceOf(h, after)).toMatch(/^\d{4}-离校-\d{6}$/)
    expect(await referenceOf(h, before)).toBe(old)

    const logged = await h.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service.short_name_changed'), eq(auditLog.targetId, CODE)))
    expect(logged).toMatchObject([{ actor: who.studentAffairsOwner, outcome: 'success', targetKind: 'service', detail: { to: '离校' } }])
    const history = await h.deps.db.select().from(serviceAuditEvents).where(eq(serviceAuditEvents.action, 'short_name_changed'))
    expect(history).toMatchObject([{ serviceCode: CODE, actorCardNumber: who.studentAffairsOwner, detail: { to: '离校' } }])

    // The same value again changes nothing and writes nothing.
    expect((await put(h, who.studentAffairsOwner, '离校')).status).toBe(200)
    expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'service.short_name_changed'))).toHaveLength(1)
  })

  it('lets an administrator set it, and null or empty go back to the default from the Chinese name', async () => {
    const h = await hall()
    expect((await put(h, who.admin, 'LV26')).status).toBe(200)
    expect((await h.get(who.admin, `/api/admin/services/${CODE}`)).body.service).toMatchObject({ shortName: 'LV26' })
    // Four characters outside the BMP are four characters, not eight UTF-16 units.
    expect((await put(h, who.admin, '𠀀𠀁𠀂𠀃')).status).toBe(200)
    for (const empty of [null, '', '  ']) {
      expect((await put(h, who.admin, '假期')).status).toBe(200)
      expect((await put(h, who.admin, empty)).status).toBe(200)
      const { service, current } = (await h.get(who.admin, `/api/admin/services/${CODE}`)).body
      expect(service.shortName).toBeNull()
      expect(service.defaultShortName).toBe(
        Array.from(current.nameZh as string)
          .slice(0, 2)
          .join(''),
      )
    }
  })

  it('refuses anyone but its owners and administrators, and changes nothing', async () => {
    const h = await hall()
    expect((await put(h, who.student, '离校')).status).toBe(403)
    // A reviewer of the owning office is not its owner.
    expect((await put(h, who.studentAffairs, '离校')).status).toBe(403)
    // An owner of another department does not learn more about the service than the catalog tells (as everywhere in this area).
    expect((await put(h, who.otherOwner, '离校')).status).toBe(404)
    expect((await put(h, null, '离校')).status).toBe(401)
    expect((await h.get(who.admin, `/api/admin/services/${CODE}`)).body.service.shortName).not.toBe('离校')
    expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'service.short_name_changed'))).toEqual([])
  })

  it.each([
    ['too long', '本科生请假'],
    ['too long in Latin letters', 'LEAVE'],
    ['a dash, which separates the parts of the number', '请-假'],
    ['a space inside', '请 假'],
    ['a control character', '请\u0000假'],
    ['a line break (a forged line in a log)', '请\n假'],
    ['a right-to-left override', '\u202e假请'],
    ['full-width Latin letters', 'ＡＢ'],
    ['punctuation', '请假！'],
    ['an emoji', '请假😀'],
  ])('refuses %s with a message in both languages naming the field', async (_what, value) => {
    const h = await hall()
    const res = await put(h, who.studentAffairsOwner, value)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.error.fields).toMatchObject([{ path: 'shortName' }])
    expect(res.body.error.messageZh).toMatch(/简称/)
    expect((await h.get(who.admin, `/api/admin/services/${CODE}`)).body.service.shortName).not.toBe(value)
  })

  it('refuses a body that is not a text', async () => {
    const h = await hall()
    expect((await put(h, who.studentAffairsOwner, 12)).status).toBe(400)
    expect((await h.call(who.studentAffairsOwner, 'PUT', path, {})).status).toBe(400)
  })
})
