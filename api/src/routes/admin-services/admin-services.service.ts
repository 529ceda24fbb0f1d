import { validateDefinition as validateProcessDefinition, type FormFieldTypes, type OrganisationFacts } from '@hall/workflow'
import { OrganisationAnswers, withAnswers } from '../../workflow/organisation.ts'
import { and, asc, count, desc, eq, inArray, isNull, max, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { transaction } from '../../db/client.ts'
import type { Guide } from '../catalog/catalog.schemas.ts'
import { recordAudit } from '../../audit/record.ts'
import { shortNameOf } from '../../workflow/reference-number.ts'
import {
  applications,
  categories,
  departments,
  roleGrants,
  serviceAuditEvents,
  serviceVersions,
  services,
  sourceFields,
  sourceSystems,
} from '../../db/schema/index.ts'
import { allFields, validateDefinition as validateFormDefinition, type FormDefinition } from '@hall/forms/format'
import { sourceResolver } from '../../data-platform/embedded.ts'
import type { SessionUser } from '../../lib/context.ts'
import { badInput, HallError } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { IN_PROGRESS, bumpCatalogRevision } from '../catalog/catalog.service.ts'
import type { Issue } from './admin-services.schemas.ts'

// Service administration (DESIGN rule 4: services are data). A service has at most one draft: a
// version row without `published_at`, numbered after the last published one. Publishing stamps
// the draft and makes it the service's current version in one transaction; applications keep the
// version row they were started with, so those in progress are not touched. The catalog's caches
// are keyed by its revision (catalog.service.ts), which covers each service's status and current
// version: publishing, switching and retiring change it, so every node's caches refresh at once.

type ServiceRow = typeof services.$inferSelect
type VersionRow = typeof serviceVersions.$inferSelect
type AuditAction = (typeof serviceAuditEvents.$inferInsert)['action']

const EMPTY_GUIDE = { conditions: [], materials: [], steps: [], fees: '', contact: { phone: '', email: '' }, location: '', hours: '' }

export function notFound(code: string) {
  return new HallError(404, 'not_found', `There is no service "${code}" that you manage`, `没有您负责管理的服务“${code}”`)
}

/** The service, if `user` manages it; 404 otherwise (an owner of another department must not learn that a draft exists). */
export async function managedService(db: Db, user: SessionUser, code: string): Promise<ServiceRow> {
  const service = (await db.select().from(services).where(eq(services.code, code)))[0]
  if (!service || !policy.canManageService(user, service.ownerDepartmentCode)) throw notFound(code)
  return service
}

async function draftOf(db: Db, code: string): Promise<VersionRow | undefined> {
  return (
    await db
      .select()
      .from(serviceVersions)
      .where(and(eq(serviceVersions.serviceCode, code), isNull(serviceVersions.publishedAt)))
      .orderBy(desc(serviceVersions.version))
  )[0]
}

async function versionOf(db: Db, code: string, version: number | null): Promise<VersionRow | undefined> {
  if (version === null) return undefined
  return (
    await db
      .select()
      .from(serviceVersions)
      .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, version)))
  )[0]
}

async function audit(db: Db, user: SessionUser, serviceCode: string, version: number | null, action: AuditAction, detail: Record<string, unknown>, at: Date) {
  await transaction(db, async (tx) =>
    tx.insert(serviceAuditEvents).values({ serviceCode, version, actorCardNumber: user.cardNumber, actorName: user.name, action, detail, at }),
  )
}

function refuseRetired(service: ServiceRow) {
  if (service.status === 'retired')
    throw new HallError(409, 'retired', `The service "${service.code}" is retired and can no longer be changed`, `服务“${service.code}”已停用，不能再修改`)
}

// ------------------------------------------------------------------------------------ reading

