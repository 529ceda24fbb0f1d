import type { ApplicantFacts, AssigneeResolver, ProcessDefinition, StepBody } from '@hall/workflow'
import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { recordAudit } from '../../audit/record.ts'
import { transaction, type Db } from '../../db/client.ts'
import { applications, classes, departments, orgImports, people, roleGrants, serviceVersions, sessions, tasks } from '../../db/schema/index.ts'
import type { Deps } from '../../lib/context.ts'
import { actIn } from '../../workflow/act.ts'
import { processOf, stateOf } from '../../workflow/definitions.ts'
import { OrganisationAnswers, withAnswers } from '../../workflow/organisation.ts'
import { bumpCatalogRevision } from '../catalog/catalog.service.ts'
import { ROLES } from './org.schemas.ts'
import type { ReadRefusal, SheetRow } from './org.sheets.ts'
import { forgetDepartments, forgetSessions } from '../../auth/session-memory.ts'

// Importing the university's own organisation (issue 12): departments, classes, people and role
// grants from rows (a spreadsheet, a CSV, the data platform). `planImport` checks every row and
// works out what would be added, changed and removed without writing anything (the dry run);
// `runImport` stores the valid part in ONE transaction with its audit rows and the report.
//
// Removal never deletes: a leaver's row is kept (their applications and decisions name them),
// marked `left_at`; their roles are revoked and their open tasks are transferred through the
// workflow to a named substitute or the step's escalation contact. If neither exists, the leaver
// is refused (stays active) so that no task is left with nobody.

const KINDS = ['staff', 'undergraduate', 'graduate', 'international'] as const
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/
const CARD = /^[^\s\u0000-\u001f\u007f]{1,64}$/

export type ImportMode = 'full' | 'partial'

export interface Refusal {
  sheet: string
  row: number | null
  /** The item the row is about (a code, a card number, `card role scope`), when it could be read. */
  key: string | null
  reason: string
  reasonZh: string
}
export interface Change {
  sheet: 'departments' | 'classes' | 'people' | 'roles'
  key: string
  /** For a change: the columns that differ. For a removal: why. */
  detail: string
}
export interface Transfer {
  applicationId: number
  taskId: number
  from: string
  to: string
  /** `substitute` (the import named them) or `escalation` (the step's escalation contact). */
  via: 'substitute' | 'escalation'
}
export interface ImportReport {
  mode: ImportMode
  counts: { rows: number; added: number; changed: number; removed: number; refused: number; transfers: number }
  added: Change[]
  changed: Change[]
  removed: Change[]
  refused: Refusal[]
  transfers: Transfer[]
}

interface DeptRow {
  code: string
  nameZh: string
  nameEn: string
  kind: 'office' | 'college'
  phone: string
  location: string
}
interface ClassRow {
  code: string
  nameZh: string
  nameEn: string
  collegeCode: string
}
interface PersonRow {
  cardNumber: string
  name: string
  nameEn: string
  kind: (typeof KINDS)[number]
  departmentCode: string
  klass: string | null
  email: string
  phone: string
  left: boolean
  substitute: string | null
  row: number
}
interface GrantRow {
  cardNumber: string
  role: string
  scope: string
}

/** What a run writes, worked out in full before anything is written. */
interface Plan {
  report: ImportReport
  departments: DeptRow[]
  classes: ClassRow[]
  people: PersonRow[]
  grant: GrantRow[]
  revoke: Array<GrantRow & { why: string }>
  /** Card numbers to mark as left, each with the transfers of their open tasks. */
  leave: Array<{ cardNumber: string; transfers: Transfer[] }>
  /** Imported grants that stay, to be marked as the import's. */
  adopt: GrantRow[]
}

const refuse = (list: Refusal[], sheet: string, row: number | null, key: string | null, reason: string, reasonZh: string) =>
  list.push({ sheet, row, key, reason, reasonZh })

function missing(cells: Record<string, string>, keys: string[]) {
  return keys.filter((k) => !cells[k])
}

const grantKey = (g: GrantRow) => `${g.cardNumber} ${g.role} ${g.scope}`

/** Finds a step (top level or in a parallel branch) by id. */
function stepBody(definition: ProcessDefinition, stepId: string): StepBody | null {
  for (const node of definition.steps) {
    if (node.type === 'parallel') {
      for (const b of node.branches) for (const s of b.steps) if (s.id === stepId) return s
    } else if (node.id === stepId) return node
  }
  return null
}

