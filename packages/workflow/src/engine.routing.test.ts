import { describe, expect, test } from 'vitest'
import type { ApplicantFacts, ProcessDefinition } from './definition.ts'
import { processDefinitions } from '@hall/demo-university/templates'
import { addWorkingHours } from './calendar.ts'
import { fakeResolver, Flow, graduate, MONDAY_9AM, staffMember, undergraduate } from './test-support.ts'

// Where an application goes: sequence, branches on the form and the applicant, parallel groups,
// several candidates in one step, fallbacks when nobody holds a role, copies and completion.

/** The demo university's people for the rules the tests meet. */
const org = fakeResolver({
  'counsellor@applicant.class': ['0017063'],
  'college-deputy-secretary@applicant.college': ['0009327'],
  'college-secretary@applicant.college': ['0006158'],
  'reviewer@student-affairs': ['0014420', '0015603'],
  'reviewer@network-centre': ['0016032', '0017518'],
  'head-of-department@applicant.department': ['0012345'],
  'reviewer@president-office': ['0009541'],
  'reviewer@international': ['0014876'],
  'reviewer@library': ['0016744'],
  'reviewer@finance': ['0013650'],
  'reviewer@housing': ['0013377'],
  'reviewer@academic-affairs': ['0010718'],
  'service-owner@student-affairs': ['0015603'],
})

/** Names the person of a `person` rule and nobody else. */
const persons = fakeResolver({})

/** Approves whatever is open, one task at a time, and records the steps in the order they were decided. */
function approveAll(flow: Flow): string[] {
  const steps: string[] = []
  for (let guard = 0; flow.state.status === 'in_review' && guard < 50; guard++) {
    const task = flow.live().find((t) => t.status === 'open')
    if (!task) break
    steps.push(task.stepId)
    flow.approve(task.assignee)
  }
  return steps
}

describe('branches on the form', () => {
  test.each([
    // why: the counsellor alone grants up to 3 days
    { days: 3, steps: ['counsellor'] },
    // why: more than 3 days also needs the college's deputy party secretary
    { days: 4, steps: ['counsellor', 'college'] },
    // why: more than 7 days is recorded by Student Affairs as well
    { days: 8, steps: ['counsellor', 'college', 'student-affairs'] },
  ])('undergraduate leave of $days days goes through $steps', ({ days, steps }) => {
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver: org }).submit({ days })
    expect(approveAll(flow)).toEqual(steps)
    expect(flow.state.status).toBe('completed')
  })

  test.each([
    // why: a shared mailbox needs the unit head first (a route at the start), a personal one does not
    { accountType: 'shared', first: 'unit-head' },
    { accountType: 'personal', first: 'network-centre' },
  ])('an $accountType mailbox starts at $first', ({ accountType, first }) => {
    const flow = new Flow(processDefinitions['email-account'], { resolver: org, applicant: staffMember }).submit({ accountType })
    expect(flow.live()[0]?.stepId).toBe(first)
  })
})

describe('conditions on the applicant', () => {
  const international: ApplicantFacts = { cardNumber: 'ix2026003', kind: 'international', department: 'college-fl', college: 'college-fl', degree: 'bachelor' }
  test.each([
    // why: "辅导员审核（研究生为导师审核）": graduate students go to their supervisor…
    { who: 'a graduate', applicant: graduate, first: '0005472' },
    // …undergraduates to their class's counsellor…
    { who: 'an undergraduate', applicant: undergraduate, first: '0017063' },
    // …and an exchange student with neither to the International Office
    { who: 'an exchange student', applicant: international, first: '0014876' },
  ])('$who is first reviewed by $first', ({ applicant, first }) => {
    const flow = new Flow(processDefinitions['student-travel-documents'], { resolver: org, applicant }).submit()
    expect(flow.holders()).toEqual([`adviser:${first}`])
  })

  test('staff travel abroad adds the Organisation Department for cadres only', () => {
    // why: a route may test an applicant fact (cadreLevel) rather than a form field
    const resolver = fakeResolver({ 'reviewer@hr': ['0012093'], 'reviewer@organisation': ['0011286'], 'college-secretary@applicant.college': ['0006158'] })
    const cadre = new Flow(processDefinitions['staff-travel-abroad'], { resolver, applicant: { ...staffMember, cadreLevel: 'division' } }).submit()
    const plain = new Flow(processDefinitions['staff-travel-abroad'], { resolver, applicant: staffMember }).submit()
    expect(approveAll(cadre)).toEqual(['unit-head', 'hr', 'organisation', 'collect'])
    expect(approveAll(plain)).toEqual(['unit-head', 'hr', 'collect'])
  })
})

