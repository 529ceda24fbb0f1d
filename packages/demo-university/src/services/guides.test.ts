import { describe, it, expect } from 'vitest'
import { departments } from '../data.ts'
import { categories, services } from './index.ts'
import type { GuideText } from './index.ts'

// The notice's first batch, verbatim (Chinese) and as the seed README names them (English). The
// catalog is searched by these names, so a typo here is a service nobody finds.
const noticeNames: ReadonlyArray<readonly [string, string]> = [
  ['处级及以上干部外出请假报备', 'Leave report for senior cadres travelling'],
  ['在职教职工因私出国(境)申请及办理', 'Staff private travel abroad'],
  ['在校生申请因私出国(境)证件', 'Student private travel documents'],
  ['开具介绍信申请', 'Letter of introduction'],
  ['大学生活动中心使用申请', 'Student activity centre booking'],
  ['本科生勤工助学申请', 'Undergraduate work-study'],
  ['本科生学生证补办', 'Student ID card replacement'],
  ['本科生请销假', 'Undergraduate leave request and return'],
  ['本科生补办校徽申请', 'School badge replacement'],
  ['本科生奖学金申请', 'Undergraduate scholarship'],
  ['专利代理委托书', 'Patent agency authorisation'],
  ['计算机软件著作权登记申请', 'Software copyright registration'],
  ['纵向项目财务明细查询申请', 'Government-funded project finance detail'],
  ['科技成果转让转移实施意向申请', 'Technology transfer: intent'],
  ['科技成果转让转移合同签订申请', 'Technology transfer: contract signing'],
  ['学费住宿费缴纳银行卡变更登记', 'Change of bank card for tuition'],
  ['宿舍调整申请', 'Dormitory change'],
  ['外出住宿申请', 'Living off campus'],
  ['毕业生延期住宿申请', 'Graduate extended stay'],
  ['缓考申请', 'Exam deferral'],
  ['本科生离校申请', 'Undergraduate leaving procedure'],
  ['IP地址申请', 'IP address'],
  ['电子邮件办理申请', 'E-mail account'],
  ['二级网站办理申请', 'Department website'],
  ['二级域名解析申请', 'Sub-domain DNS record'],
  ['服务器安全检测申请', 'Server security scan'],
  ['虚拟服务器申请', 'Virtual server'],
  ['网上办事大厅在线答疑', 'Online Q&A of the hall'],
]

const owningOffices = [
  'organisation',
  'president-office',
  'international',
  'hr',
  'youth-league',
  'student-affairs',
  'research',
  'finance',
  'housing',
  'academic-affairs',
  'network-centre',
  'graduate-school',
]

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i)
}

describe('services seed', () => {
  it('has 30 services with unique kebab-case codes and names', () => {
    expect(services).toHaveLength(30)
    expect(duplicates(services.map((s) => s.code))).toEqual([])
    expect(duplicates(services.map((s) => s.nameZh))).toEqual([])
    expect(duplicates(services.map((s) => s.nameEn))).toEqual([])
    for (const s of services) expect(s.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it.each(noticeNames)('contains the notice service %s (%s)', (nameZh, nameEn) => {
    const matches = services.filter((s) => s.nameZh === nameZh)
    expect(matches).toHaveLength(1)
    expect(matches[0]?.nameEn).toBe(nameEn)
  })

  it('is owned by departments of the demo university, each of the 12 owning at least one', () => {
    const known = new Set(departments.map((d) => d.code))
    for (const s of services) expect(known.has(s.ownerDepartmentCode), s.code).toBe(true)
    const owners = new Set(services.map((s) => s.ownerDepartmentCode))
    expect([...owners].toSorted()).toEqual(owningOffices.toSorted())
  })

  it('puts every service in an existing category, and uses every category', () => {
    const codes = new Set(categories.map((c) => c.code))
    expect(duplicates(categories.map((c) => c.code))).toEqual([])
    for (const s of services) expect(codes.has(s.categoryCode), s.code).toBe(true)
    for (const c of categories)
      expect(
        services.some((s) => s.categoryCode === c.code),
        c.code,
      ).toBe(true)
  })

  it('has a complete guide in both languages', () => {
    const check = (code: string, g: GuideText) => {
      expect(g.conditions.length, code).toBeGreaterThan(0)
      expect(g.materials.length, code).toBeGreaterThan(0)
      expect(g.steps.length, code).toBeGreaterThanOrEqual(2)
      expect(g.steps.length, code).toBeLessThanOrEqual(5)
      expect(g.fees, code).not.toBe('')
      expect(g.contact.email, code).toMatch(/@minghu\.edu\.cn$/)
      expect(g.location, code).not.toBe('')
      expect(g.hours, code).not.toBe('')
    }
    for (const s of services) {
      check(s.code, s.guide.zh)
      check(s.code, s.guide.en)
      // The two languages describe the same process.
      expect(s.guide.en.steps.length, s.code).toBe(s.guide.zh.steps.length)
      expect(s.keywordsZh.length, s.code).toBeGreaterThan(0)
      expect(s.keywordsEn.length, s.code).toBeGreaterThan(0)
      expect(s.timeLimitDays, s.code).toBeGreaterThan(0)
    }
  })

  it('has exactly one kind rule, equal to the audience', () => {
    for (const s of services) {
      const kindRules = s.eligibility.filter((r) => r.type === 'kind')
      expect(kindRules, s.code).toHaveLength(1)
      const rule = kindRules[0]
      expect(rule?.type === 'kind' ? rule.kinds.toSorted() : [], s.code).toEqual(s.audience.toSorted())
      expect(s.audience.length, s.code).toBeGreaterThan(0)
    }
  })

  it('asks for student status only of students, and for cadres and projects only of staff', () => {
    for (const s of services) {
      for (const r of s.eligibility) {
        if (r.type === 'studentStatus' || r.type === 'hasDormitory' || r.type === 'graduatingWithin') {
          expect(s.audience, `${s.code} ${r.type}`).not.toContain('staff')
        }
        if (r.type === 'cadre' || r.type === 'hasResearchProject') expect(s.audience, `${s.code} ${r.type}`).toEqual(['staff'])
      }
    }
  })
})

describe('template offices', () => {
  it('name every owning office of the batch, as the demo organisation does', async () => {
    // why: the template picker says "usually run by …" from this table
    const { templateOffices } = await import('./index.ts')
    for (const s of services)
      expect(templateOffices[s.ownerDepartmentCode]?.nameZh, s.code).toBe(departments.find((d) => d.code === s.ownerDepartmentCode)?.nameZh)
  })
})