/** The services `user` manages, newest change first within each department. */
export async function listManaged(db: Db, user: SessionUser) {
  const scope = policy.managedDepartments(user)
  if (scope !== '*' && scope.length === 0) return []
  const rows = await db
    .select({ service: services, department: departments, category: categories })
    .from(services)
    .innerJoin(departments, eq(departments.code, services.ownerDepartmentCode))
    .innerJoin(categories, eq(categories.code, services.categoryCode))
    .where(scope === '*' ? undefined : inArray(services.ownerDepartmentCode, scope))
    .orderBy(asc(services.ownerDepartmentCode), asc(services.code))
  if (rows.length === 0) return []
  const codes = rows.map((r) => r.service.code)
  const versions = await db
    .select({
      code: serviceVersions.serviceCode,
      version: serviceVersions.version,
      nameZh: serviceVersions.nameZh,
      nameEn: serviceVersions.nameEn,
      mode: serviceVersions.mode,
      publishedAt: serviceVersions.publishedAt,
    })
    .from(serviceVersions)
    .where(inArray(serviceVersions.serviceCode, codes))
  const moving = new Map(
    (
      await db
        .select({ code: applications.serviceCode, n: count() })
        .from(applications)
        .where(and(inArray(applications.serviceCode, codes), inArray(applications.status, [...IN_PROGRESS])))
        .groupBy(applications.serviceCode)
    ).map((r) => [r.code, r.n]),
  )
  const lastChange = new Map(
    (
      await db
        .select({ code: serviceAuditEvents.serviceCode, at: max(serviceAuditEvents.at) })
        .from(serviceAuditEvents)
        .where(inArray(serviceAuditEvents.serviceCode, codes))
        .groupBy(serviceAuditEvents.serviceCode)
    ).map((r) => [r.code, r.at]),
  )
  return rows.map(({ service, department, category }) => {
    const mine = versions.filter((v) => v.code === service.code)
    const current = mine.find((v) => v.version === service.currentVersion)
    const draft = mine.filter((v) => v.publishedAt === null).sort((a, b) => b.version - a.version)[0]
    const shown = current ?? draft
    const updated = lastChange.get(service.code)
    return {
      code: service.code,
      nameZh: shown?.nameZh ?? service.code,
      nameEn: shown?.nameEn ?? service.code,
      department: { code: department.code, nameZh: department.nameZh, nameEn: department.nameEn },
      category: { code: category.code, nameZh: category.nameZh, nameEn: category.nameEn },
      status: service.status,
      mode: shown?.mode ?? 'online',
      currentVersion: service.currentVersion,
      draftVersion: draft?.version ?? null,
      inProgress: moving.get(service.code) ?? 0,
      shortName: service.shortName,
      defaultShortName: shortNameOf(null, shown?.nameZh ?? service.code),
      updatedAt: (updated ? new Date(updated) : service.createdAt).toISOString(),
    }
  })
}

function toVersion(v: VersionRow) {
  return {
    version: v.version,
    nameZh: v.nameZh,
    nameEn: v.nameEn,
    summaryZh: v.summaryZh,
    summaryEn: v.summaryEn,
    keywordsZh: v.keywordsZh,
    keywordsEn: v.keywordsEn,
    audience: v.audience,
    mode: v.mode,
    timeLimitDays: v.timeLimitDays,
    eligibility: v.eligibility,
    guide: v.guide as Guide,
    form: v.form ?? null,
    process: v.process ?? null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
  }
}

export async function serviceDetail(db: Db, user: SessionUser, code: string) {
  const service = await managedService(db, user, code)
  const summary = (await listManaged(db, user)).find((s) => s.code === code)!
  const current = await versionOf(db, code, service.currentVersion)
  const draft = await draftOf(db, code)
  const counts = await db
    .select({ versionId: applications.serviceVersionId, status: applications.status })
    .from(applications)
    .where(eq(applications.serviceCode, code))
  const versions = (
    await db
      .select({ id: serviceVersions.id, version: serviceVersions.version, publishedAt: serviceVersions.publishedAt })
      .from(serviceVersions)
      .where(eq(serviceVersions.serviceCode, code))
      .orderBy(desc(serviceVersions.version))
  ).map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    applications: counts.filter((a) => a.versionId === v.id).length,
    inProgress: counts.filter((a) => a.versionId === v.id && (IN_PROGRESS as readonly string[]).includes(a.status)).length,
  }))
  const { nameZh: _z, nameEn: _e, mode: _m, updatedAt: _u, ...rest } = summary
  return { service: rest, current: current ? toVersion(current) : null, draft: draft ? toVersion(draft) : null, versions, revision: await revisionOf(db, code) }
}

