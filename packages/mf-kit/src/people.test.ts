import { describe, expect, it } from 'vitest'
import { formatPerson } from './people.ts'

describe('formatPerson', () => {
  it('names a person with their card number, in the punctuation of the language', () => {
    expect(formatPerson({ name: '王磊', nameEn: 'Wang Lei', cardNumber: '20201234' }, 'zh-CN')).toBe('王磊（20201234）')
    expect(formatPerson({ name: '王磊', nameEn: 'Wang Lei', cardNumber: '20201234' }, 'en')).toBe('Wang Lei (20201234)')
  })

  it('falls back to the Chinese name when there is no English one', () => {
    expect(formatPerson({ name: '王磊', nameEn: null, cardNumber: '20201234' }, 'en')).toBe('王磊 (20201234)')
  })
})
