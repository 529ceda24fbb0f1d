import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, classes, departments, orgImports, people, roleGrants } from '../../db/schema/index.ts'
import { hall, who } from '../applications/test-support.ts'
import { csv, upload, workbook, type Sheets } from './test-support.ts'

// POST /api/admin/org/imports: the dry run refuses each bad row with its sheet, row and reason
// and writes nothing; the run imports the rest in one transaction and keeps the report. The same
// file as .xlsx and as .csv gives the same answer.

/** A small university: one college with a class, the housing office, its people and roles. */
const good: Sheets = {
  departments: [
    { code: 'college-arts', nameZh: '艺术学院', nameEn: 'College of Arts', kind: 'college', phone: '0571-1', location: '艺术楼' },
    { code: 'housing-2', nameZh: '公寓中心', kind: 'office' },
  ],
  classes: [{ code: 'arts-2026-1', nameZh: '美术2026级1班', college: 'college-arts' }],
  people: [
    { cardNumber: '0100001', name: '周老师', kind: 'staff', department: 'college-arts' },
    { cardNumber: '2026990001', name: '林同学', nameEn: 'Lin', kind: 'undergraduate', department: 'college-arts', class: 'arts-2026-1' },
    { cardNumber: '0100002', name: '孙审核', kind: 'staff', department: 'housing-2' },
  ],
  roles: [
    { cardNumber: '0100001', role: 'counsellor', scope: 'arts-2026-1' },
    { cardNumber: '0100002', role: 'reviewer', scope: 'housing-2' },
  ],
}

/** The good file with one hostile or wrong row of each kind, and the reason each must give. */
const bad: Array<{ why: string; sheet: keyof Sheets; row: Record<string, unknown>; reason: RegExp }> = [
  {
    why: 'an unknown department',
    sheet: 'people',
    row: { cardNumber: '0100003', name: '无部门', kind: 'staff', department: 'no-such-office' },
    reason: /unknown department “no-such-office”/,
  },
  {
    why: 'a duplicate card number',
    sheet: 'people',
    row: { cardNumber: '0100001', name: '重复', kind: 'staff', department: 'college-arts' },
    reason: /duplicate card number: already on row \d+/,
  },
  {
    why: 'a counsellor of a class that does not exist',
    sheet: 'roles',
    row: { cardNumber: '0100001', role: 'counsellor', scope: 'arts-2030-9' },
    reason: /counsellor of class “arts-2030-9”, which does not exist/,
  },
  {
    why: 'a formula typed as text (CSV injection)',
    sheet: 'people',
    row: { cardNumber: '0100004', name: '=HYPERLINK("http://evil","x")', kind: 'staff', department: 'college-arts' },
    reason: /name: starts with “=”/,
  },
  {
    why: 'a cell starting with @',
    sheet: 'people',
    row: { cardNumber: '0100005', name: '@SUM(1)', kind: 'staff', department: 'college-arts' },
    reason: /starts with “@”/,
  },
  { why: 'a cell starting with +', sheet: 'departments', row: { code: 'plus-office', nameZh: '+cmd', kind: 'office' }, reason: /starts with “\+”/ },
  {
    why: 'a script in a cell',
    sheet: 'people',
    row: { cardNumber: '0100006', name: '<script>alert(1)</script>', kind: 'staff', department: 'college-arts' },
    reason: /contains HTML or a script/,
  },
  {
    why: 'HTML in a cell',
    sheet: 'classes',
    row: { code: 'arts-2026-2', nameZh: '<img src=x onerror=alert(1)>', college: 'college-arts' },
    reason: /contains HTML or a script/,
  },
  {
    why: 'a wrong kind of person',
    sheet: 'people',
    row: { cardNumber: '0100007', name: '类别错', kind: 'visitor', department: 'college-arts' },
    reason: /kind “visitor” is not staff/,
  },
  {
    why: 'a wrong kind of department',
    sheet: 'departments',
    row: { code: 'odd', nameZh: '奇怪', kind: 'shop' },
    reason: /kind “shop” is not office or college/,
  },
  { why: 'a missing required value', sheet: 'people', row: { cardNumber: '0100008', kind: 'staff', department: 'college-arts' }, reason: /missing name/ },
  { why: 'a class of an office', sheet: 'classes', row: { code: 'h-1', nameZh: '公寓班', college: 'housing-2' }, reason: /is an office, not a college/ },
  { why: 'an unknown role', sheet: 'roles', row: { cardNumber: '0100002', role: 'king', scope: 'housing-2' }, reason: /unknown role “king”/ },
]

