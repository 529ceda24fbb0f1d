import { brotliDecompressSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { JSON_COMPRESS_MIN_BYTES } from '../../lib/compress.ts'
import { recordStatements } from '../../test-support.ts'
import { applications, departments, people, serviceVersions, taskListRevisions, tasks } from '../../db/schema/index.ts'
import { hall, who, type Hall } from '../applications/test-support.ts'

// Issue 15.5: a node serves a whole box's page again while its person's and everyone's numbers in
// task_list_revisions are the ones it was read under (tasks.service.ts, taskListJson). Each test
// here reads a page, then changes what it shows by writing the database directly, as another node
// or an operator's SQL would: no code of this node runs to say so, so only the database's own
// triggers (migrations 0011 on SQLite, 0001 on PostgreSQL) can make the next read show it.

interface Row {
  id: number
  applicationId: number
  stepNameZh: string
  serviceNameZh: string
  referenceNumber: string | null
  overdue: boolean
  dueAt: string | null
  applicant: { name: string; department: { nameZh: string } | null }
}

const todo = async (h: Hall, card: string) => {
  const res = await h.get<{ items: Row[]; total: number }>(card, '/api/tasks?box=todo')
  expect(res.status).toBe(200)
  return res.body
}

/** A hall where the student's leave waits for the counsellor, and the counsellor's 待办 has been served once. */
async function served() {
  const h = await hall()
  const id = await h.leave(who.student, 2)
  const row = (await todo(h, who.counsellor)).items.find((r) => r.applicationId === id)!
  expect(row).toBeDefined()
  return { h, id, row, again: async (card: string = who.counsellor) => (await todo(h, card)).items.find((r) => r.id === row.id) }
}

describe('a served 待办 page', () => {
  it('is served again without reading its rows while nothing in it changed', async () => {
    const { h, again } = await served()
    const statements = recordStatements(h.deps.db)
    const mark = statements.mark()
    expect(await again()).toBeDefined()
    // The session, the delegations and the two numbers are read; the rows and their total are not.
    expect(statements.about(who.counsellor, mark).filter((q) => /from "tasks"/i.test(q.sql))).toEqual([])
    expect(statements.about(who.counsellor, mark).some((q) => /task_list_revisions/.test(q.sql))).toBe(true)
  })

  it('shows a change to its task row, and a task moved to someone else leaves one page for the other', async () => {
    const { h, row, again } = await served()
    await h.deps.db.update(tasks).set({ stepNameZh: '复核（改）' }).where(eq(tasks.id, row.id))
    expect((await again())?.stepNameZh).toBe('复核（改）')

    expect(await again(who.deputy)).toBeUndefined()
    await h.deps.db.update(tasks).set({ assigneeCardNumber: who.deputy }).where(eq(tasks.id, row.id))
    expect(await again()).toBeUndefined()
    expect(await again(who.deputy)).toBeDefined()
  })

  it('shows a change to the application the row belongs to', async () => {
    const { h, id, again } = await served()
    await h.deps.db.update(applications).set({ referenceNumber: '2026-请假-999999' }).where(eq(applications.id, id))
    expect((await again())?.referenceNumber).toBe('2026-请假-999999')
  })

  it('shows a renamed applicant, department and service', async () => {
    const { h, again } = await served()
    await h.deps.db.update(people).set({ name: '李明轩（改）' }).where(eq(people.cardNumber, who.student))
    expect((await again())?.applicant.name).toBe('李明轩（改）')

    const [student] = await h.deps.db.select({ department: people.departmentCode }).from(people).where(eq(people.cardNumber, who.student))
    await h.deps.db.update(departments).set({ nameZh: '计算机学院（改）' }).where(eq(departments.code, student!.department))
    expect((await again())?.applicant.department?.nameZh).toBe('计算机学院（改）')

    const [application] = await h.deps.db
      .select({ version: applications.serviceVersionId })
      .from(applications)
      .where(eq(applications.id, (await again())!.applicationId))
    await h.deps.db.update(serviceVersions).set({ nameZh: '请假（改）' }).where(eq(serviceVersions.id, application!.version))
    expect((await again())?.serviceNameZh).toBe('请假（改）')
  })

  it('marks a task overdue once its deadline passes, with nothing written', async () => {
    const { h, row, again } = await served()
    expect(row.overdue).toBe(false)
    expect(row.dueAt).not.toBeNull()
    h.advance(Date.parse(row.dueAt!) - h.deps.now().getTime() + 1)
    expect((await again())?.overdue).toBe(true)
  })

  it('goes compressed to a browser that offers it, the same JSON as sent plain', async () => {
    const { h } = await served()
    // Four rows: a page above the size that is compressed at all.
    for (const card of [who.classmate, who.junior, who.junior2]) await h.leave(card, 2)
    const cookie = await h.loginAs(who.counsellor)
    const plain = await h.app.request('/api/tasks?box=todo', { headers: { cookie } })
    const text = await plain.text()
    expect(Buffer.byteLength(text)).toBeGreaterThan(JSON_COMPRESS_MIN_BYTES)
    for (let i = 0; i < 2; i++) {
      const br = await h.app.request('/api/tasks?box=todo', { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } })
      expect([br.status, br.headers.get('content-encoding'), br.headers.get('vary')]).toEqual([200, 'br', 'Accept-Encoding'])
      expect(br.headers.get('content-type')).toMatch(/^application\/json/)
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(text)
    }
  })

  it('keeps the header’s counts the same way: a task moved behind the hall’s back moves between them', async () => {
    const { h, row } = await served()
    const counts = async (card: string) => (await h.get<{ todo: number }>(card, '/api/tasks/counts')).body.todo
    const [mine, theirs] = [await counts(who.counsellor), await counts(who.deputy)]
    expect(mine).toBeGreaterThan(0)
    await h.deps.db.update(tasks).set({ assigneeCardNumber: who.deputy }).where(eq(tasks.id, row.id))
    expect([await counts(who.counsellor), await counts(who.deputy)]).toEqual([mine - 1, theirs + 1])
  })

  it('is not raised by the deadline scan’s claims, which no row shows', async () => {
    const { h, row } = await served()
    const numbers = () => h.deps.db.select().from(taskListRevisions).orderBy(taskListRevisions.cardNumber, taskListRevisions.writer)
    const before = await numbers()
    expect(before.find((r) => r.cardNumber === who.counsellor)?.revision).toBeGreaterThan(0)
    await h.deps.db.update(tasks).set({ remindedAt: h.deps.now(), overdueNotifiedAt: h.deps.now() }).where(eq(tasks.id, row.id))
    expect(await numbers()).toEqual(before)
  })
})
