import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applicationAttachments, applications, formDrafts } from '../../db/schema/index.ts'
import { validateSubmission, type FormDefinition } from '@hall/forms/format'
import { exeBytes, fileOf, pdfBytes, pngBytes } from '../forms/test-support.ts'
import { hall, leaveValues, who, type Hall } from './test-support.ts'

// What a submission carries and what it leaves behind: the draft goes with it, authoritative
// pre-filled values are the platform's whatever the browser sent (on resubmit too), the files it
// refers to become readable by the application's readers, and hostile input stores nothing.

async function upload(h: Hall, card: string, file: File, fields: Record<string, string> = {}) {
  const form = new FormData()
  form.set('file', file)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const res = await h.app.request('/api/attachments', {
    method: 'POST',
    headers: { cookie: await h.loginAs(card), origin: h.deps.env.publicOrigin },
    body: form,
  })
  return { status: res.status, body: await res.json() }
}

const download = async (h: Hall, card: string | null, id: string) =>
  (await h.app.request(`/api/attachments/${id}`, { headers: card ? { cookie: await h.loginAs(card) } : {} })).status

/** The student's applications (the seed's past ones belong to other people). */
const applicationCount = async (h: Hall) =>
  (await h.deps.db.select({ n: count() }).from(applications).where(eq(applications.applicantCardNumber, who.student)))[0]!.n

/** A sick leave of 2 days with `files` as its proof. */
const sickLeave = (files: unknown[], extra: Record<string, unknown> = {}) => leaveValues(2, { leaveType: 'sick', sickProof: files, ...extra })

/** Returns application `id` to the applicant from the counsellor's desk; its new stateVersion. */
async function returnToApplicant(h: Hall, id: number): Promise<number> {
  const task = await h.taskOf(who.counsellor, id)
  const res = await h.act(who.counsellor, task.id, { action: 'return', stateVersion: task.stateVersion, opinion: '请补充病历' })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.application.stateVersion
}

describe('the draft', () => {
  it('goes with the submission: after a successful submit the service has no draft', async () => {
    const h = await hall()
    const put = await h.call(who.student, 'PUT', '/api/drafts/undergrad-leave', { values: { reason: '半写' } })
    expect(put.status).toBe(200)
    await h.call(who.classmate, 'PUT', '/api/drafts/undergrad-leave', { values: { reason: '别人的' } })
    await h.leave(who.student, 2)
    expect((await h.get(who.student, '/api/drafts/undergrad-leave')).status).toBe(404)
    // Another person's draft of the same service stays.
    expect((await h.get(who.classmate, '/api/drafts/undergrad-leave')).status).toBe(200)
  })

  it('stays when the submission is refused', async () => {
    const h = await hall()
    await h.call(who.student, 'PUT', '/api/drafts/undergrad-leave', { values: { reason: '半写' } })
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2, { pledge: false }))
    expect(res.status).toBe(400)
    expect((await h.get(who.student, '/api/drafts/undergrad-leave')).status).toBe(200)
  })

  it('is deleted in the same transaction as the application: a replayed submission finds it gone and makes nothing new', async () => {
    const h = await hall()
    await h.call(who.student, 'PUT', '/api/drafts/undergrad-leave', { values: { reason: '半写' } })
    await h.submit(who.student, 'undergrad-leave', leaveValues(2), 'draft-key-0001')
    const rows = async () =>
      (
        await h.deps.db
          .select({ n: count() })
          .from(formDrafts)
          .where(and(eq(formDrafts.cardNumber, who.student)))
      )[0]!.n
    expect(await rows()).toBe(0)
    await h.call(who.student, 'PUT', '/api/drafts/undergrad-leave', { values: { reason: '新的草稿' } })
    // A retry of the same request answers the same application and leaves the new draft alone.
    expect((await h.submit(who.student, 'undergrad-leave', leaveValues(2), 'draft-key-0001')).status).toBe(201)
    expect(await rows()).toBe(1)
  })
})

