import { describe, it, expect } from 'vitest'
import {
  demoAccounts,
  departments,
  fieldSources,
  fieldSourcesByKind,
  findDepartment,
  findKlass,
  findPerson,
  holdersOf,
  klasses,
  people,
  sourceOf,
  sourceSystems,
} from './index.ts'
import type { RoleGrant } from './index.ts'

// The demo data is hand-written and read by the seed, the dev IdP and the workflows: a dangling
// code here shows up later as an application nobody can review. These checks catch it early.

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

describe('organisation', () => {
  it('has unique department, class and source-system codes', () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([])
    expect(duplicates(klasses.map((k) => k.code))).toEqual([])
    expect(duplicates(sourceSystems.map((s) => s.code))).toEqual([])
  })

  it('has the 12 owning offices, the library and 3 colleges', () => {
    for (const code of [...owningOffices, 'library']) expect(findDepartment(code)?.kind, code).toBe('office')
    expect(departments.filter((d) => d.kind === 'college')).toHaveLength(3)
    expect(departments).toHaveLength(16)
  })

  it('uses kebab-case codes', () => {
    const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/
    for (const code of [...departments, ...klasses, ...sourceSystems].map((x) => x.code)) expect(code).toMatch(kebab)
  })

  it('gives every class an existing college and a counsellor who holds that class', () => {
    for (const k of klasses) {
      expect(findDepartment(k.collegeCode)?.kind, k.code).toBe('college')
      const counsellor = findPerson(k.counsellorCardNumber)
      expect(counsellor, k.code).toBeDefined()
      expect(counsellor?.roles).toContainEqual({ role: 'counsellor', scope: k.code })
    }
  })

  it('gives every source system an existing owner department', () => {
    for (const s of sourceSystems) expect(findDepartment(s.ownerDepartmentCode), s.code).toBeDefined()
  })
})

