import { describe, expect, it } from 'vitest'
import { hall, swapValues, who, type Hall } from '../applications/test-support.ts'

// An application keeps the version it was made with, form included. When it comes back to its
// applicant (互换同学 declined) after the service published a version whose person field accepts
// other kinds of people, the picker and the resubmit's check go by the application's version.

type Field = { key: string; type: string; kinds?: string[] }
type Form = { sections: Array<{ fields: Field[] }> }

/** Publishes a new version of dorm-change whose 互换同学 accepts staff only. */
async function publishStaffOnlyVersion(h: Hall) {
  const code = 'dorm-change'
  expect((await h.post(who.admin, `/api/admin/services/${code}/draft`, {})).status).toBe(201)
  const detail = await h.get(who.admin, `/api/admin/services/${code}`)
  const form = structuredClone(detail.body.draft.form) as Form
  const field = form.sections.flatMap((s) => s.fields).find((f) => f.key === 'swapWith')!
  expect(field.type).toBe('person')
  expect(field.kinds).not.toContain('staff')
  field.kinds = ['staff']
  const saved = await h.call(who.admin, 'PATCH', `/api/admin/services/${code}/draft`, { form, baseRevision: detail.body.revision })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  const published = await h.post(who.admin, `/api/admin/services/${code}/publish`, {})
  expect(published.status, JSON.stringify(published.body)).toBe(200)
}

/** A dorm swap with 王梓涵's junior, declined by them: back with the applicant, on version 1. */
async function returnedSwap(h: Hall) {
  const res = await h.submit(who.student, 'dorm-change', await swapValues(h, who.junior))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const id = res.body.id as number
  const task = await h.taskOf(who.junior, id)
  const declined = await h.act(who.junior, task.id, { action: 'return', opinion: '我暂时不想换宿舍', stateVersion: task.stateVersion })
  expect(declined.status, JSON.stringify(declined.body)).toBe(200)
  await publishStaffOnlyVersion(h)
  const detail = await h.detail(who.student, id)
  expect(detail.body).toMatchObject({ status: 'returned', service: { version: 1 } })
  return { id, detail: detail.body as { values: Record<string, unknown>; stateVersion: number } }
}

const cards = (body: { items: Array<{ cardNumber: string }> }) => body.items.map((p) => p.cardNumber)

describe('a returned application after a new version changed the kinds of a person field', () => {
  it('the picker, asked for the application, offers the kinds of the application’s version', async () => {
    const h = await hall()
    const { id } = await returnedSwap(h)
    const pick = (q: string) => h.get(who.student, `/api/people/pick?q=${q}&service=dorm-change&application=${id}&field=swapWith`)
    const student = await pick(who.junior2)
    expect(student.status, JSON.stringify(student.body)).toBe(200)
    expect(cards(student.body)).toEqual([who.junior2])
    expect(cards((await pick(who.counsellor)).body)).toEqual([])
    // Applying anew (no application) goes by the current version: staff only now.
    expect(cards((await h.get(who.student, `/api/people/pick?q=${who.counsellor}&service=dorm-change&field=swapWith`)).body)).toEqual([who.counsellor])
    expect(cards((await h.get(who.student, `/api/people/pick?q=${who.junior2}&service=dorm-change&field=swapWith`)).body)).toEqual([])
    // The application alone is enough.
    expect(cards((await h.get(who.student, `/api/people/pick?q=${who.junior2}&application=${id}&field=swapWith`)).body)).toEqual([who.junior2])
  })

  it('the picker does not open an application its searcher may not read, nor take neither service nor application', async () => {
    const h = await hall()
    const { id } = await returnedSwap(h)
    expect((await h.get(who.otherStudent, `/api/people/pick?q=${who.junior2}&application=${id}&field=swapWith`)).status).toBe(404)
    const neither = await h.get(who.student, `/api/people/pick?q=${who.junior2}&field=swapWith`)
    expect(neither.status).toBe(400)
    expect(neither.body.error.fields).toMatchObject([{ path: 'service' }])
    expect((await h.get(who.student, `/api/people/pick?q=${who.junior2}&application=${id}&field=nothing`)).status).toBe(400)
  })

  it('the resubmit accepts another student and refuses staff, as version 1 says', async () => {
    const h = await hall()
    const { id, detail } = await returnedSwap(h)
    const staff = await h.post(who.student, `/api/applications/${id}/resubmit`, {
      stateVersion: detail.stateVersion,
      values: { ...detail.values, swapWith: who.counsellor },
    })
    expect(staff.status).toBe(400)
    expect(staff.body.error.messageZh).toMatch(/互换同学应为学生/)
    const student = await h.post(who.student, `/api/applications/${id}/resubmit`, {
      stateVersion: detail.stateVersion,
      values: { ...detail.values, swapWith: who.junior2 },
    })
    expect(student.status, JSON.stringify(student.body)).toBe(200)
    await h.taskOf(who.junior2, id)
  })
})