/** The people a step's escalation rules name (rules without a condition; a form field's person too). */
async function escalationContacts(
  db: Db,
  definition: ProcessDefinition,
  stepId: string,
  applicant: ApplicantFacts | null,
  form: Record<string, unknown>,
): Promise<string[]> {
  const answers = new OrganisationAnswers(db)
  return withAnswers(answers, () => escalationContactsFrom(answers.resolver, definition, stepId, applicant, form))
}

function escalationContactsFrom(
  resolver: AssigneeResolver,
  definition: ProcessDefinition,
  stepId: string,
  applicant: ApplicantFacts | null,
  form: Record<string, unknown>,
): string[] {
  const body = stepBody(definition, stepId)
  if (!body?.escalateTo || !applicant) return []
  const out: string[] = []
  for (const rule of body.escalateTo) {
    if (rule.when !== undefined) continue
    if ('field' in rule) {
      const v = form[rule.field]
      if (typeof v === 'string') out.push(v)
      continue
    }
    if ('role' in rule) {
      const scope = rule.scope
      if (typeof scope === 'object' && 'field' in scope) {
        const d = form[scope.field]
        if (typeof d === 'string') out.push(...resolver.resolveAssignees({ role: rule.role, scope: { department: d } }, applicant))
        continue
      }
      out.push(...resolver.resolveAssignees({ role: rule.role, scope: scope as never }, applicant))
      continue
    }
    const { when: _when, ...plain } = rule
    out.push(...resolver.resolveAssignees(plain as never, applicant))
  }
  return [...new Set(out)]
}

/**
 * Checks every row against the file and the hall's current organisation, and works out the
 * changes. Writes nothing.
 */
