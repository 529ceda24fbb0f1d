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
