import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../db/schema/index.ts'
import { testApp } from '../test-support.ts'

// The one flood over a real socket: the client address is the TCP peer's, whatever
// X-Forwarded-For says when no proxy is trusted (the default), and that is the address the
// limit and the audit row use.

describe('a login flood over a real socket', () => {
  it('is limited by the peer address; a forged X-Forwarded-For neither escapes the limit nor lands in the audit log', async () => {
    // A limit of an hour's window: every request after the 20th is over it however slowly a busy
    // machine sends them (the default 120 per 10 s let a slow run's window end half way).
    const hall = await testApp({ HALL_RATE_LIMITS: 'login.address=20/3600' })
    const server = serve({ fetch: hall.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const { port } = server.address() as AddressInfo
    try {
      const statuses: number[] = []
      for (let i = 0; i < 60; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/auth/login`, { redirect: 'manual', headers: { 'X-Forwarded-For': `10.0.${i >> 8}.${i & 255}` } })
        await res.arrayBuffer()
        statuses.push(res.status)
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      }
      // Sixty addresses in X-Forwarded-For, one peer: the peer's 20, then the limit.
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(302))
      expect(statuses.slice(20)).toEqual(Array(40).fill(429))

      await hall.guards.audit.flush()
      const [row, ...more] = await hall.deps.db.select().from(auditLog).where(eq(auditLog.action, 'access.denied'))
      expect(more).toHaveLength(0)
      expect(row!.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
      expect(row!.detail).toMatchObject({ status: 429, bucket: 'login', scope: 'address', count: statuses.filter((s) => s === 429).length })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
