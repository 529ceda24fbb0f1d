import { demoAccounts, findPerson } from '@hall/demo-university'
import type { AccountGroup } from './pages.ts'

/**
 * The demo university's people as the login page lists them: by kind of user, then by role
 * (counsellor, reviewers, service owner, administrator), each person once. People the data
 * platform does not know are listed too, so the hall's "unknown person" path can be tried.
 */
export function demoUniversityGroups(): AccountGroup[] {
  return demoAccounts().map((g) => ({
    group: g.group,
    titleZh: g.labelZh,
    titleEn: g.labelEn,
    people: g.accounts.map((a) => {
      const p = findPerson(a.cardNumber)
      if (!p) throw new Error(`demoAccounts() lists ${a.cardNumber}, whom findPerson() does not know`)
      return {
        cardNumber: p.cardNumber,
        name: p.name,
        nameEn: p.nameEn,
        kind: p.kind,
        departmentCode: p.departmentCode,
        email: p.email,
        demoLabelZh: p.demoLabelZh,
        demoLabelEn: p.demoLabelEn,
        ...(p.unknownToDataPlatform ? { unknownToDataPlatform: true as const } : {}),
      }
    }),
  }))
}
