import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { classes, departments, people, roleGrants, sourceFields, sourceSystems } from '../db/schema/index.ts'
import type { UserKind } from '../lib/context.ts'
import type { DataPlatform, DataSource, PlatformRecord, PlatformScalar, PlatformValue } from './types.ts'

// The embedded data platform: the tables the seed fills with the demo university (people, their
// departments and roles, the source systems and which system holds which field). A university
// with a real platform configures the HTTP adapter instead (http.ts); forms do not change.

/**
 * Values the platform derives from others (a class's name from its code, a counsellor from the
 * class): they come from, and are corrected in, the system of the value they derive from.
 */
const DERIVED_FROM: Record<string, string> = {
  departmentNameZh: 'departmentCode',
  departmentNameEn: 'departmentCode',
  'student.klassNameZh': 'student.klassCode',
  'student.klassNameEn': 'student.klassCode',
  // Classes and their counsellors are assigned in the student affairs system.
  'student.counsellorCardNumber': 'student.klassCode',
  'student.counsellorName': 'student.klassCode',
  'student.counsellorPhone': 'student.klassCode',
  'student.supervisorName': 'student.supervisorCardNumber',
}

type SourceRow = typeof sourceFields.$inferSelect
type SystemRow = typeof sourceSystems.$inferSelect & { departmentZh: string; departmentEn: string }

/** Looks up the source of a path: exact, then its parents (`student.dormitory.room` → `student.dormitory`); the kind's row first. */
export function sourceResolver(rows: readonly SourceRow[], systems: readonly SystemRow[]) {
  const byKey = new Map(rows.map((r) => [`${r.kind}|${r.path}`, r]))
  const systemByCode = new Map(systems.map((s) => [s.code, s]))
  return (path: string, kind: UserKind): DataSource | undefined => {
    const start = DERIVED_FROM[path] ?? path
    const parts = start.split('.')
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.')
      const row = byKey.get(`${kind}|${candidate}`) ?? byKey.get(`*|${candidate}`)
      if (!row) continue
      const system = systemByCode.get(row.systemCode)
      if (!system) return undefined
      return {
        systemCode: system.code,
        systemZh: system.nameZh,
        systemEn: system.nameEn,
        departmentCode: system.departmentCode,
        departmentZh: system.departmentZh,
        departmentEn: system.departmentEn,
        authoritative: row.authoritative,
      }
    }
    return undefined
  }
}

/** `{ student: { dormitory: { room: '412' } } }` → `{ 'student.dormitory.room': '412' }`; lists are left out. */
function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, PlatformScalar> = {}) {
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[path] = v
    else if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, path, out)
  }
  return out
}

interface ResearchProject {
  code: string
  titleZh: string
  titleEn: string
  funderZh: string
  funderEn: string
  kind: 'vertical' | 'horizontal'
  budgetYuan: number
}

/** What forms ask about a person's research projects, as plain values. */
function projectValues(projects: readonly ResearchProject[]): Record<string, PlatformScalar> {
  const out: Record<string, PlatformScalar> = { 'staff.researchProjects.count': projects.length }
  if (!projects.length) return out
  const kindZh = { vertical: '纵向', horizontal: '横向' }
  const kindEn = { vertical: 'government-funded', horizontal: 'industry' }
  out['staff.researchProjects.summaryZh'] = projects
    .map((p) => `${p.code}《${p.titleZh}》（${p.funderZh}，${kindZh[p.kind]}，${p.budgetYuan / 10_000} 万元）`)
    .join('\n')
  out['staff.researchProjects.summaryEn'] = projects
    .map((p) => `${p.code} "${p.titleEn}" (${p.funderEn}, ${kindEn[p.kind]}, CNY ${p.budgetYuan.toLocaleString('en')})`)
    .join('\n')
  const pick = (prefix: string, p: ResearchProject | undefined) => {
    if (!p) return
    Object.assign(out, {
      [`${prefix}.code`]: p.code,
      [`${prefix}.titleZh`]: p.titleZh,
      [`${prefix}.titleEn`]: p.titleEn,
      [`${prefix}.funderZh`]: p.funderZh,
      [`${prefix}.funderEn`]: p.funderEn,
      [`${prefix}.budgetYuan`]: p.budgetYuan,
    })
  }
  pick('staff.researchProjects.first', projects[0])
  pick(
    'staff.researchProjects.vertical',
    projects.find((p) => p.kind === 'vertical'),
  )
  return out
}

