import type { AssigneeRule, Condition, FormFieldRef, ProcessDefinition } from '@hall/workflow'
import { WORKING_HOURS_PER_DAY } from '@hall/workflow'

// The assignee rules the seeded definitions share, named as the guides name the people. They are
// plain data: a definition that spreads them is still JSON.

/** 辅导员: the counsellor of the applicant's class. */
export const counsellor: AssigneeRule = { role: 'counsellor', scope: 'applicant.class' }

/** 导师: the applicant's supervisor. */
export const supervisor: AssigneeRule = { applicant: 'supervisor' }

/** 学院党委副书记: the deputy party secretary of the applicant's college (students' affairs in a college). */
export const deputySecretary: AssigneeRule = { role: 'college-deputy-secretary', scope: 'applicant.college' }

/** 学院党委书记 */
export const collegeSecretary: AssigneeRule = { role: 'college-secretary', scope: 'applicant.college' }

/** A role held in a named department. */
export const roleIn = (role: string, department: string): AssigneeRule => ({ role, scope: { department } })

/** An office's reviewers (审核人): any one of them takes the task. */
export const reviewer = (department: string): AssigneeRule => roleIn('reviewer', department)

/** The head of a named department (处长/主任). */
export const headOf = (department: string): AssigneeRule => roleIn('head-of-department', department)

/**
 * 所在单位负责人: the head of the applicant's unit. A college's head (院长) is not always on record
 * in the organisation; its party secretary, the other principal head (党政主要负责人), is then asked.
 */
export const headOfUnit: AssigneeRule[] = [{ role: 'head-of-department', scope: 'applicant.department' }, collegeSecretary]

export const postgraduate: Condition = { applicant: 'degree', op: 'in', value: ['master', 'doctor'] }
export const international: Condition = { applicant: 'kind', op: 'eq', value: 'international' }

/**
 * "辅导员审核（研究生为导师审核）": graduate students (and international master's and doctoral
 * students) go to their supervisor, students with a class to its counsellor, and international
 * students with neither (exchange students) to the International Office, which looks after them.
 */
export const studentAdviser: AssigneeRule[] = [{ ...supervisor, when: postgraduate }, counsellor, { ...reviewer('international'), when: international }]

/** A time limit of whole working days, in the working hours a step's deadline is written in. */
export const days = (n: number): number => n * WORKING_HOURS_PER_DAY

/** Form fields the seeded definitions read, with one name and label each across services. */
export const fields = {
  days: { name: 'days', type: 'number', label: { zh: '天数', en: 'Number of days' } },
  headOfUnit: { name: 'headOfUnit', type: 'boolean', label: { zh: '本人为单位主要负责人', en: 'I head my unit' } },
} satisfies Record<string, FormFieldRef>

/**
 * The boilerplate of a seeded definition: the format version, and the owning office as the last
 * resort when no rule of a step names anyone (its service owner, else its reviewers), so that an
 * application never waits for nobody.
 */
export function seeded(owner: string, definition: Omit<ProcessDefinition, 'schemaVersion' | 'fallbackAssignees'>): ProcessDefinition {
  return { schemaVersion: 1, ...definition, fallbackAssignees: [roleIn('service-owner', owner), reviewer(owner)] }
}