/** The id of the service's last audit row: it changes with every change. */
export async function revisionOf(db: Db, code: string): Promise<number> {
  return (
    (
      await db
        .select({ id: max(serviceAuditEvents.id) })
        .from(serviceAuditEvents)
        .where(eq(serviceAuditEvents.serviceCode, code))
    )[0]?.id ?? 0
  )
}

export async function auditOf(db: Db, user: SessionUser, code: string) {
  await managedService(db, user, code)
  return (
    await db.select().from(serviceAuditEvents).where(eq(serviceAuditEvents.serviceCode, code)).orderBy(desc(serviceAuditEvents.at), desc(serviceAuditEvents.id))
  ).map((r) => ({
    id: r.id,
    version: r.version,
    actor: { cardNumber: r.actorCardNumber, name: r.actorName },
    action: r.action,
    detail: r.detail,
    at: r.at.toISOString(),
  }))
}

/** What the editors offer: departments, categories, the organisation's roles, the data platform's paths. */
export async function options(db: Db, user: SessionUser) {
  const scope = policy.managedDepartments(user)
  const allDepartments = await db
    .select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn })
    .from(departments)
    .orderBy(asc(departments.code))
  const grants = await db
    .selectDistinct({ role: roleGrants.role, scope: roleGrants.scope })
    .from(roleGrants)
    .where(ne(roleGrants.scope, '*'))
    .orderBy(asc(roleGrants.role), asc(roleGrants.scope))
  const roles = new Map<string, string[]>()
  for (const g of grants) roles.set(g.role, [...(roles.get(g.role) ?? []), g.scope])
  return {
    departments: scope === '*' ? allDepartments : allDepartments.filter((d) => scope.includes(d.code)),
    allDepartments,
    categories: await db
      .select({ code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn })
      .from(categories)
      .orderBy(asc(categories.sortOrder)),
    roles: [...roles].map(([role, scopes]) => ({ role, scopes })),
    prefillPaths: await prefillPaths(db),
  }
}

/**
 * Paths a form may bind a pre-fill to: those the published forms already use (known to resolve)
 * and those the platform's source map names, each with the system it comes from.
 */
async function prefillPaths(db: Db) {
  const rows = await db.select().from(sourceFields)
  const systems = (
    await db
      .select({ system: sourceSystems, departmentZh: departments.nameZh, departmentEn: departments.nameEn })
      .from(sourceSystems)
      .innerJoin(departments, eq(departments.code, sourceSystems.departmentCode))
  ).map((s) => ({ ...s.system, departmentZh: s.departmentZh, departmentEn: s.departmentEn }))
  const resolve = sourceResolver(rows, systems)
  const paths = new Set(rows.map((r) => r.path))
  const forms = await db
    .select({ form: serviceVersions.form })
    .from(serviceVersions)
    .innerJoin(services, and(eq(services.code, serviceVersions.serviceCode), eq(services.currentVersion, serviceVersions.version)))
  for (const { form } of forms) {
    if (!form) continue
    try {
      for (const { field } of allFields(form as FormDefinition)) if ('prefill' in field && field.prefill) paths.add(field.prefill.path)
    } catch {
      // A stored form of an older shape contributes no paths; it is its owners' to fix.
    }
  }
  const kinds = ['undergraduate', 'graduate', 'staff', 'international'] as const
  return [...paths].sort().flatMap((path) => {
    const source = kinds.map((k) => resolve(path, k)).find((s) => s !== undefined)
    return source ? [{ path, systemZh: source.systemZh, systemEn: source.systemEn, departmentZh: source.departmentZh, departmentEn: source.departmentEn }] : []
  })
}

// ------------------------------------------------------------------------------------ writing

