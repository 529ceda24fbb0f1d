import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, classes, notifications, people, roleGrants, tasks } from '../../db/schema/index.ts'
import { hall, who } from '../applications/test-support.ts'
import { upload, workbook } from './test-support.ts'

// A person who leaves keeps their row and history, can no longer log in or be assigned, and their
// open tasks go to the substitute the import names, else to the step's escalation contact, through
// the workflow (a recorded transfer, a message to the new assignee) — never to nobody.

const counsellorRow = (extra: Record<string, string>) => ({ cardNumber: who.counsellor, name: '杜红梅', kind: 'staff', department: 'college-cs', ...extra })

async function leaveWaitingForCounsellor() {
  const h = await hall()
  const id = await h.leave(who.student, 2)
  await h.taskOf(who.counsellor, id)
  return { h, id }
}

const openTaskOf = async (h: Awaited<ReturnType<typeof hall>>, id: number) =>
  await h.deps.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.applicationId, id), eq(tasks.box, 'todo')))

describe('a leaver in an organisation import', () => {
  it('hands their open task to the named substitute, with a transfer on the record and a message', async () => {
    const { h, id } = await leaveWaitingForCounsellor()
    const bytes = await workbook({ people: [counsellorRow({ status: 'left', substitute: who.colleague })] })

    const dry = await upload(h, who.admin, bytes, 'left.xlsx', { dryRun: true })
    expect(dry.body.report.transfers).toEqual([expect.objectContaining({ applicationId: id, from: who.counsellor, to: who.colleague, via: 'substitute' })])
    expect((await openTaskOf(h, id)).map((t) => t.assigneeCardNumber)).toEqual([who.counsellor])

    const run = await upload(h, who.admin, bytes, 'left.xlsx', { dryRun: false })
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    expect((await openTaskOf(h, id)).map((t) => t.assigneeCardNumber)).toEqual([who.colleague])
    await h.taskOf(who.colleague, id)
    // The application's history names the transfer; the new assignee got a message.
    const detail = await h.detail(who.student, id)
    expect(JSON.stringify(detail.body)).toContain('transferred')
    expect(
      await h.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientCardNumber, who.colleague), eq(notifications.kind, 'task_assigned'))),
    ).toHaveLength(1)
    // Kept, marked, roles revoked, audited.
    const row = (await h.deps.db.select().from(people).where(eq(people.cardNumber, who.counsellor)))[0]
    expect(row?.leftAt).toBeInstanceOf(Date)
    expect(await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, who.counsellor))).toEqual([])
    expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'person.left'))).toEqual([
      expect.objectContaining({ actor: who.admin, targetId: who.counsellor }),
    ])
    expect((await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'role.revoked'))).length).toBeGreaterThan(0)
    // No login any more, and not offered in the pickers.
    await expect(h.loginAs(who.counsellor)).rejects.toThrow(/has left/)
    const found = await h.get(who.admin, `/api/people?q=${who.counsellor}`)
    expect(found.body.items).toEqual([])
  })

  it('without a substitute, hands the task to the step’s escalation contact', async () => {
    const { h, id } = await leaveWaitingForCounsellor()
    // The counsellor step of undergrad-leave escalates to the college's deputy secretary.
    const run = await upload(h, who.admin, await workbook({ people: [counsellorRow({ status: 'left' })] }), 'left.xlsx', { dryRun: false })
    expect(run.body.report.transfers).toEqual([expect.objectContaining({ to: who.deputy, via: 'escalation' })])
    expect((await openTaskOf(h, id)).map((t) => t.assigneeCardNumber)).toEqual([who.deputy])
  })

  it('with neither, refuses the leaver and changes nothing of them: no task is left with nobody', async () => {
    const { h, id } = await leaveWaitingForCounsellor()
    await h.deps.db.delete(roleGrants).where(eq(roleGrants.role, 'college-deputy-secretary'))
    const run = await upload(h, who.admin, await workbook({ people: [counsellorRow({ status: 'left' })] }), 'left.xlsx', { dryRun: false })
    expect(run.body.report.refused).toEqual([
      expect.objectContaining({
        sheet: 'people',
        row: 2,
        key: who.counsellor,
        reason: expect.stringMatching(/neither a substitute nor an escalation contact/),
      }),
    ])
    expect((await openTaskOf(h, id)).map((t) => t.assigneeCardNumber)).toEqual([who.counsellor])
    expect((await h.deps.db.select().from(people).where(eq(people.cardNumber, who.counsellor)))[0]?.leftAt).toBeNull()
  })

  it('keeps the roles of someone a full list lacks while their task cannot be handed over', async () => {
    const h = await hall()
    // 0200009 comes in by an import as the only reviewer of the library, then gets a task there.
    const first = await workbook({
      people: [{ cardNumber: '0200009', name: '丙', kind: 'staff', department: 'library' }],
      roles: [{ cardNumber: '0200009', role: 'counsellor', scope: 'cs-2023-1' }],
    })
    await h.deps.db.insert(classes).values({ code: 'cs-2023-1', nameZh: '计科2023级1班', nameEn: 'CS 2023-1', collegeCode: 'college-cs' }).onConflictDoNothing()
    expect((await upload(h, who.admin, first, 'a.xlsx', { dryRun: false, mode: 'full' })).status).toBe(200)
    await h.deps.db.delete(roleGrants).where(and(eq(roleGrants.role, 'counsellor'), eq(roleGrants.cardNumber, who.counsellor)))
    await h.deps.db.delete(roleGrants).where(eq(roleGrants.role, 'college-deputy-secretary'))
    const id = await h.leave(who.student, 2)
    await h.taskOf('0200009', id)
    const run = await upload(
      h,
      who.admin,
      await workbook({ people: [{ cardNumber: '0300009', name: '丁', kind: 'staff', department: 'library' }] }),
      'b.xlsx',
      { dryRun: false, mode: 'full' },
    )
    expect(run.body.report.refused).toEqual([expect.objectContaining({ row: null, key: '0200009' })])
    expect(await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, '0200009'))).toHaveLength(1)
    expect((await openTaskOf(h, id)).map((t) => t.assigneeCardNumber)).toEqual(['0200009'])
  })

  it('a full list marks as left the imported people it no longer lists, and revokes imported roles it no longer lists', async () => {
    const h = await hall()
    const first = await workbook({
      people: [
        { cardNumber: '0200001', name: '甲', kind: 'staff', department: 'housing' },
        { cardNumber: '0200002', name: '乙', kind: 'staff', department: 'housing' },
      ],
      roles: [
        { cardNumber: '0200001', role: 'reviewer', scope: 'housing' },
        { cardNumber: '0200001', role: 'service-owner', scope: 'housing' },
      ],
    })
    expect((await upload(h, who.admin, first, 'a.xlsx', { dryRun: false, mode: 'full' })).status).toBe(200)
    // An administrator's grant in the console is not the file's to remove.
    await h.deps.db.insert(roleGrants).values({ cardNumber: '0200002', role: 'reviewer', scope: 'hr', origin: 'console' })
    const second = await workbook({
      people: [{ cardNumber: '0200001', name: '甲', kind: 'staff', department: 'housing' }],
      roles: [{ cardNumber: '0200001', role: 'reviewer', scope: 'housing' }],
    })
    const dry = await upload(h, who.admin, second, 'b.xlsx', { dryRun: true, mode: 'full' })
    expect(dry.body.report.removed.map((r: { key: string }) => r.key).sort()).toEqual(
      ['0200001 service-owner housing', '0200002', '0200002 reviewer hr'].sort(),
    )
    // Demo people (not brought in by an import) are never marked as left by a file that lacks them.
    expect(dry.body.report.removed.map((r: { key: string }) => r.key)).not.toContain(who.counsellor)
    await upload(h, who.admin, second, 'b.xlsx', { dryRun: false, mode: 'full' })
    expect((await h.deps.db.select().from(people).where(eq(people.cardNumber, '0200002')))[0]?.leftAt).toBeInstanceOf(Date)
    expect((await h.deps.db.select().from(roleGrants).where(eq(roleGrants.cardNumber, '0200001'))).map((g) => g.role)).toEqual(['reviewer'])
  })
})
