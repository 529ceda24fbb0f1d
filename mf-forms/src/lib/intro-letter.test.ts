import { describe, expect, it } from 'vitest'
import { letterOf, printsAsLetter } from './intro-letter.ts'

describe('the letter of introduction', () => {
  it('reads the addressee, the people, the purpose and the validity from the values', () => {
    const letter = letterOf({
      recipientOrg: ' 浙江省教育厅 ',
      recipientContact: '张处长',
      visitors: [{ visitorName: '钱学军', visitorPost: '教授' }, { visitorName: '黄思远' }, { visitorPost: '无名' }],
      purpose: '联系科研合作事宜。',
      visitDates: { start: '2026-12-01', end: '2026-12-05' },
      letterForm: 'electronic',
    })
    expect(letter).toEqual({
      recipientOrg: '浙江省教育厅',
      recipientContact: '张处长',
      visitors: [
        { name: '钱学军', post: '教授' },
        { name: '黄思远', post: '' },
      ],
      purpose: '联系科研合作事宜',
      validFrom: '2026-12-01',
      validTo: '2026-12-05',
      electronic: true,
    })
  })

  it('prints what it has when values are missing or of the wrong shape', () => {
    expect(letterOf({ visitors: 'x', visitDates: 3 })).toEqual({
      recipientOrg: '',
      recipientContact: '',
      visitors: [],
      purpose: '',
      validFrom: null,
      validTo: null,
      electronic: false,
    })
  })

  it('is printed only for an approved letter of introduction with its document number', () => {
    const base = { status: 'completed', service: { code: 'intro-letter' }, documentNumber: '明大介字〔2026〕3号' }
    expect(printsAsLetter(base)).toBe(true)
    expect(printsAsLetter({ ...base, status: 'in_review' })).toBe(false)
    expect(printsAsLetter({ ...base, documentNumber: null })).toBe(false)
    expect(printsAsLetter({ ...base, service: { code: 'undergrad-leave' } })).toBe(false)
  })
})