export async function createService(
  db: Db,
  user: SessionUser,
  body: { code: string; ownerDepartmentCode: string; categoryCode: string; nameZh: string; nameEn: string },
  now: Date,
) {
  if (!(await db.select({ c: departments.code }).from(departments).where(eq(departments.code, body.ownerDepartmentCode)))[0])
    throw new HallError(422, 'unknown_department', `There is no department "${body.ownerDepartmentCode}"`, `没有部门“${body.ownerDepartmentCode}”`)
  if (!policy.canManageService(user, body.ownerDepartmentCode))
    throw new HallError(403, 'forbidden', `You may create services only for the departments whose services you manage`, `您只能为自己负责的部门创建服务`)
  if (!(await db.select({ c: categories.code }).from(categories).where(eq(categories.code, body.categoryCode)))[0])
    throw new HallError(422, 'unknown_category', `There is no category "${body.categoryCode}"`, `没有服务分类“${body.categoryCode}”`)
  return await transaction(db, async (tx) => {
    if ((await tx.select({ c: services.code }).from(services).where(eq(services.code, body.code)))[0])
      throw new HallError(409, 'code_taken', `The service code "${body.code}" is already taken; choose another`, `服务代码“${body.code}”已被使用，请换一个`)
    await tx.insert(services).values({
      code: body.code,
      ownerDepartmentCode: body.ownerDepartmentCode,
      categoryCode: body.categoryCode,
      status: 'draft',
      currentVersion: null,
      createdAt: now,
    })
    await tx.insert(serviceVersions).values({
      serviceCode: body.code,
      version: 1,
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      summaryZh: '',
      summaryEn: '',
      keywordsZh: [],
      keywordsEn: [],
      audience: [],
      mode: 'online',
      timeLimitDays: 5,
      eligibility: [],
      guide: { zh: EMPTY_GUIDE, en: EMPTY_GUIDE },
      form: null,
      process: null,
      publishedAt: null,
    })
    await audit(
      tx,
      user,
      body.code,
      1,
      'created',
      { ownerDepartmentCode: body.ownerDepartmentCode, categoryCode: body.categoryCode, nameZh: body.nameZh, nameEn: body.nameEn },
      now,
    )
    return body.code
  })
}

/** Starts the next version as a copy of the current one. */
export async function startDraft(db: Db, user: SessionUser, code: string, now: Date) {
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    refuseRetired(service)
    if (await draftOf(tx, code))
      throw new HallError(409, 'draft_exists', `"${code}" already has a draft; edit it or discard it first`, `“${code}”已有草稿，请继续编辑或先放弃它`)
    const current = await versionOf(tx, code, service.currentVersion)
    if (!current) throw notFound(code)
    const last =
      (
        await tx
          .select({ v: max(serviceVersions.version) })
          .from(serviceVersions)
          .where(eq(serviceVersions.serviceCode, code))
      )[0]?.v ?? 0
    const { id: _id, publishedAt: _p, ...copy } = current
    await tx.insert(serviceVersions).values({ ...copy, version: last + 1, publishedAt: null })
    await audit(tx, user, code, last + 1, 'draft_started', { from: current.version }, now)
    return last + 1
  })
}

export async function editDraft(db: Db, user: SessionUser, code: string, body: Record<string, unknown> & { baseRevision?: number }, now: Date) {
  const { baseRevision, ...patch } = body
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    refuseRetired(service)
    const draft = await draftOf(tx, code)
    if (!draft) throw noDraft(code)
    if (baseRevision !== undefined && baseRevision !== (await revisionOf(tx, code)))
      throw new HallError(
        409,
        'draft_changed',
        `"${code}" was changed by someone else since you opened it; reload to see their change, then edit again`,
        `“${code}”在您打开后已被他人修改，请刷新查看后再编辑`,
      )
    if (Object.keys(patch).length === 0) throw new HallError(400, 'bad_request', 'Change at least one part of the draft', '请至少修改草稿的一部分')
    await tx.update(serviceVersions).set(patch).where(eq(serviceVersions.id, draft.id))
    await audit(tx, user, code, draft.version, 'draft_edited', { parts: Object.keys(patch).sort() }, now)
    return draft.version
  })
}