export async function planImport(db: Db, rows: SheetRow[], readRefused: ReadRefusal[], mode: ImportMode, keepAdmins: readonly string[] = []): Promise<Plan> {
  const refused: Refusal[] = readRefused.map((r) => ({ ...r, key: null }))
  const added: Change[] = []
  const changed: Change[] = []
  const removed: Change[] = []

  const dbDepts = new Map((await db.select().from(departments)).map((d) => [d.code, d]))
  const dbClasses = new Map((await db.select().from(classes)).map((c) => [c.code, c]))
  const dbPeople = new Map((await db.select().from(people)).map((p) => [p.cardNumber, p]))
  const dbGrants = await db.select().from(roleGrants)

  // Departments.
  const fileDepts = new Map<string, DeptRow & { row: number }>()
  for (const r of rows.filter((r) => r.sheet === 'departments')) {
    const c = r.cells
    const lack = missing(c, ['code', 'nameZh', 'kind'])
    if (lack.length) {
      refuse(refused, 'departments', r.row, c.code || null, `missing ${lack.join(', ')}`, `缺少 ${lack.join('、')}`)
      continue
    }
    if (!CODE.test(c.code!)) {
      refuse(
        refused,
        'departments',
        r.row,
        c.code!,
        'code: use lower-case letters, digits and hyphens (e.g. college-cs)',
        'code：只能用小写字母、数字和连字符（如 college-cs）',
      )
      continue
    }
    if (c.kind !== 'office' && c.kind !== 'college') {
      refuse(refused, 'departments', r.row, c.code!, `kind “${c.kind}” is not office or college`, `类型“${c.kind}”不是 office 或 college`)
      continue
    }
    const seen = fileDepts.get(c.code!)
    if (seen) {
      refuse(refused, 'departments', r.row, c.code!, `duplicate department code: already on row ${seen.row}`, `部门代码重复：已在第 ${seen.row} 行`)
      continue
    }
    fileDepts.set(c.code!, {
      code: c.code!,
      nameZh: c.nameZh!,
      nameEn: c.nameEn || c.nameZh!,
      kind: c.kind,
      phone: c.phone ?? '',
      location: c.location ?? '',
      row: r.row,
    })
  }
  const deptKind = (code: string) => fileDepts.get(code)?.kind ?? dbDepts.get(code)?.kind ?? null

  // Classes.
  const fileClasses = new Map<string, ClassRow & { row: number }>()
  for (const r of rows.filter((r) => r.sheet === 'classes')) {
    const c = r.cells
    const lack = missing(c, ['code', 'nameZh', 'college'])
    if (lack.length) {
      refuse(refused, 'classes', r.row, c.code || null, `missing ${lack.join(', ')}`, `缺少 ${lack.join('、')}`)
      continue
    }
    if (!CODE.test(c.code!)) {
      refuse(
        refused,
        'classes',
        r.row,
        c.code!,
        'code: use lower-case letters, digits and hyphens (e.g. cs-2025-1)',
        'code：只能用小写字母、数字和连字符（如 cs-2025-1）',
      )
      continue
    }
    const kind = deptKind(c.college!)
    if (kind === null) {
      refuse(
        refused,
        'classes',
        r.row,
        c.code!,
        `unknown department “${c.college}”: add it to the departments sheet`,
        `未知的部门“${c.college}”：请在 departments 表中添加`,
      )
      continue
    }
    if (kind !== 'college') {
      refuse(refused, 'classes', r.row, c.code!, `“${c.college}” is an office, not a college`, `“${c.college}”是职能部门，不是学院`)
      continue
    }
    const seen = fileClasses.get(c.code!)
    if (seen) {
      refuse(refused, 'classes', r.row, c.code!, `duplicate class code: already on row ${seen.row}`, `班级代码重复：已在第 ${seen.row} 行`)
      continue
    }
    fileClasses.set(c.code!, { code: c.code!, nameZh: c.nameZh!, nameEn: c.nameEn || c.nameZh!, collegeCode: c.college!, row: r.row })
  }
  const classExists = (code: string) => fileClasses.has(code) || dbClasses.has(code)

  // People. A card number seen anywhere in the sheet (even on a refused row) is not "absent".
  const filePeople = new Map<string, PersonRow>()
  const mentioned = new Set<string>()
  const peopleRows = rows.filter((r) => r.sheet === 'people')
  const firstRowOf = new Map<string, number>()
  for (const r of peopleRows) {
    const c = r.cells
    if (c.cardNumber) mentioned.add(c.cardNumber)
    const first = c.cardNumber ? firstRowOf.get(c.cardNumber) : undefined
    if (c.cardNumber && first !== undefined) {
      refuse(refused, 'people', r.row, c.cardNumber, `duplicate card number: already on row ${first}`, `校园卡号重复：已在第 ${first} 行`)
      continue
    }
    if (c.cardNumber) firstRowOf.set(c.cardNumber, r.row)
    const lack = missing(c, ['cardNumber', 'name', 'kind', 'department'])
    if (lack.length) {
      refuse(refused, 'people', r.row, c.cardNumber || null, `missing ${lack.join(', ')}`, `缺少 ${lack.join('、')}`)
      continue
    }
    if (!CARD.test(c.cardNumber!)) {
      refuse(refused, 'people', r.row, c.cardNumber!, 'cardNumber: no spaces, at most 64 characters', '校园卡号：不能有空格，最多 64 个字符')
      continue
    }
    if (!(KINDS as readonly string[]).includes(c.kind!)) {
      refuse(
        refused,
        'people',
        r.row,
        c.cardNumber!,
        `kind “${c.kind}” is not staff, undergraduate, graduate or international`,
        `类别“${c.kind}”不是 staff、undergraduate、graduate 或 international`,
      )
      continue
    }
    if (deptKind(c.department!) === null) {
      refuse(
        refused,
        'people',
        r.row,
        c.cardNumber!,
        `unknown department “${c.department}”: add it to the departments sheet`,
        `未知的部门“${c.department}”：请在 departments 表中添加`,
      )
      continue
    }
    if (c.class && !classExists(c.class)) {
      refuse(
        refused,
        'people',
        r.row,
        c.cardNumber!,
        `unknown class “${c.class}”: add it to the classes sheet`,
        `未知的班级“${c.class}”：请在 classes 表中添加`,
      )
      continue
    }
    const status = (c.status ?? '').toLowerCase()
    if (status && status !== 'active' && status !== 'left') {
      refuse(refused, 'people', r.row, c.cardNumber!, `status “${c.status}” is not active or left`, `状态“${c.status}”不是 active 或 left`)
      continue
    }
    filePeople.set(c.cardNumber!, {
      cardNumber: c.cardNumber!,
      name: c.name!,
      nameEn: c.nameEn || c.name!,
      kind: c.kind as PersonRow['kind'],
      departmentCode: c.department!,
      klass: c.class || null,
      email: c.email ?? '',
      phone: c.phone ?? '',
      left: status === 'left',
      substitute: c.substitute || null,
      row: r.row,
    })
  }
  const activeAfter = (card: string) => {
    const f = filePeople.get(card)
    if (f) return !f.left
    const p = dbPeople.get(card)
    return !!p && !p.leftAt && !(mode === 'full' && p.origin === 'import' && !mentioned.has(card))
  }
  // Substitutes must be people who stay.
  for (const p of filePeople.values()) {
    if (p.substitute && (p.substitute === p.cardNumber || !activeAfter(p.substitute))) {
      refuse(
        refused,
        'people',
        p.row,
        p.cardNumber,
        `substitute “${p.substitute}” is not a person who stays in the organisation`,
        `待办接替人“${p.substitute}”不是在校人员`,
      )
      filePeople.delete(p.cardNumber)
    }
  }

  // Roles.
  const fileGrants = new Map<string, GrantRow & { row: number }>()
  const mentionedGrants = new Set<string>()
  for (const r of rows.filter((r) => r.sheet === 'roles')) {
    const c = r.cells
    const scope = c.role === 'admin' ? c.scope || '*' : (c.scope ?? '')
    const key = c.cardNumber && c.role ? `${c.cardNumber} ${c.role} ${scope}` : null
    if (key) mentionedGrants.add(key)
    const lack = missing(c, ['cardNumber', 'role'])
    if (lack.length) {
      refuse(refused, 'roles', r.row, key, `missing ${lack.join(', ')}`, `缺少 ${lack.join('、')}`)
      continue
    }
    if (!(ROLES as readonly string[]).includes(c.role!)) {
      refuse(refused, 'roles', r.row, key, `unknown role “${c.role}”`, `未知的角色“${c.role}”`)
      continue
    }
    if (!activeAfter(c.cardNumber!)) {
      refuse(
        refused,
        'roles',
        r.row,
        key,
        `${c.cardNumber} is not a person of the organisation (not on the people sheet, refused there, or left)`,
        `${c.cardNumber} 不是在校人员（不在 people 表中、在该表被拒绝或已离开）`,
      )
      continue
    }
    const why = scopeProblem(c.role!, scope, deptKind, classExists)
    if (why) {
      refuse(refused, 'roles', r.row, key, why.en, why.zh)
      continue
    }
    const seen = fileGrants.get(key!)
    if (seen) {
      refuse(refused, 'roles', r.row, key, `duplicate role: already on row ${seen.row}`, `角色重复：已在第 ${seen.row} 行`)
      continue
    }
    fileGrants.set(key!, { cardNumber: c.cardNumber!, role: c.role!, scope, row: r.row })
  }

  // Leavers: marked left in the file, or (full list) brought in by an import and absent now.
  const leaverCards = new Set<string>()
  for (const p of filePeople.values()) if (p.left && !dbPeople.get(p.cardNumber)?.leftAt && dbPeople.has(p.cardNumber)) leaverCards.add(p.cardNumber)
  if (mode === 'full') for (const p of dbPeople.values()) if (p.origin === 'import' && !p.leftAt && !mentioned.has(p.cardNumber)) leaverCards.add(p.cardNumber)

  const leave: Plan['leave'] = []
  /** Leavers refused (their tasks could not be handed over): they stay as they are, roles included. */
  const stayAsTheyAre = new Set<string>()
  for (const card of leaverCards) {
    const substitute = filePeople.get(card)?.substitute ?? null
    const open = await db
      .select({ id: tasks.id, applicationId: tasks.applicationId, stepKey: tasks.stepKey, status: tasks.status, engineTaskId: tasks.engineTaskId })
      .from(tasks)
      .where(and(eq(tasks.assigneeCardNumber, card), eq(tasks.box, 'todo')))
    const transfers: Transfer[] = []
    let problem: { en: string; zh: string } | null = null
    for (const t of open) {
      if (t.status !== 'open') {
        problem = {
          en: `task ${t.id} (application ${t.applicationId}) waits for ${t.status === 'asked' ? "the applicant's answer" : 'an added signer'} and cannot be handed over yet; import them as left once it is back`,
          zh: `待办 ${t.id}（申请 ${t.applicationId}）正在等待${t.status === 'asked' ? '申请人答复' : '加签人'}，暂时无法转交；请在其回到待办后再标记离开`,
        }
        break
      }
      let to = substitute && activeAfter(substitute) ? substitute : null
      let via: Transfer['via'] = 'substitute'
      if (!to) {
        const app = (
          await db
            .select({ state: applications.state, form: applications.formData, version: serviceVersions })
            .from(applications)
            .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
            .where(eq(applications.id, t.applicationId))
        )[0]
        const state = app ? stateOf(app.state) : null
        const contacts = app && state ? await escalationContacts(db, processOf(app.version), t.stepKey, state.applicant, app.form ?? {}) : []
        to = contacts.find((p) => p !== card && !leaverCards.has(p) && activeAfter(p)) ?? null
        via = 'escalation'
      }
      if (!to) {
        problem = {
          en: `has an open task (${t.id}, application ${t.applicationId}) and neither a substitute nor an escalation contact of its step who stays: name a substitute in the substitute column`,
          zh: `有未办结的待办（${t.id}，申请 ${t.applicationId}），但既没有待办接替人，该环节也没有在校的超时联系人：请在“待办接替人”列中填写接替人`,
        }
        break
      }
      transfers.push({ applicationId: t.applicationId, taskId: t.id, from: card, to, via })
    }
    if (problem) {
      const row = filePeople.get(card)?.row ?? null
      refuse(refused, 'people', row, card, `${card} cannot leave yet: ${problem.en}`, `${card} 暂不能标记离开：${problem.zh}`)
      filePeople.delete(card)
      stayAsTheyAre.add(card)
      continue
    }
    leave.push({ cardNumber: card, transfers })
    removed.push({
      sheet: 'people',
      key: card,
      detail: filePeople.get(card)?.left ? 'marked as left in the file' : 'absent from the full list: marked as left',
    })
  }
  const leaving = new Set(leave.map((l) => l.cardNumber))

  // Differences for what stays.
  const deptRows: DeptRow[] = []
  for (const d of fileDepts.values()) {
    const { row: _r, ...v } = d
    const old = dbDepts.get(d.code)
    if (!old) {
      added.push({ sheet: 'departments', key: d.code, detail: d.nameZh })
      deptRows.push(v)
      continue
    }
    const diff = (['nameZh', 'nameEn', 'kind', 'phone', 'location'] as const).filter((k) => old[k] !== v[k])
    if (diff.length) {
      changed.push({ sheet: 'departments', key: d.code, detail: diff.join(', ') })
      deptRows.push(v)
    }
  }
  const classRows: ClassRow[] = []
  for (const k of fileClasses.values()) {
    const { row: _r, ...v } = k
    const old = dbClasses.get(k.code)
    if (!old) {
      added.push({ sheet: 'classes', key: k.code, detail: k.nameZh })
      classRows.push(v)
      continue
    }
    const diff = (['nameZh', 'nameEn', 'collegeCode'] as const).filter((f) => old[f] !== v[f])
    if (diff.length) {
      changed.push({ sheet: 'classes', key: k.code, detail: diff.join(', ') })
      classRows.push(v)
    }
  }
  const personRows: PersonRow[] = []
  for (const p of filePeople.values()) {
    const old = dbPeople.get(p.cardNumber)
    if (!old) {
      // A newcomer listed as left is recorded (history may name them) but gets no login.
      added.push({ sheet: 'people', key: p.cardNumber, detail: p.left ? `${p.name} (left)` : p.name })
      personRows.push(p)
      continue
    }
    const oldClass = (old.profile as { student?: { klassCode?: string } }).student?.klassCode ?? null
    const diff = [
      ...(['name', 'nameEn', 'kind', 'departmentCode', 'email', 'phone'] as const).filter((k) => old[k] !== p[k]),
      ...(oldClass !== p.klass ? ['class'] : []),
      ...(old.leftAt && !p.left ? ['status: back'] : []),
      ...(old.origin !== 'import' ? ['origin'] : []),
    ]
    if (diff.length) {
      if (diff.some((d) => d !== 'origin')) changed.push({ sheet: 'people', key: p.cardNumber, detail: diff.filter((d) => d !== 'origin').join(', ') })
      personRows.push(p)
    }
  }
  const existing = new Map(dbGrants.map((g) => [grantKey(g), g]))
  const grant: GrantRow[] = []
  const adopt: GrantRow[] = []
  for (const [key, g] of fileGrants) {
    if (leaving.has(g.cardNumber)) continue
    const old = existing.get(key)
    if (!old) {
      grant.push(g)
      added.push({ sheet: 'roles', key, detail: 'granted' })
    } else if (old.origin !== 'import') adopt.push(g)
  }
  const revoke: Plan['revoke'] = []
  for (const g of dbGrants) {
    const key = grantKey(g)
    if (leaving.has(g.cardNumber)) {
      revoke.push({ ...g, why: 'the person left' })
      removed.push({ sheet: 'roles', key, detail: 'revoked: the person left' })
      continue
    }
    if (
      mode === 'full' &&
      g.origin === 'import' &&
      !mentionedGrants.has(key) &&
      !stayAsTheyAre.has(g.cardNumber) &&
      !(g.role === 'admin' && keepAdmins.includes(g.cardNumber))
    ) {
      revoke.push({ ...g, why: 'absent from the full list' })
      removed.push({ sheet: 'roles', key, detail: 'revoked: absent from the full list' })
    }
  }

  const transfers = leave.flatMap((l) => l.transfers)
  refused.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  return {
    report: {
      mode,
      counts: {
        rows: rows.length + readRefused.length,
        added: added.length,
        changed: changed.length,
        removed: removed.length,
        refused: refused.length,
        transfers: transfers.length,
      },
      added,
      changed,
      removed,
      refused,
      transfers,
    },
    departments: deptRows,
    classes: classRows,
    people: personRows,
    grant,
    revoke,
    leave,
    adopt,
  }
}

