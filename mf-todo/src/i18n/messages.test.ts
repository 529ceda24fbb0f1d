import { fileURLToPath } from 'node:url'
import { fullWidthInEnglish, informalYou, keyUses, kitMessages, missingKeys, pluralsWithoutSingular, unknownUses } from '@hall/mf-kit/testing'
import { describe, expect, it } from 'vitest'
import { messages } from './index.ts'

// A key the code asks for but neither language has shows on screen as the raw key; the type of
// `t()` does not catch it, so the code is scanned for its keys.
const src = fileURLToPath(new URL('..', import.meta.url))
const zh = { ...kitMessages['zh-CN'], ...messages['zh-CN'] }
const en = { ...kitMessages.en, ...messages.en }
const uses = keyUses(src)

describe('the messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(missingKeys(zh, en)).toEqual([])
    expect(missingKeys(en, zh)).toEqual([])
  })

  it('have every key the code uses, in both languages', () => {
    expect(uses.length).toBeGreaterThan(0)
    expect(unknownUses(uses, zh)).toEqual([])
    expect(unknownUses(uses, en)).toEqual([])
  })

  it('count in English with a singular ("1 service", not "1 services")', () => {
    expect(pluralsWithoutSingular(en)).toEqual([])
  })

  it('use English punctuation in English', () => {
    expect(fullWidthInEnglish(en)).toEqual([])
  })

  it('address the user as 您, never 你', () => {
    expect(informalYou(zh)).toEqual([])
  })
})

describe('the outcome column', () => {
  // `TaskList` shows t(`todo.outcomes.${outcome ?? status}`): every value of the API's task
  // `outcome` and `status` columns (api/src/db/schema/applications.ts) needs a label, or the raw
  // key shows (`todo.outcomes.closed` on every copy in 抄送, whose tasks are closed with no outcome).
  const values = ['approved', 'rejected', 'returned', 'transferred', 'cancelled', 'open', 'asked', 'waiting', 'closed']
  it.each(values)('has a label for %s in both languages', (value) => {
    expect(typeof zh.todo.outcomes[value as keyof typeof zh.todo.outcomes]).toBe('string')
    expect(typeof en.todo.outcomes[value as keyof typeof en.todo.outcomes]).toBe('string')
  })
})