export async function discardDraft(db: Db, user: SessionUser, code: string, now: Date) {
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    const draft = await draftOf(tx, code)
    if (!draft) throw noDraft(code)
    if (service.currentVersion === null)
      throw new HallError(
        409,
        'only_version',
        `"${code}" has never been published: its draft is all there is (retire the service instead)`,
        `“${code}”尚未发布过，草稿是它唯一的版本（如不再需要请停用该服务）`,
      )
    await tx.delete(serviceVersions).where(eq(serviceVersions.id, draft.id))
    await audit(tx, user, code, draft.version, 'draft_discarded', {}, now)
  })
}

function noDraft(code: string) {
  return new HallError(409, 'no_draft', `"${code}" has no draft: start a new version first`, `“${code}”没有草稿，请先新建版本`)
}

/** Every reason the draft cannot be published yet, each saying where. Empty when it can. */
export async function validateDraft(db: Db, user: SessionUser, code: string): Promise<Issue[]> {
  await managedService(db, user, code)
  const draft = await draftOf(db, code)
  if (!draft) throw noDraft(code)
  return await checkVersion(db, code, draft)
}

async function checkVersion(db: Db, code: string, v: VersionRow): Promise<Issue[]> {
  const issues: Issue[] = []
  const add = (part: Issue['part'], issueCode: string, path: string, zh: string, en: string, extra: Partial<Pick<Issue, 'stepId' | 'fieldKey'>> = {}) =>
    issues.push({ part, code: issueCode, path, stepId: extra.stepId ?? null, fieldKey: extra.fieldKey ?? null, message: { zh, en } })

  const required: Array<['nameZh' | 'nameEn' | 'summaryZh' | 'summaryEn', string, string]> = [
    ['nameZh', '中文名称', 'Chinese name'],
    ['nameEn', '英文名称', 'English name'],
    ['summaryZh', '中文简介', 'Chinese summary'],
    ['summaryEn', '英文简介', 'English summary'],
  ]
  for (const [key, zh, en] of required) if (!v[key].trim()) add('details', 'required', key, `基本信息：请填写${zh}`, `Details: the ${en} is required`)
  if (v.audience.length === 0) add('details', 'required', 'audience', '基本信息：请选择适用对象', 'Details: choose who the service is for')

  const guide = v.guide as { zh: { steps?: unknown[]; contact?: { phone?: string } }; en: { steps?: unknown[]; contact?: { phone?: string } } }
  for (const lang of ['zh', 'en'] as const) {
    const g = guide[lang]
    const [zhLang, enLang] = lang === 'zh' ? ['中文', 'Chinese'] : ['英文', 'English']
    if (!g?.steps?.length) add('guide', 'required', `${lang}.steps`, `办事指南（${zhLang}）：请写出办理流程`, `Guide (${enLang}): describe the steps`)
    if (!g?.contact?.phone?.trim())
      add('guide', 'required', `${lang}.contact.phone`, `办事指南（${zhLang}）：请填写咨询电话`, `Guide (${enLang}): give a phone number for questions`)
  }

  let formTypes: FormFieldTypes | undefined
  if (v.form == null) {
    add('form', 'required', '', '表单：还没有表单', 'Form: there is no form yet')
  } else {
    const form = validateFormDefinition(v.form)
    if (!form.ok) {
      for (const e of form.errors) {
        const fieldKey = fieldKeyAt(v.form, e.path)
        const where = fieldKey ? { zh: `表单字段“${fieldKey}”`, en: `Form field "${fieldKey}"` } : { zh: '表单', en: 'Form' }
        add('form', 'invalid_form', e.path, `${where.zh}（${e.path}）：${e.messageZh ?? e.message}`, `${where.en} (${e.path}): ${e.message}`, { fieldKey })
      }
    } else {
      formTypes = fieldTypes(form.definition)
    }
  }

  if (v.process == null) {
    add('process', 'required', '', '审批流程：还没有流程', 'Workflow: there is no process yet')
  } else {
    const organisation = await organisationFacts(db)
    const result = await withAnswers(organisation.answers, () =>
      validateProcessDefinition(v.process, { organisation: organisation.facts, ...(formTypes ? { formFields: formTypes } : {}) }),
    )
    for (const i of result.issues)
      add('process', i.code, i.path, `审批流程：${i.message.zh}（${i.path}）`, `Workflow: ${i.message.en} (${i.path})`, { stepId: i.stepId })
    const service = (v.process as { service?: unknown }).service
    // Whatever the draft holds there is shown as written (JSON for anything but a string).
    const named = typeof service === 'string' ? service : (JSON.stringify(service) ?? '')
    if (result.ok && service !== code)
      add('process', 'wrong_service', 'service', `审批流程：service 应为“${code}”，而不是“${named}”`, `Workflow: "service" must be "${code}", not "${named}"`)
  }
  return issues
}

