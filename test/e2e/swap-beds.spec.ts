import { randomUUID } from 'node:crypto'
import { findPerson } from '@hall/demo-university'
import type { Page } from '@playwright/test'
import { expect, hallOrigin, test } from './fixtures.ts'

// 宿舍调整申请, swap beds (issue 14.5, in the browser; the API side is
// api/src/routes/applications/swap-confirmation.api.test.ts): the applicant names the other
// student through the form's person picker; that student finds the confirmation in their own 待办
// and confirms, and the application moves on to the counsellor; or declines, and it goes back to
// the applicant.
//
// Three people of the French class that no other browser test uses: one dormitory change may be
// in progress per student, and the tests share one hall.
const first = findPerson('2025020112')! // 周可欣
const second = findPerson('2025020113')! // 吴佳宁
const counsellor = findPerson('0018466')! // 苏婉清, their counsellor

interface Detail {
  status: string
  current: { step: { id: string }; assignees: Array<{ person: { cardNumber: string } }> } | null
}

async function detailOf(page: Page, id: number): Promise<Detail> {
  const res = await page.request.get(`/api/applications/${id}`)
  expect(res.status(), await res.text()).toBe(200)
  return (await res.json()) as Detail
}

/** As the logged-in student named in the form: from the header's 待办 to the confirmation task of `id`. */
async function openConfirmation(page: Page, id: number) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /待办/ }).click()
  await expect(page).toHaveURL(/\/todo/)
  await page
    .getByRole('row')
    .filter({ hasText: `申请编号 ${id}` })
    .getByRole('link', { name: '宿舍调整申请' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${id}`)
  await expect(page.getByText('申请人在表单中指定了您，请您本人确认。')).toBeVisible()
}

test('swap beds: the applicant picks the other student by name; they confirm in their 待办; it goes on to the counsellor', async ({ openAs }) => {
  // Two people logging in, two micro-frontends each: more than the default minute on a busy machine.
  test.slow()
  const page = await openAs(first, '/apply/dorm-change')
  const form = page.getByTestId('apply-form')
  await expect(form.locator('[data-field="dormitory"] input')).not.toHaveValue('')

  await form.locator('[data-field="changeType"]').getByText('与同学互换床位').click()
  // The person picker: type part of a name, pick the one meant (name and card number tell them apart).
  const swapWith = form.locator('[data-field="swapWith"]')
  await swapWith.locator('.el-select__wrapper').click()
  await swapWith.locator('input').pressSequentially(second.name.slice(0, 2))
  await page.getByRole('option', { name: new RegExp(`${second.name}（${second.cardNumber}）`) }).click()
  await expect(swapWith).toContainText(second.name)
  await form.locator('[data-field="swapAgreed"] .el-switch').click()
  await form.locator('[data-field="reasonType"]').getByText('作息差异较大').click()
  await form.locator('[data-field="reason"] textarea').fill('与吴佳宁同学作息相近，已商量好互换床位，便于学习和休息。')
  await form.locator('[data-field="pledge"] .el-switch').click()
  await page.getByRole('button', { name: '提交申请' }).click()
  await page.waitForURL(/\/my\/\d+\?submitted=1$/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  const submitted = await detailOf(page, id)
  expect(submitted.current?.step.id).toBe('swap-confirm')
  expect(submitted.current?.assignees.map((a) => a.person.cardNumber)).toEqual([second.cardNumber])

  // The other student logs in and confirms in their own 待办.
  const other = await openAs(second, '/', { who: 'the student named' })
  await openConfirmation(other, id)
  await other.getByRole('radiogroup', { name: '办理方式' }).getByRole('radio', { name: '确认', exact: true }).check({ force: true })
  await other.getByRole('button', { name: '确认', exact: true }).click()
  await other.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  await expect(other).toHaveURL(/\/todo$/)
  await expect(other.getByRole('row').filter({ hasText: `申请编号 ${id}` })).toHaveCount(0)

  // The application moves on: the counsellor reviews it now.
  await expect.poll(async () => (await detailOf(page, id)).current?.step.id).toBe('adviser')
  expect((await detailOf(page, id)).current?.assignees.map((a) => a.person.cardNumber)).toEqual([counsellor.cardNumber])
  await page.reload()
  await expect(page.getByTestId('application-status')).toHaveText('审核中')
  await other.context().close()
})

test('swap beds declined: the other student says no in their 待办, with a reason, and the application goes back to the applicant', async ({ openAs }) => {
  test.slow()
  // This time the second student applies (through the API, as the form would send it) and names the first.
  const page = await openAs(second, '/my')
  const bundle = await page.request.get('/api/services/dorm-change/form')
  expect(bundle.status(), await bundle.text()).toBe(200)
  const { prefill } = (await bundle.json()) as { prefill: { values: Record<string, unknown> } }
  const submitted = await page.request.post('/api/applications', {
    headers: { Origin: hallOrigin(), 'Idempotency-Key': randomUUID() },
    data: {
      serviceCode: 'dorm-change',
      values: {
        ...prefill.values,
        changeType: 'swap',
        swapWith: first.cardNumber,
        swapAgreed: true,
        reasonType: 'schedule',
        reason: '与周可欣同学作息相近，希望互换床位。',
        pledge: true,
      },
    },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  const id = ((await submitted.json()) as { id: number }).id

  const other = await openAs(first, '/', { who: 'the student named' })
  await openConfirmation(other, id)
  await other.getByRole('radiogroup', { name: '办理方式' }).getByRole('radio', { name: '不同意', exact: true }).check({ force: true })
  await other.getByLabel('原因').fill('我已和其他同学约好互换，不能与你互换。')
  await other.getByRole('button', { name: '不同意', exact: true }).click()
  await other.getByRole('dialog').getByRole('button', { name: '确认' }).click()
  await expect(other).toHaveURL(/\/todo$/)

  // Back with the applicant, who sees it returned, with the reason.
  await expect.poll(async () => (await detailOf(page, id)).status).toBe('returned')
  await page.goto(`/my/${id}`)
  await expect(page.getByTestId('application-status')).toHaveText('已退回')
  await expect(page.getByTestId('timeline')).toContainText('我已和其他同学约好互换，不能与你互换。')
  await other.context().close()
})