describe('authoritative pre-filled values', () => {
  it('are the data platform’s on submit, whatever the browser sent', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2, { name: '王五', major: '临床医学', dormitory: '随便写的宿舍' }))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const { values } = (await h.detail(who.student, res.body.id)).body
    const form = (await h.get(who.student, '/api/services/undergrad-leave/form')).body
    expect(values.name).toBe('李明轩')
    expect(values.major).toBe(form.prefill.values.major)
    expect(values.dormitory).toBe(form.prefill.values.dormitory)
    expect(values.dormitory).not.toBe('随便写的宿舍')
    // A value that is pre-filled but not authoritative (the phone) is the applicant's to change.
    expect(values.phone).toBe('13800002101')
  })

  it('are the data platform’s on resubmit after a return, too', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    const stateVersion = await returnToApplicant(h, id)
    const res = await h.post(who.student, `/api/applications/${id}/resubmit`, {
      stateVersion,
      values: leaveValues(2, { name: '王五', dormitory: '改过的宿舍', reason: '补充说明后再次提交' }),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const { values } = (await h.detail(who.student, id)).body
    expect(values.name).toBe('李明轩')
    expect(values.dormitory).not.toBe('改过的宿舍')
    expect(values.reason).toBe('补充说明后再次提交')
  })
})

describe('attachments of an application', () => {
  it('are linked on submit and downloadable by its readers; strangers get 404', async () => {
    const h = await hall()
    const proof = await upload(h, who.student, fileOf(pdfBytes('diagnosis'), 'diagnosis.pdf'), { serviceCode: 'undergrad-leave', fieldKey: 'sickProof' })
    expect(proof.status).toBe(201)
    const res = await h.submit(
      who.student,
      'undergrad-leave',
      sickLeave([{ id: proof.body.id, name: proof.body.name, size: proof.body.size, mime: proof.body.mime }]),
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const links = await h.deps.db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, res.body.id))
    expect(links).toEqual([{ applicationId: res.body.id, attachmentId: proof.body.id, fieldKey: 'sickProof' }])

    expect(await download(h, who.student, proof.body.id)).toBe(200)
    expect(await download(h, who.counsellor, proof.body.id)).toBe(200)
    expect(await download(h, who.studentAffairsOwner, proof.body.id)).toBe(200)
    expect(await download(h, who.admin, proof.body.id)).toBe(200)
    expect(await download(h, who.classmate, proof.body.id)).toBe(404)
    expect(await download(h, who.otherOwner, proof.body.id)).toBe(404)
    expect(await download(h, null, proof.body.id)).toBe(401)
    // After the counsellor decided, they (a past assignee) still can.
    await h.approve(who.counsellor, res.body.id)
    expect(await download(h, who.counsellor, proof.body.id)).toBe(200)
  })

  it('are stored as uploaded: a made-up name, size or type in the form value is put right', async () => {
    const h = await hall()
    const proof = await upload(h, who.student, fileOf(pdfBytes(), 'proof.pdf'))
    const res = await h.submit(who.student, 'undergrad-leave', sickLeave([{ id: proof.body.id, name: 'tiny.png', size: 1, mime: 'image/png' }]))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const { values } = (await h.detail(who.student, res.body.id)).body
    expect(values.sickProof).toEqual([{ id: proof.body.id, name: 'proof.pdf', size: proof.body.size, mime: 'application/pdf' }])
  })

  it('refuses a file someone else uploaded, or one that does not exist, naming the field; nothing is stored', async () => {
    const h = await hall()
    const before = await applicationCount(h)
    const links = async () => (await h.deps.db.select({ n: count() }).from(applicationAttachments))[0]!.n
    const linksBefore = await links()
    const theirs = await upload(h, who.classmate, fileOf(pdfBytes('theirs'), 'theirs.pdf'))
    for (const ref of [
      { id: theirs.body.id, name: 'theirs.pdf', size: theirs.body.size, mime: 'application/pdf' },
      { id: 'att_madeup00000000000000', name: 'x.pdf', size: 10, mime: 'application/pdf' },
    ]) {
      const res = await h.submit(who.student, 'undergrad-leave', sickLeave([ref]))
      expect(res.status).toBe(400)
      expect(res.body.error.fields).toEqual([
        { path: 'sickProof', message: expect.stringMatching(/not one of your uploads/), messageZh: expect.stringMatching(/重新上传/) },
      ])
    }
    expect(await applicationCount(h)).toBe(before)
    expect(await links()).toBe(linksBefore)
    expect(await download(h, who.student, theirs.body.id)).toBe(404)
  })

  it('adds the files of a resubmission, so that the reviewer can open the new proof', async () => {
    const h = await hall()
    const first = await upload(h, who.student, fileOf(pdfBytes('first'), 'first.pdf'))
    const res = await h.submit(who.student, 'undergrad-leave', sickLeave([first.body]))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const id = res.body.id as number
    const stateVersion = await returnToApplicant(h, id)
    const second = await upload(h, who.student, fileOf(pngBytes([1, 1, 1]), 'second.png'))
    expect(await download(h, who.counsellor, second.body.id)).toBe(404)
    const again = await h.post(who.student, `/api/applications/${id}/resubmit`, { stateVersion, values: sickLeave([first.body, second.body]) })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(await download(h, who.counsellor, second.body.id)).toBe(200)
    // Another student's file cannot be slipped in on resubmit either.
    const stale = await returnToApplicant(h, id)
    const theirs = await upload(h, who.classmate, fileOf(pdfBytes('theirs'), 'theirs.pdf'))
    const sneaky = await h.post(who.student, `/api/applications/${id}/resubmit`, { stateVersion: stale, values: sickLeave([theirs.body]) })
    expect(sneaky.status).toBe(400)
    expect(await download(h, who.counsellor, theirs.body.id)).toBe(404)
  })
})

