import type { FormDefinition } from '@hall/forms/format'
import type { ProcessDefinition } from '@hall/workflow'
import { categories } from './categories.ts'
import { formDefinitions } from './forms/index.ts'
import { services } from './guides.ts'
import { processDefinitions } from './processes/index.ts'
import type { CategorySeed, ServiceSeed } from './types.ts'

// The first batch of services: guide, form, process and eligibility of each, and the browsing
// categories. This entry (`@hall/demo-university/templates`) holds no person and no history, so
// a production hall can offer the services as templates without loading the demo
// (docs/decisions/007-service-templates.md). Demo mode publishes them all as version 1.

export type { CategorySeed, EligibilityRule, GuideText, ServiceSeed } from './types.ts'
export { categories } from './categories.ts'
export { services } from './guides.ts'
export { formDefinitions } from './forms/index.ts'
export { processDefinitions, serviceCodes, type SeededServiceCode } from './processes/index.ts'

/** One service of the first batch, whole: what an office adopts, and what the demo publishes. */
export interface ServiceTemplate extends ServiceSeed {
  form: FormDefinition
  process: ProcessDefinition
  category: CategorySeed
}

/** The 30 first-batch services as templates, in the catalog's order. */
export const serviceTemplates: readonly ServiceTemplate[] = services.map((s) => {
  const form = formDefinitions[s.code]
  const process = (processDefinitions as Record<string, ProcessDefinition>)[s.code]
  const category = categories.find((c) => c.code === s.categoryCode)
  // A template without its form, process or category could be adopted but never published.
  if (!form || !process || !category) throw new Error(`service template ${s.code} lacks its form, process or category`)
  return { ...s, form, process, category }
})

export function findServiceTemplate(code: string): ServiceTemplate | undefined {
  return serviceTemplates.find((t) => t.code === code)
}