function scopeProblem(
  role: string,
  scope: string,
  deptKind: (c: string) => string | null,
  classExists: (c: string) => boolean,
): { en: string; zh: string } | null {
  if (role === 'admin') return scope === '*' ? null : { en: 'an admin role has no scope (leave it empty)', zh: 'admin 角色没有范围（请留空）' }
  if (!scope)
    return { en: `missing scope: the ${role === 'counsellor' ? 'class' : role.startsWith('college-') ? 'college' : 'department'} of the role`, zh: '缺少范围' }
  if (role === 'counsellor')
    return classExists(scope)
      ? null
      : {
          en: `a counsellor of class “${scope}”, which does not exist: add it to the classes sheet`,
          zh: `辅导员所带班级“${scope}”不存在：请在 classes 表中添加`,
        }
  const kind = deptKind(scope)
  if (kind === null) return { en: `unknown department “${scope}”`, zh: `未知的部门“${scope}”` }
  if (role.startsWith('college-') && kind !== 'college')
    return { en: `${role} needs a college, and “${scope}” is an office`, zh: `${role} 的范围应是学院，“${scope}”是职能部门` }
  return null
}

export interface ImportInput {
  rows: SheetRow[]
  readRefused: ReadRefusal[]
  mode: ImportMode
  dryRun: boolean
  source: 'file' | 'cli' | 'platform'
  /** The file name or the platform URL. */
  origin: string
  actor: string
  ip?: string
}