describe('people', () => {
  it('have unique card numbers, kept as strings', () => {
    expect(duplicates(people.map((p) => p.cardNumber))).toEqual([])
    for (const p of people) expect(typeof p.cardNumber).toBe('string')
  })

  it('include a card number with a leading zero', () => {
    expect(people.some((p) => p.cardNumber.startsWith('0'))).toBe(true)
  })

  it('belong to existing departments (students to colleges)', () => {
    for (const p of people) {
      const department = findDepartment(p.departmentCode)
      expect(department, p.cardNumber).toBeDefined()
      if (p.kind !== 'staff') expect(department?.kind, p.cardNumber).toBe('college')
    }
  })

  it('have a student record if students, a staff record if staff the platform knows', () => {
    for (const p of people) {
      if (p.kind === 'staff') {
        expect(p.student, p.cardNumber).toBeUndefined()
        if (!p.unknownToDataPlatform) expect(p.staff, p.cardNumber).toBeDefined()
      } else {
        expect(p.student, p.cardNumber).toBeDefined()
        expect(p.staff, p.cardNumber).toBeUndefined()
      }
    }
  })

  it('refer to existing classes of their own college', () => {
    for (const p of people) {
      const code = p.student?.klassCode
      if (code === undefined) continue
      expect(findKlass(code)?.collegeCode, p.cardNumber).toBe(p.departmentCode)
    }
  })

  it('refer to existing supervisors who are staff', () => {
    for (const p of people) {
      const card = p.student?.supervisorCardNumber
      if (card === undefined) continue
      expect(findPerson(card)?.kind, p.cardNumber).toBe('staff')
    }
    for (const p of people.filter((p) => p.kind === 'graduate')) {
      expect(p.student?.supervisorCardNumber, p.cardNumber).toBeDefined()
    }
  })

  it('hold roles whose scope exists', () => {
    const scopeExists = (g: RoleGrant): boolean => {
      switch (g.role) {
        case 'admin':
          return g.scope === '*'
        case 'counsellor':
          return findKlass(g.scope) !== undefined
        case 'college-deputy-secretary':
        case 'college-secretary':
          return findDepartment(g.scope)?.kind === 'college'
        case 'head-of-department':
        case 'reviewer':
        case 'service-owner':
          return findDepartment(g.scope) !== undefined
        case 'president-office':
          return g.scope === 'president-office'
      }
    }
    for (const p of people) for (const g of p.roles) expect(scopeExists(g), `${p.cardNumber} ${g.role} ${g.scope}`).toBe(true)
  })

  it('name at least one reviewer for every owning office and the library', () => {
    for (const code of [...owningOffices, 'library']) {
      // Not through the admin's '*' grant: somebody of the office itself must review.
      const own = holdersOf('reviewer', code).filter((p) => p.roles.some((g) => g.role === 'reviewer' && g.scope === code))
      expect(own, code).not.toHaveLength(0)
    }
  })

  it('name service owners in network-centre, student-affairs and housing, and one admin', () => {
    for (const code of ['network-centre', 'student-affairs', 'housing']) {
      expect(
        people.some((p) => p.roles.some((g) => g.role === 'service-owner' && g.scope === code)),
        code,
      ).toBe(true)
    }
    expect(people.filter((p) => p.roles.some((g) => g.role === 'admin'))).toHaveLength(1)
  })

  it('include exactly one person unknown to the data platform', () => {
    expect(people.filter((p) => p.unknownToDataPlatform)).toHaveLength(1)
  })

  it('cover the cases the eligibility rules need', () => {
    const students = people.filter((p) => p.kind === 'undergraduate')
    expect(students.length).toBeGreaterThanOrEqual(8)
    expect(students.some((p) => p.student?.status === 'suspended')).toBe(true)
    expect(students.some((p) => p.student?.expectedGraduationYear === 2027 && p.student.status === 'enrolled')).toBe(true)
    expect(students.some((p) => p.student?.status === 'enrolled' && !p.student.dormitory)).toBe(true)
    expect(people.filter((p) => p.kind === 'graduate')).toHaveLength(4)
    expect(people.filter((p) => p.kind === 'international')).toHaveLength(3)
    expect(people.some((p) => p.staff?.cadreLevel !== undefined)).toBe(true)
    expect(people.some((p) => p.staff?.researchProjects.some((r) => r.kind === 'vertical'))).toBe(true)
    // Someone with research but no government-funded project: the `vertical` rule must refuse him.
    expect(people.some((p) => p.staff && p.staff.researchProjects.length > 0 && p.staff.researchProjects.every((r) => r.kind === 'horizontal'))).toBe(true)
  })
})

describe('field sources', () => {
  it('name known source systems only', () => {
    const known = new Set(sourceSystems.map((s) => s.code))
    const maps = [fieldSources, ...Object.values(fieldSourcesByKind)]
    for (const map of maps) for (const [path, code] of Object.entries(map)) expect(known.has(code), `${path} → ${code}`).toBe(true)
  })

  it('resolve a field to its system and the department to ask', () => {
    expect(sourceOf('student.dormitory', 'undergraduate')?.department.code).toBe('housing')
    expect(sourceOf('name', 'staff')?.system.code).toBe('hr-system')
    expect(sourceOf('student.majorZh', 'graduate')?.department.code).toBe('graduate-school')
    expect(sourceOf('no.such.field', 'staff')).toBeUndefined()
  })
})

describe('demoAccounts', () => {
  it('lists every person exactly once, in the eight groups of the login page', () => {
    const groups = demoAccounts()
    expect(groups.map((g) => g.group)).toEqual(['undergraduate', 'graduate', 'international', 'staff', 'counsellor', 'reviewer', 'service-owner', 'admin'])
    for (const g of groups) expect(g.accounts, g.group).not.toHaveLength(0)
    const cards = groups.flatMap((g) => g.accounts.map((a) => a.cardNumber))
    expect(cards.toSorted()).toEqual(people.map((p) => p.cardNumber).toSorted())
  })
})
