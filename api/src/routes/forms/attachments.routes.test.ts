import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { applicationAttachments, applications, serviceVersions, tasks } from '../../db/schema/index.ts'
import { describeFileTypes } from '@hall/forms/format'
import { testApp } from '../../test-support.ts'
import { policy } from '../../policy/index.ts'
import { docxBytes, exeBytes, fileOf, pdfBytes, pngBytes } from './test-support.ts'

/** Every file under the uploads folder, as paths relative to it. */
const storedFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [])

// Uploads are typed by their content, limited in size, stored once per content, and served only
// to the people allowed to see them.

const student = '2023010101'
const classmate = '2023010102'
const counsellor = '0017063'

type App = Awaited<ReturnType<typeof testApp>>
interface Uploaded {
  id: string
  name: string
  size: number
  mime: string
  sha256: string
  materialKind: string | null
  uploadedAt: string
}
interface ErrorBody {
  error: { code: string; message: string; messageZh: string }
}

async function upload(t: App, cardNumber: string, file: File, fields: Record<string, string> = {}) {
  const form = new FormData()
  form.set('file', file)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const cookie = await t.loginAs(cardNumber)
  return t.app.request('/api/attachments', { method: 'POST', headers: { cookie, origin: t.deps.env.publicOrigin }, body: form })
}

async function download(t: App, cardNumber: string, id: string, query = '') {
  return t.app.request(`/api/attachments/${id}${query}`, { headers: { cookie: await t.loginAs(cardNumber) } })
}

