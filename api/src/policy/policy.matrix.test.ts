import { processDefinitions } from '@hall/demo-university'
import type { ProcessDefinition } from '@hall/workflow'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notifications, serviceVersions } from '../db/schema/index.ts'
import { DAY, hall, leaveValues, who } from '../routes/applications/test-support.ts'
import { fileOf, pdfBytes } from '../routes/forms/test-support.ts'

// The authorization matrix (DESIGN rule 8): every role against every route that reads or acts on
// an application or a task, over real requests. The answer a role gets is part of the contract:
// a stranger gets 404 (an id must not reveal that an application exists), someone who may read
// but not do gets 403 or the engine's refusal, anonymous gets 401.
//
// The scenario: 李明轩 asks for 5 days of leave; the counsellor approved (copying a professor, as
// this test's version of the process says); it waits for the deputy secretary, who has named a
// substitute.

const roles = {
  applicant: who.student,
  'other student': who.classmate,
  'past assignee': who.counsellor,
  assignee: who.deputy,
  delegate: who.colleague,
  copied: who.professor,
  'service owner': who.studentAffairsOwner,
  'owner of another service': who.otherOwner,
  admin: who.admin,
  anonymous: null,
} as const
type Role = keyof typeof roles

/** Expected answers, role by role, in the order of `roles`. */
const row = (...statuses: Array<number | boolean>) => Object.fromEntries(Object.keys(roles).map((r, i) => [r, statuses[i]])) as Record<Role, number | boolean>

/** With `proof`, the leave is a sick leave carrying an uploaded PDF; its id is returned as `proofId`. */
async function scenario(proof = false) {
  const h = await hall()
  // Copy the counsellor's approval to a professor: a person copied who has no task.
  const leave = structuredClone<ProcessDefinition>(processDefinitions['undergrad-leave'])
  const first = leave.steps[0]!
  if (first.type === 'approval') first.copyTo = [{ person: who.professor }]
  await h.deps.db.update(serviceVersions).set({ process: leave }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))

  let id: number
  let proofId: string | null = null
  if (proof) {
    const form = new FormData()
    form.set('file', fileOf(pdfBytes('diagnosis'), 'diagnosis.pdf'))
    const res = await h.app.request('/api/attachments', {
      method: 'POST',
      headers: { cookie: await h.loginAs(who.student), origin: h.deps.env.publicOrigin },
      body: form,
    })
    const file = (await res.json()) as { id: string; name: string; size: number; mime: string }
    proofId = file.id
    const submitted = await h.submit(
      who.student,
      'undergrad-leave',
      leaveValues(5, { leaveType: 'sick', sickProof: [{ id: file.id, name: file.name, size: file.size, mime: file.mime }] }),
    )
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201)
    id = submitted.body.id
  } else {
    id = await h.leave(who.student, 5)
  }
  await h.approve(who.counsellor, id)
  const task = await h.taskOf(who.deputy, id)
  const to = new Date(h.deps.now().getTime() + 3 * DAY).toISOString()
  expect((await h.post(who.deputy, '/api/me/delegations', { delegate: who.colleague, to })).status).toBe(201)
  return { h, id, task, proofId }
}

