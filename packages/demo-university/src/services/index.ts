import type { FormDefinition } from '@hall/forms/format'
import type { ProcessDefinition } from '@hall/workflow'
import { categories } from './categories.ts'
import { serviceDefinitions } from './all.ts'
import type { CategorySeed, ServiceSeed } from './types.ts'

/** The catalog entries and guides of the first batch, without their forms and processes. */
export const services: readonly ServiceSeed[] = serviceDefinitions.map(({ form: _f, process: _p, ...seed }) => seed)

// The first batch of services: guide, form, process and eligibility of each, and the browsing
// categories. This entry (`@hall/demo-university/templates`) holds no person and no history, so
// a production hall can offer the services as templates without loading the demo
// (docs/decisions/010-service-templates.md). Demo mode publishes them all as version 1.

export type { CategorySeed, EligibilityRule, GuideText, ServiceDefinition, ServiceSeed } from './types.ts'
export { categories } from './categories.ts'
export { templateOffices } from './offices.ts'
export { shortNames } from './short-names.ts'
export { formDefinitions } from './forms/index.ts'
export { processDefinitions, serviceCodes, type SeededServiceCode } from './processes/index.ts'

/** One service of the first batch, whole: what an office adopts, and what the demo publishes. */
export interface ServiceTemplate extends ServiceSeed {
  form: FormDefinition
  process: ProcessDefinition
  category: CategorySeed
}

/** The 30 first-batch services as templates, in the catalog's order. */
export const serviceTemplates: readonly ServiceTemplate[] = serviceDefinitions.map((s) => {
  const category = categories.find((c) => c.code === s.categoryCode)
  // A template without its category could be adopted but never shown.
  if (!category) throw new Error(`service template ${s.code} names an unknown category ${s.categoryCode}`)
  return { ...s, category }
})

export function findServiceTemplate(code: string): ServiceTemplate | undefined {
  return serviceTemplates.find((t) => t.code === code)
}
