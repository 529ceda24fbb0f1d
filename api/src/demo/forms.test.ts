import { formDefinitions, people, processDefinitions, services } from '@hall/demo-university'
import { describe, expect, it } from 'vitest'
import { embeddedRecord, lockedValues, resolvePrefill, type PlatformRecord } from '../data-platform/index.ts'
import { allFields, initialValues, validateDefinition, validateSubmission, type Field } from '@hall/forms/format'
import { seedDemo } from './seed.ts'
import { testDeps } from '../test-support.ts'

// The seeded forms against the three things they must agree with: the form format, the processes
// that read their fields (packages/workflow's table "What each process reads"), and the records
// of the demo university that pre-fill them.

/** The form field types that can hold each type a process reads. */
const holds: Record<string, Field['type'][]> = {
  number: ['number', 'money'],
  string: ['select', 'text', 'textarea'],
  boolean: ['switch'],
  date: ['date'],
  cardNumber: ['person'],
  department: ['department'],
}

const records: PlatformRecord[] = await (async () => {
  const { deps } = await testDeps()
  await seedDemo(deps.db, deps.now())
  const found: PlatformRecord[] = []
  for (const p of people) {
    const record = await embeddedRecord(deps.db, p.cardNumber)
    if (record) found.push(record)
  }
  return found
})()
const paths = new Set(records.flatMap((r) => Object.keys(r.values)))

const cases = services.map((s) => [s.code, s.nameZh] as const)

describe('seeded forms', () => {
  it('has one form for each of the 30 seeded services, and no other', () => {
    expect(Object.keys(formDefinitions).toSorted()).toEqual(services.map((s) => s.code).toSorted())
  })

  it.each(cases)('%s (%s) is a valid definition', (code) => {
    const result = validateDefinition(formDefinitions[code])
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it.each(cases)('%s has every field its process reads, with a type that holds it', (code) => {
    const fields = new Map(allFields(formDefinitions[code]!).map(({ field }) => [field.key, field]))
    const process = (processDefinitions as Record<string, { formFields: Array<{ name: string; type: string }> }>)[code]!
    for (const read of process.formFields) {
      const field = fields.get(read.name)
      expect(field, `${code} lacks the field "${read.name}" (${read.type}) its process reads`).toBeDefined()
      expect(holds[read.type], `${code}.${read.name} is ${field!.type}, the process reads a ${read.type}`).toContain(field!.type)
    }
  })

  it.each(cases)('%s pre-fills only paths that some demo person has, and locks only authoritative ones', (code) => {
    for (const { field } of allFields(formDefinitions[code]!)) {
      if (field.type === 'info' || !field.prefill) continue
      expect(paths, `${code}.${field.key} binds ${field.prefill.path}, which no record has`).toContain(field.prefill.path)
      if (field.prefill.readOnlyWhenPrefilled) {
        const sources = records.flatMap((r) => r.values[field.prefill!.path]?.source ?? [])
        expect(
          sources.every((s) => s.authoritative),
          `${code}.${field.key} locks a value from a non-authoritative source`,
        ).toBe(true)
      }
    }
  })

  it.each(cases)('%s names a material kind for every attachment', (code) => {
    for (const { field } of allFields(formDefinitions[code]!)) {
      if (field.type === 'attachment') expect(field.materialKind, `${code}.${field.key}`).toMatch(/^[a-z]+(-[a-z]+)*$/)
    }
  })

  // A pre-filled value that fails its own field's rules would block every applicant it is shown to.
  it.each(cases)('%s accepts its pre-filled values for every demo person who may apply', (code) => {
    const definition = formDefinitions[code]!
    const audience = services.find((s) => s.code === code)!.audience as string[]
    for (const record of records.filter((r) => audience.includes(r.kind))) {
      const prefill = resolvePrefill(definition, record)
      const result = validateSubmission(definition, initialValues(definition, prefill.values), {
        prefilled: lockedValues(prefill),
        unknownFields: 'strip',
        now: new Date('2026-11-27T02:00:00Z'),
      })
      const prefilledErrors = result.ok ? [] : result.errors.filter((e) => e.path in prefill.values)
      expect(prefilledErrors, `${code} for ${record.cardNumber}`).toEqual([])
    }
  })

  it('pre-fills the same facts under the same keys in every form', () => {
    const byKey = new Map<string, Set<string>>()
    for (const definition of Object.values(formDefinitions)) {
      for (const { field } of allFields(definition)) {
        if (field.type === 'info' || !field.prefill) continue
        byKey.set(field.key, (byKey.get(field.key) ?? new Set()).add(field.prefill.path))
      }
    }
    const inconsistent = [...byKey].filter(([, p]) => p.size > 1).map(([key, p]) => `${key}: ${[...p].join(', ')}`)
    expect(inconsistent).toEqual([])
  })
})
