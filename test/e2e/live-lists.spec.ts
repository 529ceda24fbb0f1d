import { findPerson } from '@hall/demo-university'
import { expect, submitLeave, test } from './fixtures.ts'

// Issue 14.4, live lists: a reviewer's open 待办 list, its tab count and the header's 待办 badge
// follow a task that arrives or leaves, without a reload, as the bell does: the page's one live
// stream (the bell's) tells the header, and the header tells mf-todo over the bus.
//
// The counsellor of the Financial Management class, whose to-do list no other browser test
// touches (the counts here are exact), and her class's student.
const counsellor = findPerson('0019318')!
const student = findPerson('2025030115')!

test('a counsellor’s open 待办 list, tab count and badge follow a task arriving and leaving, without a reload', async ({ consoleErrors, openAs }) => {
  // Two sessions, three tabs, two logins: more than the default minute on a busy machine.
  test.slow()
  const page = await openAs(counsellor, '/todo')
  await expect(page).toHaveURL(/\/todo$/)
  const todoTab = page.locator('[data-box="todo"]')
  const badge = page.getByRole('navigation', { name: '主导航' }).locator('.nav-links__badge')
  await expect(page.getByText('暂无待办')).toBeVisible()
  await expect(todoTab).toHaveAttribute('aria-label', '待办，0 项')
  await expect(badge).toHaveCount(0)
  // Anything that reloads the page would lose this.
  await page.evaluate(() => ((window as unknown as { liveMarker?: string }).liveMarker = 'still here'))

  // The student applies, in their own session, through the API.
  const studentPage = await openAs(student, '/my', { who: 'student' })
  const applicationId = await submitLeave(studentPage.request, 2)

  // The open list shows it, and both counts say 1.
  const row = page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })
  await expect(row).toBeVisible()
  await expect(todoTab).toHaveAttribute('aria-label', '待办，1 项')
  await expect(badge).toHaveText('1')

  // The counsellor approves it in another tab.
  const second = await page.context().newPage()
  second.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`[second tab] ${msg.text()} ${msg.location().url}`.trim())
  })
  second.on('pageerror', (err) => consoleErrors.push(`[second tab] ${err.message}`))
  await second.goto('/todo')
  await second
    .getByRole('row')
    .filter({ hasText: `申请编号 ${applicationId}` })
    .getByRole('link', { name: '本科生请销假' })
    .click()
  await expect(second.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${applicationId}`)
  await second.getByRole('radiogroup', { name: '办理方式' }).getByRole('radio', { name: '同意', exact: true }).check({ force: true })
  await second.getByRole('button', { name: '同意', exact: true }).click()
  await second.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  await expect(second).toHaveURL(/\/todo$/)

  // The first tab, untouched: the row leaves, the counts go back to 0, and it never reloaded.
  await expect(row).toHaveCount(0)
  await expect(todoTab).toHaveAttribute('aria-label', '待办，0 项')
  await expect(badge).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe('still here')
  await second.close()
  await studentPage.context().close()
})
