import { describe, expect, it } from 'vitest'
import { auditLog } from '../db/schema/index.ts'
import { testDeps } from '../test-support.ts'
import { neutralise, recordAudit } from './record.ts'

describe('recordAudit', () => {
  it('stores one row whose strings cannot start a second line', async () => {
    const { deps } = await testDeps()
    await recordAudit(deps.db, deps.now(), {
      actor: '2023001\r\n2026-11-27 admin login.succeeded',
      action: 'login.failed',
      outcome: 'failed',
      targetId: 'x\u202ey',
      detail: { reason: 'bad\nsignature', nested: ['a\rb'] },
    })
    const rows = await deps.db.select().from(auditLog)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.actor).toBe('2023001\\r\\n2026-11-27 admin login.succeeded')
    expect(rows[0]!.actor).not.toMatch(/[\r\n]/)
    expect(rows[0]!.detail).toEqual({ reason: 'bad\\nsignature', nested: ['a\\rb'] })
    // A right-to-left override would make the id read differently in an export.
    expect(rows[0]!.targetId).toBe('x\\u202ey')
  })

  it('cuts a very long value', () => {
    expect(neutralise('a'.repeat(2000)).length).toBe(501)
  })
})
