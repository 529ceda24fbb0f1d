// The rate limits' defaults and the parser of HALL_RATE_LIMITS, kept apart from the limiter so that
// env.ts can validate the configuration at start without pulling in the middleware.

/** The routes that a flood is refused on, one limiter pair each. */
export const BUCKETS = ['login', 'acs', 'submit', 'upload', 'question', 'dataError', 'stream', 'pick'] as const
export type Bucket = (typeof BUCKETS)[number]
export type Scope = 'address' | 'person'

/** `points` requests per `seconds`, counted in fixed windows. */
export interface Limit {
  points: number
  seconds: number
}
export type RateLimits = Record<Bucket, { address: Limit; person: Limit | null }>

/**
 * The defaults. A campus puts thousands of students behind one NAT address, so the per-address
 * limits are wide (they stop a single machine's flood, not a lecture hall logging in at 8:00);
 * the per-person limits are what a flooder meets first once logged in, and they are still far
 * above what a person does by hand (ten submissions a minute, forty files a minute).
 * Login starts and ACS posts come before anyone is known: only the address counts there.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  login: { address: { points: 120, seconds: 10 }, person: null },
  acs: { address: { points: 120, seconds: 10 }, person: null },
  submit: { address: { points: 1200, seconds: 60 }, person: { points: 10, seconds: 60 } },
  upload: { address: { points: 1200, seconds: 60 }, person: { points: 40, seconds: 60 } },
  question: { address: { points: 240, seconds: 60 }, person: { points: 10, seconds: 600 } },
  dataError: { address: { points: 240, seconds: 60 }, person: { points: 10, seconds: 600 } },
  stream: { address: { points: 600, seconds: 60 }, person: { points: 30, seconds: 60 } },
  // A form's person picker searches as one types: a name is a few keystrokes, a minute of
  // typing far fewer than 60; more is someone walking the directory.
  pick: { address: { points: 1200, seconds: 60 }, person: { points: 60, seconds: 60 } },
}

const ENTRY = /^([A-Za-z]+)\.(address|person)=(\d{1,7})\/(\d{1,6})$/

/**
 * Reads HALL_RATE_LIMITS: comma-separated `<route>.<address|person>=<requests>/<seconds>`
 * overrides of the defaults, e.g. `submit.person=5/60,login.address=300/10`. Returns the table,
 * or the list of what is wrong with it.
 */
export function parseRateLimits(text: string): { limits: RateLimits } | { errors: string[] } {
  const limits = structuredClone(DEFAULT_RATE_LIMITS)
  const errors: string[] = []
  for (const raw of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = ENTRY.exec(raw)
    if (!m) {
      errors.push(`"${raw}" is not <route>.<address|person>=<requests>/<seconds>`)
      continue
    }
    const [, bucket, scope, points, seconds] = m as unknown as [string, string, Scope, string, string]
    if (!(BUCKETS as readonly string[]).includes(bucket)) {
      errors.push(`"${raw}": the routes are ${BUCKETS.join(', ')}`)
      continue
    }
    const entry = limits[bucket as Bucket]
    if (scope === 'person' && entry.person === null) {
      errors.push(`"${raw}": ${bucket} comes before login, it has a per-address limit only`)
      continue
    }
    if (Number(points) < 1 || Number(seconds) < 1) {
      errors.push(`"${raw}": requests and seconds are at least 1`)
      continue
    }
    entry[scope] = { points: Number(points), seconds: Number(seconds) }
  }
  return errors.length ? { errors } : { limits }
}