describe('the authorization matrix', () => {
  it('answers every role on every application and task route as the policy says', async () => {
    const { h, id, task } = await scenario()
    const checks: Record<string, { expected: Record<Role, number | boolean>; probe: (card: string | null) => Promise<number | boolean> }> = {
      'GET /api/applications/{id}': {
        expected: row(200, 404, 200, 200, 200, 200, 200, 404, 200, 401),
        probe: async (card) => (await h.get(card, `/api/applications/${id}`)).status,
      },
      'GET /api/applications?mine=1 lists it': {
        expected: row(true, false, false, false, false, false, false, false, false, 401),
        probe: async (card) => {
          const res = await h.get(card, '/api/applications?mine=1')
          return res.status === 200 ? res.body.items.some((i: { id: number }) => i.id === id) : res.status
        },
      },
      'GET /api/tasks/{id}': {
        expected: row(404, 404, 404, 200, 200, 404, 404, 404, 404, 401),
        probe: async (card) => (await h.get(card, `/api/tasks/${task.id}`)).status,
      },
      // A stale version: whoever may act gets past the policy to the 409; nobody else learns the task exists.
      'POST /api/tasks/{id}/actions': {
        expected: row(404, 404, 404, 409, 409, 404, 404, 404, 404, 401),
        probe: async (card) => (await h.act(card as string, task.id, { action: 'approve', stateVersion: 0 })).status,
      },
      // The escalation page of an overdue task: its step's escalation contacts (none here: the
      // task is within its time limit, so nobody was told) and administrators; nobody else learns it exists.
      'GET /api/escalations/{id}': {
        expected: row(404, 404, 404, 404, 404, 404, 404, 404, 200, 401),
        probe: async (card) => (await h.get(card, `/api/escalations/${task.id}`)).status,
      },
      'POST /api/escalations/{id}/actions': {
        expected: row(404, 404, 404, 404, 404, 404, 404, 404, 409, 401),
        probe: async (card) => (await h.post(card, `/api/escalations/${task.id}/actions`, { action: 'takeOver', stateVersion: 0 })).status,
      },
      'GET /api/tasks?box=todo holds it': {
        expected: row(false, false, false, true, true, false, false, false, false, 401),
        probe: async (card) => {
          const res = await h.get(card, '/api/tasks?box=todo')
          return res.status === 200 ? res.body.items.some((i: { id: number }) => i.id === task.id) : res.status
        },
      },
      'GET /api/tasks?box=cc holds it': {
        expected: row(false, false, false, false, false, true, false, false, false, 401),
        probe: async (card) => {
          const res = await h.get(card, '/api/tasks?box=cc')
          return res.status === 200 ? res.body.items.some((i: { applicationId: number }) => i.applicationId === id) : res.status
        },
      },
      // The pickers' person search: staff and reviewers; students type card numbers.
      'GET /api/people?q=': {
        expected: row(403, 403, 200, 200, 200, 200, 200, 200, 200, 401),
        probe: async (card) => (await h.get(card, `/api/people?q=${encodeURIComponent('高')}`)).status,
      },
      // A form's person picker (互换同学): everyone logged in, students too.
      'GET /api/people/pick?q=': {
        expected: row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
        probe: async (card) => (await h.get(card, `/api/people/pick?q=${encodeURIComponent('高建华')}&service=exam-deferral&field=teacher`)).status,
      },
      // The current version: readers who are not the applicant meet the engine's 403; the applicant
      // meets "too late" (the counsellor decided); strangers 404.
      'POST /api/applications/{id}/withdraw': {
        expected: row(409, 404, 403, 403, 403, 403, 403, 404, 403, 401),
        probe: async (card) => (await h.post(card, `/api/applications/${id}/withdraw`, { stateVersion: task.stateVersion })).status,
      },
      'POST /api/applications/{id}/urge': {
        expected: row(409, 404, 403, 403, 403, 403, 403, 404, 403, 401),
        probe: async (card) => (await h.post(card, `/api/applications/${id}/urge`, { stateVersion: task.stateVersion })).status,
      },
      // Progress messages: one's own only (another's id is a 404); deliveries are the administrators'.
      'POST /api/notifications/{id}/read (the applicant’s message)': {
        expected: row(200, 404, 404, 404, 404, 404, 404, 404, 404, 401),
        probe: async (card) => {
          const mine = (await h.deps.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.recipientCardNumber, who.student)))[0]!
          return (await h.post(card, `/api/notifications/${mine.id}/read`, {})).status
        },
      },
      'GET /api/admin/notifications/deliveries': {
        expected: row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
        probe: async (card) => (await h.get(card, '/api/admin/notifications/deliveries')).status,
      },
      'POST /api/admin/notifications/deliveries/{id}/retry': {
        expected: row(403, 403, 403, 403, 403, 403, 403, 403, 404, 401),
        probe: async (card) => (await h.post(card, '/api/admin/notifications/deliveries/999999/retry', {})).status,
      },
      // Every person's e-mail: administrators only, even in development.
      'GET /dev/mail/messages.json': {
        expected: row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
        probe: async (card) => (await h.get(card, '/dev/mail/messages.json')).status,
      },
      'GET /api/admin/audit': {
        expected: row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
        probe: async (card) => (await h.get(card, '/api/admin/audit')).status,
      },
      'GET /api/admin/deploy-tokens': {
        expected: row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
        probe: async (card) => (await h.get(card, '/api/admin/deploy-tokens')).status,
      },
      'POST /api/admin/deploy-tokens/{id}/revoke': {
        expected: row(403, 403, 403, 403, 403, 403, 403, 403, 404, 401),
        probe: async (card) => (await h.post(card, '/api/admin/deploy-tokens/999999/revoke', {})).status,
      },
      // The short name in reference numbers: the service's owners and administrators (policy.canManageService);
      // an owner of another department gets 404, as everywhere in service administration.
      'PUT /api/admin/services/{code}/short-name': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 404, 200, 401),
        probe: async (card) => (await h.call(card, 'PUT', '/api/admin/services/undergrad-leave/short-name', { shortName: '请假' })).status,
      },
      'PUT /api/me/language': {
        expected: row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
        probe: async (card) => (await h.call(card, 'PUT', '/api/me/language', { language: 'en' })).status,
      },
    }
    const actual: Record<string, Record<string, number | boolean>> = {}
    const expected: Record<string, Record<string, number | boolean>> = {}
    for (const [route, check] of Object.entries(checks)) {
      expected[route] = check.expected
      actual[route] = {}
      for (const [role, card] of Object.entries(roles)) actual[route][role] = await check.probe(card)
    }
    expect(actual).toEqual(expected)
    // Nothing above changed the application.
    expect((await h.detail(who.student, id)).body.stateVersion).toBe(task.stateVersion)
  })

  // Files: the uploader and everyone who may read the application carrying them (policy.relationTo);
  // a stranger gets 404 as if the file did not exist.
  it('answers every role on an attachment of the application as the policy says', async () => {
    const { h, proofId } = await scenario(true)
    const expected = row(200, 404, 200, 200, 200, 200, 200, 404, 200, 401)
    const actual: Record<string, number | boolean> = {}
    for (const [role, card] of Object.entries(roles)) {
      const res = await h.app.request(`/api/attachments/${proofId}`, { headers: card ? { cookie: await h.loginAs(card) } : {} })
      actual[role] = res.status
    }
    expect({ 'GET /api/attachments/{id}': actual }).toEqual({ 'GET /api/attachments/{id}': expected })
  })

  // Data-error reports of a department: its reviewers, heads and service owners, and admins.
  it('answers every role on a department’s data-error reports as the policy says', async () => {
    const { h } = await scenario()
    const expected = row(403, 403, 403, 403, 403, 403, 200, 403, 200, 401)
    const actual: Record<string, number | boolean> = {}
    for (const [role, card] of Object.entries(roles)) actual[role] = (await h.get(card, '/api/data-errors?department=student-affairs')).status
    expect({ 'GET /api/data-errors?department=student-affairs': actual }).toEqual({ 'GET /api/data-errors?department=student-affairs': expected })
  })
})