/** A person's record from the embedded tables, or null when they are not in them. */
export async function embeddedRecord(db: Db, cardNumber: string): Promise<PlatformRecord | null> {
  const person = (await db.select().from(people).where(eq(people.cardNumber, cardNumber)))[0]
  if (!person) return null
  const department = (await db.select().from(departments).where(eq(departments.code, person.departmentCode)))[0]
  const profile = person.profile as { gender?: string; student?: Record<string, unknown>; staff?: Record<string, unknown> }
  const raw: Record<string, PlatformScalar> = flatten({
    cardNumber: person.cardNumber,
    name: person.name,
    nameEn: person.nameEn,
    gender: profile.gender,
    departmentCode: person.departmentCode,
    email: person.email,
    phone: person.phone,
    student: profile.student,
    staff: profile.staff,
  })
  if (department) Object.assign(raw, { departmentNameZh: department.nameZh, departmentNameEn: department.nameEn })

  const student = profile.student as
    { klassCode?: string; dormitory?: { building: string; buildingEn?: string; room: string; bed: string }; supervisorCardNumber?: string } | undefined
  if (student?.dormitory) {
    const d = student.dormitory
    raw['student.dormitory.label'] = `${d.building} ${d.room}室 ${d.bed}号床`
    if (d.buildingEn) raw['student.dormitory.labelEn'] = `${d.buildingEn}, room ${d.room}, bed ${d.bed}`
  }
  const related = new Map<string, typeof person>()
  const relatedPeople = async (numbers: string[]) => {
    const wanted = numbers.filter((n) => !related.has(n))
    if (wanted.length) for (const p of await db.select().from(people).where(inArray(people.cardNumber, wanted))) related.set(p.cardNumber, p)
  }
  if (student?.klassCode) {
    // Classes are in the table: an imported organisation's, or the demo's (seeded with it).
    const klass = (await db.select({ nameZh: classes.nameZh, nameEn: classes.nameEn }).from(classes).where(eq(classes.code, student.klassCode)))[0]
    raw['student.klassNameZh'] = klass?.nameZh ?? student.klassCode
    raw['student.klassNameEn'] = klass?.nameEn ?? student.klassCode
    // The counsellor as the organisation grants the role (the same rows the workflow routes by).
    const grant = (
      await db
        .select({ cardNumber: roleGrants.cardNumber })
        .from(roleGrants)
        .where(and(eq(roleGrants.role, 'counsellor'), eq(roleGrants.scope, student.klassCode)))
    )[0]
    if (grant) {
      await relatedPeople([grant.cardNumber])
      const counsellor = related.get(grant.cardNumber)
      raw['student.counsellorCardNumber'] = grant.cardNumber
      if (counsellor) Object.assign(raw, { 'student.counsellorName': counsellor.name, 'student.counsellorPhone': counsellor.phone })
    }
  }
  if (student?.supervisorCardNumber) {
    await relatedPeople([student.supervisorCardNumber])
    const supervisor = related.get(student.supervisorCardNumber)
    if (supervisor) raw['student.supervisorName'] = supervisor.name
  }
  const projects = (profile.staff as { researchProjects?: ResearchProject[] } | undefined)?.researchProjects
  if (projects) Object.assign(raw, projectValues(projects))

  const resolve = sourceResolver(await db.select().from(sourceFields), await systemsWithDepartments(db))
  const values: Record<string, PlatformValue> = {}
  for (const [path, value] of Object.entries(raw)) {
    const source = resolve(path, person.kind)
    if (source) values[path] = { value, source }
  }
  // "Your adviser" for forms that serve every kind of student: the class counsellor where there is
  // one (undergraduates), else the supervisor (graduates), each from the system that assigned them.
  const adviser = values['student.counsellorName'] ? 'counsellor' : values['student.supervisorName'] ? 'supervisor' : null
  if (adviser) {
    values['student.adviserName'] = values[`student.${adviser}Name`]!
    const card = values[`student.${adviser}CardNumber`]
    if (card) values['student.adviserCardNumber'] = card
  }
  return { cardNumber: person.cardNumber, kind: person.kind, values }
}

async function systemsWithDepartments(db: Db): Promise<SystemRow[]> {
  return await db
    .select({
      code: sourceSystems.code,
      nameZh: sourceSystems.nameZh,
      nameEn: sourceSystems.nameEn,
      departmentCode: sourceSystems.departmentCode,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
    })
    .from(sourceSystems)
    .innerJoin(departments, eq(departments.code, sourceSystems.departmentCode))
}

export function createEmbeddedPlatform(db: Db): DataPlatform {
  return {
    kind: 'embedded',
    person: async (cardNumber) => await embeddedRecord(db, cardNumber),
  }
}
