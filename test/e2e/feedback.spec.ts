import { randomUUID } from 'node:crypto'
import { people, type Person } from '@hall/demo-university'
import type { Page } from '@playwright/test'
import { counsellorOf, demo, expect, hallOrigin, submitLeave, test, withCounsellor } from './fixtures.ts'

// Issue 7: a student's 2-day leave is approved (arranged through the API, in the student's and
// the counsellor's own sessions); the student rates it on /feedback/rate/<id> and asks a question
// about the service; the service's owner (student affairs) answers it from their inbox and finds
// the student's rating among the recent ones of their statistics. Three browser contexts, so the
// sessions never mix.

/**
 * A student the other browser tests leave alone, since they share one hall: a student may have
 * one leave in progress, so not the students of the apply, review, leave and bell specs; and
 * bell.spec counts its counsellor's messages, so not a student of that counsellor either.
 */
function aQuietStudent(): { student: Person; counsellor: Person } {
  const candidates = people.filter(withCounsellor)
  const demoStudent = demo.undergraduate()
  const named = [demoStudent, candidates.at(-1), candidates.find((p) => p.cardNumber !== demoStudent.cardNumber)].filter((p): p is Person => !!p)
  const busy = new Set(named.flatMap((p) => (withCounsellor(p) ? [counsellorOf(p)?.cardNumber] : [])))
  // bell.spec's student: the first whose counsellor is not one of those above.
  const bell = candidates.find((p) => !busy.has(counsellorOf(p)?.cardNumber))
  const taken = new Set([...named, ...(bell ? [bell] : [])].map((p) => p.cardNumber))
  const bellCounsellor = bell ? counsellorOf(bell)?.cardNumber : undefined
  for (const student of candidates) {
    const counsellor = counsellorOf(student)
    if (!taken.has(student.cardNumber) && counsellor && counsellor.cardNumber !== bellCounsellor) return { student, counsellor }
  }
  throw new Error('the demo university lacks an undergraduate that the other browser tests leave alone')
}

const studentAffairsOwner = () => {
  const owner = people.find((p) => p.roles.some((r) => r.role === 'service-owner' && r.scope === 'student-affairs'))
  if (!owner) throw new Error('the demo university lacks a service owner of student affairs')
  return owner
}

/** Approves the counsellor's task on the application, through the API in their session. */
async function approve(page: Page, applicationId: number) {
  const todo = await page.request.get('/api/tasks?box=todo&pageSize=100')
  const items = ((await todo.json()) as { items: Array<{ id: number; applicationId: number; application: { stateVersion: number } }> }).items
  const task = items.find((i) => i.applicationId === applicationId)
  expect(task, `the counsellor's task on ${applicationId}`).toBeDefined()
  const res = await page.request.post(`/api/tasks/${task!.id}/actions`, {
    headers: { Origin: hallOrigin() },
    data: { action: 'approve', stateVersion: task!.application.stateVersion },
  })
  expect(res.status(), await res.text()).toBe(200)
  expect(((await res.json()) as { application: { status: string } }).application.status).toBe('completed')
}

test('a student rates a completed leave and asks a question; the owner answers and sees the rating in the statistics', async ({ openAs }) => {
  // Three people logging in through the IdP and several page loads: more than the default minute.
  test.slow()
  const { student, counsellor } = aQuietStudent()
  const owner = studentAffairsOwner()
  const comment = `请假审批很快，赞！${randomUUID().slice(0, 8)}`
  const title = `请假期间能否参加线上考试？${randomUUID().slice(0, 6)}`

  // Arrange: the student applies, the counsellor approves, each in their own session.
  const page = await openAs(student, '/feedback')
  const applicationId = await submitLeave(page.request, 2)
  const counsellorPage = await openAs(counsellor, '/feedback', { who: 'counsellor' })
  await approve(counsellorPage, applicationId)
  await counsellorPage.context().close()

  // The completed application's page invites its applicant to rate it…
  await page.goto(`/my/${applicationId}`)
  await expect(page.getByTestId('rate-link')).toHaveAttribute('href', `/feedback/rate/${applicationId}`)
  // …and so does the student's ratings list; the rating page takes both scores, a tag and a comment.
  await page.goto('/feedback')
  const toRate = page.getByRole('listitem').filter({ hasText: `#${applicationId}` })
  await expect(toRate).toContainText('本科生请销假')
  await toRate.getByRole('link', { name: '去评价' }).click()
  await expect(page).toHaveURL(new RegExp(`/feedback/rate/${applicationId}$`))
  await expect(page.getByRole('heading', { level: 1, name: '满意度评价' })).toBeVisible()
  // Submitting without scores is stopped on the page.
  await page.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByRole('alert')).toHaveText('请为服务和办理过程都打分')
  await page.locator('[data-testid="service-score"] .el-rate__item').nth(4).click()
  await page.locator('[data-testid="process-score"] .el-rate__item').nth(3).click()
  await page.getByText('办理快捷', { exact: true }).click()
  await page.getByLabel('意见建议（可选）').fill(comment)
  await page.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByText('感谢您的评价！')).toBeVisible()
  await expect(page.getByText(comment)).toBeVisible()
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0)

  // Ask a question about the service.
  await page.goto('/feedback/ask?service=undergrad-leave')
  await page.getByLabel('问题标题').fill(title)
  await page.getByLabel('问题描述').fill('下周请假两天，期间有一门线上考试，可以在家参加吗？')
  await page.getByRole('button', { name: '提交问题' }).click()
  await expect(page).toHaveURL(/\/feedback\/questions\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('待回复', { exact: true })).toBeVisible()
  const questionUrl = page.url()

  // The owner answers it from the inbox.
  const ownerPage = await openAs(owner, '/feedback?tab=inbox', { who: 'owner' })
  await ownerPage.getByRole('link', { name: title }).click()
  await expect(ownerPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await ownerPage.getByRole('textbox', { name: '回复' }).fill('可以，请提前向任课老师说明。')
  await ownerPage.getByRole('button', { name: '发送' }).click()
  await expect(ownerPage.getByText('已回复', { exact: true })).toBeVisible()

  // …and finds the student's rating in the statistics, with the charts drawn.
  await ownerPage.goto('/feedback/statistics')
  await expect(ownerPage.getByRole('heading', { level: 1, name: '服务统计' })).toBeVisible()
  const recent = ownerPage.getByTestId('recent-ratings')
  await expect(recent.getByRole('listitem').filter({ hasText: `#${applicationId}` })).toContainText(comment)
  await expect(recent.getByRole('listitem').filter({ hasText: `#${applicationId}` })).toContainText(student.name)
  await expect(ownerPage.getByRole('img', { name: '满意度走势' }).locator('canvas')).toBeVisible()
  // A long export shows its progress, then downloads a workbook.
  const download = ownerPage.waitForEvent('download')
  await ownerPage.getByRole('button', { name: '导出申请明细（Excel）' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)
  await ownerPage.context().close()

  // The student sees the answer on their question.
  await page.goto(questionUrl)
  await expect(page.getByText('可以，请提前向任课老师说明。')).toBeVisible()
  await expect(page.getByText('已回复', { exact: true })).toBeVisible()
})