describe('the authorization matrix of service administration', () => {
  // Owners manage their department's services, admins all; an owner of another department must
  // not learn that a service (or a draft) is there: 404. Everyone else is refused the area: 403.
  it('answers every role on the service administration routes as the policy says', async () => {
    const h = await hall()
    const code = 'undergrad-leave' // owned by Student Affairs
    const checks: Record<string, { expected: Record<Role, number>; probe: (card: string | null) => Promise<number> }> = {
      'GET /api/admin/services': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 200, 200, 401) as Record<Role, number>,
        probe: async (card) => (await h.get(card, '/api/admin/services')).status,
      },
      'GET /api/admin/services/{code}': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 404, 200, 401) as Record<Role, number>,
        probe: async (card) => (await h.get(card, `/api/admin/services/${code}`)).status,
      },
      // No draft yet: whoever manages it gets past the policy to the 409.
      'POST /api/admin/services/{code}/publish': {
        expected: row(403, 403, 403, 403, 403, 403, 409, 404, 409, 401) as Record<Role, number>,
        probe: async (card) => (await h.post(card, `/api/admin/services/${code}/publish`, {})).status,
      },
      'PATCH /api/admin/services/{code}/draft': {
        expected: row(403, 403, 403, 403, 403, 403, 409, 404, 409, 401) as Record<Role, number>,
        probe: async (card) => (await h.call(card, 'PATCH', `/api/admin/services/${code}/draft`, { nameZh: '改名' })).status,
      },
      'GET /api/admin/services/{code}/audit': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 404, 200, 401) as Record<Role, number>,
        probe: async (card) => (await h.get(card, `/api/admin/services/${code}/audit`)).status,
      },
      'GET /api/admin/service-templates': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 200, 200, 401) as Record<Role, number>,
        probe: async (card) => (await h.get(card, '/api/admin/service-templates')).status,
      },
      // Adopting for Student Affairs: its owner and admins may; an owner elsewhere may not. Each
      // probe asks for a code of its own, so a refusal is the policy's and not a taken code.
      'POST /api/admin/service-templates/{code}/adopt': {
        expected: row(403, 403, 403, 403, 403, 403, 201, 403, 201, 401) as Record<Role, number>,
        probe: async (card) =>
          (
            await h.post(card, '/api/admin/service-templates/work-study/adopt', {
              ownerDepartmentCode: 'student-affairs',
              code: `work-study-${card ?? 'anon'}`,
            })
          ).status,
      },
    }
    const actual: Record<string, Record<string, number>> = {}
    const expected: Record<string, Record<string, number>> = {}
    for (const [route, check] of Object.entries(checks)) {
      expected[route] = check.expected
      actual[route] = {}
      for (const [role, card] of Object.entries(roles)) actual[route][role] = await check.probe(card)
    }
    expect(actual).toEqual(expected)
  })
})

