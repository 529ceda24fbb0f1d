import { randomUUID } from 'node:crypto'
import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { DAY, hall, who, type Hall } from '../applications/test-support.ts'
import { finishedExport } from './test-support.ts'

// Issue 13, "anonymous means anonymous": an owner who has the applications export (numbers,
// applicants, dates, steps) must find no field, row or order that links an anonymous rating to
// its application or applicant; an administrator sees everything; a rating in the rater's name
// shows as before. Each test is a fresh hall with the seeded history.

const SERVICE = 'undergrad-leave'
const owner = who.studentAffairsOwner

/** A 2-day leave of `card`, approved by the counsellor (which completes it). */
async function completedLeave(h: Hall, card: string) {
  const id = await h.leave(card, 2)
  await h.approve(who.counsellor, id)
  return id
}

async function rate(h: Hall, card: string, applicationId: number, over: Record<string, unknown>) {
  const res = await h.post(card, '/api/ratings', { applicationId, serviceScore: 3, processScore: 3, tags: ['slow'], ...over })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

const recent = async (h: Hall, card: string) => {
  const res = await h.get(card, `/api/statistics?serviceCode=${SERVICE}&from=2026-09-01&to=2027-03-31`)
  expect(res.status).toBe(200)
  return res.body.recentRatings as Array<Record<string, unknown> & { comment: string | null }>
}

/** Every cell of every sheet, as text. */
function cells(book: ExcelJS.Workbook): string[] {
  const out: string[] = []
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text))))
  return out
}

/** The applications sheet's row of an application, by column header. */
function rowOf(book: ExcelJS.Workbook, id: number): Record<string, unknown> {
  const sheet = book.worksheets[0]!
  const headers = (sheet.getRow(1).values as unknown[]).map(String)
  let found: Record<string, unknown> | undefined
  sheet.eachRow((row, n) => {
    if (n > 1 && Number(row.getCell(1).value) === id) found = Object.fromEntries(headers.map((hd, i) => [hd, row.getCell(i).value ?? null]).slice(1))
  })
  expect(found, `row of application ${id}`).toBeDefined()
  return found!
}

