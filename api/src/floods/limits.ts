import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { Env } from '../env.ts'
import { clientAddress } from '../lib/client-address.ts'
import type { AppEnv } from '../lib/context.ts'
import { errorBody } from '../lib/errors.ts'
import type { Bucket, Scope } from './limits-config.ts'

// Rate limits per client address and per person on the routes a flood hurts (see the README's
// "Floods"). In memory, per API node (rate-limiter-flexible's RateLimiterMemory): with N nodes
// behind a balancer a client gets up to N times the limit. Many nodes would share one store
// instead (the same library has PostgreSQL and Redis limiters with the same interface).

export interface Refusal {
  bucket: Bucket
  scope: Scope
  retryAfterSeconds: number
}

/** The limiters of one app (one node): created once by createApp, kept for the process's life. */
export class RateLimits {
  private readonly limiters: Record<Bucket, { address: RateLimiterMemory; person: RateLimiterMemory | null }>

  constructor(env: Env) {
    const make = (bucket: string, scope: string, l: { points: number; seconds: number }) =>
      new RateLimiterMemory({ keyPrefix: `${bucket}.${scope}`, points: l.points, duration: l.seconds })
    this.limiters = Object.fromEntries(
      Object.entries(env.rateLimits).map(([bucket, l]) => [
        bucket,
        { address: make(bucket, 'address', l.address), person: l.person ? make(bucket, 'person', l.person) : null },
      ]),
    ) as RateLimits['limiters']
  }

  /**
   * Counts one request against the person's limit, then the address's; null when both allow it.
   * A person over their own limit does not use up the address's: one flooder behind a campus NAT
   * spends at most their own allowance of everyone's shared one.
   */
  async take(bucket: Bucket, address: string, person: string | null): Promise<Refusal | null> {
    const pair = this.limiters[bucket]
    if (pair.person && person !== null) {
      const refused = await consume(pair.person, person)
      if (refused !== null) return { bucket, scope: 'person', retryAfterSeconds: refused }
    }
    const refused = await consume(pair.address, address)
    return refused === null ? null : { bucket, scope: 'address', retryAfterSeconds: refused }
  }
}

/** Seconds to wait when refused, or null when allowed. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key)
    return null
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
  }
}

/** What each limited route is called in the refusal, in both languages. */
const WHAT: Record<Bucket, [en: string, zh: string]> = {
  login: ['login attempts', '登录请求'],
  acs: ['login responses', '登录应答'],
  submit: ['submissions', '提交'],
  upload: ['uploads', '上传'],
  question: ['questions', '提问'],
  dataError: ['data-error reports', '数据纠错报告'],
  stream: ['live-notification connections', '消息实时连接'],
  pick: ['person searches', '人员查找'],
}

/** The refusal's text: what was too frequent, from whom, and how long to wait. */
export function refusalText(r: Refusal): { message: string; messageZh: string } {
  const [en, zh] = WHAT[r.bucket]
  const wait = r.retryAfterSeconds >= 120 ? `${Math.ceil(r.retryAfterSeconds / 60)} minutes` : `${r.retryAfterSeconds} seconds`
  const waitZh = r.retryAfterSeconds >= 120 ? `${Math.ceil(r.retryAfterSeconds / 60)} 分钟` : `${r.retryAfterSeconds} 秒`
  return r.scope === 'person'
    ? {
        message: `Too many ${en} from you in a short time. Please wait ${wait} and try again.`,
        messageZh: `您的${zh}过于频繁，请 ${waitZh}后再试。`,
      }
    : {
        message: `Too many ${en} from your network address (many people may share it). Please wait ${wait} and try again.`,
        messageZh: `来自您所在网络地址的${zh}过多（该地址可能由许多人共用），请 ${waitZh}后再试。`,
      }
}

/** The 429 answer: Retry-After, and the hall's error body (or a small page, for a browser's navigation). */
export function tooMany(c: Context<AppEnv>, r: Refusal, page?: (text: { message: string; messageZh: string }) => string) {
  const text = refusalText(r)
  c.header('Retry-After', String(r.retryAfterSeconds))
  c.header('Cache-Control', 'no-store')
  c.set('auditDetail', { code: 'too_many_requests', bucket: r.bucket, scope: r.scope, retryAfter: r.retryAfterSeconds })
  if (page && !(c.req.header('accept') ?? '').includes('application/json')) return c.html(page(text), 429)
  return c.json(errorBody('too_many_requests', text.message, text.messageZh), 429)
}

/**
 * The middleware of one limited route. Put it after requireUser where there is a person, so the
 * per-person limit applies; the address is the client's as HALL_TRUST_PROXY says.
 */
export function rateLimit(bucket: Bucket, page?: (text: { message: string; messageZh: string }) => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const refusal = await c.get('guards').rateLimits.take(bucket, clientAddress(c, c.get('deps').env.trustProxyHops), c.get('user')?.cardNumber ?? null)
    if (refusal) return tooMany(c, refusal, page)
    await next()
  })
}