// Feedback (issue 7): rating a finished application, the Q&A, statistics. A 2-day leave that the
// counsellor approved (completed), and a question about the leave service to its owners.
describe('the authorization matrix of feedback', () => {
  it('answers every role on the rating, question and statistics routes as the policy says', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    await h.approve(who.counsellor, id)
    const asked = await h.post(who.student, '/api/questions', { title: '可以补交证明吗？', body: '病假证明可以事后补交吗？', serviceCode: 'undergrad-leave' })
    const question = asked.body.id as number
    const checks: Record<string, { expected: Record<Role, number | boolean>; probe: (card: string | null) => Promise<number | boolean> }> = {
      // The applicant rates (first, so once); for everyone else the application is not theirs to rate.
      'POST /api/ratings': {
        expected: row(201, 404, 404, 404, 404, 404, 404, 404, 404, 401),
        probe: async (card) => (await h.post(card, '/api/ratings', { applicationId: id, serviceScore: 4, processScore: 4, anonymous: true })).status,
      },
      'GET /api/ratings/{applicationId}': {
        expected: row(200, 404, 200, 404, 404, 404, 200, 404, 200, 401),
        probe: async (card) => (await h.get(card, `/api/ratings/${id}`)).status,
      },
      // Issue 13: on the application's own page an anonymous rating would be linked by its place,
      // so readers who may not see its rater do not get it at all (canSeeRater).
      'GET /api/ratings/{applicationId} shows the anonymous rating, with its rater': {
        expected: row(true, 404, false, 404, 404, 404, false, 404, true, 401),
        probe: async (card) => {
          const res = await h.get(card, `/api/ratings/${id}`)
          if (res.status !== 200) return res.status
          return res.body.rating === null ? false : res.body.rating.rater !== null && res.body.rating.applicationId === id
        },
      },
      'GET /api/questions/{id}': {
        expected: row(200, 404, 404, 404, 404, 404, 200, 404, 200, 401),
        probe: async (card) => (await h.get(card, `/api/questions/${question}`)).status,
      },
      'POST /api/questions/{id}/messages': {
        expected: row(201, 404, 404, 404, 404, 404, 201, 404, 201, 401),
        probe: async (card) => (await h.post(card, `/api/questions/${question}/messages`, { body: '补充说明' })).status,
      },
      'PUT /api/questions/{id}/faq': {
        expected: row(403, 404, 404, 404, 404, 404, 200, 404, 200, 401),
        probe: async (card) => (await h.call(card, 'PUT', `/api/questions/${question}/faq`, { published: true })).status,
      },
      'GET /api/statistics': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 200, 200, 401),
        probe: async (card) => (await h.get(card, '/api/statistics')).status,
      },
      'GET /api/statistics?departmentCode=student-affairs': {
        expected: row(403, 403, 403, 403, 403, 403, 200, 403, 200, 401),
        probe: async (card) => (await h.get(card, '/api/statistics?departmentCode=student-affairs')).status,
      },
    }
    const actual: Record<string, Record<string, number | boolean>> = {}
    const expected: Record<string, Record<string, number | boolean>> = {}
    for (const [route, check] of Object.entries(checks)) {
      expected[route] = check.expected
      actual[route] = {}
      for (const [role, card] of Object.entries(roles)) actual[route][role] = await check.probe(card)
    }
    expect(actual).toEqual(expected)
    expect((await h.get(who.presidentOffice, '/api/statistics')).status).toBe(200)
  })
})

