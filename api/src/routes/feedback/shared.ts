import { z } from '@hono/zod-openapi'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { departments, people, serviceVersions, services } from '../../db/schema/index.ts'

// What the feedback routes share: service and people names, and the small zod helpers.

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } })
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)
/** The Beijing calendar month of an instant (`2026-10`): the only time shown of an anonymous rating. */
export const beijingMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)

export interface ServiceFacts {
  code: string
  nameZh: string
  nameEn: string
  ownerDepartmentCode: string
  /** The id of the current version. */
  versionId: number
}

/** Every service with the names of its current version and its owning department. */
export function serviceFacts(db: Db): Map<string, ServiceFacts> {
  const rows = db
    .select({ code: services.code, owner: services.ownerDepartmentCode, versionId: serviceVersions.id, nameZh: serviceVersions.nameZh, nameEn: serviceVersions.nameEn })
    .from(services)
    .innerJoin(serviceVersions, and(eq(serviceVersions.serviceCode, services.code), eq(serviceVersions.version, services.currentVersion)))
    .all()
  return new Map(rows.map((r) => [r.code, { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, ownerDepartmentCode: r.owner, versionId: r.versionId }]))
}

export function departmentNames(db: Db): Map<string, { nameZh: string; nameEn: string }> {
  return new Map(db.select({ code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).all().map((d) => [d.code, { nameZh: d.nameZh, nameEn: d.nameEn }]))
}

/** Names of people by card number (those the data platform knows); others show as their card number. */
export function personNames(db: Db): Map<string, { name: string; nameEn: string }> {
  return new Map(db.select({ card: people.cardNumber, name: people.name, nameEn: people.nameEn }).from(people).all().map((p) => [p.card, { name: p.name, nameEn: p.nameEn ?? p.name }]))
}

/** The department that answers questions that name no service. */
export const HALL_DEPARTMENT = 'network-centre'

export const ServiceRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).openapi('FeedbackServiceRef')