/**
 * Plans the import and, unless it is a dry run, applies it in one IMMEDIATE transaction with its
 * audit rows. Either way the report is kept in `org_imports`; its id is returned with it.
 */
export async function runImport(deps: Deps, input: ImportInput): Promise<{ id: number; status: 'dry_run' | 'imported'; report: ImportReport }> {
  return await transaction(deps.db, async (tx) => {
    const now = deps.now()
    const plan = await planImport(tx, input.rows, input.readRefused, input.mode, deps.env.admins)
    if (!input.dryRun) await applyPlan(tx, deps, plan, input.actor, input.ip)
    const status = input.dryRun ? ('dry_run' as const) : ('imported' as const)
    const { id } = await insertImportRun(tx, input, status, now, plan.report as unknown as Record<string, unknown>)
    if (!input.dryRun) {
      await recordAudit(tx, now, {
        actor: input.actor,
        action: 'org.imported',
        outcome: 'success',
        targetKind: 'org_import',
        targetId: String(id),
        ...(input.ip ? { ip: input.ip } : {}),
        detail: { source: input.source, origin: input.origin, mode: input.mode, ...plan.report.counts },
      })
      await ensureConfiguredAdmins(tx, deps, input.actor)
    }
    return { id, status, report: plan.report }
  })
}