// The organisation (issue 12): people, roles and imports are the administrators' alone.
describe('the authorization matrix of the organisation', () => {
  it('answers every role on the people, roles and import routes as the policy says', async () => {
    const h = await hall()
    const admin = (ok: number) => row(403, 403, 403, 403, 403, 403, 403, 403, ok, 401) as Record<Role, number>
    const checks: Record<string, { expected: Record<Role, number>; probe: (card: string | null) => Promise<number> }> = {
      'GET /api/admin/org/template': {
        expected: admin(200),
        probe: async (card) => (await h.app.request('/api/admin/org/template', { headers: card ? { cookie: await h.loginAs(card) } : {} })).status,
      },
      // A JSON body where a file belongs: past the policy, the body is refused as the wrong type.
      'POST /api/admin/org/imports': { expected: admin(415), probe: async (card) => (await h.post(card, '/api/admin/org/imports', {})).status },
      'GET /api/admin/org/imports': { expected: admin(200), probe: async (card) => (await h.get(card, '/api/admin/org/imports')).status },
      'GET /api/admin/org/imports/{id}': { expected: admin(404), probe: async (card) => (await h.get(card, '/api/admin/org/imports/999')).status },
      'GET /api/admin/org/units': { expected: admin(200), probe: async (card) => (await h.get(card, '/api/admin/org/units')).status },
      'GET /api/admin/people': { expected: admin(200), probe: async (card) => (await h.get(card, '/api/admin/people?q=李')).status },
      'POST /api/admin/people/{cardNumber}/roles': {
        expected: admin(200),
        probe: async (card) => (await h.post(card, `/api/admin/people/${who.professor}/roles`, { role: 'reviewer', scope: 'housing' })).status,
      },
      'DELETE /api/admin/people/{cardNumber}/roles': {
        expected: admin(404),
        probe: async (card) => (await h.call(card, 'DELETE', `/api/admin/people/${who.professor}/roles?role=reviewer&scope=library`)).status,
      },
    }
    const actual: Record<string, Record<string, number>> = {}
    const expected: Record<string, Record<string, number>> = {}
    for (const [route, check] of Object.entries(checks)) {
      expected[route] = check.expected
      actual[route] = {}
      for (const [role, card] of Object.entries(roles)) actual[route][role] = await check.probe(card)
    }
    expect(actual).toEqual(expected)
  })
})
