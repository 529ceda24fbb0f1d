import { describe, expect, it } from 'vitest'
import { people } from '../../db/schema/index.ts'
import { hall, who } from '../applications/test-support.ts'

// GET /api/people: the pickers' person search. What it finds, in what order, and that it shows
// nothing a colleague should not see.

describe('GET /api/people', () => {
  it('finds a person by name, full pinyin, initials and card number, with only what a colleague may see', async () => {
    const h = await hall()
    for (const q of ['高建华', '高建', 'gaojianhua', 'gao jianhua', 'gjh', '0009327']) {
      const res = await h.get(who.counsellor, `/api/people?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
      expect(res.body.items[0]?.cardNumber, q).toBe(who.deputy)
    }
    const res = await h.get(who.counsellor, `/api/people?q=0009327`)
    // why: the picker is not a directory of phone numbers: no phone, e-mail, gender, kind or records
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['cardNumber', 'department', 'name', 'nameEn', 'titleEn', 'titleZh'])
    expect(res.body.items[0]).toMatchObject({ name: '高建华', department: { code: 'college-cs' } })
  })

  it('kind=staff leaves students out', async () => {
    const h = await hall()
    const all = await h.get(who.counsellor, `/api/people?q=${encodeURIComponent('李明轩')}`)
    expect(all.body.items.map((p: { cardNumber: string }) => p.cardNumber)).toContain(who.student)
    const staff = await h.get(who.counsellor, `/api/people?q=${encodeURIComponent('李明轩')}&kind=staff`)
    expect(staff.status).toBe(200)
    expect(staff.body.items.map((p: { cardNumber: string }) => p.cardNumber)).not.toContain(who.student)
  })

  it('answers at most 20, and says how many matched', async () => {
    const h = await hall()
    h.deps.db
      .insert(people)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          cardNumber: `99${String(i).padStart(5, '0')}`,
          name: `测试员${i}`,
          nameEn: `Tester ${i}`,
          kind: 'staff' as const,
          departmentCode: 'college-cs',
          email: `t${i}@example.edu`,
          phone: '138-0000-0000',
        })),
      )
      .run()
    const res = await h.get(who.counsellor, `/api/people?q=${encodeURIComponent('测试员')}`)
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(20)
    expect(res.body.total).toBe(30)
  })

  it('refuses a missing, empty or too long query, and an unknown kind, with a message', async () => {
    const h = await hall()
    for (const path of ['/api/people', '/api/people?q=', `/api/people?q=${'x'.repeat(51)}`, '/api/people?q=li&kind=undergraduate']) {
      const res = await h.get(who.counsellor, path)
      expect(res.status, path).toBe(400)
      expect(res.body.error.message, path).toMatch(/q|kind/)
    }
  })

  it('is for staff and reviewers: a student gets 403, nobody logged in 401', async () => {
    const h = await hall()
    expect((await h.get(who.student, '/api/people?q=gao')).status).toBe(403)
    expect((await h.get(null, '/api/people?q=gao')).status).toBe(401)
    expect((await h.get(who.professor, '/api/people?q=gao')).status).toBe(200)
  })
})