/** Three offices in parallel, one of them (the college) with two steps in sequence, then a last step. */
function parallel(mode: 'all' | 'any', when?: ProcessDefinition['formFields']): ProcessDefinition {
  return {
    schemaVersion: 1,
    service: 'sample',
    name: { zh: '并行', en: 'Parallel' },
    formFields: when ?? [{ name: 'dorm', type: 'boolean', label: { zh: '住校', en: 'Lives on campus' } }],
    start: 'clearance',
    steps: [
      {
        type: 'parallel',
        id: 'clearance',
        name: { zh: '会签', en: 'Clearance' },
        mode,
        branches: [
          { id: 'library', steps: [{ id: 'library', name: { zh: '图书馆', en: 'Library' }, assignees: [{ person: 'lib' }] }] },
          { id: 'finance', steps: [{ id: 'finance', name: { zh: '财务', en: 'Finance' }, assignees: [{ person: 'fin' }] }] },
          {
            id: 'housing',
            when: { field: 'dorm', op: 'eq', value: true },
            steps: [{ id: 'housing', name: { zh: '公寓', en: 'Housing' }, assignees: [{ person: 'hou' }] }],
          },
          {
            id: 'college',
            steps: [
              { id: 'college-1', name: { zh: '辅导员', en: 'Counsellor' }, assignees: [{ person: 'cou' }] },
              { id: 'college-2', name: { zh: '副书记', en: 'Secretary' }, assignees: [{ person: 'sec' }] },
            ],
          },
        ],
        next: 'registry',
      },
      { type: 'approval', id: 'registry', name: { zh: '教务', en: 'Registry' }, assignees: [{ person: 'reg' }], next: 'end' },
    ],
  }
}

describe('parallel: all must sign (会签)', () => {
  test('every branch starts at once, and a branch runs its steps in sequence', () => {
    // why: the offices clear a student independently; inside the college the counsellor goes first
    const flow = new Flow(parallel('all'), { resolver: persons }).submit({ dorm: true })
    expect(flow.holders()).toEqual(['college-1:cou', 'finance:fin', 'housing:hou', 'library:lib'])
    flow.approve('cou')
    expect(flow.holders()).toEqual(['college-2:sec', 'finance:fin', 'housing:hou', 'library:lib'])
  })

  test('completes only when every branch has approved, then joins', () => {
    // why: the join must wait for the slowest office
    const flow = new Flow(parallel('all'), { resolver: persons }).submit({ dorm: true })
    for (const who of ['lib', 'fin', 'hou', 'cou']) {
      flow.approve(who)
      expect(flow.holders()).not.toContain('registry:reg')
    }
    flow.approve('sec')
    expect(flow.holders()).toEqual(['registry:reg'])
    flow.approve('reg')
    expect(flow.state.status).toBe('completed')
  })

  test('one reject rejects the application and cancels the other branches', () => {
    // why: a student with unpaid fees cannot leave, whatever the library says
    const flow = new Flow(parallel('all'), { resolver: persons }).submit({ dorm: true }).approve('lib')
    flow.do({ type: 'reject', by: 'fin', taskId: flow.taskOf('fin').id, opinion: '学费未缴清' })
    expect(flow.state.status).toBe('rejected')
    expect(flow.live()).toEqual([])
    const cancelled = flow.effectsOf('closeTask').filter((e) => e.outcome === 'cancelled')
    expect(cancelled).toHaveLength(2)
    expect(flow.effectsOf('notify').find((n) => n.kind === 'task_cancelled')?.recipients).toBeDefined()
    expect(flow.effectsOf('reject')).toHaveLength(1)
  })

  test('a branch whose condition is false is skipped and not waited for', () => {
    // why: a student living off campus has no room to clear
    const flow = new Flow(parallel('all'), { resolver: persons }).submit({ dorm: false })
    expect(flow.holders()).not.toContain('housing:hou')
    for (const who of ['lib', 'fin', 'cou', 'sec']) flow.approve(who)
    expect(flow.holders()).toEqual(['registry:reg'])
    expect(flow.state.runs.find((r) => r.kind === 'group')?.branches?.find((b) => b.branchId === 'housing')?.status).toBe('skipped')
  })
})