describe('one validation on both sides', () => {
  it('refuses with the very messages the browser’s validation of the same definition gives', async () => {
    const h = await hall()
    const form = (await h.get(who.student, '/api/services/undergrad-leave/form')).body
    const values = leaveValues(5, { reason: '', emergencyPhone: 'call me', parentPhone: undefined, period: { start: '2026-12-04', end: '2026-11-30' } })
    // What mf-forms runs before sending (HallForm's validate): the same function on the same definition.
    // The shipped form locks the platform's name and card number: the browser has both pre-filled.
    const local = validateSubmission(form.definition as FormDefinition, values, { now: h.deps.now(), prefilled: { name: '李明轩', cardNumber: who.student } })
    expect(local.ok).toBe(false)
    const res = await h.submit(who.student, 'undergrad-leave', values)
    expect(res.status).toBe(400)
    const expected = local.ok ? [] : local.errors.map((e) => ({ path: e.path, message: e.message.en, messageZh: e.message.zh }))
    expect(res.body.error.fields).toEqual(expected)
  })
})

describe('hostile input gets a clear error and stores nothing', () => {
  it.each([
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
    ['a number for a text', { reason: 42 }, 'reason'],
    ['an object for a date range', { period: 'next week' }, 'period'],
    ['text in a switch', { pledge: 'yes' }, 'pledge'],
    ['a reason of 20 000 characters', { reason: '长'.repeat(20_000) }, 'reason'],
    [
      'a path trick as a file name',
      { leaveType: 'sick', sickProof: [{ id: 'att_x', name: '../../etc/passwd', size: 1, mime: 'application/pdf' }] },
      'sickProof',
    ],
    ['a program as a file', { leaveType: 'sick', sickProof: [{ id: 'att_x', name: 'virus.exe', size: 1, mime: 'application/x-msdownload' }] }, 'sickProof'],
  ])('%s', async (_, extra, path) => {
    const h = await hall()
    const before = await applicationCount(h)
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2, extra))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_form')
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path)
    expect(res.body.error.fields.every((f: { message: string; messageZh: string }) => f.message.length > 0 && f.messageZh.length > 0)).toBe(true)
    expect(await applicationCount(h)).toBe(before)
  })

  it('a body over the limit is refused with 413 before it is read', async () => {
    const h = await hall()
    const before = await applicationCount(h)
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2, { reason: 'x'.repeat(400 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.body.error.messageZh).toMatch(/附件/)
    expect(await applicationCount(h)).toBe(before)
  })

  it('script in a text field is kept as text, never as markup', async () => {
    const h = await hall()
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2, { reason: '<script>alert(1)</script> 回家' }))
    expect(res.status).toBe(201)
    expect((await h.detail(who.student, res.body.id)).body.values.reason).toBe('<script>alert(1)</script> 回家')
  })

  it('a program renamed to .pdf never becomes an attachment', async () => {
    const h = await hall()
    const res = await upload(h, who.student, fileOf(exeBytes(), 'proof.pdf', 'application/pdf'))
    expect(res.status).toBe(415)
    expect(res.body.error.message).toMatch(/Windows program/)
  })
})
