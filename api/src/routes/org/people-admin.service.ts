import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm'
import { jsonText, likeIgnoringCase } from '../../db/portable-sql.ts'
import { recordAudit } from '../../audit/record.ts'
import { transaction, type Db } from '../../db/client.ts'
import { classes, departments, people, roleGrants } from '../../db/schema/index.ts'
import { HallError } from '../../lib/errors.ts'
import { ROLES } from './org.schemas.ts'
import { refreshSessionRoles } from './org.service.ts'

// People and roles as administrators manage them: search everyone (those who left too), see
// their roles, grant and revoke one with its scope. Each change is audited in its transaction.

const LIMIT = 50

/** `%` and `_` typed by a person are letters, not wildcards. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export async function searchAdminPeople(db: Db, q: string, role?: string) {
  const text = q.trim()
  const conditions = [
    text
      ? or(
          likeIgnoringCase(people.name, likeText(text)),
          likeIgnoringCase(people.nameEn, likeText(text)),
          likeIgnoringCase(people.cardNumber, `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        )
      : undefined,
    role ? inArray(people.cardNumber, db.select({ c: roleGrants.cardNumber }).from(roleGrants).where(eq(roleGrants.role, role))) : undefined,
  ].filter(Boolean)
  const where = conditions.length ? and(...conditions) : undefined
  const total = (await db.select({ n: count() }).from(people).where(where))[0]?.n ?? 0
  const rows = await db
    .select({ person: people, department: { code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn } })
    .from(people)
    .leftJoin(departments, eq(departments.code, people.departmentCode))
    .where(where)
    // Exact card numbers first, then people still here, then by card number.
    .orderBy(sql`${people.cardNumber} = ${text} DESC`, sql`${people.leftAt} IS NOT NULL`, asc(people.cardNumber))
    .limit(LIMIT)
  const cards = rows.map((r) => r.person.cardNumber)
  const grants = cards.length
    ? await db.select().from(roleGrants).where(inArray(roleGrants.cardNumber, cards)).orderBy(asc(roleGrants.role), asc(roleGrants.scope))
    : []
  return {
    items: rows.map(({ person: p, department }) => ({
      cardNumber: p.cardNumber,
      name: p.name,
      nameEn: p.nameEn,
      kind: p.kind,
      department: department?.code ? department : null,
      klass: (p.profile as { student?: { klassCode?: string } }).student?.klassCode ?? null,
      leftAt: p.leftAt ? p.leftAt.toISOString() : null,
      roles: grants.filter((g) => g.cardNumber === p.cardNumber).map((g) => ({ role: g.role, scope: g.scope, origin: g.origin })),
    })),
    total,
  }
}

export async function orgUnits(db: Db) {
  return {
    departments: await db
      .select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn, kind: departments.kind })
      .from(departments)
      .orderBy(asc(departments.code)),
    classes: await db.select().from(classes).orderBy(asc(classes.code)),
    roles: [...ROLES],
  }
}

/** Why the scope does not fit the role (for the console), or null. Demo classes live only in people's records. */
async function checkScope(db: Db, role: string, scope: string): Promise<string> {
  if (role === 'admin') {
    if (scope && scope !== '*') throw new HallError(400, 'bad_scope', 'An administrator’s role has no scope: leave it empty', '系统管理员角色没有范围，请留空')
    return '*'
  }
  if (!scope)
    throw new HallError(
      400,
      'bad_scope',
      `Choose the ${role === 'counsellor' ? 'class' : role.startsWith('college-') ? 'college' : 'department'} the role applies to`,
      '请选择角色的范围',
    )
  if (role === 'counsellor') {
    const known =
      !!(await db.select({ c: classes.code }).from(classes).where(eq(classes.code, scope)))[0] ||
      !!(
        await db
          .select({ c: people.cardNumber })
          .from(people)
          .where(eq(jsonText(people.profile, ['student', 'klassCode']), scope))
      )[0]
    if (!known) throw new HallError(422, 'unknown_class', `There is no class “${scope}”: import it first`, `没有班级“${scope}”：请先导入`)
    return scope
  }
  const d = (await db.select({ kind: departments.kind }).from(departments).where(eq(departments.code, scope)))[0]
  if (!d) throw new HallError(422, 'unknown_department', `There is no department “${scope}”`, `没有部门“${scope}”`)
  if (role.startsWith('college-') && d.kind !== 'college')
    throw new HallError(422, 'not_a_college', `${role} is held in a college, and “${scope}” is an office`, `该角色的范围应是学院，“${scope}”是职能部门`)
  return scope
}

async function personOrThrow(db: Db, cardNumber: string) {
  const p = (await db.select({ leftAt: people.leftAt }).from(people).where(eq(people.cardNumber, cardNumber)))[0]
  if (!p) throw new HallError(404, 'not_found', `Nobody has the card number ${cardNumber}`, `没有校园卡号为 ${cardNumber} 的人员`)
  return p
}

export async function grantRole(db: Db, at: Date, input: { cardNumber: string; role: string; scope: string; actor: string; ip?: string }) {
  return await transaction(db, async (tx) => {
    const p = await personOrThrow(tx, input.cardNumber)
    if (p.leftAt)
      throw new HallError(
        409,
        'person_left',
        `${input.cardNumber} has left the university and cannot hold a role`,
        `${input.cardNumber} 已离开学校，不能再担任角色`,
      )
    const scope = await checkScope(tx, input.role, input.scope)
    const done = await tx
      .insert(roleGrants)
      .values({ cardNumber: input.cardNumber, role: input.role, scope, origin: 'console' })
      .onConflictDoNothing()
      .returning({ role: roleGrants.role })
    if (done.length > 0) {
      await recordAudit(tx, at, {
        actor: input.actor,
        action: 'role.granted',
        outcome: 'success',
        targetKind: 'person',
        targetId: input.cardNumber,
        ...(input.ip ? { ip: input.ip } : {}),
        detail: { role: input.role, scope, via: 'console' },
      })
      await refreshSessionRoles(tx, input.cardNumber)
    }
    return { granted: done.length > 0, role: input.role, scope }
  })
}

export async function revokeRole(db: Db, at: Date, input: { cardNumber: string; role: string; scope: string; actor: string; ip?: string }) {
  return await transaction(db, async (tx) => {
    await personOrThrow(tx, input.cardNumber)
    const scope = input.role === 'admin' && !input.scope ? '*' : input.scope
    if (input.role === 'admin' && input.cardNumber === input.actor) {
      throw new HallError(
        409,
        'own_admin',
        'You cannot revoke your own administrator role: ask another administrator',
        '不能撤销自己的系统管理员角色，请联系其他管理员',
      )
    }
    const done = await tx
      .delete(roleGrants)
      .where(and(eq(roleGrants.cardNumber, input.cardNumber), eq(roleGrants.role, input.role), eq(roleGrants.scope, scope)))
      .returning({ role: roleGrants.role })
    if (done.length === 0)
      throw new HallError(
        404,
        'no_such_role',
        `${input.cardNumber} does not hold ${input.role} in ${scope}`,
        `${input.cardNumber} 没有担任该角色（${input.role}，${scope}）`,
      )
    await recordAudit(tx, at, {
      actor: input.actor,
      action: 'role.revoked',
      outcome: 'success',
      targetKind: 'person',
      targetId: input.cardNumber,
      ...(input.ip ? { ip: input.ip } : {}),
      detail: { role: input.role, scope, via: 'console' },
    })
    await refreshSessionRoles(tx, input.cardNumber)
    return { revoked: true, role: input.role, scope }
  })
}
