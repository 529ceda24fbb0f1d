import { randomUUID } from 'node:crypto'
import { findKlass, findPerson, people, type Person } from '@hall/demo-university'
import type { APIRequestContext } from '@playwright/test'
import { expect, hallOrigin, test } from './fixtures.ts'

// Return and resubmit, as the two people walk it: a student applies for 本科生学生证补办 with an ID
// photo; their counsellor opens it in mf-todo, downloads the photo, and returns it with an
// opinion; the student reads the opinion on /my/:id, edits the form there and resubmits; the
// counsellor finds it back in 待办. Two browser contexts, so the two sessions never mix.
//
// A service no other browser test uses (one application in progress per student and service), by
// a student of the counsellor whose messages no other test counts.

const SERVICE = 'student-id-replacement'
const OPINION = '照片背景不是白色，请换一张白底证件照后重新提交'

function theStudent(): { student: Person; counsellor: Person } {
  const candidates = people.filter(
    (p) =>
      p.kind === 'undergraduate' && p.student?.status === 'enrolled' && !p.unknownToDataPlatform && !!p.student.klassCode && !!findKlass(p.student.klassCode),
  )
  // The last student of the first class's counsellor: apply.spec and leave.spec take the first ones.
  const first = findKlass(candidates[0]!.student!.klassCode!)!.counsellorCardNumber
  const student = candidates.filter((p) => findKlass(p.student!.klassCode!)!.counsellorCardNumber === first).at(-1)!
  const counsellor = findPerson(first)
  if (!student || !counsellor) throw new Error('the demo university lacks a student with a counsellor')
  return { student, counsellor }
}

/** A small real JPEG: the server types uploads by their content, and the photo field takes JPEG only. */
const JPEG = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  0x00,
  0x01,
  0x01,
  0x00,
  0x00,
  0x01,
  0x00,
  0x01,
  0x00,
  0x00,
  ...new Array<number>(64).fill(0),
  0xff,
  0xd9,
])

interface Field {
  key: string
  type: string
  required?: unknown
  computed?: unknown
  visibleWhen?: unknown
  minLength?: number
  options?: Array<{ value: string }>
}

/** Submits the service through the API in the student's session, with `photo` attached; returns the id. */
async function apply(request: APIRequestContext): Promise<number> {
  const upload = await request.post('/api/attachments', {
    headers: { Origin: hallOrigin() },
    multipart: { file: { name: '证件照.jpg', mimeType: 'image/jpeg', buffer: JPEG }, serviceCode: SERVICE, fieldKey: 'photo' },
  })
  expect(upload.status(), await upload.text()).toBe(201)
  const photo = (await upload.json()) as { id: string; name: string; size: number; mime: string }
  const form = await request.get(`/api/services/${SERVICE}/form`)
  expect(form.status(), await form.text()).toBe(200)
  const body = (await form.json()) as {
    definition: { sections: Array<{ visibleWhen?: unknown; fields: Field[] }> }
    prefill: { values: Record<string, unknown> }
  }
  const values: Record<string, unknown> = {
    ...body.prefill.values,
    reason: 'lost',
    photo: [{ id: photo.id, name: photo.name, size: photo.size, mime: photo.mime }],
  }
  // Every other field that is always shown and required gets a plain value of its type.
  for (const section of body.definition.sections) {
    if (section.visibleWhen) continue
    for (const f of section.fields) {
      if (f.visibleWhen || f.computed || f.required !== true || values[f.key] !== undefined) continue
      values[f.key] =
        f.type === 'switch' ? true : f.type === 'select' ? f.options?.[0]?.value : f.type === 'textarea' ? '学生证在食堂遗失，已在一卡通中心挂失。' : '见说明'
    }
  }
  const submitted = await request.post('/api/applications', {
    headers: { Origin: hallOrigin(), 'Idempotency-Key': randomUUID() },
    data: { serviceCode: SERVICE, values },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  return ((await submitted.json()) as { id: number }).id
}

test('a counsellor returns a student ID replacement with an opinion; the student edits and resubmits it; it is back in 待办', async ({ openAs }) => {
  // Two people logging in through the IdP, two micro-frontends, five page loads.
  test.slow()
  const { student, counsellor } = theStudent()

  const studentPage = await openAs(student, '/my')
  const id = await apply(studentPage.request)

  // The counsellor opens it from 待办, and can download the photo it carries.
  const page = await openAs(counsellor, '/todo')
  await expect(page).toHaveURL(/\/todo$/)
  const row = page.getByRole('row').filter({ hasText: `申请编号 ${id}` })
  await row.getByRole('link', { name: '本科生学生证补办' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${id}`)
  const photoLink = page.getByRole('region', { name: '申请内容' }).getByRole('link', { name: '证件照.jpg' })
  await expect(photoLink).toBeVisible()
  const href = await photoLink.getAttribute('href')
  const file = await page.request.get(href!)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toBe('image/jpeg')
  expect(Buffer.from(await file.body()).equals(JPEG)).toBe(true)

  // Return it to the student, with the opinion (required for a return).
  const actions = page.getByRole('radiogroup', { name: '办理方式' })
  await actions.getByRole('radio', { name: '退回' }).check({ force: true })
  await page.locator('#action-opinion').fill(OPINION)
  await page.getByRole('button', { name: '退回', exact: true }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  await expect(page).toHaveURL(/\/todo$/)
  await expect(page.getByRole('row').filter({ hasText: `申请编号 ${id}` })).toHaveCount(0)

  // The student sees why on the application's page.
  await studentPage.goto(`/my/${id}`)
  await expect(studentPage.getByTestId('application-status')).toHaveText('已退回')
  await expect(studentPage.getByText(OPINION).filter({ visible: true }).first()).toBeVisible()

  // Edits there (the reason changes) and resubmits.
  await studentPage.getByRole('button', { name: '修改后重新提交' }).click()
  const reason = studentPage.locator('[data-field="reason"]')
  await reason.getByText('损坏', { exact: true }).click()
  await studentPage.getByRole('button', { name: '重新提交', exact: true }).click()
  await expect(studentPage.getByText('已重新提交')).toBeVisible()
  await expect(studentPage.getByTestId('application-status')).toHaveText(/审核中/)
  await expect(studentPage.getByTestId('timeline').locator('[data-action="resubmitted"]')).toBeVisible()
  await expect(studentPage.locator('[data-field="reason"]')).toContainText('损坏')

  // And it is back in the counsellor's 待办.
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: `申请编号 ${id}` })).toBeVisible()

  await studentPage.context().close()
})
