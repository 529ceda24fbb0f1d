import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
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

export function searchAdminPeople(db: Db, q: string, role?: string) {
  const text = q.trim()
  const conditions = [
    text
      ? or(
          sql`${people.name} LIKE ${likeText(text)} ESCAPE '\\'`,
          sql`${people.nameEn} LIKE ${likeText(text)} ESCAPE '\\'`,
          sql`${people.cardNumber} LIKE ${`${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`,
        )
      : undefined,
    role ? inArray(people.cardNumber, db.select({ c: roleGrants.cardNumber }).from(roleGrants).where(eq(roleGrants.role, role))) : undefined,
  ].filter(Boolean)
  const where = conditions.length ? and(...conditions) : undefined
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(people)
      .where(where)
      .get()?.n ?? 0
  const rows = db
    .select({ person: people, department: { code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn } })
    .from(people)
    .leftJoin(departments, eq(departments.code, people.departmentCode))
    .where(where)
    // Exact card numbers first, then people still here, then by card number.
    .orderBy(sql`${people.cardNumber} = ${text} DESC`, sql`${people.leftAt} IS NOT NULL`, asc(people.cardNumber))
    .limit(LIMIT)
    .all()
  const cards = rows.map((r) => r.person.cardNumber)
  const grants = cards.length
    ? db.select().from(roleGrants).where(inArray(roleGrants.cardNumber, cards)).orderBy(asc(roleGrants.role), asc(roleGrants.scope)).all()
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

export function orgUnits(db: Db) {
  return {
    departments: db
      .select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn, kind: departments.kind })
      .from(departments)
      .orderBy(asc(departments.code))
      .all(),
    classes: db.select().from(classes).orderBy(asc(classes.code)).all(),
    roles: [...ROLES],
  }
}

/** Why the scope does not fit the role (for the console), or null. Demo classes live only in people's records. */
function checkScope(db: Db, role: string, scope: string): string {
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
      !!db.select({ c: classes.code }).from(classes).where(eq(classes.code, scope)).get() ||
      !!db
        .select({ c: people.cardNumber })
        .from(people)
        .where(sql`json_extract(${people.profile}, '$.student.klassCode') = ${scope}`)
        .get()
    if (!known) throw new HallError(422, 'unknown_class', `There is no class “${scope}”: import it first`, `没有班级“${scope}”：请先导入`)
    return scope
  }
  const d = db.select({ kind: departments.kind }).from(departments).where(eq(departments.code, scope)).get()
  if (!d) throw new HallError(422, 'unknown_department', `There is no department “${scope}”`, `没有部门“${scope}”`)
  if (role.startsWith('college-') && d.kind !== 'college')
    throw new HallError(422, 'not_a_college', `${role} is held in a college, and “${scope}” is an office`, `该角色的范围应是学院，“${scope}”是职能部门`)
  return scope
}

function personOrThrow(db: Db, cardNumber: string) {
  const p = db.select({ leftAt: people.leftAt }).from(people).where(eq(people.cardNumber, cardNumber)).get()
  if (!p) throw new HallError(404, 'not_found', `Nobody has the card number ${cardNumber}`, `没有校园卡号为 ${cardNumber} 的人员`)
  return p
}

export function grantRole(db: Db, at: Date, input: { cardNumber: string; role: string; scope: string; actor: string; ip?: string }) {
  return transaction(db, (tx) => {
    const p = personOrThrow(tx, input.cardNumber)
    if (p.leftAt)
      throw new HallError(
        409,
        'person_left',
        `${input.cardNumber} has left the university and cannot hold a role`,
        `${input.cardNumber} 已离开学校，不能再担任角色`,
      )
    const scope = checkScope(tx, input.role, input.scope)
    const done = tx.insert(roleGrants).values({ cardNumber: input.cardNumber, role: input.role, scope, origin: 'console' }).onConflictDoNothing().run()
    if (done.changes > 0) {
      recordAudit(tx, at, {
        actor: input.actor,
        action: 'role.granted',
        outcome: 'success',
        targetKind: 'person',
        targetId: input.cardNumber,
        ...(input.ip ? { ip: input.ip } : {}),
        detail: { role: input.role, scope, via: 'console' },
      })
      refreshSessionRoles(tx, input.cardNumber)
    }
    return { granted: done.changes > 0, role: input.role, scope }
  })
}

export function revokeRole(db: Db, at: Date, input: { cardNumber: string; role: string; scope: string; actor: string; ip?: string }) {
  return transaction(db, (tx) => {
    personOrThrow(tx, input.cardNumber)
    const scope = input.role === 'admin' && !input.scope ? '*' : input.scope
    if (input.role === 'admin' && input.cardNumber === input.actor) {
      throw new HallError(
        409,
        'own_admin',
        'You cannot revoke your own administrator role: ask another administrator',
        '不能撤销自己的系统管理员角色，请联系其他管理员',
      )
    }
    const done = tx
      .delete(roleGrants)
      .where(and(eq(roleGrants.cardNumber, input.cardNumber), eq(roleGrants.role, input.role), eq(roleGrants.scope, scope)))
      .run()
    if (done.changes === 0)
      throw new HallError(
        404,
        'no_such_role',
        `${input.cardNumber} does not hold ${input.role} in ${scope}`,
        `${input.cardNumber} 没有担任该角色（${input.role}，${scope}）`,
      )
    recordAudit(tx, at, {
      actor: input.actor,
      action: 'role.revoked',
      outcome: 'success',
      targetKind: 'person',
      targetId: input.cardNumber,
      ...(input.ip ? { ip: input.ip } : {}),
      detail: { role: input.role, scope, via: 'console' },
    })
    refreshSessionRoles(tx, input.cardNumber)
    return { revoked: true, role: input.role, scope }
  })
}
