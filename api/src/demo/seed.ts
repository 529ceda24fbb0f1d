import { and, count, eq, isNull } from 'drizzle-orm'
import {
  departments as demoDepartments,
  klasses as demoClasses,
  people as demoPeople,
  categories as seedCategories,
  formDefinitions,
  processDefinitions,
  services as seedServices,
  shortNames,
} from '@hall/demo-university'
import { seedDataPlatform } from './data-platform.ts'
import { seedFeedback } from './feedback.ts'
import { newPlanCache, planPastApplication, writePastApplications, type PastPlan } from './past-applications.ts'
import type { Db } from '../db/client.ts'
import { backfillReferenceNumbers } from '../workflow/reference-number.ts'
import { transaction } from '../db/client.ts'
import { bumpCatalogRevision } from '../routes/catalog/catalog.service.ts'
import { applications, categories, classes, departments, people, roleGrants, serviceVersions, services } from '../db/schema/index.ts'
import type { Guide } from '../routes/catalog/catalog.schemas.ts'

/**
 * Fills a fresh database with the demo university (the embedded data platform's people and
 * organisation) and the first batch of services, each published as version 1. Does nothing when
 * the database already has departments, so restarting never duplicates or overwrites data.
 */
export async function seedDemo(db: Db, now = new Date()) {
  const seeded = await transaction(db, async (tx) => {
    // Looked at inside the transaction that fills it: two nodes starting together on one fresh
    // PostgreSQL database both found it empty when this was read before the transaction, and the
    // second node's start died on a duplicate department. Now the second one's transaction fails
    // to serialise, runs again and finds the university there (SQLite's single writer orders them).
    const existing = (await tx.select({ n: count() }).from(departments))[0]
    if (existing && existing.n > 0) return null
    const known = await seedOrganisation(tx)
    await seedClasses(tx)
    await tx.insert(categories).values(seedCategories.map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, icon: c.icon, sortOrder: c.order })))
    const publishedAt = new Date('2026-09-01T00:00:00Z')
    for (const s of seedServices) {
      await tx.insert(services).values({
        code: s.code,
        ownerDepartmentCode: s.ownerDepartmentCode,
        categoryCode: s.categoryCode,
        status: 'online',
        currentVersion: 1,
        shortName: shortNames[s.code] ?? null,
        createdAt: publishedAt,
      })
      await tx.insert(serviceVersions).values({
        serviceCode: s.code,
        version: 1,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        summaryZh: s.summaryZh,
        summaryEn: s.summaryEn,
        keywordsZh: s.keywordsZh,
        keywordsEn: s.keywordsEn,
        audience: s.audience,
        mode: s.mode,
        timeLimitDays: s.timeLimitDays,
        eligibility: s.eligibility,
        // The seed's guides are checked against the one contract of the guide (catalog.schemas.ts).
        guide: s.guide satisfies Guide,
        form: formDefinitions[s.code] ?? null,
        process: (processDefinitions as Record<string, unknown>)[s.code] ?? null,
        publishedAt,
      })
    }
    await seedDataPlatform(tx)
    const history = await seedHistory(tx, known, now)
    await seedFeedback(tx, now)
    // The catalog just came into being (services, categories, departments, FAQs): processes that read it before rebuild.
    await bumpCatalogRevision(tx)
    return { departments: demoDepartments.length, people: known.length, services: seedServices.length, pastApplications: history }
  })
  if (!seeded) await backfill(db)
  return seeded
}

/**
 * What a database seeded by an earlier version of the hall lacks: the data platform's source
 * tables, and the forms of seeded services whose first version has none. Fills only what is empty.
 */
/** The demo's classes, where the embedded data platform and the organisation import look them up. */
/**
 * The demo university's departments, the people the data platform knows, and their roles; returns
 * those people. The auth tests seed the same organisation through it.
 */
export async function seedOrganisation(tx: Db) {
  await tx
    .insert(departments)
    .values(demoDepartments.map((d) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind, phone: d.phone, location: d.location })))
  const known = demoPeople.filter((p) => !p.unknownToDataPlatform)
  await tx.insert(people).values(
    known.map((p) => ({
      cardNumber: p.cardNumber,
      name: p.name,
      nameEn: p.nameEn,
      kind: p.kind,
      departmentCode: p.departmentCode,
      email: p.email,
      phone: p.phone,
      profile: { gender: p.gender, ...(p.student ? { student: p.student } : {}), ...(p.staff ? { staff: p.staff } : {}) },
    })),
  )
  const grants = known.flatMap((p) => p.roles.map((r) => ({ cardNumber: p.cardNumber, role: r.role, scope: r.scope })))
  if (grants.length) await tx.insert(roleGrants).values(grants)
  return known
}

