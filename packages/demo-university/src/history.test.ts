import { describe, expect, it } from 'vitest'
import { findDepartment, findPerson } from './index.ts'
import { demoQuestions } from './history.ts'
import { services } from './services/index.ts'

// The demo's questions are written into a hall with foreign keys: a card number or a service code
// that does not exist would fail the whole seed at `npm start`, so catch it here instead.
describe('demoQuestions', () => {
  it.each(demoQuestions.map((q) => [q.title, q] as const))('%s names people, a department and a service that exist', (_title, q) => {
    expect(findPerson(q.asker)?.unknownToDataPlatform).not.toBe(true)
    expect(findDepartment(q.department)).toBeDefined()
    if (q.serviceCode) expect(services.map((s) => s.code)).toContain(q.serviceCode)
    for (const m of q.thread) expect(findPerson(m.by), m.by).toBeDefined()
    if (q.faq) expect(findPerson(q.faq.by)).toBeDefined()
  })
})