/** The key of the field a form error path points into (`sections.0.fields.2.label` → that field's key). */
function fieldKeyAt(form: unknown, path: string): string | null {
  const m = /^sections\.(\d+)\.fields\.(\d+)/.exec(path)
  if (!m) return null
  const key = (form as { sections?: Array<{ fields?: Array<{ key?: unknown }> }> }).sections?.[Number(m[1])]?.fields?.[Number(m[2])]?.key
  return typeof key === 'string' ? key : null
}

/** The form's fields in the process's terms: what a condition or an assignee rule may read. */
function fieldTypes(form: FormDefinition): FormFieldTypes {
  const map: Record<string, string> = {
    number: 'number',
    money: 'number',
    text: 'string',
    textarea: 'string',
    select: 'string',
    switch: 'boolean',
    date: 'date',
    person: 'cardNumber',
    department: 'department',
  }
  return Object.fromEntries(allFields(form).map(({ field }) => [field.key, (map[field.type] ?? 'other') as FormFieldTypes[string]]))
}

/**
 * What the definition validator (packages/workflow, pure and synchronous) asks of the organisation
 * as it walks a definition: the role grants, read once; people and departments, asked and fetched
 * between runs (`withAnswers`).
 */
async function organisationFacts(db: Db): Promise<{ facts: OrganisationFacts; answers: OrganisationAnswers }> {
  const grants = await db.select({ role: roleGrants.role, scope: roleGrants.scope }).from(roleGrants).where(ne(roleGrants.scope, '*'))
  const answers = new OrganisationAnswers(db)
  return {
    answers,
    facts: {
      roleIsHeld: (role, department) => grants.some((g) => g.role === role && (department === undefined || g.scope === department)),
      personExists: (card) => answers.personExists(card),
      departmentExists: (code) => answers.departmentExists(code),
    },
  }
}

export async function publish(db: Db, user: SessionUser, code: string, now: Date) {
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    refuseRetired(service)
    const draft = await draftOf(tx, code)
    if (!draft) throw noDraft(code)
    const issues = await checkVersion(tx, code, draft)
    if (issues.length > 0) return { ok: false as const, issues }
    await tx.update(serviceVersions).set({ publishedAt: now }).where(eq(serviceVersions.id, draft.id))
    const status = service.status === 'draft' ? 'online' : service.status
    await tx.update(services).set({ currentVersion: draft.version, status }).where(eq(services.code, code))
    await bumpCatalogRevision(tx)
    await audit(tx, user, code, draft.version, 'published', { previousVersion: service.currentVersion, status: { from: service.status, to: status } }, now)
    return { ok: true as const, version: draft.version, status }
  })
}

/** online: applications accepted online only; hybrid: online and at the counter; offline: listed, closed to new applications. */
export async function setAvailability(db: Db, user: SessionUser, code: string, availability: 'online' | 'hybrid' | 'offline', now: Date) {
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    refuseRetired(service)
    const current = await versionOf(tx, code, service.currentVersion)
    if (!current) throw new HallError(409, 'not_published', `"${code}" has not been published yet: publish it first`, `“${code}”尚未发布，请先发布`)
    const from = service.status === 'offline' ? 'offline' : current.mode
    if (availability === 'offline') {
      await tx.update(services).set({ status: 'offline' }).where(eq(services.code, code))
    } else {
      await tx.update(services).set({ status: 'online' }).where(eq(services.code, code))
      // The mode is what the catalog says about the counter; the draft follows, so the next version keeps it.
      await tx
        .update(serviceVersions)
        .set({ mode: availability })
        .where(
          and(
            eq(serviceVersions.serviceCode, code),
            inArray(serviceVersions.version, [current.version, ...((await draftOf(tx, code)) ? [(await draftOf(tx, code))!.version] : [])]),
          ),
        )
    }
    await bumpCatalogRevision(tx)
    await audit(tx, user, code, current.version, 'availability_changed', { from, to: availability }, now)
    return availability
  })
}

