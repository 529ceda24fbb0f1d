import { and, desc, eq, gt, lt } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { delegations } from '../../db/schema/index.ts'
import { HallError, badInput } from '../../lib/errors.ts'
import { namesOf } from '../../workflow/organisation.ts'
import { personRefOf } from '../applications/applications.service.ts'
import type { DelegationInput } from './tasks.schemas.ts'
import { bellChanged } from '../../notifications/feed.ts'

// Out of office (委托): a person's substitutes and whom they stand in for, checked and stored.

/** The longest period one delegation may cover; a longer absence is a change of post, not a delegation. */
export const MAX_DAYS = 180

type Row = typeof delegations.$inferSelect

function view(rows: Row[], names: Awaited<ReturnType<typeof namesOf>>, now: Date) {
  const person = personRefOf(names)
  return rows.map((r) => ({
    id: r.id,
    person: person(r.cardNumber),
    delegate: person(r.delegate),
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    active: r.from <= now && now < r.to,
  }))
}

/** My substitutes (current and future), and the people I stand in for. */
export async function listDelegations(db: Db, me: string, at: Date) {
  const notOver = gt(delegations.to, at)
  const mine = await db
    .select()
    .from(delegations)
    .where(and(eq(delegations.cardNumber, me), notOver))
    .orderBy(desc(delegations.from))
  const forMe = await db
    .select()
    .from(delegations)
    .where(and(eq(delegations.delegate, me), notOver))
    .orderBy(desc(delegations.from))
  const names = await namesOf(
    db,
    [...mine, ...forMe].flatMap((r) => [r.cardNumber, r.delegate]),
  )
  return { items: view(mine, names, at), forMe: view(forMe, names, at) }
}

/** Names a substitute for a period; a 400 naming the wrong input, or 409 when it overlaps one of mine. */
export async function createDelegation(db: Db, me: string, body: DelegationInput, at: Date) {
  const from = body.from ? new Date(body.from) : at
  const to = new Date(body.to)
  if (body.delegate === me) throw badInput('delegate', 'delegate: you cannot be your own substitute', 'delegate：不能委托给自己')
  if (!(await namesOf(db, [body.delegate])).has(body.delegate)) {
    throw badInput('delegate', `delegate: nobody has the card number ${body.delegate}`, `delegate：找不到校园卡号为 ${body.delegate} 的人`)
  }
  if (to <= from) throw badInput('to', 'to: the end must be after the start', 'to：结束时间必须晚于开始时间')
  if (to <= at) throw badInput('to', 'to: the end must be in the future', 'to：结束时间必须晚于现在')
  if (to.getTime() - from.getTime() > MAX_DAYS * 864e5)
    throw badInput('to', `to: a delegation covers at most ${MAX_DAYS} days`, `to：委托期限最长 ${MAX_DAYS} 天`)
  const created = await transaction(db, async (tx) => {
    const overlapping = (
      await tx
        .select({ id: delegations.id })
        .from(delegations)
        .where(and(eq(delegations.cardNumber, me), lt(delegations.from, to), gt(delegations.to, from)))
    )[0]
    if (overlapping) {
      throw new HallError(
        409,
        'delegation_overlaps',
        'You already have a substitute for part of this period; end that delegation first',
        '该时间段内您已设置了委托，请先取消原委托',
      )
    }
    const row = (await tx.insert(delegations).values({ cardNumber: me, delegate: body.delegate, from, to, createdAt: at }).returning())[0]!
    // The delegate's 待办 now holds my tasks (from `from` on: their stream's safety re-check covers a later start).
    await bellChanged(tx, { tasks: [me, body.delegate] })
    return row
  })
  return view([created], await namesOf(db, [created.cardNumber, created.delegate]), at)[0]!
}

/** Ends one of my delegations now; 404 when it is not mine. */
export async function endDelegation(db: Db, me: string, id: number): Promise<void> {
  const result = await transaction(db, async (tx) => {
    const ended = await tx
      .delete(delegations)
      .where(and(eq(delegations.id, id), eq(delegations.cardNumber, me)))
      .returning({ id: delegations.id, delegate: delegations.delegate })
    await bellChanged(tx, { tasks: ended.flatMap((d) => [me, d.delegate]) })
    return ended
  })
  if (result.length === 0) throw new HallError(404, 'not_found', `You have no delegation ${id}`, `您没有编号为 ${id} 的委托`)
}