describe('POST /api/attachments', () => {
  it('takes a real PDF, typed by its content, and stores it under uploads/<prefix>/<sha256>', async () => {
    const t = await testApp()
    const bytes = pdfBytes()
    const res = await upload(t, student, fileOf(bytes, '诊断证明.pdf', 'application/pdf'), { materialKind: 'medical-certificate' })
    expect(res.status).toBe(201)
    const body = (await res.json()) as Uploaded
    expect(body).toMatchObject({ name: '诊断证明.pdf', size: bytes.byteLength, mime: 'application/pdf', materialKind: 'medical-certificate' })
    expect(body.id).toMatch(/^att_/)
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(existsSync(path.join(t.deps.env.dataDir, 'uploads', body.sha256.slice(0, 2), body.sha256))).toBe(true)
  })

  it("takes a real PNG for a form's photo field, with the field's material kind", async () => {
    const t = await testApp()
    const res = await upload(t, student, fileOf(pngBytes(), 'photo.png', 'image/png'), { serviceCode: 'tuition-bank-card', fieldKey: 'cardPhoto' })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ mime: 'image/png', materialKind: 'bank-card-photo', name: 'photo.png' })
  })

  it('refuses a program renamed to .pdf with 415, saying what it really is', async () => {
    const t = await testApp()
    const before = storedFiles(path.join(t.deps.env.dataDir, 'uploads'))
    const res = await upload(t, student, fileOf(exeBytes(), 'report.pdf', 'application/pdf'))
    expect(res.status).toBe(415)
    const body = (await res.json()) as ErrorBody
    expect(body.error.code).toBe('unsupported_file_type')
    expect(body.error.message).toContain('"report.pdf" is a Windows program')
    expect(body.error.messageZh).toContain('Windows 可执行程序')
    // Nothing was stored (the folder holds only what the demo seed put there).
    expect(storedFiles(path.join(t.deps.env.dataDir, 'uploads'))).toEqual(before)
  })

  it('refuses content it cannot recognise (plain text) with 415', async () => {
    const t = await testApp()
    const res = await upload(t, student, fileOf(new TextEncoder().encode('just some text'), 'notes.pdf'))
    expect(res.status).toBe(415)
  })

  it("refuses a type the field does not take, naming the field's types", async () => {
    const t = await testApp()
    const res = await upload(t, student, fileOf(pngBytes(), 'manual.png'), { serviceCode: 'software-copyright', fieldKey: 'manual' })
    expect(res.status).toBe(415)
    const body = (await res.json()) as ErrorBody
    expect(body.error.code).toBe('file_type_not_accepted')
    // The same words as the form's hint under that field (one list of types for both).
    expect(body.error.messageZh).toMatch(new RegExp(`^“manual.png”是PNG 图片，“[^”]+”只接受 ${describeFileTypes(['application/pdf'], 'zh-CN')}$`))
    expect(body.error.message).toContain(`takes ${describeFileTypes(['application/pdf'], 'en')}`)
  })

  it('names what the hall takes from the list the form hints use, when the content is nothing it takes', async () => {
    const t = await testApp()
    const res = await upload(t, student, fileOf(new TextEncoder().encode('just some text'), 'notes.pdf'))
    const body = (await res.json()) as ErrorBody
    expect(body.error.message).toContain(`The hall takes ${describeFileTypes(undefined, 'en')}.`)
    expect(body.error.messageZh).toContain(`办事大厅只接受 ${describeFileTypes(undefined, 'zh-CN')} 文件`)
  })

  it("refuses a file over the field's limit with 413 (the ID photo is at most 200 KB)", async () => {
    const t = await testApp()
    const big = new Uint8Array(300 * 1024)
    big.set(pngBytes())
    const res = await upload(t, student, fileOf(big, 'photo.jpg'), { serviceCode: 'student-id-replacement', fieldKey: 'photo' })
    expect(res.status).toBe(413)
    const body = (await res.json()) as ErrorBody
    expect(body.error.code).toBe('file_too_large')
    expect(body.error.message).toBe('"photo.jpg" is 300 KB; ID photo takes files up to 0.2 MB')
    expect(body.error.messageZh).toBe('“photo.jpg”有 300 KB，“一寸免冠证件照”只接受不超过 0.2 MB 的文件')
  })

  it('refuses a file over HALL_UPLOAD_MAX_MB with 413, before reading it whole', async () => {
    const t = await testApp({ HALL_UPLOAD_MAX_MB: '1' })
    const big = new Uint8Array(2 * 1024 * 1024)
    big.set(pdfBytes())
    const res = await upload(t, student, fileOf(big, 'thesis.pdf'))
    expect(res.status).toBe(413)
    expect(((await res.json()) as ErrorBody).error.code).toBe('file_too_large')
  })

  it('stores the same content once, whoever uploads it and under whatever name', async () => {
    const t = await testApp()
    const bytes = pdfBytes('the same')
    const a = (await (await upload(t, student, fileOf(bytes, 'a.pdf'))).json()) as Uploaded
    const b = (await (await upload(t, classmate, fileOf(bytes, 'b.pdf'))).json()) as Uploaded
    expect(a.id).not.toBe(b.id)
    expect(a.sha256).toBe(b.sha256)
    expect(readdirSync(path.join(t.deps.env.dataDir, 'uploads', a.sha256.slice(0, 2)))).toEqual([a.sha256])
  })

  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\me\\Desktop\\证明.pdf', '证明.pdf'],
    ['.hidden', 'hidden.pdf'],
    ['..', 'file.pdf'],
    ['scan', 'scan.pdf'],
    ['a\u0000b<c>.pdf', 'abc.pdf'],
    // A right-to-left override makes "invoice\u202Eexe.pdf" read as "invoicefdp.exe" in a file
    // list or a download bar: a PDF posing as a program, or the other way round.
    ['invoice\u202Eexe.pdf', 'invoiceexe.pdf'],
    ['report\u2067\u2066x\u2069\u202A\u202B\u202C\u202D.pdf', 'reportx.pdf'],
    ['marks\u200E\u200F\u061C.pdf', 'marks.pdf'],
    ['c1\u0085\u009Bcontrols\u007F.pdf', 'c1controls.pdf'],
    ['two\u2028lines\u2029.pdf', 'twolines.pdf'],
  ])('keeps no folders or odd characters of the name %j', async (name, kept) => {
    const t = await testApp()
    const res = await upload(t, student, fileOf(pdfBytes(), name))
    expect(((await res.json()) as Uploaded).name).toBe(kept)
  })

  it.each<[string, Record<string, string>, number, string]>([
    ['a field of an unknown service', { serviceCode: 'no-such-service', fieldKey: 'x' }, 404, 'not_found'],
    ['a field that is not an attachment', { serviceCode: 'dorm-change', fieldKey: 'reason' }, 404, 'no_such_field'],
    ['a field without its service', { fieldKey: 'photo' }, 400, 'bad_request'],
    ['a malformed material kind', { materialKind: '../x' }, 400, 'bad_request'],
  ])('refuses %s', async (_name, fields, status, code) => {
    const t = await testApp()
    const res = await upload(t, student, fileOf(pdfBytes(), 'a.pdf'), fields)
    expect(res.status).toBe(status)
    expect(((await res.json()) as ErrorBody).error.code).toBe(code)
  })

  it('refuses a request without a file, and an empty file', async () => {
    const t = await testApp()
    const cookie = await t.loginAs(student)
    const form = new FormData()
    form.set('materialKind', 'id-photo')
    const res = await t.app.request('/api/attachments', { method: 'POST', headers: { cookie, origin: t.deps.env.publicOrigin }, body: form })
    expect(res.status).toBe(400)
    expect((await upload(t, student, fileOf(new Uint8Array(0), 'empty.pdf'))).status).toBe(400)
  })

  it('needs a session', async () => {
    const t = await testApp()
    const form = new FormData()
    form.set('file', fileOf(pdfBytes(), 'a.pdf'))
    expect((await t.app.request('/api/attachments', { method: 'POST', headers: { origin: t.deps.env.publicOrigin }, body: form })).status).toBe(401)
  })
})