export async function retire(db: Db, user: SessionUser, code: string, now: Date) {
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    refuseRetired(service)
    // Retiring takes a published service out of the catalog; a draft never published is in no
    // catalog and has no applications, so "retired" would only make a dead row that blocks its code.
    if (service.currentVersion === null) {
      throw new HallError(
        409,
        'never_published',
        `"${code}" was never published, so there is nothing to take out of the catalog: keep editing the draft, or publish it first`,
        `“${code}”从未发布，不在服务目录中，无需停用：可继续编辑草稿，或先发布`,
      )
    }
    await tx.update(services).set({ status: 'retired' }).where(eq(services.code, code))
    await bumpCatalogRevision(tx)
    await audit(tx, user, code, service.currentVersion, 'retired', { from: service.status }, now)
  })
}

// ------------------------------------------------------------------------------------ short name

/** Chinese characters (Han), Latin letters and digits: what can be read out on the phone and typed into a search. */
const SHORT_NAME = /^[\p{Script=Han}A-Za-z0-9]+$/u
export const SHORT_NAME_MAX = 4

/**
 * Why `value` cannot be a short name, or null when it can. Counted in characters (code points),
 * not UTF-16 units, so a rare Han character outside the BMP counts once. No hyphen (it separates
 * the parts of 2026-宿舍-000123), no space, punctuation or control character, no full-width
 * Latin letter (two spellings of one number would not match in a search).
 */
export function shortNameProblem(value: string): { en: string; zh: string } | null {
  const length = Array.from(value).length
  if (length > SHORT_NAME_MAX) {
    return {
      en: `The short name is at most ${SHORT_NAME_MAX} characters (it has ${length}): it is part of every reference number, e.g. 2026-宿舍-000123`,
      zh: `简称最多 ${SHORT_NAME_MAX} 个字（现为 ${length} 个）：它会出现在每个受理编号中，如 2026-宿舍-000123`,
    }
  }
  if (!SHORT_NAME.test(value)) {
    return {
      en: 'The short name may contain only Chinese characters, Latin letters (A–Z) and digits: no spaces, dashes or other signs',
      zh: '简称只能包含汉字、英文字母（A–Z）和数字，不能有空格、连字符或其他符号',
    }
  }
  return null
}

/**
 * Sets the short name that new reference numbers of the service carry (null or empty: the first
 * two characters of its Chinese name). Numbers already given are kept: they are stored on each
 * application, and a number a person wrote down must keep finding their application.
 *
 * Not unique across services: the sequence is hall-wide per year, so a number is unique whatever
 * its short name, and two services of one office may well both be 宿舍.
 */
export async function setShortName(db: Db, user: SessionUser, code: string, value: string | null, now: Date, ip: string) {
  const shortName = value?.trim() || null
  if (shortName !== null) {
    const problem = shortNameProblem(shortName)
    if (problem) throw badInput('shortName', problem.en, problem.zh)
  }
  return await transaction(db, async (tx) => {
    const service = await managedService(tx, user, code)
    refuseRetired(service)
    if (service.shortName === shortName) return shortName
    await tx.update(services).set({ shortName }).where(eq(services.code, code))
    const detail = { from: service.shortName, to: shortName }
    await audit(tx, user, code, service.currentVersion, 'short_name_changed', detail, now)
    await recordAudit(tx, now, {
      actor: user.cardNumber,
      ip,
      action: 'service.short_name_changed',
      outcome: 'success',
      targetKind: 'service',
      targetId: code,
      detail,
    })
    return shortName
  })
}
