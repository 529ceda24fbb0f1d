import { AuditThrottle } from '../audit/throttle.ts'
import type { Deps } from '../lib/context.ts'
import { RateLimits } from './limits.ts'
import { StreamCaps } from './streams.ts'

// What one app (one API node) keeps in memory against floods: the rate limiters, the count of
// open live streams, and the gathering of repeated denials into one audit row per window.
export interface Guards {
  rateLimits: RateLimits
  streams: StreamCaps
  audit: AuditThrottle
}

export function createGuards(deps: Deps): Guards {
  return {
    rateLimits: new RateLimits(deps.env),
    streams: new StreamCaps(deps.env.streamsPerPerson, deps.env.streamsPerNode),
    audit: new AuditThrottle(deps.db),
  }
}

export { rateLimit, tooMany, refusalText, type Refusal } from './limits.ts'
export { BUCKETS, DEFAULT_RATE_LIMITS, type Bucket } from './limits-config.ts'