function withBad(): { sheets: Sheets; expected: Array<{ sheet: string; row: number; reason: RegExp; why: string }> } {
  const sheets = structuredClone<Sheets>(good)
  const expected: Array<{ sheet: string; row: number; reason: RegExp; why: string }> = []
  for (const b of bad) {
    const list = (sheets[b.sheet] ??= [])
    list.push(b.row as never)
    expected.push({ sheet: b.sheet, row: list.length + 1, reason: b.reason, why: b.why })
  }
  return { sheets, expected }
}

const countOf = async (h: Awaited<ReturnType<typeof hall>>, table: typeof people | typeof departments | typeof classes | typeof roleGrants) =>
  (await h.deps.db.select({ n: count() }).from(table))[0]!.n

describe('POST /api/admin/org/imports', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`refuses each bad row of an .${format} with its sheet, row and reason, imports nothing on a dry run, then imports the rest`, async () => {
      const h = await hall()
      const { sheets, expected } = withBad()
      const bytes = format === 'xlsx' ? await workbook(sheets) : csv(sheets)
      // The CSV's rows are lines of one file: row numbers follow the file, in sheet order.
      const csvRow = (sheet: string, row: number) => {
        const order = Object.keys(sheets)
        let line = 1
        for (const k of order.slice(0, order.indexOf(sheet))) line += sheets[k as keyof Sheets]!.length
        return line + row - 1
      }
      const before = {
        people: await countOf(h, people),
        departments: await countOf(h, departments),
        classes: await countOf(h, classes),
        grants: await countOf(h, roleGrants),
      }

      const dry = await upload(h, who.admin, bytes, `org.${format}`, { dryRun: true })
      expect(dry.status, JSON.stringify(dry.body)).toBe(200)
      expect(dry.body.status).toBe('dry_run')
      for (const e of expected) {
        const row = format === 'xlsx' ? e.row : csvRow(e.sheet, e.row)
        const hit = dry.body.report.refused.find((r: { sheet: string; row: number; reason: string }) => r.sheet === e.sheet && r.row === row)
        expect(hit, `${e.why}: refused on ${e.sheet} row ${row} in ${JSON.stringify(dry.body.report.refused)}`).toBeDefined()
        expect(hit.reason, e.why).toMatch(e.reason)
        expect(hit.reasonZh.length, `${e.why} in Chinese`).toBeGreaterThan(0)
        // The duplicate names the row of the first occurrence, as the file numbers it.
        if (e.why === 'a duplicate card number') expect(hit.reason).toContain(`already on row ${format === 'xlsx' ? 2 : csvRow('people', 2)}`)
      }
      expect(dry.body.report.refused).toHaveLength(expected.length)
      expect(dry.body.report.added.map((a: { key: string }) => a.key)).toEqual(
        expect.arrayContaining([
          'college-arts',
          'housing-2',
          'arts-2026-1',
          '0100001',
          '2026990001',
          '0100002',
          '0100001 counsellor arts-2026-1',
          '0100002 reviewer housing-2',
        ]),
      )
      // Nothing imported: the tables are as before, and no audit row says otherwise.
      expect({
        people: await countOf(h, people),
        departments: await countOf(h, departments),
        classes: await countOf(h, classes),
        grants: await countOf(h, roleGrants),
      }).toEqual(before)
      expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'org.imported'))).toHaveLength(0)

      const run = await upload(h, who.admin, bytes, `org.${format}`, { dryRun: false })
      expect(run.status).toBe(200)
      expect(run.body.status).toBe('imported')
      expect(run.body.report.refused).toHaveLength(expected.length)
      expect(await countOf(h, people)).toBe(before.people + 3)
      expect((await h.deps.db.select().from(people).where(eq(people.cardNumber, '2026990001')))[0]).toMatchObject({
        name: '林同学',
        nameEn: 'Lin',
        origin: 'import',
        leftAt: null,
        profile: { student: { klassCode: 'arts-2026-1' } },
      })
      expect(await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, '0100001'))).toEqual([
        { cardNumber: '0100001', role: 'counsellor', scope: 'arts-2026-1', origin: 'import' },
      ])
      // The hostile rows left no trace in the organisation.
      expect((await h.deps.db.select().from(people).where(eq(people.cardNumber, '0100004')))[0]).toBeUndefined()
      expect((await h.deps.db.select().from(departments).where(eq(departments.code, 'plus-office')))[0]).toBeUndefined()
      const audit = await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'org.imported'))
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ actor: who.admin, detail: { added: 8, refused: expected.length } })
      expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'role.granted'))).toHaveLength(2)

      // Both runs are kept with their reports.
      const history = await h.get(who.admin, '/api/admin/org/imports')
      expect(history.body.items.map((i: { status: string }) => i.status)).toEqual(['imported', 'dry_run'])
      const one = await h.get(who.admin, `/api/admin/org/imports/${run.body.id}`)
      expect(one.body.report.refused).toHaveLength(expected.length)

      // The same file again changes nothing.
      const again = await upload(h, who.admin, bytes, `org.${format}`, { dryRun: true })
      expect(again.body.report.counts).toMatchObject({ added: 0, changed: 0, removed: 0 })
    })
  }

  it('refuses an exceljs formula cell, a date where text belongs, and an unknown sheet', async () => {
    const h = await hall()
    const bytes = await workbook({
      departments: [
        { code: 'f-office', nameZh: { formula: 'CONCAT("a","b")', result: 'ab' }, kind: 'office' },
        { code: 'ok-office', nameZh: '好', kind: 'office' },
      ],
      people: [{ cardNumber: new Date('2026-01-01'), name: '日期', kind: 'staff', department: 'ok-office' }],
      salaries: [{ x: 1 }] as never,
    } as Sheets)
    const dry = await upload(h, who.admin, bytes, 'org.xlsx')
    const refused = dry.body.report.refused as Array<{ sheet: string; row: number | null; reason: string }>
    expect(refused.find((r) => r.sheet === 'departments' && r.row === 2)?.reason).toMatch(/formula/)
    expect(refused.find((r) => r.sheet === 'people' && r.row === 2)?.reason).toMatch(/date/)
    expect(refused.find((r) => r.sheet === 'salaries')?.reason).toMatch(/unknown sheet/)
    expect(dry.body.report.added.map((a: { key: string }) => a.key)).toEqual(['ok-office'])
  })

  it('keeps the leading zeros of card numbers in a CSV', async () => {
    const h = await hall()
    await upload(h, who.admin, csv({ people: [{ cardNumber: '0000123', name: '零', kind: 'staff', department: 'housing' }] }), 'org.csv', { dryRun: false })
    expect((await h.deps.db.select().from(people).where(eq(people.cardNumber, '0000123')))[0]?.name).toBe('零')
  })

  it('answers 422 for a file that is not a spreadsheet, and keeps the failed run', async () => {
    const h = await hall()
    const res = await upload(h, who.admin, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'org.xlsx')
    expect(res.status).toBe(422)
    expect(res.body.error.messageZh).toBeTruthy()
    expect((await h.deps.db.select().from(orgImports)).map((r) => r.status)).toEqual(['failed'])
  })

  it('serves a template that reads back as an empty import of its example rows', async () => {
    const h = await hall()
    const res = await h.app.request('/api/admin/org/template', { headers: { cookie: await h.loginAs(who.admin) } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const dry = await upload(h, who.admin, new Uint8Array(await res.arrayBuffer()), 'template.xlsx')
    expect(dry.status).toBe(200)
    // Its example rows are a consistent university of their own; the notes sheet is not data.
    expect(dry.body.report.refused).toEqual([])
    expect(dry.body.report.counts.added).toBeGreaterThan(0)
  })
})
