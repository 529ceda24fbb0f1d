import { describe, expect, it } from 'vitest'
import type { SessionUser } from '../../lib/context.ts'
import { checkEligibility, profileFromRecord, type EligibilityRule, type Profile } from './eligibility.ts'

// With HALL_DATA_PLATFORM=http the people table holds only what an import gives (the class): a
// student's status and dormitory come from the platform's record, or dorm-change is never open.

const v = (value: string | number | boolean) => ({ value })
const student: SessionUser = {
  cardNumber: '2026910001',
  name: '林小雨',
  nameEn: 'Lin Xiaoyu',
  kind: 'undergraduate',
  departmentCode: 'college-sci',
  roles: [],
  knownToDataPlatform: true,
}
const rules: EligibilityRule[] = [{ type: 'studentStatus', status: 'enrolled' }, { type: 'hasDormitory' }]
const check = (profile: ReturnType<typeof profileFromRecord> | null) =>
  checkEligibility({ user: student, profile, rules, serviceStatus: 'online', inProgress: 0, now: new Date('2026-12-03T00:00:00Z') })

describe('profileFromRecord', () => {
  it("takes status and dormitory from the platform's record, keeping the imported class", () => {
    const stored: Profile = { student: { klassCode: 'sci-2026-1' } as Profile['student'] }
    expect(check(stored).canApply).toBe(false)
    const profile = profileFromRecord(stored, { 'student.status': v('enrolled'), 'student.dormitory.label': v('明湖苑3号楼 412室 2号床'), name: v('林小雨') })
    expect(profile).toEqual({ student: { klassCode: 'sci-2026-1', status: 'enrolled', dormitory: { label: '明湖苑3号楼 412室 2号床' } } })
    expect(check(profile).canApply).toBe(true)
  })

  it('leaves the stored profile as it is when the record says nothing of it', () => {
    expect(profileFromRecord(null, { name: v('许明') })).toEqual({})
    expect(check(profileFromRecord(null, { name: v('许明') })).canApply).toBe(false)
  })
})
