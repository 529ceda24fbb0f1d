import { describe, expect, it } from 'vitest'
import { createSearchIndex, toRanges, type SearchDoc } from './search.ts'

// The search on its own, over a few hand-made services; search.api.test.ts runs the cases
// over the real seeded catalog through HTTP.
const doc = (code: string, nameZh: string, nameEn: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  code,
  nameZh,
  nameEn,
  keywordsZh: [],
  keywordsEn: [],
  summaryZh: '',
  summaryEn: '',
  departmentZh: '后勤公寓管理中心',
  departmentEn: 'Housing Centre',
  categoryZh: '生活住宿',
  categoryEn: 'Life and housing',
  audience: ['undergraduate'],
  ...extra,
})

const index = createSearchIndex([
  doc('dorm-change', '宿舍调整申请', 'Dormitory change', { keywordsZh: ['换宿舍', '寝室'], keywordsEn: ['room change'] }),
  doc('undergrad-leave', '本科生请销假', 'Undergraduate leave request and return', {
    departmentZh: '学生工作处',
    departmentEn: 'Student Affairs',
    categoryZh: '学业学籍',
    categoryEn: 'Study',
  }),
  doc('ip-address', 'IP地址申请', 'IP address', {
    departmentZh: '网络与信息中心',
    departmentEn: 'Network Centre',
    categoryZh: '网络与信息化',
    categoryEn: 'Network and IT',
  }),
  doc('off-campus', '外出住宿申请', 'Living off campus'),
])
const codes = (q: string) => index.search(q).map((h) => h.code)

describe('catalog search', () => {
  it.each([
    ['sstz', 'dorm-change'],
    ['sushe', 'dorm-change'],
    ['sushetz', 'dorm-change'],
    ['宿舍', 'dorm-change'],
    ['dorm', 'dorm-change'],
    ['Dorm', 'dorm-change'],
    ['qxj', 'undergrad-leave'],
    ['qingxiaojia', 'undergrad-leave'],
    ['ip', 'ip-address'],
    ['IP地址', 'ip-address'],
    ['换宿舍', 'dorm-change'],
    ['room change', 'dorm-change'],
  ])('%s finds %s first', (q, code) => {
    expect(codes(q)[0]).toBe(code)
  })

  it.each([
    ['dromitory', 'dorm-change'], // transposed letters
    ['dormitry', 'dorm-change'], // a letter missing
    ['宿社', 'dorm-change'], // a wrong character of the same sound
    ['sushi', 'dorm-change'], // a wrong vowel in pinyin
  ])('the typo %s still finds %s', (q, code) => {
    expect(codes(q)).toContain(code)
  })

  it('highlights what matched in the Chinese and the English name', () => {
    const [hit] = index.search('sstz')
    expect(hit?.highlights.nameZh).toEqual([[0, 4]])
    const [en] = index.search('change')
    expect(en?.code).toBe('dorm-change')
    expect(en?.highlights.nameEn).toEqual([[10, 16]])
  })

  it('finds nothing for an empty query or for words that are not there', () => {
    expect(codes('   ')).toEqual([])
    expect(codes('zzzzqqq')).toEqual([])
  })

  it('ranks the usual reading of a polyphone above a rare one (宿 is su here, not xiu)', () => {
    const both = createSearchIndex([
      doc('dorm-change', '宿舍调整申请', 'Dormitory change'),
      doc('student-id', '本科生学生证补办', 'Student ID card replacement'),
    ])
    expect(both.search('xsz').map((h) => h.code)).toEqual(['student-id', 'dorm-change'])
  })

  it('ranks services the user may apply for first among equal matches', () => {
    const two = createSearchIndex([
      doc('graduate-leave', '研究生请销假', 'Graduate leave', { audience: ['graduate'] }),
      doc('undergrad-leave', '本科生请销假', 'Undergraduate leave', { audience: ['undergraduate'] }),
    ])
    expect(two.search('qxj', { kind: 'undergraduate' })[0]?.code).toBe('undergrad-leave')
    expect(two.search('qxj', { kind: 'graduate' })[0]?.code).toBe('graduate-leave')
  })

  it('joins indices into ranges', () => {
    expect(toRanges([5, 0, 1, 2])).toEqual([
      [0, 3],
      [5, 6],
    ])
  })
})
