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
    await h.deps.db.insert(people).values(
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

// GET /api/people/pick: a form's person picker (互换同学), open to students, so no directory.
describe('GET /api/people/pick', () => {
  /** 宿舍调整申请's 互换同学: students of any kind. */
  const swapWith = 'service=dorm-change&field=swapWith'
  const cards = (body: { items: Array<{ cardNumber: string }> }) => body.items.map((p) => p.cardNumber)

  it('finds a student by whole name, the start of a name, pinyin or whole card number, with what picking needs', async () => {
    const h = await hall()
    for (const q of ['赵子豪', '赵子', 'zhaozihao', who.junior]) {
      const res = await h.get(who.student, `/api/people/pick?q=${encodeURIComponent(q)}&${swapWith}`)
      expect(res.status, q).toBe(200)
      expect(cards(res.body), q).toContain(who.junior)
    }
    const res = await h.get(who.student, `/api/people/pick?q=${who.junior}&${swapWith}`)
    // why: a student sees another student's name, college and class, never phone, e-mail, gender or records
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['cardNumber', 'className', 'department', 'name', 'nameEn', 'title'])
    expect(res.body.items[0]).toMatchObject({ name: '赵子豪', department: { code: 'college-cs' }, className: { zh: expect.any(String) }, title: null })
  })

  it('is no directory: card-number prefixes, initials and one character find nobody; the searcher is never offered', async () => {
    const h = await hall()
    for (const q of [who.junior.slice(0, 6), 'zzh', '赵', 'zh']) {
      const res = await h.get(who.student, `/api/people/pick?q=${encodeURIComponent(q)}&${swapWith}`)
      expect(res.status, q).toBe(200)
      expect(res.body.items, q).toEqual([])
    }
    expect(cards((await h.get(who.student, `/api/people/pick?q=${who.student}&${swapWith}`)).body)).toEqual([])
    expect(cards((await h.get(who.student, `/api/people/pick?q=${encodeURIComponent('李明轩')}&${swapWith}`)).body)).not.toContain(who.student)
  })

  it("decides the kinds from the field's definition, whatever the client asks", async () => {
    const h = await hall()
    // why: the kinds came from the query, so a student could widen 互换同学 to staff with kinds=staff
    const widened = await h.get(who.student, `/api/people/pick?q=${who.counsellor}&${swapWith}&kinds=staff`)
    expect(widened.status).toBe(200)
    expect(widened.body.items).toEqual([])
    // The teacher of 缓考申请 is staff: a counsellor is found there, a student is not.
    const teacher = 'service=exam-deferral&field=teacher'
    expect(cards((await h.get(who.student, `/api/people/pick?q=${who.counsellor}&${teacher}`)).body)).toEqual([who.counsellor])
    expect((await h.get(who.student, `/api/people/pick?q=${who.junior}&${teacher}`)).body.items).toEqual([])
    // A field that is no person field, or a service without it, is refused by name.
    for (const [query, status] of [
      ['service=dorm-change&field=reason', 400],
      ['service=dorm-change&field=nobody', 400],
      ['service=no-such-service&field=swapWith', 404],
    ] as const) {
      const res = await h.get(who.student, `/api/people/pick?q=${who.junior}&${query}`)
      expect(res.status, query).toBe(status)
    }
  })

  it('offers only the kinds the field accepts, at most 10', async () => {
    const h = await hall()
    const staff = await h.get(who.student, `/api/people/pick?q=${who.counsellor}&${swapWith}`)
    expect(staff.body.items).toEqual([])
    await h.deps.db.insert(people).values(
      Array.from({ length: 15 }, (_, i) => ({
        cardNumber: `2026${String(i).padStart(6, '0')}`,
        name: `测试生${i}`,
        nameEn: `Test ${i}`,
        kind: 'undergraduate' as const,
        departmentCode: 'college-cs',
        email: `s${i}@example.edu`,
        phone: '138-0000-0000',
      })),
    )
    expect((await h.get(who.student, `/api/people/pick?q=${encodeURIComponent('测试生')}&${swapWith}`)).body.items).toHaveLength(10)
  })

  it('needs a login, a query, the service and its field', async () => {
    const h = await hall()
    expect((await h.get(null, `/api/people/pick?q=zhaozihao&${swapWith}`)).status).toBe(401)
    for (const path of [
      '/api/people/pick',
      `/api/people/pick?q=&${swapWith}`,
      '/api/people/pick?q=zhaozihao',
      '/api/people/pick?q=zhaozihao&service=dorm-change',
    ]) {
      expect((await h.get(who.student, path)).status, path).toBe(400)
    }
  })

  it('is rate-limited per person like the other searches', async () => {
    const h = await hall()
    let last = 0
    for (let i = 0; i < 61; i++) last = (await h.get(who.student, `/api/people/pick?q=zhaozihao&${swapWith}`)).status
    expect(last).toBe(429)
    // Someone else is not held up by it.
    expect((await h.get(who.classmate, `/api/people/pick?q=zhaozihao&${swapWith}`)).status).toBe(200)
  })
})
