import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { ApplicantFacts, Condition, FormFieldRef, ProcessDefinition } from '@hall/workflow'
import { processDefinitionSchema } from '@hall/workflow'
import { validateProcess } from '@hall/workflow'
import { everyoneResolver, fakeResolver, Flow, graduate, staffMember, undergraduate } from '@hall/workflow/test-support'
import { processDefinitions, serviceCodes } from './index.ts'
import { renderTable } from './readme-table.ts'
import { services } from '../index.ts'

// The definitions of the 30 seeded services: that there is one per service, that each is valid,
// and that every one of them can be walked from submission to completion whatever the form says
// and whoever applies.

export const definitions = Object.entries<ProcessDefinition>(processDefinitions)

describe('the seeded definitions', () => {
  test('there is one per seeded service, under its own code', () => {
    // why: the API stores processDefinitions[code] as the workflow of each seeded service
    expect(serviceCodes).toHaveLength(30)
    expect(new Set(serviceCodes).size).toBe(30)
    expect(Object.keys(processDefinitions)).toEqual([...serviceCodes])
    for (const [code, def] of definitions) expect(def.service).toBe(code)
  })

  test('they cover exactly the services the catalog seeds', () => {
    // why: a 31st seeded service without a process would fail at its first submission
    expect(services.map((s) => s.code)).toEqual([...serviceCodes])
  })

  test.each(definitions)('%s validates and is plain JSON', (_code, def) => {
    // why: the API stores definitions as JSON and validates them before publishing
    const result = validateProcess(def)
    expect(result.issues).toEqual([])
    expect(processDefinitionSchema.parse(JSON.parse(JSON.stringify(def)))).toEqual(def)
  })
})

// ---------------------------------------------------------------------------------- the walk

export const exchangeStudent: ApplicantFacts = {
  cardNumber: 'ix2026003',
  kind: 'international',
  department: 'college-fl',
  college: 'college-fl',
  degree: 'bachelor',
}
export const cadre: ApplicantFacts = { ...staffMember, cardNumber: '0009327', cadreLevel: 'division' }
export const applicants = [undergraduate, graduate, exchangeStudent, staffMember, cadre]

/** The values a condition compares a field with, so that the walk takes every branch. */
function valuesIn(condition: Condition, field: string): unknown[] {
  if ('all' in condition) return condition.all.flatMap((c) => valuesIn(c, field))
  if ('any' in condition) return condition.any.flatMap((c) => valuesIn(c, field))
  if ('not' in condition) return valuesIn(condition.not, field)
  if (!('field' in condition) || condition.field !== field || condition.value === undefined) return []
  return Array.isArray(condition.value) ? condition.value : [condition.value]
}

function conditionsOf(def: ProcessDefinition): Condition[] {
  const found: Condition[] = []
  JSON.stringify(def, (key, value: unknown) => {
    if ((key === 'when' || key === 'not') && value && typeof value === 'object') found.push(value as Condition)
    return value
  })
  return found
}

/** Sample values for one field: around every bound a condition uses, plus something else. */
function samples(def: ProcessDefinition, field: FormFieldRef): unknown[] {
  const used = conditionsOf(def).flatMap((c) => valuesIn(c, field.name))
  switch (field.type) {
    case 'number': {
      const bounds = used.filter((v): v is number => typeof v === 'number')
      return [...new Set([0, ...bounds.flatMap((b) => [b, b + 1]), 10_000])]
    }
    case 'boolean':
      return [true, false]
    case 'cardNumber':
      return ['0000001']
    case 'department':
      return ['housing']
    case 'date':
      return ['2026-11-09']
    case 'string':
      return [...new Set([...used, 'something-else'])]
  }
}

/** Every combination of sample values (the definitions read at most three fields). */
function forms(def: ProcessDefinition): Array<Record<string, unknown>> {
  return def.formFields.reduce<Array<Record<string, unknown>>>(
    (acc, field) => acc.flatMap((form) => samples(def, field).map((v) => ({ ...form, [field.name]: v }))),
    [{}],
  )
}