describe('parallel: any one signs (或签)', () => {
  test('the first branch to approve wins and the others are cancelled', () => {
    // why: when any office may sign, the others must not keep a task that no longer matters
    const flow = new Flow(parallel('any'), { resolver: persons }).submit({ dorm: true })
    flow.approve('fin')
    expect(flow.holders()).toEqual(['registry:reg'])
    const closed = flow.effectsOf('closeTask')
    expect(
      closed
        .filter((e) => e.outcome === 'cancelled')
        .map((e) => e.taskId)
        .sort(),
    ).toEqual(
      flow.state.tasks
        .filter((t) => ['lib', 'hou', 'cou'].includes(t.assignee))
        .map((t) => t.id)
        .sort(),
    )
    const group = flow.state.runs.find((r) => r.kind === 'group')
    expect(group?.status).toBe('approved')
    expect(group?.branches?.map((b) => b.status)).toEqual(['cancelled', 'approved', 'cancelled', 'cancelled'])
  })

  test('a branch of several steps wins only when its last step approves', () => {
    // why: the branch, not its first step, is what signs
    const flow = new Flow(parallel('any'), { resolver: persons }).submit({ dorm: true }).approve('cou')
    expect(flow.holders()).toContain('library:lib')
    flow.approve('sec')
    expect(flow.holders()).toEqual(['registry:reg'])
  })
})

describe('several people in one step', () => {
  test("'any' (default): each candidate gets the task, the first to approve takes it", () => {
    // why: an office's reviewers share its work; the others' copies of the task close
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver: org }).submit({ days: 8 })
    flow.approve('0017063').approve('0009327')
    expect(flow.holders()).toEqual(['student-affairs:0014420', 'student-affairs:0015603'])
    flow.approve('0015603')
    expect(flow.state.status).toBe('completed')
    expect(flow.state.tasks.find((t) => t.assignee === '0014420')?.outcome).toBe('cancelled')
  })

  test("'all': every person the rule names must approve", () => {
    // why: a scholarship committee decides together
    const resolver = fakeResolver({
      'counsellor@applicant.class': ['c'],
      'scholarship-committee@applicant.college': ['m1', 'm2', 'm3'],
      'reviewer@student-affairs': ['sa'],
    })
    const flow = new Flow(processDefinitions['undergrad-scholarship'], { resolver }).submit().approve('c')
    flow.approve('m1').approve('m2')
    expect(flow.holders()).toEqual(['committee:m3'])
    flow.approve('m3')
    expect(flow.holders()).toEqual(['student-affairs:sa'])
  })
})

describe('finding people', () => {
  test('the first rule that names someone wins: a college with no head on record asks its party secretary', () => {
    // why: the organisation data is incomplete; the rule list says who stands in
    const resolver = fakeResolver({ 'college-secretary@applicant.college': ['0006158'], 'reviewer@president-office': ['0009541'] })
    const flow = new Flow(processDefinitions['intro-letter'], { resolver, applicant: staffMember }).submit()
    expect(flow.holders()).toEqual(['unit-head:0006158'])
  })

  test('nobody reviews their own application: the next rule is used', () => {
    // why: the head of the network centre asking for an IP address must not approve it himself
    const head: ApplicantFacts = { cardNumber: '0012345', kind: 'staff', department: 'network-centre' }
    const resolver = fakeResolver({
      'head-of-department@applicant.department': ['0012345'],
      'service-owner@network-centre': ['0017518'],
      'reviewer@network-centre': ['0016032', '0017518'],
    })
    const flow = new Flow(processDefinitions['ip-address'], { resolver, applicant: head }).submit()
    expect(flow.holders()).toEqual(['unit-head:0017518'])
  })

  test("when no rule names anyone, the process's fallback (the owning office) gets the task", () => {
    // why: an application must never wait for nobody
    const resolver = fakeResolver({ 'service-owner@student-affairs': ['0015603'] })
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver }).submit({ days: 1 })
    expect(flow.holders()).toEqual(['counsellor:0015603'])
  })

  test('with no fallback either, submitting fails with no_assignee', () => {
    // why: better a clear error at submission than an application nobody can see
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver: fakeResolver({}) })
    flow.refuse({ type: 'submit', by: undergraduate.cardNumber, applicant: undergraduate, form: { days: 1 } }, 'no_assignee')
  })

  test('a person named in a form field, and a role in a department named in a form field', () => {
    // why: the club adviser and the office a question is about come from the form
    const booking = new Flow(processDefinitions['activity-centre-booking'], { resolver: org }).submit({ adviser: '0013018' })
    expect(booking.holders()).toEqual(['adviser:0013018'])
    const resolver = fakeResolver({ 'reviewer@network-centre': ['0016032'], 'service-owner@housing': ['0010254'] })
    const qa = new Flow(processDefinitions['hall-qa'], { resolver }).submit({ topic: 'service', serviceDepartment: 'housing' })
    qa.approve('0016032')
    expect(qa.holders()).toEqual(['service-owner:0010254'])
  })
})

