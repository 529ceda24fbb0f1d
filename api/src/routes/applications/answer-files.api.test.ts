import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applicationAttachments } from '../../db/schema/index.ts'
import { fileOf, pdfBytes } from '../forms/test-support.ts'
import { hall, who, type Hall } from './test-support.ts'

// The files of an answer to a reviewer's question (补充材料). Found by probing: they were stored
// as bare ids in the answer, never linked to the application, so the reviewer who asked for them
// got a 404; and any string passed as an id.

async function upload(h: Hall, card: string, bytes: Uint8Array, name: string) {
  const form = new FormData()
  form.set('file', fileOf(bytes, name))
  const res = await h.app.request('/api/attachments', {
    method: 'POST',
    headers: { cookie: await h.loginAs(card), origin: h.deps.env.publicOrigin },
    body: form,
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; name: string }
}

const download = async (h: Hall, card: string, id: string) => h.app.request(`/api/attachments/${id}`, { headers: { cookie: await h.loginAs(card) } })

/** A leave the counsellor has asked the student about, asking for a material; the task and the version to answer with. */
async function asked(h: Hall) {
  const id = await h.leave(who.student, 2)
  const task = await h.taskOf(who.counsellor, id)
  const res = await h.act(who.counsellor, task.id, { action: 'ask', stateVersion: task.stateVersion, opinion: '请补充家长说明', materials: ['家长说明'] })
  expect(res.status).toBe(200)
  return { id, taskId: task.id, stateVersion: res.body.application.stateVersion as number }
}

describe('POST /api/applications/{id}/answer with attachments', () => {
  it('links the files to the application: the reviewer who asked downloads the exact bytes', async () => {
    const h = await hall()
    const { id, taskId, stateVersion } = await asked(h)
    const bytes = pdfBytes('parent statement, signed')
    const file = await upload(h, who.student, bytes, '家长说明.pdf')
    // Before the answer the file is the student's alone.
    expect((await download(h, who.counsellor, file.id)).status).toBe(404)

    const res = await h.post(who.student, `/api/applications/${id}/answer`, { stateVersion, taskId, answer: '已上传家长说明', attachments: [file.id] })
    expect(res.status, JSON.stringify(res.body)).toBe(200)

    const got = await download(h, who.counsellor, file.id)
    expect(got.status).toBe(200)
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes)
    // Someone with nothing to do with the application still cannot.
    expect((await download(h, who.classmate, file.id)).status).toBe(404)
    // The reviewer's page names the file with the answer, for a download link.
    const detail = await h.detail(who.counsellor, id)
    const answered = detail.body.timeline.find((e: { action: string }) => e.action === 'answered')
    expect(answered.files).toEqual([{ id: file.id, name: '家长说明.pdf', size: bytes.byteLength, mime: 'application/pdf' }])
  })

  it.each([
    ['another person’s upload', async (h: Hall) => (await upload(h, who.classmate, pdfBytes('not mine'), 'theirs.pdf')).id],
    ['a random string', async () => 'att_made-up-0000000000000'],
  ])('refuses %s with a 400 naming attachments, in both languages; nothing changes', async (_, idOf) => {
    const h = await hall()
    const { id, taskId, stateVersion } = await asked(h)
    const mine = await upload(h, who.student, pdfBytes('mine'), 'mine.pdf')
    const bad = await idOf(h)
    const res = await h.post(who.student, `/api/applications/${id}/answer`, { stateVersion, taskId, answer: '见附件', attachments: [mine.id, bad] })
    expect(res.status).toBe(400)
    expect(res.body.error.fields).toEqual([
      { path: 'attachments.1', message: expect.stringMatching(/not one of your uploads/), messageZh: expect.stringMatching(/不是您上传的文件/) },
    ])
    // Neither file was linked, and the question is still open.
    expect(await h.deps.db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id))).toEqual([])
    expect((await h.detail(who.student, id)).body.allowed.answer).toHaveLength(1)
    expect((await download(h, who.counsellor, bad)).status).toBe(404)
  })

  it('links nothing when the answer itself is refused (someone other than the applicant)', async () => {
    const h = await hall()
    const { id, taskId, stateVersion } = await asked(h)
    const theirs = await upload(h, who.counsellor, pdfBytes('counsellor'), 'c.pdf')
    const res = await h.post(who.counsellor, `/api/applications/${id}/answer`, { stateVersion, taskId, answer: 'x', attachments: [theirs.id] })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(
      await h.deps.db
        .select()
        .from(applicationAttachments)
        .where(and(eq(applicationAttachments.applicationId, id), eq(applicationAttachments.attachmentId, theirs.id))),
    ).toEqual([])
  })
})
