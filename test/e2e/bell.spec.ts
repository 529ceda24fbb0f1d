import { people, type Person } from '@hall/demo-university'
import { counsellorOf, demo, expect, hallOrigin, submitLeave, test, withCounsellor } from './fixtures.ts'

// Issue 6: progress messages reach people without them asking. A counsellor sits on a page of the
// hall with an empty bell; a student of their class applies for leave (through the API, in the
// student's own browser session); the counsellor's bell goes from 0 to 1 without a reload (pushed
// over Server-Sent Events), the message leads to the task, and opening it marks it read.

/**
 * A student whose counsellor no other browser test sends anything to (the tests share one hall
 * and run two at a time): not the counsellor of apply.spec's student, of review.spec's (the last
 * with a counsellor) or of leave.spec's (the first other one).
 */
function aStudentOfAQuietCounsellor(): { student: Person; counsellor: Person } {
  const candidates = people.filter(withCounsellor)
  const others = [demo.undergraduate(), candidates.at(-1), candidates.find((p) => p.cardNumber !== demo.undergraduate().cardNumber)]
  const busy = new Set(others.flatMap((p) => (p && withCounsellor(p) ? [counsellorOf(p)?.cardNumber] : [])))
  for (const student of candidates) {
    const counsellor = counsellorOf(student)
    if (counsellor && !busy.has(counsellor.cardNumber)) return { student, counsellor }
  }
  throw new Error('the demo university lacks an undergraduate whose counsellor the other browser tests leave alone')
}

test('a reviewer’s bell goes from 0 to 1 without a reload when an application reaches them', async ({ openAs }) => {
  test.slow()
  const { student, counsellor } = aStudentOfAQuietCounsellor()

  // The counsellor is on the catalog with nothing unread (whatever the demo left is read first).
  const page = await openAs(counsellor, '/catalog')
  const cleared = await page.request.post('/api/notifications/read-all', { headers: { Origin: hallOrigin() } })
  expect(cleared.status()).toBe(200)
  await page.reload()
  const header = page.locator('header.hall-header-slot')
  await expect(header.getByRole('button', { name: '消息提醒', exact: true })).toBeVisible()
  // The page must not be reloaded from here on: this marker would be gone.
  await page.evaluate(() => ((window as unknown as { bellMarker: string }).bellMarker = 'still here'))

  // The student applies, in their own session.
  const studentPage = await openAs(student, '/my')
  const applicationId = await submitLeave(studentPage.request, 2)

  // The bell says 1, on the same page.
  const bell = header.getByRole('button', { name: '消息提醒，1 条未读' })
  await expect(bell).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { bellMarker?: string }).bellMarker)).toBe('still here')

  // The message names the student's service and leads to the task; opening it marks it read.
  await bell.click()
  const item = page.getByRole('link', { name: /新待办：.*本科生请销假/ })
  await expect(item).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('bell-list.png') })
  await item.click()
  await expect(page).toHaveURL(/\/todo\/\d+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${applicationId}`)
  await expect(header.getByRole('button', { name: '消息提醒', exact: true })).toBeVisible()

  // The student heard of their own submission too.
  const theirs = (await (await studentPage.request.get('/api/notifications')).json()) as { items: Array<{ kind: string; link: string }> }
  expect(theirs.items).toContainEqual(expect.objectContaining({ kind: 'submitted', link: `/my/${applicationId}` }))
  await studentPage.context().close()
})

test('at 375 px the bell’s list and the notification settings fit the screen, and a choice is kept', async ({ openAs }) => {
  test.slow()
  const page = await openAs(demo.undergraduate(), '/catalog', { who: '375', viewport: { width: 375, height: 740 } })
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

  await page
    .locator('header.hall-header-slot')
    .getByRole('button', { name: /^消息提醒/ })
    .click()
  const settings = page.getByRole('button', { name: '消息设置' })
  await expect(settings).toBeVisible()
  expect(await fits()).toBe(true)
  await page.screenshot({ path: test.info().outputPath('bell-375.png') })

  await settings.click()
  const dialog = page.getByRole('dialog', { name: '消息设置' })
  await expect(dialog).toBeVisible()
  const email = dialog.getByRole('checkbox', { name: '申请已办结 · 邮件' })
  await expect(email).toBeChecked()
  expect(await fits()).toBe(true)
  await page.screenshot({ path: test.info().outputPath('settings-375.png') })
  // element-plus hides the input itself: click its label, as a person does.
  await email.locator('xpath=ancestor::label[1]').click()
  await expect(email).not.toBeChecked()
  const prefs = (await (await page.request.get('/api/notifications/preferences')).json()) as { kinds: Array<{ kind: string; email: boolean }> }
  expect(prefs.kinds.find((k) => k.kind === 'completed')?.email).toBe(false)
  await page.context().close()
})
