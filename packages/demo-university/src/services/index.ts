// The first batch of services and their categories, as data for the catalog seed.
export type { CategorySeed, EligibilityRule, GuideText, ServiceSeed } from './types.ts'
export { categories } from './categories.ts'
export { services } from './services.ts'
