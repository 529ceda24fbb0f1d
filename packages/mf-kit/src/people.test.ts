import { describe, expect, it } from 'vitest'
import { formatPerson, personNames } from './people.ts'

describe('formatPerson', () => {
  it('names a person with their card number, in the punctuation of the language', () => {
    expect(formatPerson({ name: '王磊', nameEn: 'Wang Lei', cardNumber: '20201234' }, 'zh-CN')).toBe('王磊（20201234）')
    expect(formatPerson({ name: '王磊', nameEn: 'Wang Lei', cardNumber: '20201234' }, 'en')).toBe('Wang Lei (20201234)')
  })

  it('falls back to the Chinese name when there is no English one', () => {
    expect(formatPerson({ name: '王磊', nameEn: null, cardNumber: '20201234' }, 'en')).toBe('王磊 (20201234)')
  })
})

describe('personNames', () => {
  it("gives a read-only form the names of the people its fields name, in the page's language", () => {
    const people = { '2024010002': { name: '赵子豪', nameEn: 'Zhao Zihao' }, '2024010003': { name: '钱七', nameEn: '' } }
    expect(personNames(people, 'zh-CN')).toEqual({ '2024010002': '赵子豪', '2024010003': '钱七' })
    expect(personNames(people, 'en')).toEqual({ '2024010002': 'Zhao Zihao', '2024010003': '钱七' })
    expect(personNames(undefined, 'en')).toEqual({})
  })
})