describe('every definition can be walked from submission to completion', () => {
  test.each(definitions)('%s, for every kind of applicant and every branch of the form', (_code, def) => {
    // why: a property-style check: whatever the form and the applicant, approving every task
    // reaches "completed" in a bounded number of steps, with no task left behind
    let walks = 0
    for (const applicant of applicants)
      for (const form of forms(def)) {
        const flow = new Flow(def, { applicant, resolver: everyoneResolver }).submit(form)
        let transitions = 1
        while (flow.state.status === 'in_review') {
          const task = flow.live().find((t) => t.status === 'open')
          expect(task, `an open task in ${def.service}`).toBeDefined()
          flow.do({ type: 'approve', by: task?.assignee ?? '', taskId: task?.id ?? '' })
          transitions += 1
          expect(transitions).toBeLessThan(40)
        }
        expect(flow.state.status).toBe('completed')
        expect(flow.state.version).toBe(transitions)
        expect(flow.live()).toEqual([])
        expect(flow.state.runs.every((r) => r.status === 'approved' || r.status === 'cancelled')).toBe(true)
        expect(flow.effectsOf('complete')).toHaveLength(1)
        walks += 1
      }
    expect(walks).toBeGreaterThanOrEqual(applicants.length)
  })
})

// ---------------------------------------------------------------------------------- how offices work

/** A few of the demo university's people, by the rules that name them. */
export const demo = fakeResolver({
  'head-of-department@applicant.department': ['0012345'],
  'reviewer@network-centre': ['0016032', '0017518'],
  'reviewer@library': ['0016744'],
  'reviewer@finance': ['0013650'],
  'reviewer@housing': ['0013377'],
  'counsellor@applicant.class': ['0017063'],
  'college-deputy-secretary@applicant.college': ['0009327'],
  'reviewer@academic-affairs': ['0010718'],
})

describe('the offices as they work', () => {
  test('IP address: the head of the applicant’s department, then a network-centre reviewer', () => {
    // why: the brief's example of a two-office process
    const applicant = { ...staffMember, cardNumber: '0016999', department: 'network-centre' }
    const flow = new Flow(processDefinitions['ip-address'], { resolver: demo, applicant }).submit()
    expect(flow.holders()).toEqual(['unit-head:0012345'])
    flow.approve('0012345')
    expect(flow.holders()).toEqual(['network-centre:0016032', 'network-centre:0017518'])
  })

  test('leaving school: library, finance, housing and the college in parallel, all must sign, then Academic Affairs', () => {
    // why: the clearance form every graduating student knows (离校会签)
    const flow = new Flow(processDefinitions['leaving-school'], { resolver: demo }).submit()
    expect(flow.holders()).toEqual(['college-counsellor:0017063', 'finance:0013650', 'housing:0013377', 'library:0016744'])
    for (const who of ['0016744', '0013650', '0013377', '0017063']) flow.approve(who)
    expect(flow.holders()).toEqual(['college-secretary:0009327'])
    flow.approve('0009327')
    expect(flow.holders()).toEqual(['academic-affairs:0010718'])
    flow.approve('0010718')
    expect(flow.state.status).toBe('completed')
    expect(flow.effectsOf('copyTo')).toEqual([expect.objectContaining({ recipients: ['0017063'] })])
  })
})

describe('processes/README.md', () => {
  test('its table matches the definitions', () => {
    // why: the forms engineer matches field names from this table; it must not drift
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8')
    const table = renderTable(Object.values(processDefinitions))
    const start = readme.indexOf('<!-- table:start -->')
    const end = readme.indexOf('<!-- table:end -->')
    const current = readme.slice(start + '<!-- table:start -->'.length, end).trim()
    expect(current, `paste this table into src/services/processes/README.md:\n\n${table}\n`).toBe(table)
  })
})
