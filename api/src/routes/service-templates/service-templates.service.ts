import { findServiceTemplate, serviceTemplates, shortNames, templateOffices, type ServiceTemplate } from '@hall/demo-university/templates'
import type { AssigneeRule, ProcessDefinition } from '@hall/workflow'
import { eq, inArray } from 'drizzle-orm'
import { recordAudit } from '../../audit/record.ts'
import type { Db } from '../../db/client.ts'
import { transaction } from '../../db/client.ts'
import { categories, departments, serviceAuditEvents, serviceVersions, services } from '../../db/schema/index.ts'
import { allFields } from '@hall/forms/format'
import type { SessionUser } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { validateDraft } from '../admin-services/admin-services.service.ts'
import { bumpCatalogRevision } from '../catalog/catalog.service.ts'

// Services one by one (成熟一个，上线一个): the first batch ships as templates, and an owning office
// adopts one as a draft of its own department, adapts it and publishes it through service
// administration. Nothing reaches the catalog before that publish.

export async function listTemplates(db: Db) {
  const existing = new Map(
    (
      await db
        .select({ code: services.code, ownerDepartmentCode: services.ownerDepartmentCode, status: services.status })
        .from(services)
        .where(
          inArray(
            services.code,
            serviceTemplates.map((t) => t.code),
          ),
        )
    ).map((s) => [s.code, s]),
  )
  return serviceTemplates.map((t) => ({
    code: t.code,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    summaryZh: t.summaryZh,
    summaryEn: t.summaryEn,
    category: { code: t.category.code, nameZh: t.category.nameZh, nameEn: t.category.nameEn },
    office: { code: t.ownerDepartmentCode, ...(templateOffices[t.ownerDepartmentCode] ?? { nameZh: t.ownerDepartmentCode, nameEn: t.ownerDepartmentCode }) },
    audience: t.audience,
    mode: t.mode,
    timeLimitDays: t.timeLimitDays,
    steps: t.process.steps.length,
    fields: [...allFields(t.form)].length,
    adoptedAs: existing.get(t.code) ?? null,
  }))
}

/**
 * The template's process for the adopting department: every rule scoped to the template's own
 * office (its reviewers, head, service owners, the fallback) now names the adopter. Rules scoped
 * to the applicant (counsellor, college) stay; rules naming another office stay too, and the
 * draft's check tells the adopter when nobody here holds them.
 */
export function mapProcess(process: ProcessDefinition, from: string, to: string, serviceCode: string): ProcessDefinition {
  const copy = structuredClone(process)
  const remap = (rule: AssigneeRule) => {
    if ('scope' in rule && typeof rule.scope === 'object' && 'department' in rule.scope && rule.scope.department === from) rule.scope = { department: to }
  }
  // Walks the whole definition: rules sit in steps, branches, parallel groups, escalation and copy-to.
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const o = node as Record<string, unknown>
    if ('role' in o && 'scope' in o) remap(o as AssigneeRule)
    for (const v of Object.values(o)) walk(v)
  }
  walk(copy)
  copy.service = serviceCode
  return copy
}

/** The guide's contact and desk become the adopting department's, as the hall knows them. */
function mapGuide(guide: ServiceTemplate['guide'], dept: { phone: string; location: string }) {
  const side = (g: ServiceTemplate['guide']['zh']) => ({ ...g, contact: { phone: dept.phone, email: '' }, location: dept.location })
  return { zh: side(guide.zh), en: side(guide.en) }
}

export async function adoptTemplate(
  db: Db,
  user: SessionUser,
  templateCode: string,
  body: { ownerDepartmentCode: string; code?: string | undefined },
  now: Date,
  ip?: string,
) {
  const template = findServiceTemplate(templateCode)
  if (!template) throw new HallError(404, 'not_found', `There is no service template "${templateCode}"`, `没有服务模板“${templateCode}”`)
  const dept = (await db.select().from(departments).where(eq(departments.code, body.ownerDepartmentCode)))[0]
  if (!dept) throw new HallError(422, 'unknown_department', `There is no department "${body.ownerDepartmentCode}"`, `没有部门“${body.ownerDepartmentCode}”`)
  if (!policy.canManageService(user, dept.code))
    throw new HallError(403, 'forbidden', 'You may adopt templates only for the departments whose services you manage', '您只能为自己负责的部门采用服务模板')
  const code = body.code ?? template.code
  await transaction(db, async (tx) => {
    if ((await tx.select({ c: services.code }).from(services).where(eq(services.code, code)))[0])
      throw new HallError(409, 'code_taken', `The service code "${code}" is already taken; choose another`, `服务代码“${code}”已被使用，请换一个`)
    // The template's category, if this hall has none of that code yet.
    const c = template.category
    await tx.insert(categories).values({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, icon: c.icon, sortOrder: c.order }).onConflictDoNothing()
    // A new category is part of the catalog (the service itself is a draft, which no catalog shows).
    await bumpCatalogRevision(tx)
    await tx.insert(services).values({
      code,
      ownerDepartmentCode: dept.code,
      categoryCode: c.code,
      status: 'draft',
      currentVersion: null,
      shortName: shortNames[template.code] ?? null,
      createdAt: now,
    })
    await tx.insert(serviceVersions).values({
      serviceCode: code,
      version: 1,
      nameZh: template.nameZh,
      nameEn: template.nameEn,
      summaryZh: template.summaryZh,
      summaryEn: template.summaryEn,
      keywordsZh: template.keywordsZh,
      keywordsEn: template.keywordsEn,
      audience: template.audience,
      mode: template.mode,
      timeLimitDays: template.timeLimitDays,
      eligibility: template.eligibility,
      guide: mapGuide(template.guide, dept),
      form: template.form,
      process: mapProcess(template.process, template.ownerDepartmentCode, dept.code, code),
      publishedAt: null,
    })
    await tx.insert(serviceAuditEvents).values({
      serviceCode: code,
      version: 1,
      actorCardNumber: user.cardNumber,
      actorName: user.name,
      action: 'created',
      detail: { template: template.code, ownerDepartmentCode: dept.code },
      at: now,
    })
    await recordAudit(tx, now, {
      actor: user.cardNumber,
      ip,
      action: 'service.template_adopted',
      outcome: 'success',
      targetKind: 'service',
      targetId: code,
      detail: { template: template.code, ownerDepartmentCode: dept.code },
    })
  })
  return { code, version: 1, status: 'draft' as const, issues: await validateDraft(db, user, code) }
}
