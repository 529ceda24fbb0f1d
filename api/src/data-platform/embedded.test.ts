import { describe, expect, it } from 'vitest'
import { seedDemo } from '../demo/index.ts'
import { testDeps } from '../test-support.ts'
import { createEmbeddedPlatform, resolvePrefill, lockedValues } from './index.ts'
import type { FormDefinition } from '@hall/forms/format'

// The embedded data platform over the seeded demo university: every value names its source, and
// the source depends on the kind of person (DESIGN rule 6).

async function platform() {
  const { deps } = await testDeps()
  await seedDemo(deps.db, deps.now())
  return createEmbeddedPlatform(deps.db)
}

describe('embedded data platform', () => {
  it("names the housing system and its centre as the source of an undergraduate's dormitory", async () => {
    const record = (await (await platform()).person('2023010101'))!
    expect(record.kind).toBe('undergraduate')
    expect(record.values['student.dormitory.label']).toEqual({
      value: '明湖苑3号楼 412室 2号床',
      source: {
        systemCode: 'housing-system',
        systemZh: '公寓管理系统',
        systemEn: 'Student housing system',
        departmentCode: 'housing',
        departmentZh: '后勤公寓管理中心',
        departmentEn: 'Student Housing Centre',
        authoritative: true,
      },
    })
    expect(record.values['student.dormitory.room']?.value).toBe('412')
  })

  it('takes the class and its counsellor from the student affairs system', async () => {
    const record = (await (await platform()).person('2023010101'))!
    expect(record.values['student.klassNameZh']?.value).toBe('计算机科学与技术2023级1班')
    expect(record.values['student.counsellorName']).toMatchObject({
      value: '杜红梅',
      source: { systemCode: 'student-affairs-system', departmentZh: '学生工作处' },
    })
    expect(record.values['student.adviserName']?.value).toBe('杜红梅')
  })

  it("gives a graduate's record from the graduate system, and the supervisor as adviser", async () => {
    const record = (await (await platform()).person('202510010007'))!
    expect(record.values['student.majorZh']?.source.systemCode).toBe('graduate-system')
    expect(record.values['student.adviserName']).toMatchObject({ value: '钱学军', source: { systemCode: 'graduate-system' } })
    expect(record.values['student.klassNameZh']).toBeUndefined()
  })

  it("gives a member of staff's name from HR and their projects from the research system", async () => {
    const record = (await (await platform()).person('0005472'))!
    expect(record.values.name?.source.systemCode).toBe('hr-system')
    expect(record.values['staff.titleZh']?.value).toBe('教授')
    expect(record.values['staff.researchProjects.vertical.code']).toMatchObject({
      value: 'MH-V-2024-0137',
      source: { systemCode: 'research-system', departmentCode: 'research' },
    })
    expect(record.values['staff.researchProjects.count']?.value).toBe(2)
  })

  it('marks the mobile number as not authoritative: a person may give a newer one', async () => {
    const record = (await (await platform()).person('2023010101'))!
    expect(record.values.phone).toMatchObject({ value: '138-0000-2101', source: { systemCode: 'identity-card', authoritative: false } })
    expect(record.values.email?.source.authoritative).toBe(true)
  })

  it('answers null for someone it does not know', async () => {
    expect(await (await platform()).person('0031907')).toBeNull()
    expect(await (await platform()).person('nobody')).toBeNull()
  })
})

describe('resolvePrefill', () => {
  const definition: FormDefinition = {
    formatVersion: 1,
    sections: [
      {
        title: { zh: '申请人', en: 'Applicant' },
        fields: [
          { key: 'dormitory', type: 'text', label: { zh: '宿舍', en: 'Dormitory' }, prefill: { path: 'student.dormitory.label', readOnlyWhenPrefilled: true } },
          { key: 'phone', type: 'text', label: { zh: '手机', en: 'Phone' }, prefill: { path: 'phone', readOnlyWhenPrefilled: true } },
          { key: 'year', type: 'number', label: { zh: '入学年份', en: 'Year' }, prefill: { path: 'student.enrolmentYear' } },
          {
            key: 'degree',
            type: 'select',
            label: { zh: '学历', en: 'Degree' },
            options: [{ value: 'master', label: { zh: '硕士', en: "Master's" } }],
            prefill: { path: 'student.degree' },
          },
          { key: 'post', type: 'text', label: { zh: '职务', en: 'Post' }, prefill: { path: 'staff.postZh' } },
        ],
      },
    ],
  }

  it('keys values and sources by field, locking only authoritative read-only bindings', async () => {
    const prefill = resolvePrefill(definition, await (await platform()).person('2023010101'))
    expect(prefill.values).toEqual({ dormitory: '明湖苑3号楼 412室 2号床', phone: '138-0000-2101', year: 2023 })
    expect(prefill.sources.dormitory).toMatchObject({
      systemZh: '公寓管理系统',
      departmentZh: '后勤公寓管理中心',
      path: 'student.dormitory.label',
      readOnly: true,
    })
    // The binding asks for read-only, but the source is not the authority on it.
    expect(prefill.sources.phone?.readOnly).toBe(false)
    expect(lockedValues(prefill)).toEqual({ dormitory: '明湖苑3号楼 412室 2号床' })
    // A value that is not one of the field's options, and a value the record lacks, are missing.
    expect(prefill.missing).toEqual(['degree', 'post'])
  })

  it('pre-fills nothing for someone the platform does not know', () => {
    expect(resolvePrefill(definition, null)).toEqual({ values: {}, sources: {}, missing: ['dormitory', 'phone', 'year', 'degree', 'post'] })
  })
})

describe('English names of pre-filled values (issue 14)', () => {
  const definition: FormDefinition = {
    formatVersion: 1,
    sections: [
      {
        title: { zh: '申请人', en: 'Applicant' },
        fields: [
          { key: 'college', type: 'text', label: { zh: '学院', en: 'College' }, prefill: { path: 'departmentNameZh', readOnlyWhenPrefilled: true } },
          { key: 'major', type: 'text', label: { zh: '专业', en: 'Major' }, prefill: { path: 'student.majorZh', readOnlyWhenPrefilled: true } },
          { key: 'klass', type: 'text', label: { zh: '班级', en: 'Class' }, prefill: { path: 'student.klassNameZh', readOnlyWhenPrefilled: true } },
          { key: 'dormitory', type: 'text', label: { zh: '宿舍', en: 'Dormitory' }, prefill: { path: 'student.dormitory.label', readOnlyWhenPrefilled: true } },
          { key: 'name', type: 'text', label: { zh: '姓名', en: 'Name' }, prefill: { path: 'name', readOnlyWhenPrefilled: true } },
        ],
      },
    ],
  }

  it('ride on the source as valueEn, while the value stays the bound Chinese one', async () => {
    const result = resolvePrefill(definition, await (await platform()).person('2023010101'))
    expect(result.values).toMatchObject({ college: expect.stringContaining('学院'), dormitory: '明湖苑3号楼 412室 2号床' })
    expect(result.sources.college?.valueEn).toMatch(/College/)
    expect(result.sources.major?.valueEn).toMatch(/[A-Za-z]/)
    expect(result.sources.klass?.valueEn).toMatch(/[A-Za-z]/)
    expect(result.sources.dormitory?.valueEn).toBe('Minghu Court 3, room 412, bed 2')
    // A person's name has its English too (nameEn); the value stays 李明轩.
    expect(result.values.name).toBe('李明轩')
    expect(result.sources.name?.valueEn).toBe('Li Mingxuan')
  })
})