/** The row that keeps an import run (done, tried, or failed) with its report. */
async function insertImportRun(
  tx: Db,
  input: Pick<ImportInput, 'source' | 'origin' | 'mode' | 'dryRun' | 'actor'>,
  status: 'dry_run' | 'imported' | 'failed',
  at: Date,
  report: Record<string, unknown>,
): Promise<{ id: number }> {
  const [row] = await tx
    .insert(orgImports)
    .values({ source: input.source, origin: input.origin.slice(0, 500), mode: input.mode, dryRun: input.dryRun, status, actor: input.actor, at, report })
    .returning({ id: orgImports.id })
  return row!
}

/** A run that could not read its input (a broken file, the platform down) is kept too, with why. */
export async function recordFailedImport(
  deps: Deps,
  input: Omit<ImportInput, 'rows' | 'readRefused' | 'dryRun'> & { dryRun: boolean; reason: string; reasonZh: string },
) {
  const report = {
    mode: input.mode,
    counts: { rows: 0, added: 0, changed: 0, removed: 0, refused: 0, transfers: 0 },
    added: [],
    changed: [],
    removed: [],
    refused: [],
    transfers: [],
    failure: { reason: input.reason, reasonZh: input.reasonZh },
  }
  return await transaction(deps.db, (tx) => insertImportRun(tx, input, 'failed', deps.now(), report))
}

