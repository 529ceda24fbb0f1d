import type { ApplicantFacts, ComparisonOp, Condition, Scalar } from './definition.ts'

/** What conditions are evaluated over: the submitted form and the applicant snapshot. */
export interface ConditionFacts {
  form: Readonly<Record<string, unknown>>
  applicant: ApplicantFacts
}

/**
 * Evaluates a condition. A missing value makes every comparison false except `ne`, `notIn` and
 * `notExists`, so that "days > 3" never routes an application whose form has no `days`.
 */
export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, facts))
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, facts))
  if ('not' in condition) return !evaluateCondition(condition.not, facts)
  const actual = 'field' in condition ? facts.form[condition.field] : facts.applicant[condition.applicant]
  return compare(actual, condition.op, condition.value)
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return undefined
}

function equals(actual: unknown, expected: Scalar): boolean {
  if (actual === expected) return true
  // Forms send numbers as strings now and then; "5" and 5 are the same number of days.
  const a = asNumber(actual)
  const b = asNumber(expected)
  return a !== undefined && b !== undefined && typeof actual !== typeof expected && a === b
}

function order(actual: unknown, expected: unknown): number | undefined {
  const a = asNumber(actual)
  const b = asNumber(expected)
  if (a !== undefined && b !== undefined) return a - b
  if (typeof actual === 'string' && typeof expected === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0
  return undefined
}

function compare(actual: unknown, op: ComparisonOp, expected: Scalar | Scalar[] | undefined): boolean {
  switch (op) {
    case 'exists':
      return isPresent(actual)
    case 'notExists':
      return !isPresent(actual)
    case 'in':
      return Array.isArray(expected) && isPresent(actual) && expected.some((e) => equals(actual, e))
    case 'notIn':
      return Array.isArray(expected) && !expected.some((e) => equals(actual, e))
    case 'eq':
      return !Array.isArray(expected) && expected !== undefined && equals(actual, expected)
    case 'ne':
      return !Array.isArray(expected) && expected !== undefined && !equals(actual, expected)
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!isPresent(actual)) return false
      const d = order(actual, expected)
      if (d === undefined) return false
      return op === 'gt' ? d > 0 : op === 'gte' ? d >= 0 : op === 'lt' ? d < 0 : d <= 0
    }
  }
}
