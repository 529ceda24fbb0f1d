import { findKlass, findPerson, people, type Person } from '@hall/demo-university'
import type { Page } from '@playwright/test'
import { demo, expect, hallOrigin, submitLeave, test, withCounsellor } from './fixtures.ts'

// Issue 5's whole path for a long leave: an undergraduate asks for 5 days of leave (本科生请销假);
// over 3 days, so after the counsellor the college's deputy party secretary decides too. Both
// approve in mf-todo, each in their own browser session; the student then sees the application
// completed, with the whole timeline: every step, who acted, when, and their opinion.

const deputyOf = (student: Person) => people.find((p) => p.roles.some((r) => r.role === 'college-deputy-secretary' && r.scope === student.departmentCode))

/**
 * An undergraduate the other browser tests do not use (a student may have one leave in progress
 * at a time, and the tests share one hall): not the first (apply.spec), not the last of those with
 * a counsellor (review.spec), and in a college with a deputy party secretary.
 */
function aStudentOfALongLeave(): { student: Person; counsellor: Person; deputy: Person } {
  const candidates = people.filter(withCounsellor)
  const taken = new Set([demo.undergraduate().cardNumber, candidates.at(-1)?.cardNumber])
  for (const student of candidates) {
    if (taken.has(student.cardNumber)) continue
    const counsellor = findPerson(findKlass(student.student!.klassCode!)!.counsellorCardNumber)
    const deputy = deputyOf(student)
    if (counsellor && deputy) return { student, counsellor, deputy }
  }
  throw new Error('the demo university lacks a third undergraduate with a counsellor and a college deputy secretary')
}

/** A date `days` from today in Beijing, as YYYY-MM-DD. */

/**
 * As the logged-in reviewer: open the application from 待办 and approve it with `opinion`. The
 * task page's timeline shows first where the application is now (`now`: the step and its holder)
 * and the steps still to come (`next`), as the applicant's page does.
 */
async function approveInTodo(page: Page, applicationId: number, opinion: string, now: { step: string; holder: string; next: Array<string | RegExp> }) {
  await page.goto('/todo')
  const row = page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })
  await row.getByRole('link', { name: '本科生请销假' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${applicationId}`)
  const current = page.getByTestId('timeline-current')
  await expect(current).toContainText(now.step)
  await expect(current.getByTestId('timeline-holders')).toContainText(now.holder)
  await expect(page.getByTestId('timeline-upcoming')).toHaveText(now.next)
  const actions = page.getByRole('radiogroup', { name: '办理方式' })
  await actions.getByRole('radio', { name: '同意', exact: true }).check({ force: true })
  await page.getByLabel('审核意见（选填）').fill(opinion)
  await page.getByRole('button', { name: '同意', exact: true }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  // Back on the list (its message is review.spec's to check; on a busy machine it may be gone already).
  await expect(page).toHaveURL(/\/todo$/)
  await expect(page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })).toHaveCount(0)
}

test('a 5-day leave: the counsellor and the deputy secretary approve in mf-todo; the student sees it completed with the whole timeline', async ({ openAs }) => {
  // Three people log in through the IdP, across three micro-frontends.
  test.slow()
  const { student, counsellor, deputy } = aStudentOfALongLeave()

  const studentPage = await openAs(student, '/my', { who: 'student' })
  const applicationId = await submitLeave(studentPage.request, 5)

  // The counsellor approves first; then it is the deputy secretary's (more than 3 days).
  const page = await openAs(counsellor, '/todo')
  await approveInTodo(page, applicationId, '情况属实，同意', { step: '辅导员审核', holder: counsellor.name, next: [/^后续环节\s*学院副书记审批（超过3天）$/] })

  const deputyPage = await openAs(deputy, '/todo', { who: 'deputy' })
  await approveInTodo(deputyPage, applicationId, '同意，注意安全', { step: '学院副书记审批（超过3天）', holder: deputy.name, next: [] })

  // The student: completed, and every step with who, when and the opinion. catalog.spec's student is
  // this one too and switches to English for a moment, which the account keeps: read it in Chinese.
  const chinese = await studentPage.request.put('/api/me/language', { headers: { origin: hallOrigin() }, data: { language: 'zh-CN' } })
  expect(chinese.status()).toBe(200)
  await studentPage.goto(`/my/${applicationId}`)
  await expect(studentPage.getByText('已办结').filter({ visible: true }).first()).toBeVisible()
  const timeline = studentPage.getByTestId('timeline')
  const entry = (action: string) => timeline.locator(`[data-action="${action}"]`)
  await expect(entry('submitted')).toContainText(student.name)
  const approvals = entry('approved')
  await expect(approvals).toHaveCount(2)
  await expect(approvals.nth(0)).toContainText(counsellor.name)
  await expect(approvals.nth(0)).toContainText('情况属实，同意')
  await expect(approvals.nth(1)).toContainText(deputy.name)
  await expect(approvals.nth(1)).toContainText('同意，注意安全')
  await expect(entry('completed')).toHaveCount(1)
  // When: each entry carries its time (YYYY-MM-DD HH:mm or the like); nothing is left to come.
  for (const action of ['submitted', 'approved', 'completed']) {
    await expect(entry(action).first().locator('.el-timeline-item__timestamp')).toHaveText(/\d{1,2}:\d{2}/)
  }
  await expect(studentPage.getByTestId('timeline-current')).toHaveCount(0)

  // The same through the API: every step approved, in order, with who and when.
  const detail = (await (await studentPage.request.get(`/api/applications/${applicationId}`)).json()) as {
    status: string
    timeline: Array<{ action: string; at: string; opinion: string | null; actor: { cardNumber: string } | null }>
  }
  expect(detail.status).toBe('completed')
  expect(detail.timeline.filter((e) => e.action === 'approved').map((e) => [e.actor?.cardNumber, e.opinion])).toEqual([
    [counsellor.cardNumber, '情况属实，同意'],
    [deputy.cardNumber, '同意，注意安全'],
  ])

  await deputyPage.context().close()
  await studentPage.context().close()
})