async function applyPlan(tx: Db, deps: Deps, plan: Plan, actor: string, ip?: string) {
  const now = deps.now()
  const audit = async (action: string, targetKind: string, targetId: string, detail: Record<string, unknown>) =>
    await recordAudit(tx, now, { actor, action, outcome: 'success', targetKind, targetId, ...(ip ? { ip } : {}), detail })
  for (const d of plan.departments) {
    await tx
      .insert(departments)
      .values(d)
      .onConflictDoUpdate({ target: departments.code, set: { nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind, phone: d.phone, location: d.location } })
  }
  // Departments' names, phones and places are shown with every service of the catalog, and
  // everyone's department with their name at the top of each page (/api/me).
  if (plan.departments.length) {
    await bumpCatalogRevision(tx)
    forgetDepartments(tx)
  }
  for (const k of plan.classes) {
    await tx
      .insert(classes)
      .values(k)
      .onConflictDoUpdate({ target: classes.code, set: { nameZh: k.nameZh, nameEn: k.nameEn, collegeCode: k.collegeCode } })
  }
  for (const p of plan.people) {
    const old = (await tx.select({ profile: people.profile }).from(people).where(eq(people.cardNumber, p.cardNumber)))[0]
    // The import owns the class; the rest of a record (dormitory, titles…) is kept as it was.
    const profile = { ...(old?.profile ?? {}) } as Record<string, unknown>
    const student = { ...((profile.student as Record<string, unknown> | undefined) ?? {}) }
    if (p.klass) student.klassCode = p.klass
    else delete student.klassCode
    if (Object.keys(student).length) profile.student = student
    else delete profile.student
    const values = {
      name: p.name,
      nameEn: p.nameEn,
      kind: p.kind,
      departmentCode: p.departmentCode,
      email: p.email,
      phone: p.phone,
      profile,
      origin: 'import' as const,
    }
    const wasLeft = !!(await tx.select({ l: people.leftAt }).from(people).where(eq(people.cardNumber, p.cardNumber)))[0]?.l
    await tx
      .insert(people)
      .values({ cardNumber: p.cardNumber, ...values, leftAt: p.left ? now : null })
      .onConflictDoUpdate({ target: people.cardNumber, set: { ...values, ...(wasLeft && !p.left ? { leftAt: null } : {}) } })
  }
  for (const g of plan.grant) {
    await tx.insert(roleGrants).values({ ...g, origin: 'import' })
    await audit('role.granted', 'person', g.cardNumber, { role: g.role, scope: g.scope, via: 'import' })
  }
  for (const g of plan.adopt) {
    await tx
      .update(roleGrants)
      .set({ origin: 'import' })
      .where(and(eq(roleGrants.cardNumber, g.cardNumber), eq(roleGrants.role, g.role), eq(roleGrants.scope, g.scope)))
  }
  // Tasks first, while the leaver is still the assignee the engine expects to act.
  for (const l of plan.leave) {
    for (const t of l.transfers) {
      const task = (await tx.select({ engineTaskId: tasks.engineTaskId }).from(tasks).where(eq(tasks.id, t.taskId)))[0]
      const app = (await tx.select({ v: applications.stateVersion }).from(applications).where(eq(applications.id, t.applicationId)))[0]
      if (!task?.engineTaskId || !app) continue
      await actIn(tx, deps, {
        applicationId: t.applicationId,
        expectedVersion: app.v,
        actor: l.cardNumber,
        action: {
          type: 'transfer',
          taskId: task.engineTaskId,
          to: t.to,
          opinion:
            t.via === 'substitute'
              ? '已离校/离职，由组织导入转交给指定的接替人。Left the university; handed over to the named substitute by the organisation import.'
              : '已离校/离职，由组织导入转交给环节的超时联系人。Left the university; handed over to the step’s escalation contact by the organisation import.',
        },
      })
    }
  }
  for (const g of plan.revoke) {
    await tx.delete(roleGrants).where(and(eq(roleGrants.cardNumber, g.cardNumber), eq(roleGrants.role, g.role), eq(roleGrants.scope, g.scope)))
    await audit('role.revoked', 'person', g.cardNumber, { role: g.role, scope: g.scope, via: 'import', why: g.why })
  }
  for (const l of plan.leave) {
    await tx
      .update(people)
      .set({ leftAt: now })
      .where(and(eq(people.cardNumber, l.cardNumber), isNull(people.leftAt)))
    // A leaver's open sessions end now, not when they expire.
    const ended = await tx.delete(sessions).where(eq(sessions.cardNumber, l.cardNumber)).returning({ idHash: sessions.idHash })
    forgetSessions(
      tx,
      ended.map((e) => e.idHash),
    )
    await audit('person.left', 'person', l.cardNumber, { transfers: l.transfers.map((t) => ({ applicationId: t.applicationId, to: t.to, via: t.via })) })
  }
  for (const card of new Set([...plan.grant, ...plan.revoke].map((g) => g.cardNumber))) await refreshSessionRoles(tx, card)
}