describe('what a step and a completion produce', () => {
  test('a new task comes with its deadline and a notification', () => {
    // why: the API persists exactly these effects; the deadline is in working hours
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver: org }).submit({ days: 2 })
    const [created] = flow.effectsOf('createTask')
    const due = addWorkingHours(MONDAY_9AM, 7).toISOString()
    expect(created?.task).toMatchObject({ stepId: 'counsellor', assignee: '0017063', status: 'open', dueAt: due, round: 1 })
    expect(created?.stepName.zh).toBe('辅导员审核')
    expect(flow.effectsOf('scheduleDeadline')).toEqual([{ type: 'scheduleDeadline', taskId: created?.task.id, dueAt: due }])
    expect(flow.effectsOf('notify')).toEqual([
      { type: 'notify', kind: 'task_assigned', recipients: ['0017063'], applicationId: 'app-1', taskId: created?.task.id, about: { dueAt: due } },
      {
        type: 'notify',
        kind: 'submitted',
        recipients: [undergraduate.cardNumber],
        applicationId: 'app-1',
        taskId: null,
        about: { resubmitted: false, stepId: 'counsellor' },
      },
    ])
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'submitted', who: undergraduate.cardNumber })
  })

  test('a step copies (抄送) when it is approved', () => {
    // why: the counsellor learns that the college granted the longer leave
    const flow = new Flow(processDefinitions['undergrad-leave'], { resolver: org }).submit({ days: 5 })
    flow.approve('0017063').approve('0009327')
    expect(flow.effectsOf('copyTo')).toEqual([{ type: 'copyTo', recipients: ['0017063'], applicationId: 'app-1', stepId: 'college' }])
    expect(flow.state.copied).toEqual(['0017063'])
  })

  test('a letter of introduction completes with a document number', () => {
    // why: the President's Office numbers every letter it issues (明大介字)
    const flow = new Flow(processDefinitions['intro-letter'], { resolver: org, applicant: { ...staffMember, department: 'network-centre' } }).submit()
    flow.approve('0012345').approve('0009541')
    expect(flow.state.status).toBe('completed')
    expect(flow.effectsOf('assignDocumentNumber')).toEqual([
      { type: 'assignDocumentNumber', applicationId: 'app-1', prefix: '明大介字', sequence: 'intro-letter', template: 'intro-letter' },
    ])
    expect(flow.effectsOf('complete')).toHaveLength(1)
    expect(flow.effectsOf('notify').find((n) => n.kind === 'completed')?.recipients).toEqual([staffMember.cardNumber])
    expect(flow.state.finishedAt).toBe(flow.now.toISOString())
  })

  test('a completion copy goes to everyone its rules name', () => {
    // why: the course teacher learns the exam was deferred
    const flow = new Flow(processDefinitions['exam-deferral'], { resolver: org }).submit({ teacher: '0013018' })
    for (const who of ['0013018', '0009327', '0010718']) flow.approve(who)
    expect(flow.effectsOf('copyTo')).toEqual([{ type: 'copyTo', recipients: ['0013018'], applicationId: 'app-1', stepId: null }])
  })
})
