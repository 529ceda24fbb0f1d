import type { UserKind } from '../lib/context.ts'

// The data platform (数据中心) as the hall sees it: a person's record as flat paths, each value
// with the department system it came from (DESIGN rule 6: pre-filled data names its source).

/** Where a value came from, and which department can correct it. */
export interface DataSource {
  systemCode: string
  systemZh: string
  systemEn: string
  departmentCode: string
  departmentZh: string
  departmentEn: string
  /** The system is the authority on the value: forms may lock it; errors are corrected at the source. */
  authoritative: boolean
}

export type PlatformScalar = string | number | boolean

export interface PlatformValue {
  value: PlatformScalar
  source: DataSource
}

/**
 * A person's record: dotted paths (`name`, `student.dormitory.label`, `staff.titleZh`) to plain
 * values. Only values whose source is known are in it: a value nobody can correct is not offered.
 */
export interface PlatformRecord {
  cardNumber: string
  kind: UserKind
  values: Record<string, PlatformValue>
}

/** One interface, several adapters: embedded tables (the default) or the university's platform over HTTP. */
export interface DataPlatform {
  readonly kind: 'embedded' | 'http'
  /** The person's record, or null when the platform does not know them. Throws `DataPlatformUnavailable`. */
  person(cardNumber: string): Promise<PlatformRecord | null>
}

/** The platform could not be asked (down, slow, refused our token, answered nonsense). */
export class DataPlatformUnavailable extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message)
    this.name = 'DataPlatformUnavailable'
  }
}
