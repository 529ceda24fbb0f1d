import { departments, klasses, people, sourceSystems } from './data.ts'
import { fieldSources, fieldSourcesByKind } from './types.ts'
import type { DataSource, Department, Klass, Person, RoleCode, UserKind } from './types.ts'

export * from './types.ts'
export * from './data.ts'
export * from './services/index.ts'
export * from './history.ts'

export function findPerson(cardNumber: string): Person | undefined {
  return people.find((p) => p.cardNumber === cardNumber)
}

export function findDepartment(code: string): Department | undefined {
  return departments.find((d) => d.code === code)
}

export function findKlass(code: string): Klass | undefined {
  return klasses.find((k) => k.code === code)
}

/** Everyone who holds `role` in `scope`; a `'*'` grant (the admin) holds it everywhere. */
export function holdersOf(role: RoleCode, scope: string): Person[] {
  return people.filter((p) => p.roles.some((g) => g.role === role && (g.scope === scope || g.scope === '*')))
}

/**
 * The system and department a pre-filled value at `path` (e.g. `'student.dormitory'`) came from,
 * so the form can say whom to ask for a correction at the source.
 */
export function sourceOf(path: string, kind: UserKind): DataSource | undefined {
  const code = fieldSourcesByKind[kind]?.[path] ?? fieldSources[path]
  const system = sourceSystems.find((s) => s.code === code)
  const department = system && findDepartment(system.ownerDepartmentCode)
  return system && department ? { system, department } : undefined
}

export type DemoGroup = 'undergraduate' | 'graduate' | 'international' | 'staff' | 'counsellor' | 'reviewer' | 'service-owner' | 'admin'

export interface DemoAccount {
  cardNumber: string
  name: string
  nameEn: string
  labelZh: string
  labelEn: string
  unknownToDataPlatform: boolean
}

export interface DemoAccountGroup {
  group: DemoGroup
  labelZh: string
  labelEn: string
  accounts: DemoAccount[]
}

const groupLabels: ReadonlyArray<{ group: DemoGroup; labelZh: string; labelEn: string }> = [
  { group: 'undergraduate', labelZh: '本科生', labelEn: 'Undergraduates' },
  { group: 'graduate', labelZh: '研究生', labelEn: 'Graduate students' },
  { group: 'international', labelZh: '留学生', labelEn: 'International students' },
  { group: 'staff', labelZh: '教职工', labelEn: 'Staff' },
  { group: 'counsellor', labelZh: '辅导员', labelEn: 'Counsellors' },
  { group: 'reviewer', labelZh: '审核人', labelEn: 'Reviewers' },
  { group: 'service-owner', labelZh: '服务负责人', labelEn: 'Service owners' },
  { group: 'admin', labelZh: '系统管理员', labelEn: 'Administrators' },
]

/**
 * The one group a person is listed under on the login page. People with several roles go under
 * the most powerful one, so each account appears once; staff without a hall role (professors,
 * college secretaries, heads of department) stay under "staff".
 */
export function demoGroupOf(person: Person): DemoGroup {
  const has = (role: RoleCode) => person.roles.some((g) => g.role === role)
  if (has('admin')) return 'admin'
  if (has('service-owner')) return 'service-owner'
  if (has('reviewer')) return 'reviewer'
  if (has('counsellor')) return 'counsellor'
  return person.kind
}

/** What the development IdP's login page lists, grouped by kind of user and role, in page order. */
export function demoAccounts(): DemoAccountGroup[] {
  return groupLabels.map(({ group, labelZh, labelEn }) => ({
    group,
    labelZh,
    labelEn,
    accounts: people
      .filter((p) => demoGroupOf(p) === group)
      .map((p) => ({
        cardNumber: p.cardNumber,
        name: p.name,
        nameEn: p.nameEn,
        labelZh: p.demoLabelZh,
        labelEn: p.demoLabelEn,
        unknownToDataPlatform: p.unknownToDataPlatform === true,
      })),
  }))
}
