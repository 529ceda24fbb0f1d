import type { FormDefinition } from '@hall/forms/format'
import type { ProcessDefinition } from '@hall/workflow'
import type { UserKind } from '../types.ts'

// The shapes of the first batch of services as seed data. The catalog tables store a service
// version's guide and eligibility as JSON; these types are what that JSON holds.

/** A service guide (办事指南) in one language. */
export interface GuideText {
  /** Who may apply, in words; the machine-checkable part is `ServiceSeed.eligibility`. */
  conditions: string[]
  materials: Array<{ name: string; required: boolean; note?: string }>
  /** The process as the applicant sees it: each step and the office or role that handles it. */
  steps: Array<{ name: string; handler: string }>
  fees: string
  contact: { phone: string; email: string }
  /** Where to go when the service is handled offline too (`mode: 'hybrid'`) or for questions. */
  location: string
  hours: string
  notes?: string[]
}

/**
 * A condition the hall can check against the user's data-platform record before the form opens.
 * All rules of a service must hold.
 */
export type EligibilityRule =
  | { type: 'kind'; kinds: UserKind[] } // audience
  | { type: 'studentStatus'; status: 'enrolled' } // in school
  | { type: 'graduatingWithin'; months: number } // e.g. graduate extended stay, leaving school
  | { type: 'cadre' } // division-level cadre or above
  | { type: 'hasResearchProject'; kind?: 'vertical' | 'horizontal' }
  | { type: 'hasDormitory' }
  | { type: 'noneInProgress' } // no application of this service in progress

export interface CategorySeed {
  code: string
  nameZh: string
  nameEn: string
  /** An @element-plus/icons-vue component name, e.g. 'Reading'. */
  icon: string
  order: number
}

export interface ServiceSeed {
  code: string
  nameZh: string
  nameEn: string
  summaryZh: string
  summaryEn: string
  /** Words people actually type, synonyms included: search matches them as well as the name. */
  keywordsZh: string[]
  keywordsEn: string[]
  categoryCode: string
  ownerDepartmentCode: string
  audience: UserKind[]
  mode: 'online' | 'hybrid'
  /** Working days from submission to completion. */
  timeLimitDays: number
  eligibility: EligibilityRule[]
  guide: { zh: GuideText; en: GuideText }
}

/** One service whole, as its file holds it: catalog entry, guide, eligibility, form and process. */
export interface ServiceDefinition extends ServiceSeed {
  form: FormDefinition
  process: ProcessDefinition
}