async function seedClasses(tx: Db) {
  await tx
    .insert(classes)
    .values(demoClasses.map((k) => ({ code: k.code, nameZh: k.nameZh, nameEn: k.nameEn, collegeCode: k.collegeCode })))
    .onConflictDoNothing()
}

async function backfill(db: Db) {
  await transaction(db, async (tx) => {
    // A demo database made before classes had a table of their own.
    await seedClasses(tx)
    await seedDataPlatform(tx)
    for (const [code, form] of Object.entries(formDefinitions)) {
      await tx
        .update(serviceVersions)
        .set({ form })
        .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, 1), isNull(serviceVersions.form)))
    }
    // A demo database made before reference numbers: the seeded services' short names, then a
    // number for every submitted application that has none.
    for (const [code, shortName] of Object.entries(shortNames)) {
      await tx
        .update(services)
        .set({ shortName })
        .where(and(eq(services.code, code), isNull(services.shortName)))
    }
    await backfillReferenceNumbers(tx)
    // The short names and forms above are rows of the catalog too.
    await bumpCatalogRevision(tx)
  })
}

/** The past applications' plans by seed clock and ids (see `seedHistory`). */
const planned = new Map<string, PastPlan[]>()

/** A small deterministic pseudo-random sequence, so the demo history is the same on every machine. */
function sequence(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x / 2 ** 31
  }
}

/**
 * Finished applications of the last 90 days, by people who may apply for each service, so that a
 * fresh hall has a history: popular services, and later handling times and statistics, come from
 * these rows like from any other. Busier services (leave, dormitory, e-mail) get more.
 */
async function seedHistory(tx: Db, known: typeof demoPeople, now: Date) {
  const random = sequence(20181201)
  const versionRows = await tx
    .select({ id: serviceVersions.id, code: serviceVersions.serviceCode, form: serviceVersions.form, process: serviceVersions.process })
    .from(serviceVersions)
  const versions = new Map(versionRows.map((v) => [v.code, v.id]))
  const weight: Record<string, number> = {
    'undergrad-leave': 14,
    'dorm-change': 9,
    'email-account': 7,
    'intro-letter': 6,
    'exam-deferral': 5,
    'student-id-replacement': 5,
  }
  const rows: Array<typeof applications.$inferInsert> = []
  for (const s of seedServices) {
    const applicants = known.filter((p) => s.audience.includes(p.kind))
    if (!applicants.length) continue
    const n = weight[s.code] ?? 1 + Math.floor(random() * 3)
    for (let i = 0; i < n; i++) {
      const applicant = applicants[Math.floor(random() * applicants.length)]!
      const daysAgo = 2 + random() * 88
      const submittedAt = new Date(now.getTime() - daysAgo * 864e5)
      const finishedAt = new Date(submittedAt.getTime() + (0.2 + random() * Math.min(daysAgo - 1, s.timeLimitDays)) * 864e5)
      rows.push({
        serviceCode: s.code,
        serviceVersionId: versions.get(s.code)!,
        applicantCardNumber: applicant.cardNumber,
        status: random() < 0.9 ? 'completed' : 'rejected',
        stateVersion: 2,
        createdAt: submittedAt,
        submittedAt,
        finishedAt,
      })
    }
  }
  if (!rows.length) return 0
  const ids = await tx.insert(applications).values(rows).returning({ id: applications.id })
  // Their form values and the path each took through its process (past-applications.ts), from a
  // sequence of their own, so the rows above stay as they were drawn. The same seed on the same
  // clock gives the same plans: computed once per process (tests seed a fresh database each).
  const key = `${now.getTime()}|${ids.map((r) => r.id).join(',')}`
  let plans = planned.get(key)
  if (!plans) {
    const fill = sequence(20261128)
    const cache = newPlanCache(tx)
    const byCode = new Map(versionRows.map((v) => [v.code, v]))
    plans = []
    for (const [i, row] of rows.entries()) {
      const plan = await planPastApplication(
        tx,
        {
          id: ids[i]!.id,
          serviceCode: row.serviceCode,
          applicantCardNumber: row.applicantCardNumber,
          status: row.status as 'completed' | 'rejected',
          submittedAt: row.submittedAt!,
          finishedAt: row.finishedAt!,
          version: byCode.get(row.serviceCode)!,
        },
        fill,
        cache,
      )
      if (plan) plans.push(plan)
    }
    planned.set(key, plans)
  }
  await writePastApplications(tx, plans)
  // Past applications get their reference numbers too, in the order they were submitted.
  await backfillReferenceNumbers(tx)
  return rows.length
}
