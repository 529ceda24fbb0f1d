import { describe, expect, it } from 'vitest'
import { kitMessages } from '../messages.ts'
import { fullWidthInEnglish, informalYou, keyUses, missingKeys, pluralsWithoutSingular, unknownUses } from './i18n-check.ts'

type Messages = { [key: string]: string | Messages }

/**
 * The checks every part runs on its messages (with mf-kit's own words merged in), as one suite, so
 * each part's `messages.test.ts` names only its folder and its messages. A key the code asks for
 * but neither language has shows on screen as the raw key; the type of `t()` does not catch it, so
 * the code under `srcDir` is scanned for its keys. Returns the merged messages for a part's own checks.
 */
export function describeMessages<M extends Messages>(srcDir: string, messages: { 'zh-CN': M; en: M }) {
  const zh = { ...kitMessages['zh-CN'], ...messages['zh-CN'] }
  const en = { ...kitMessages.en, ...messages.en }
  const uses = keyUses(srcDir)

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
  return { zh, en }
}
