import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { departments, people, roleGrants } from '../db/schema/index.ts'
import type { Env } from '../env.ts'
import type { SessionUser, UserKind } from '../lib/context.ts'
import { LoginRefused, type VerifiedLogin } from './saml.ts'

// Who logged in: the card number comes from SAML (the NameID, or a configured attribute); the
// rest from the data platform when it knows the person, else from the SAML attributes, so that
// someone the IdP knows but the platform does not still gets in (with nothing to apply for).

const KINDS: readonly UserKind[] = ['staff', 'undergraduate', 'graduate', 'international']

/** The department people are sent to when the data platform lacks their record. */
export const RECORDS_CONTACT_DEPARTMENT = 'network-centre'

function single(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value
  const t = v?.trim()
  return t ? t : null
}

export async function resolveUser(db: Db, env: Env, login: VerifiedLogin): Promise<SessionUser> {
  const attrs = env.samlAttributes
  const cardNumber = attrs.cardNumber ? single(login.attributes[attrs.cardNumber]) : login.nameId.trim()
  // A card number is an identifier, not free text: refuse anything odd rather than store it.
  if (!cardNumber || cardNumber.length > 64 || /[\s\u0000-\u001f\u007f]/.test(cardNumber)) {
    throw new LoginRefused('subject', `no usable campus card number in ${attrs.cardNumber ? `attribute ${attrs.cardNumber}` : 'the NameID'}`)
  }
  const person = (await db.select().from(people).where(eq(people.cardNumber, cardNumber)))[0]
  // Someone who left keeps their history but not their access (an organisation import marked them).
  if (person?.leftAt) throw new LoginRefused('left', `${cardNumber} has left the university (since ${person.leftAt.toISOString().slice(0, 10)})`)
  // HALL_ADMINS are administrators from the first login, before any import knows them.
  const configuredAdmin = env.admins.includes(cardNumber) ? [{ role: 'admin', scope: '*' }] : []
  if (person) {
    const roles = await db.select({ role: roleGrants.role, scope: roleGrants.scope }).from(roleGrants).where(eq(roleGrants.cardNumber, cardNumber))
    if (configuredAdmin.length && !roles.some((r) => r.role === 'admin')) roles.push(...configuredAdmin)
    return {
      cardNumber,
      name: person.name,
      nameEn: person.nameEn,
      kind: person.kind,
      departmentCode: person.departmentCode,
      roles,
      knownToDataPlatform: true,
    }
  }
  const name = single(login.attributes[attrs.name]) ?? cardNumber
  const kind = single(login.attributes[attrs.kind])
  const departmentCode = single(login.attributes[attrs.department])
  const department = departmentCode ? (await db.select().from(departments).where(eq(departments.code, departmentCode)))[0] : undefined
  return {
    cardNumber,
    name,
    nameEn: name,
    kind: KINDS.includes(kind as UserKind) ? (kind as UserKind) : null,
    departmentCode: department ? department.code : null,
    roles: configuredAdmin,
    knownToDataPlatform: false,
  }
}

/** The explanation /api/me gives a person the data platform does not know, naming whom to ask. */
export async function unknownPersonMessage(db: Db): Promise<{ message: string; messageZh: string }> {
  const d = (await db.select().from(departments).where(eq(departments.code, RECORDS_CONTACT_DEPARTMENT)))[0]
  const en = d ? `the ${d.nameEn} (${d.phone}, ${d.location})` : 'the university’s information office'
  const zh = d ? `${d.nameZh}（${d.phone}，${d.location}）` : '学校信息化管理部门'
  return {
    message: `You are logged in, but the university's data platform has no record of you yet, so there is nothing you can apply for in the hall. If you think this is wrong, contact ${en}.`,
    messageZh: `您已登录，但学校数据中心还没有您的信息，因此暂时没有可以办理的事项。如有疑问，请联系${zh}。`,
  }
}
