import { describe, expect, it } from 'vitest'
import { names } from './format.ts'

describe('names', () => {
  it('joins with the list separator of the language', () => {
    expect(names(['杜红梅', '王磊'], 'zh-CN')).toBe('杜红梅、王磊')
    expect(names(['Du Hongmei', 'Wang Lei'], 'en')).toBe('Du Hongmei, Wang Lei')
  })
})
