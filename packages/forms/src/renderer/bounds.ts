// Date limits for the pickers, so impossible dates are greyed out before validation says so.
import { addDays, todayIn } from '../dates.ts'
import { isValidIsoDate, type DateBound, type FormValues } from '../definition.ts'
import { makeLookup } from '../evaluate.ts'

export function boundToIso(bound: DateBound | undefined, values: FormValues, now?: Date | string, row?: Record<string, unknown>): string | undefined {
  if (bound === undefined) return undefined
  if (typeof bound === 'string') return bound
  if ('today' in bound) {
    const today = typeof now === 'string' ? now.slice(0, 10) : todayIn(now ?? new Date())
    return addDays(today, bound.today)
  }
  const value = makeLookup(values, row, row ? new Set(Object.keys(row)) : undefined)(bound.field)
  return isValidIsoDate(value) ? addDays(value, bound.offsetDays ?? 0) : undefined
}

/** A `disabled-date` function for element-plus pickers, comparing local calendar dates. */
export function disabledDateBetween(min?: string, max?: string): ((date: Date) => boolean) | undefined {
  if (!min && !max) return undefined
  return (date: Date) => {
    const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
    return (!!min && iso < min) || (!!max && iso > max)
  }
}
