import { processDefinitions, type ProcessDefinition } from '@hall/workflow'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { serviceVersions } from '../db/schema/index.ts'
import { DAY, hall, who } from '../routes/applications/test-kit.ts'

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

async function scenario() {
  const h = await hall()
  // Copy the counsellor's approval to a professor: a person copied who has no task.
  const leave = structuredClone(processDefinitions['undergrad-leave']) as ProcessDefinition
  const first = leave.steps[0]!
  if (first.type === 'approval') first.copyTo = [{ person: who.professor }]
  h.deps.db.update(serviceVersions).set({ process: leave }).where(eq(serviceVersions.serviceCode, 'undergrad-leave')).run()

  const id = await h.leave(who.student, 5)
  await h.approve(who.counsellor, id)
  const task = await h.taskOf(who.deputy, id)
  const to = new Date(h.deps.now().getTime() + 3 * DAY).toISOString()
  expect((await h.post(who.deputy, '/api/me/delegations', { delegate: who.colleague, to })).status).toBe(201)
  return { h, id, task }
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
    }
    const actual: Record<string, Record<string, number | boolean>> = {}
    const expected: Record<string, Record<string, number | boolean>> = {}
    for (const [route, check] of Object.entries(checks)) {
      expected[route] = check.expected
      actual[route] = {}
      for (const [role, card] of Object.entries(roles)) actual[route]![role] = await check.probe(card)
    }
    expect(actual).toEqual(expected)
    // Nothing above changed the application.
    expect((await h.detail(who.student, id)).body.stateVersion).toBe(task.stateVersion)
  })
})
