import type { AssigneeRule } from '@hall/workflow'
import { headOfUnit } from './rules.ts'

// Staff services owned by the Research Institute.

/**
 * 学院科研秘书: the research secretary of the applicant's college; where none is on record, the
 * head of the unit reviews instead.
 */
export const researchSecretary: AssigneeRule[] = [{ role: 'research-secretary', scope: 'applicant.college' }, ...headOfUnit]
