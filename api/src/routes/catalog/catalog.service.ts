import { and, asc, eq, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { categories, departments, serviceVersions, services } from '../../db/schema/index.ts'

/** Every listed service (not retired) with its current version and owning department. */
export function listedServices(db: Db) {
  return db
    .select({ service: services, version: serviceVersions, department: departments })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
    .innerJoin(departments, eq(departments.code, services.ownerDepartmentCode))
    .where(ne(services.status, 'retired'))
    .orderBy(asc(services.categoryCode), asc(services.code))
    .all()
}

export type ListedService = ReturnType<typeof listedServices>[number]

export function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder)).all()
}

export function toSummary({ service, version, department }: ListedService) {
  return {
    code: service.code,
    nameZh: version.nameZh,
    nameEn: version.nameEn,
    summaryZh: version.summaryZh,
    summaryEn: version.summaryEn,
    categoryCode: service.categoryCode,
    department: { code: department.code, nameZh: department.nameZh, nameEn: department.nameEn },
    mode: version.mode,
    audience: version.audience,
    status: service.status,
    version: version.version,
  }
}
