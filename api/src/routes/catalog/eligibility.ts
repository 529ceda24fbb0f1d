import type { SessionUser, UserKind } from '../../lib/context.ts'

// The conditions of a service's guide that the data platform can decide, checked against the
// user's own record before they start, so nobody fills a form only to be refused.

export type EligibilityRule =
  | { type: 'kind'; kinds: UserKind[] }
  | { type: 'studentStatus'; status: 'enrolled' }
  | { type: 'graduatingWithin'; months: number }
  | { type: 'cadre' }
  | { type: 'hasResearchProject'; kind?: 'vertical' | 'horizontal' }
  | { type: 'hasDormitory' }
  | { type: 'noneInProgress' }

export interface Check {
  code: string
  ok: boolean
  /** What was checked, as the user reads it: "您是本科生" / "You are an undergraduate". */
  labelZh: string
  labelEn: string
}

/** What the data platform holds about the person (the `profile` of the people table). */
export interface Profile {
  student?: {
    status?: string
    expectedGraduationYear?: number
    dormitory?: unknown
  }
  staff?: {
    cadreLevel?: string
    researchProjects?: Array<{ kind: string }>
  }
}

/**
 * The part of a data-platform record the eligibility rules read, as a `Profile`: with
 * HALL_DATA_PLATFORM=http the people table holds only what an organisation import gives (a class),
 * so a student's status, graduation year and dormitory, and a cadre's level, come from the
 * platform's record (`student.status`, `student.expectedGraduationYear`, any `student.dormitory.*`,
 * `staff.cadreLevel`), over the stored profile.
 */
export function profileFromRecord(stored: Profile | null, values: Record<string, { value: string | number | boolean }>): Profile {
  const student = { ...(stored?.student ?? {}) }
  const staff = { ...(stored?.staff ?? {}) }
  const status = values['student.status']?.value
  if (typeof status === 'string') student.status = status
  const year = Number(values['student.expectedGraduationYear']?.value)
  if (Number.isInteger(year) && year > 0) student.expectedGraduationYear = year
  const dormitory = Object.fromEntries(
    Object.entries(values)
      .filter(([path]) => path.startsWith('student.dormitory.'))
      .map(([path, v]) => [path.slice('student.dormitory.'.length), v.value]),
  )
  if (Object.keys(dormitory).length)
    student.dormitory = { ...(typeof student.dormitory === 'object' && student.dormitory ? student.dormitory : {}), ...dormitory }
  const cadre = values['staff.cadreLevel']?.value
  if (typeof cadre === 'string' && cadre) staff.cadreLevel = cadre
  return {
    ...(stored ?? {}),
    ...(Object.keys(student).length ? { student } : {}),
    ...(Object.keys(staff).length ? { staff } : {}),
  }
}

const KIND_ZH: Record<UserKind, string> = { staff: '教职工', undergraduate: '本科生', graduate: '研究生', international: '留学生' }
const KIND_EN: Record<UserKind, string> = {
  staff: 'staff',
  undergraduate: 'an undergraduate',
  graduate: 'a graduate student',
  international: 'an international student',
}

/** Graduation is at the end of June of the expected year. */
const graduationDate = (year: number) => new Date(Date.UTC(year, 5, 30))

export function checkEligibility(input: {
  user: SessionUser
  profile: Profile | null
  rules: EligibilityRule[]
  serviceStatus: string
  inProgress: number
  now: Date
}): { canApply: boolean; checks: Check[] } {
  const { user, profile, rules, now } = input
  const checks: Check[] = []
  const add = (code: string, ok: boolean, labelZh: string, labelEn: string) => checks.push({ code, ok, labelZh, labelEn })

  add(
    'online',
    input.serviceStatus === 'online',
    input.serviceStatus === 'online' ? '本服务正在受理' : '本服务暂停网上受理',
    input.serviceStatus === 'online' ? 'The service is accepting applications' : 'The service is not accepting online applications now',
  )
  add(
    'known',
    user.knownToDataPlatform,
    user.knownToDataPlatform ? '学校数据中心有您的信息' : '学校数据中心尚无您的信息',
    user.knownToDataPlatform ? 'The data platform has your record' : 'The data platform has no record of you yet',
  )

  for (const rule of rules) {
    switch (rule.type) {
      case 'kind': {
        const ok = !!user.kind && rule.kinds.includes(user.kind)
        const forZh = rule.kinds.map((k) => KIND_ZH[k]).join('、')
        const forEn = rule.kinds.map((k) => KIND_EN[k].replace(/^an? /, '')).join(', ')
        add(
          'kind',
          ok,
          ok && user.kind ? `您是${KIND_ZH[user.kind]}` : `本服务面向${forZh}`,
          ok && user.kind ? `You are ${KIND_EN[user.kind]}` : `This service is for ${forEn}`,
        )
        break
      }
      case 'studentStatus': {
        const ok = profile?.student?.status === rule.status
        add('studentStatus', ok, ok ? '您在校' : '需要在校学籍', ok ? 'You are in school' : 'You must be enrolled (in school)')
        break
      }
      case 'graduatingWithin': {
        const year = profile?.student?.expectedGraduationYear
        const limit = new Date(now)
        limit.setUTCMonth(limit.getUTCMonth() + rule.months)
        const ok = !!year && graduationDate(year) <= limit && graduationDate(year).getTime() + 90 * 864e5 >= now.getTime()
        add(
          'graduatingWithin',
          ok,
          ok ? `您将于${year}年毕业` : `需在${rule.months}个月内毕业`,
          ok ? `You graduate in ${year}` : `You must be graduating within ${rule.months} months`,
        )
        break
      }
      case 'cadre': {
        const ok = !!profile?.staff?.cadreLevel
        add(
          'cadre',
          ok,
          ok ? '您是处级及以上干部' : '需为处级及以上干部',
          ok ? 'You are a division-level cadre or above' : 'Only division-level cadres and above',
        )
        break
      }
      case 'hasResearchProject': {
        const projects = profile?.staff?.researchProjects ?? []
        const ok = projects.some((p) => !rule.kind || p.kind === rule.kind)
        const zh = rule.kind === 'vertical' ? '纵向科研项目' : rule.kind === 'horizontal' ? '横向科研项目' : '科研项目'
        const en = rule.kind === 'vertical' ? 'a government-funded project' : rule.kind === 'horizontal' ? 'an industry-funded project' : 'a research project'
        add('hasResearchProject', ok, ok ? `您主持${zh}` : `需主持${zh}`, ok ? `You lead ${en}` : `You must lead ${en}`)
        break
      }
      case 'hasDormitory': {
        const ok = !!profile?.student?.dormitory
        add('hasDormitory', ok, ok ? '您已有校内宿舍' : '需已分配校内宿舍', ok ? 'You have a room on campus' : 'You must have a room on campus')
        break
      }
      case 'noneInProgress': {
        const ok = input.inProgress === 0
        add(
          'noneInProgress',
          ok,
          ok ? '没有办理中的同类申请' : '您已有一份办理中的申请',
          ok ? 'No application of yours is in progress' : 'You already have an application in progress',
        )
        break
      }
    }
  }
  return { canApply: checks.every((c) => c.ok), checks }
}