/** Puts a person's current roles into their open sessions, so a grant or a revocation counts at once. */
export async function refreshSessionRoles(db: Db, cardNumber: string) {
  const roles = await db.select({ role: roleGrants.role, scope: roleGrants.scope }).from(roleGrants).where(eq(roleGrants.cardNumber, cardNumber))
  for (const s of await db.select().from(sessions).where(eq(sessions.cardNumber, cardNumber))) {
    await transaction(db, async (tx) => {
      forgetSessions(tx, [s.idHash])
      await tx
        .update(sessions)
        .set({ user: { ...s.user, roles } })
        .where(eq(sessions.idHash, s.idHash))
    })
  }
}

/**
 * HALL_ADMINS: the first administrators, granted `admin` whenever they are known and missing it
 * (at start, and after each import). Someone not yet known is an admin at login (auth/user.ts).
 */
export async function ensureConfiguredAdmins(db: Db, deps: Deps, actor = 'system'): Promise<string[]> {
  if (deps.env.admins.length === 0) return []
  const granted: string[] = []
  const known = await db
    .select({ cardNumber: people.cardNumber })
    .from(people)
    .where(and(inArray(people.cardNumber, deps.env.admins), isNull(people.leftAt)))
  for (const { cardNumber } of known) {
    const has = (
      await db
        .select({ c: roleGrants.cardNumber })
        .from(roleGrants)
        .where(and(eq(roleGrants.cardNumber, cardNumber), eq(roleGrants.role, 'admin'), eq(roleGrants.scope, '*')))
    )[0]
    if (has) continue
    await transaction(db, async (tx) => tx.insert(roleGrants).values({ cardNumber, role: 'admin', scope: '*', origin: 'config' }))
    await recordAudit(db, deps.now(), {
      actor,
      action: 'role.granted',
      outcome: 'success',
      targetKind: 'person',
      targetId: cardNumber,
      detail: { role: 'admin', scope: '*', via: 'HALL_ADMINS' },
    })
    await refreshSessionRoles(db, cardNumber)
    granted.push(cardNumber)
  }
  return granted
}

/** The runs, newest first (without their reports: those are read one by one). */
export async function listImports(db: Db, limit = 50) {
  return await db.select().from(orgImports).orderBy(desc(orgImports.at), desc(orgImports.id)).limit(limit)
}

export async function getImport(db: Db, id: number) {
  return (await db.select().from(orgImports).where(eq(orgImports.id, id)))[0] ?? null
}
