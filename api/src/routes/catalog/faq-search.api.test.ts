import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { transaction } from '../../db/client.ts'
import { questions } from '../../db/schema/index.ts'
import { bumpCatalogRevision } from './catalog.service.ts'
import { testApp } from '../../test-support.ts'

// Issue 14: the main search (GET /api/services?q=, what the header's box and the catalog ask)
// also searches the published FAQ, and points to the FAQ's service; the FAQ speaks English where
// the data has it. Words below are in the demo's FAQ only, not in any service's name, keywords or summary.

const codes = async (app: Awaited<ReturnType<typeof testApp>>['app'], q: string) => {
  const res = await app.request(`/api/services?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: Array<{ code: string }> }).items.map((i) => i.code)
}

describe('GET /api/services?q= over the FAQ', () => {
  it('finds a service by its FAQ answer, in Chinese and in English', async () => {
    const { app } = await testApp()
    expect(await codes(app, '纸质签字')).toEqual(['dorm-change'])
    expect(await codes(app, 'paper signature')).toEqual(['dorm-change'])
    expect(await codes(app, '初始密码')).toContain('email-account')
  })

  it('follows publishing: a FAQ taken down is no longer searched', async () => {
    const t = await testApp()
    expect(await codes(t.app, '纸质签字')).toEqual(['dorm-change'])
    // Straight to the table, as a writer outside the FAQ routes would, with the revision every writer raises.
    await transaction(t.deps.db, async (tx) => {
      await tx.update(questions).set({ faqPublishedAt: null }).where(eq(questions.serviceCode, 'dorm-change'))
      await bumpCatalogRevision(tx)
    })
    expect(await codes(t.app, '纸质签字')).toEqual([])
  })
})

describe('GET /api/faqs', () => {
  it('gives the English of a FAQ where the data has one', async () => {
    const { app } = await testApp()
    const res = await app.request('/api/faqs?serviceCode=dorm-change')
    expect(res.status).toBe(200)
    const items = ((await res.json()) as { items: Array<{ question: string; questionEn: string | null; answerEn: string | null }> }).items
    expect(items).toEqual([
      expect.objectContaining({
        question: '互换床位需要对方同意吗？',
        questionEn: 'Does the other student have to agree to swap beds?',
        answerEn: expect.stringContaining('confirm online'),
      }),
    ])
  })
})