describe('anonymous ratings, as an owner with the applications export sees them', () => {
  it('carry no id, application, exact time, step or author; come after the month’s other ratings in an order of their content; are not in the export', async () => {
    const h = await hall()
    const tag = randomUUID().slice(0, 8)
    // Three people's leaves end this month (November 2026); two are rated anonymously, in the
    // order Z then A, and one in the rater's name.
    const first = await completedLeave(h, who.student)
    const second = await completedLeave(h, who.classmate)
    const signed = await completedLeave(h, who.junior)
    await rate(h, who.student, first, { anonymous: true, comment: `Z 材料太多 ${tag}`, stepKey: 'counsellor' })
    h.advance(DAY)
    await rate(h, who.classmate, second, { anonymous: true, comment: `A 审批慢 ${tag}` })
    h.advance(DAY)
    await rate(h, who.junior, signed, { anonymous: false, serviceScore: 5, processScore: 5, tags: ['fast'], comment: `实名好评 ${tag}` })

    const list = await recent(h, owner)
    const mine = list.filter((r) => r.comment?.endsWith(tag))
    expect(mine.map((r) => r.comment)).toEqual([`实名好评 ${tag}`, `A 审批慢 ${tag}`, `Z 材料太多 ${tag}`])
    // Given last, the signed rating comes first; the anonymous ones follow in the order of their
    // content (A before Z), although Z was given first: their place tells nothing about time.
    const [named, ...anonymous] = mine
    expect(named).toMatchObject({ applicationId: signed, anonymous: false, rater: { cardNumber: who.junior } })
    expect(typeof named!.id).toBe('number')
    expect(typeof named!.createdAt).toBe('string')
    for (const r of anonymous) {
      expect(r).toMatchObject({
        id: null,
        applicationId: null,
        createdAt: null,
        stepKey: null,
        rater: null,
        anonymous: true,
        month: '2026-11',
        serviceCode: SERVICE,
      })
      // No other field holds a number or a card that an export could join on. (The comment is
      // left out: it is the rater's own words, and its random tag may contain an id's digits.)
      const text = JSON.stringify({ ...r, comment: undefined })
      for (const leak of [String(first), String(second), who.student, who.classmate, '李明轩', '王梓涵']) expect(text).not.toContain(leak)
    }
    // Every anonymous rating of the list, not only these, is veiled the same way.
    for (const r of list.filter((x) => x.anonymous)) expect([r.id, r.applicationId, r.createdAt, r.rater]).toEqual([null, null, null, null])
    // Anonymous ones never come before a rating in the rater's name of the same month.
    const months = list.map((r) => `${r.month as string}${r.anonymous ? '1' : '0'}`)
    expect(months).toEqual([...months].sort((a, b) => (a.slice(0, 7) === b.slice(0, 7) ? a.localeCompare(b) : b.localeCompare(a))))

    // The application's own rating page shows an owner and a reviewer nothing of it.
    for (const card of [owner, who.counsellor]) expect((await h.get(card, `/api/ratings/${first}`)).body.rating).toBeNull()
    expect((await h.get(owner, `/api/ratings/${signed}`)).body.rating).toMatchObject({ comment: `实名好评 ${tag}`, rater: { cardNumber: who.junior } })

    // The applications export: the anonymous raters' rows look like rows nobody rated, and no cell
    // anywhere holds an anonymous comment; the signed rating is on its applicant's row as before.
    const { book } = await finishedExport(h, owner, { kind: 'applications', serviceCode: SERVICE, from: '2026-09-01', to: '2026-11-30' })
    const all = cells(book)
    expect(all.some((c) => c.includes(`实名好评 ${tag}`))).toBe(true)
    expect(all.filter((c) => c.includes(tag)).length).toBe(1)
    expect(all.some((c) => c.includes('匿名') || /anonymous/i.test(c))).toBe(false)
    const unrated = await completedLeave(h, who.junior2)
    const { book: again } = await finishedExport(h, owner, { kind: 'applications', serviceCode: SERVICE, from: '2026-09-01', to: '2026-11-30' })
    const ratingPart = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => /评分|标签|评价/.test(k)))
    expect(ratingPart(rowOf(again, first))).toEqual(ratingPart(rowOf(again, unrated)))
    expect(ratingPart(rowOf(again, second))).toEqual(ratingPart(rowOf(again, unrated)))
    expect(rowOf(again, signed)).toMatchObject({ '服务评分 Service': 5, '评价意见 Comment': `实名好评 ${tag}` })
    const { book: figures } = await finishedExport(h, owner, { kind: 'figures', serviceCode: SERVICE, from: '2026-09-01', to: '2026-11-30' })
    expect(cells(figures).some((c) => c.includes(tag))).toBe(false)

    // An administrator sees everything: the application, the author and the time.
    const adminList = (await recent(h, who.admin)).filter((r) => r.comment?.endsWith(tag))
    expect(adminList.map((r) => [r.applicationId, (r.rater as { cardNumber: string }).cardNumber])).toEqual([
      [signed, who.junior],
      [second, who.classmate],
      [first, who.student],
    ])
    expect(adminList[2]).toMatchObject({ stepKey: 'counsellor' })
    expect((await h.get(who.admin, `/api/ratings/${first}`)).body.rating).toMatchObject({ applicationId: first, rater: { cardNumber: who.student } })
    const { book: adminBook } = await finishedExport(h, who.admin, { kind: 'applications', serviceCode: SERVICE, from: '2026-09-01', to: '2026-11-30' })
    expect(rowOf(adminBook, first)).toMatchObject({ '评价意见 Comment': `Z 材料太多 ${tag}` })
    // …and the rater sees their own rating whole.
    const own = (await h.get(who.student, '/api/ratings?mine=1')).body.rated.find((r: { applicationId: number }) => r.applicationId === first)
    expect(own).toMatchObject({ anonymous: true, comment: `Z 材料太多 ${tag}`, rater: { cardNumber: who.student } })
  }, 60_000)

  it('are not listed at all while too few people could have given them', async () => {
    const h = await hall()
    const tag = randomUUID().slice(0, 8)
    const id = await completedLeave(h, who.student)
    // Rated in February 2027: the only leave that ended in January or February is this one, so
    // "an anonymous rating of the leave service in February" would name its applicant.
    h.advance(70 * DAY)
    await rate(h, who.student, id, { anonymous: true, comment: `迟到的匿名评价 ${tag}` })
    expect((await recent(h, owner)).some((r) => r.comment?.includes(tag))).toBe(false)
    // Still counted in the figures, and an administrator still sees it.
    const adminView = (await recent(h, who.admin)).find((r) => r.comment?.includes(tag))
    expect(adminView).toMatchObject({ applicationId: id, month: '2027-02' })
    const stats = (await h.get(owner, `/api/statistics?serviceCode=${SERVICE}&from=2027-02-01&to=2027-02-28`)).body
    expect(stats.totals.ratings).toBe(1)
  }, 60_000)
})
