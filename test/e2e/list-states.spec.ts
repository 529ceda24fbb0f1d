import { findPerson, people, type Person } from '@hall/demo-university'
import { expect, hallOrigin, submitGraduateLeave, test } from './fixtures.ts'

// Issue 14, what the lists say: a student's leave gets a reference number a person can read out
// (2026-请假-000123); the counsellor finds it by that number in 待办 and asks a question; then the
// counsellor's row says it waits for the applicant, and the student's /my (in English, the
// browser's language) says it waits for them, with the number, newest first.

/**
 * A graduate and their supervisor that no other browser test uses: the undergraduates with a
 * counsellor are all taken by other tests, and accessibility.spec takes the first graduate.
 */
function aStudent(): { student: Person; counsellor: Person } {
  const graduates = people.filter(
    (p) => p.kind === 'graduate' && p.student?.status === 'enrolled' && !p.unknownToDataPlatform && !!p.student.supervisorCardNumber,
  )
  const student = graduates.findLast((p) => p.student!.supervisorCardNumber !== graduates[0]!.student!.supervisorCardNumber)
  const counsellor = student && findPerson(student.student!.supervisorCardNumber!)
  if (!student || !counsellor) throw new Error('the demo university lacks a second graduate with a supervisor of their own')
  return { student, counsellor }
}

test('lists say what a row waits for, with a reference number found by the to-do search (zh) and shown in /my (en)', async ({ openAs }) => {
  test.slow()
  const { student, counsellor } = aStudent()

  // The student, in an English browser.
  const studentPage = await openAs(student, '/my', { who: 'student', locale: 'en-US' })
  const id = await submitGraduateLeave(studentPage.request)
  const detail = (await (await studentPage.request.get(`/api/applications/${id}`)).json()) as { referenceNumber: string }
  expect(detail.referenceNumber).toMatch(/^\d{4}-研究生请假-\d{6}$/)
  const ref = detail.referenceNumber

  // The counsellor finds it in 待办 by the number read out on the phone.
  const page = await openAs(counsellor, '/todo')
  await page.getByPlaceholder('申请人姓名、校园卡号或受理编号').fill(ref)
  await page.getByPlaceholder('申请人姓名、校园卡号或受理编号').press('Enter')
  const row = page.getByRole('row').filter({ hasText: `受理编号 ${ref}` })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(`申请编号 ${id}`)
  await expect(row).toContainText(student.name)

  // The counsellor asks the student a question (through the API, in the counsellor's session).
  const task = (
    (await (await page.request.get(`/api/tasks?box=todo&q=${encodeURIComponent(ref)}`)).json()) as {
      items: Array<{ id: number; application: { stateVersion: number } }>
    }
  ).items[0]!
  const asked = await page.request.post(`/api/tasks/${task.id}/actions`, {
    headers: { Origin: hallOrigin() },
    data: { action: 'ask', stateVersion: task.application.stateVersion, opinion: '请说明返校时间' },
  })
  expect(asked.status(), await asked.text()).toBe(200)
  await page.reload()
  await page.getByPlaceholder('申请人姓名、校园卡号或受理编号').fill(ref)
  await page.getByPlaceholder('申请人姓名、校园卡号或受理编号').press('Enter')
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: `受理编号 ${ref}` })
      .locator('[data-row-state="applicant"]'),
  ).toHaveText('等待申请人')

  // The student's /my, in English: the row waits for them, with its reference number, and it is the newest.
  // The student reads in English (kept with the account, as the header's switch does).
  const english = await studentPage.request.put('/api/me/language', { headers: { Origin: hallOrigin() }, data: { language: 'en' } })
  expect(english.status(), await english.text()).toBe(200)
  await studentPage.goto('/my')
  const item = studentPage.locator(`[data-application="${id}"]`)
  await expect(item.locator('[data-row-state="applicant"]')).toHaveText('Waiting for you')
  await expect(item.getByTestId('reference-number')).toHaveText(ref)
  await expect(studentPage.locator('[data-application]').first()).toHaveAttribute('data-application', String(id))
  // And /my's search finds it by the number.
  await studentPage.getByRole('textbox', { name: 'Search by service name or reference number' }).fill(ref.slice(-6))
  await expect(studentPage.locator('[data-application]')).toHaveCount(1)
  await expect(studentPage.locator('[data-application]')).toHaveAttribute('data-application', String(id))

  // Its page shows the number beside the id.
  await studentPage.goto(`/my/${id}`)
  await expect(studentPage.getByTestId('reference-number')).toHaveText(ref)
  await studentPage.context().close()
})