describe('GET /api/attachments/{id}', () => {
  it('serves the file to its uploader with its name, its type and nosniff', async () => {
    const t = await testApp()
    const bytes = pdfBytes()
    const { id } = (await (await upload(t, student, fileOf(bytes, '诊断 证明.pdf'))).json()) as Uploaded
    const res = await download(t, student, id)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="__ __.pdf"; filename*=UTF-8''${encodeURIComponent('诊断 证明.pdf')}`)
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes)
  })

  // A file is the uploader's content: opened in the browser it must not run with the hall's
  // origin (an HTML or SVG smuggled in, a PDF with scripts), so every answer is sandboxed.
  it('saves by default, previews a PDF or image only when asked, and sandboxes both', async () => {
    const t = await testApp()
    const { id } = (await (await upload(t, student, fileOf(pdfBytes(), '证明.pdf'))).json()) as Uploaded
    const saved = await download(t, student, id)
    const previewed = await download(t, student, id, '?disposition=inline')
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment; /)
    expect(previewed.headers.get('content-disposition')).toBe(`inline; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent('证明.pdf')}`)
    for (const res of [saved, previewed]) {
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('never previews a type a browser could run or hand to another program (a Word file asked inline is saved)', async () => {
    const t = await testApp()
    const { id } = (await (await upload(t, student, fileOf(docxBytes(), 'plan.docx'))).json()) as Uploaded
    const res = await download(t, student, id, '?disposition=inline')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /)
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/)
  })

  it('answers 404 to anyone else, as if the file did not exist', async () => {
    const t = await testApp()
    const { id } = (await (await upload(t, student, fileOf(pdfBytes(), 'mine.pdf'))).json()) as Uploaded
    const res = await download(t, classmate, id)
    expect(res.status).toBe(404)
    const missing = await download(t, classmate, 'att_doesnotexist0000000')
    expect(((await missing.json()) as ErrorBody).error).toEqual(((await res.json()) as ErrorBody).error)
  })

  // The seam the applications routes fill: a row in application_attachments on submit opens the
  // file to the application's reviewers (anyone with a live task on it), and to nobody else.
  it('serves a file attached to an application to the reviewers who have a task on it', async () => {
    const t = await testApp()
    const { id } = (await (await upload(t, student, fileOf(pdfBytes(), 'proof.pdf'))).json()) as Uploaded
    expect((await download(t, counsellor, id)).status).toBe(404)
    const db = t.deps.db
    const version = (await db.select().from(serviceVersions).where(eq(serviceVersions.serviceCode, 'undergrad-leave')))[0]!
    const app = (
      await db
        .insert(applications)
        .values({ serviceCode: 'undergrad-leave', serviceVersionId: version.id, applicantCardNumber: student, status: 'in_review' })
        .returning()
    )[0]!
    await db.insert(applicationAttachments).values({ applicationId: app.id, attachmentId: id, fieldKey: 'sickProof' })
    expect((await download(t, counsellor, id)).status).toBe(404)
    await db.insert(tasks).values({ applicationId: app.id, stepKey: 'counsellor', assigneeCardNumber: counsellor, box: 'todo' })
    expect((await download(t, counsellor, id)).status).toBe(200)
    expect((await download(t, classmate, id)).status).toBe(404)
    expect(await policy.canReadAttachment(t.deps.db, null, id, t.deps.now())).toBe(false)
  })
})

describe('GET /api/me/materials', () => {
  it('lists my earlier uploads by kind, newest first, each content once', async () => {
    const t = await testApp()
    const photo = pngBytes([1, 2, 3])
    await upload(t, student, fileOf(photo, 'photo-1.png'), { materialKind: 'id-photo' })
    t.advance(1000)
    await upload(t, student, fileOf(pdfBytes(), 'transcript.pdf'), { materialKind: 'transcript' })
    t.advance(1000)
    await upload(t, student, fileOf(photo, 'photo-again.png'), { materialKind: 'id-photo' })
    t.advance(1000)
    await upload(t, student, fileOf(pngBytes([9, 9, 9]), 'photo-2.png'), { materialKind: 'id-photo' })
    await upload(t, classmate, fileOf(pngBytes([7, 7, 7]), 'theirs.png'), { materialKind: 'id-photo' })
    const res = await t.app.request('/api/me/materials?kind=id-photo', { headers: { cookie: await t.loginAs(student) } })
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: Uploaded[] }
    expect(items.map((i) => i.name)).toEqual(['photo-2.png', 'photo-again.png'])
    expect(items.every((i) => i.materialKind === 'id-photo')).toBe(true)
    const all = (await (await t.app.request('/api/me/materials', { headers: { cookie: await t.loginAs(student) } })).json()) as { items: Uploaded[] }
    expect(all.items.map((i) => i.name)).toEqual(['photo-2.png', 'photo-again.png', 'transcript.pdf'])
  })
})
